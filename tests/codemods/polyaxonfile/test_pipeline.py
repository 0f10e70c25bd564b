"""v0 pipelines -> DAGs: the image a template's user must give is passed down from the DAG, and what v0
itself refused to compile is left to the user, with why."""

from __future__ import annotations

import pytest
import yaml

from tests.helpers import findings, fixed_text
from tests.polyaxon_v1 import validate

TEMPLATES = ("templates:\n"
             "  - {kind: job, name: a, build: {dockerfile: Dockerfile}, run: {cmd: python a.py}}\n"
             "  - {kind: job, name: b, build: {dockerfile: Dockerfile}, run: {cmd: python b.py}}\n")


def _pipeline(ops: str, templates: str = TEMPLATES) -> str:
    return f"version: 1\nkind: pipeline\nops:\n{ops}{templates}"


def _dag(text: str) -> dict:
    data = yaml.safe_load(text)
    return data.get("component", data)


def test_the_dag_takes_the_image_and_each_op_passes_it_on() -> None:
    text = _pipeline("  - {name: one, template: {name: a}}\n  - {name: two, template: {name: b}, dependencies: [one]}\n")
    after = fixed_text("pipeline.yml", text, unsafe=True)
    dag = _dag(after)
    assert dag["inputs"] == [{"name": "image", "type": "str"}]
    assert [op["params"] for op in dag["run"]["operations"]] == [{"image": {"ref": "dag", "value": "inputs.image"}}] * 2
    validate(after)


def test_templates_with_no_build_are_given_the_image_too() -> None:
    templates = "templates:\n  - {kind: job, name: a, run: {cmd: python a.py}}\n"
    after = fixed_text("pipeline.yml", _pipeline("  - {name: one, template: {name: a}}\n", templates), unsafe=True)
    assert _dag(after)["run"]["operations"][0]["params"] == {"image": {"ref": "dag", "value": "inputs.image"}}
    validate(after)


def test_a_scheduled_dag_takes_the_image_in_its_component() -> None:
    text = _pipeline("  - {name: one, template: {name: a}}\n") + "schedule: {kind: cron, cron: 0 0 * * *}\n"
    after = fixed_text("pipeline.yml", text, unsafe=True)
    assert yaml.safe_load(after)["component"]["inputs"] == [{"name": "image", "type": "str"}]
    validate(after)


def test_templates_with_their_image_take_no_input() -> None:
    templates = "templates:\n  - {kind: job, name: a, build: {image: python:3.8}, run: {cmd: python a.py}}\n"
    after = fixed_text("pipeline.yml", _pipeline("  - {name: one, template: {name: a}}\n", templates), unsafe=True)
    dag = _dag(after)
    assert "inputs" not in dag and "params" not in dag["run"]["operations"][0]
    validate(after)


def test_templates_that_need_different_images_are_left_to_the_user() -> None:
    templates = ("templates:\n  - {kind: job, name: a, build: {dockerfile: A.Dockerfile}, run: {cmd: a}}\n"
                 "  - {kind: job, name: b, build: {dockerfile: B.Dockerfile}, run: {cmd: b}}\n")
    text = _pipeline("  - {name: one, template: {name: a}}\n  - {name: two, template: {name: b}}\n", templates)
    [finding] = findings("pipeline.yml", text)
    assert finding.fix is None and "`a`, `b` need different images" in finding.message


@pytest.mark.parametrize(("ops", "templates", "why"), [
    ("  - {name: x, template: {name: a}, dependencies: [y]}\n  - {name: y, template: {name: a}, dependencies: [x]}\n",
     TEMPLATES, "the ops' dependencies form a cycle: x -> y -> x"),
    ("  - {name: x, template: {name: c}}\n", TEMPLATES,
     "the op `x` names the template `c`, which the pipeline does not define"),
    ("  []\n", TEMPLATES, "the pipeline has no ops"),
    ("  - {name: x, template: {name: a}}\n", "", "the pipeline has no templates"),
])
def test_what_v0_would_not_compile_is_left_to_the_user(ops: str, templates: str, why: str) -> None:
    [finding] = findings("pipeline.yml", _pipeline(ops, templates))
    assert finding.code == "PLX100" and finding.fix is None and why in finding.message
