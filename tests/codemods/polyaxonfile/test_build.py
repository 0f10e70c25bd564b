"""The image of a converted experiment or group: `build.image` as it is, or a required input the user gives
(`-P image=...`) when v0 built it from a Dockerfile or named none at all."""

from __future__ import annotations

import yaml

from polylint.diagnostics import Applicability
from tests.helpers import check_transformed, findings, fixed_text
from tests.polyaxon_v1 import validate

NO_BUILD = "version: 1\nkind: experiment\nrun:\n  cmd: python train.py\n"
NO_BUILD_V1 = ("version: 1.1\nkind: component\n"
               "inputs:\n"
               "# [polylint PLX120] v0 named no image (no `build.image`): run it with `-P image=<image:tag>`, an "
               "image that has what the command needs\n"
               "- name: image\n  type: str\n"
               "run:\n  kind: job\n  container:\n    image: '{{ image }}'\n"
               "    workingDir: '{{ globals.run_artifacts_path }}/uploads'\n"
               "    command: [/bin/bash, -c]\n    args:\n    - python train.py\n")


def _inputs(text: str) -> list:
    return yaml.safe_load(text).get("inputs", [])


def test_no_build_takes_the_image_as_a_required_input() -> None:
    check_transformed("polyaxonfile.yml", NO_BUILD, NO_BUILD_V1, unsafe=True, remaining=["PLX120"])
    validate(NO_BUILD_V1)


def test_no_build_is_an_unsafe_fix_that_says_to_pass_the_image() -> None:
    [finding] = findings("polyaxonfile.yml", NO_BUILD)
    assert finding.applicability is Applicability.UNSAFE
    assert finding.fix is not None and "`-P image=<image:tag>`" in finding.fix.message
    assert fixed_text("polyaxonfile.yml", NO_BUILD) == NO_BUILD


def test_an_input_already_named_image_leaves_the_name_to_it() -> None:
    text = "version: 1\nkind: experiment\nparams: {image: cats}\nrun:\n  cmd: python train.py --data={{ image }}\n"
    after = fixed_text("polyaxonfile.yml", text, unsafe=True)
    assert [entry["name"] for entry in _inputs(after)] == ["image", "build_image"]
    assert "image: '{{ build_image }}'" in after and "`-P build_image=<image:tag>`" in after
    validate(after)


def test_a_build_image_is_the_image_and_no_input_is_added() -> None:
    text = "version: 1\nkind: experiment\nbuild: {image: python:3.8}\nrun:\n  cmd: python train.py\n"
    after = fixed_text("polyaxonfile.yml", text)
    assert _inputs(after) == [] and "image: python:3.8" in after and "PLX120" not in after


def test_a_build_that_is_not_a_mapping_is_kept_and_the_image_asked_for() -> None:
    text = "version: 1\nkind: experiment\nbuild: python:3.8\nrun:\n  cmd: python train.py\n"
    after = fixed_text("polyaxonfile.yml", text, unsafe=True)
    assert "# build: python:3.8" in after and [entry["name"] for entry in _inputs(after)] == ["image"]
    validate(after)
