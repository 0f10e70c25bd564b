"""Acceptance: Polyaxon's own v0 fixture suite (polyaxon-schemas 0.6.1 `tests/fixtures`, MIT), which no one
here wrote: every file v0 reads is flagged, and converts to a file Polyaxon v1 (1.20) accepts.

Four pipelines are broken by design: v0 reads them, but refuses to compile them (`apply_context` raises, as
its own `test_polyaxonfile_pipelines.py` expects for three of them), and so does v1 when it compiles the DAG
(tests/polyaxon_v1.py does what `polyaxon run` does to a DAG). They stay reported, with why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import findings, fixed_text, run
from tests.polyaxon_v1 import validate

FIXTURES = Path(__file__).parent / "fixtures" / "polyaxon_schemas"
FILES = sorted(str(path.relative_to(FIXTURES)) for path in FIXTURES.rglob("*") if path.suffix in (".yml", ".yaml"))
BROKEN_BY_DESIGN = {
    "pipelines/cyclic_pipeline.yml": "the ops' dependencies form a cycle: A -> B -> A",
    "pipelines/pipeline_ops_not_corresponding_to_templates.yml":
        "the op `job1` names the template `job-template`, which the pipeline does not define",
    "pipelines/pipeline_with_no_ops.yml": "the pipeline has no ops",
    "pipelines/pipeline_with_no_templates.yml": "the pipeline has no templates",
}


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_the_suite_is_all_there() -> None:
    assert len(FILES) == 52
    assert set(BROKEN_BY_DESIGN) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_v0_fixture_is_flagged(name: str) -> None:
    assert "PLX100" in [finding.code for finding in findings(Path(name).name, _read(name))]


@pytest.mark.parametrize("name", sorted(set(FILES) - set(BROKEN_BY_DESIGN)))
def test_every_v0_fixture_converts_to_valid_polyaxon_v1(name: str) -> None:
    before = _read(name)
    after = fixed_text(Path(name).name, before, unsafe=True)
    assert after != before
    validate(after)
    # What is left is only to-dos for a person, and a second --fix changes nothing.
    assert {finding.code for finding in run(Path(name).name, after, unsafe=True).findings} <= {"PLX120"}
    assert fixed_text(Path(name).name, after, unsafe=True) == after


@pytest.mark.parametrize("name", sorted(BROKEN_BY_DESIGN))
def test_a_broken_pipeline_stays_reported_with_why(name: str) -> None:
    [finding] = [finding for finding in findings(Path(name).name, _read(name)) if finding.code == "PLX100"]
    assert finding.fix is None and BROKEN_BY_DESIGN[name] in finding.message
