"""PLX107: partial v0 Polyaxonfiles (merged into a main one with several `-f`) -> v1 preset operations,
judged by Polyaxon v1 merged with the converted main file, as `polyaxon run -f main -f partial` does.

Golden cases live in tests/fixtures/polyaxonfile_partial/<case>/: the main file and the partial, each as
<name>.v0.yml -> <name>.v1.yml (reviewed by hand).
"""

from __future__ import annotations

from pathlib import Path
from typing import Tuple

import pytest

from polylint.checks.polyaxonfile.kept_as_comment import MARKER
from polylint.diagnostics import Applicability
from tests.helpers import check_noop, check_transformed, codes, findings, fixed_text
from tests.polyaxon_v1 import validate_merged

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "polyaxonfile_partial"
CASES = sorted(path.name for path in FIXTURES.iterdir())
SAFE_CASES = {"declarations", "environment", "hptuning"}


def _pair(case: str, name: str) -> Tuple[str, str]:
    return ((FIXTURES / case / f"{name}.v0.yml").read_text(encoding="utf-8"),
            (FIXTURES / case / f"{name}.v1.yml").read_text(encoding="utf-8"))


def _merged(case: str) -> Tuple[object, object]:
    return validate_merged(_pair(case, "polyaxonfile")[1], _pair(case, "partial")[1])


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", ["polyaxonfile", "partial"])
def test_golden_conversion(case: str, name: str) -> None:
    before, after = _pair(case, name)
    check_transformed(f"{name}.yml", before, after, unsafe=True, remaining=["PLX120"] * after.count(MARKER))


@pytest.mark.parametrize("case", CASES)
def test_the_partial_is_flagged_at_its_version_key_and_by_no_other_rule(case: str) -> None:
    before = _pair(case, "partial")[0]
    [finding] = findings("partial.yml", before)
    line = before.splitlines().index("version: 1") + 1
    assert (finding.code, finding.location.row, finding.location.column) == ("PLX107", line, 1)
    assert "several `-f`" in finding.message


@pytest.mark.parametrize("case", CASES)
def test_fix_safety(case: str) -> None:
    before, after = _pair(case, "partial")
    assert fixed_text("partial.yml", before) == (after if case in SAFE_CASES else before)
    expected = Applicability.SAFE if case in SAFE_CASES else Applicability.UNSAFE
    assert findings("partial.yml", before)[0].applicability is expected


def test_declarations_override_the_main_file_values() -> None:
    operation, _compiled = _merged("declarations")
    assert {name: param.value for name, param in operation.params.items()} == {"lr": 0.1, "batch_size": 256}


def test_environment_is_merged_into_the_main_file_run() -> None:
    _operation, compiled = _merged("environment")
    # v0 deep-merged the two `environment.resources`; v1 merges the runPatch the same way.
    assert compiled.run.container.resources == {"requests": {"cpu": 2, "nvidia.com/gpu": 1},
                                                "limits": {"nvidia.com/gpu": 1}}
    assert compiled.run.environment.node_selector == {"accelerator": "nvidia-tesla-k80"}
    assert compiled.termination.max_retries == 2


def test_hptuning_replaces_the_main_file_search() -> None:
    operation, _compiled = _merged("hptuning")
    assert (operation.matrix.kind, operation.matrix.num_runs, operation.matrix.concurrency) == ("random", 10, 4)
    assert operation.matrix.params["lr"].to_dict() == {"kind": "uniform", "value": {"low": 0.001, "high": 0.1}}


def test_what_a_preset_cannot_carry_is_kept_where_it_stood() -> None:
    operation, _compiled = _merged("unmergeable")
    assert operation.params["lr"].value == 0.05 and operation.matrix is None
    after = _pair("unmergeable", "partial")[1]
    assert after.count(MARKER) == 2 and "#   concurrency: 8" in after and "#     data: [imagenet]" in after


@pytest.mark.parametrize("text", [
    "version: 1\nenvironment: production\n",  # not a mapping
    "version: 1\nenvironment:\n  DATABASE_URL: postgres://db\n",  # not v0 environment keys
    "version: 1\nparams: {a: 1}\nsteps: [build]\n",  # another tool's file
    "version: 2\ndeclarations: {lr: 0.1}\n",
    "declarations: {lr: 0.1}\n",  # no version: too common a shape to be sure
    "version: 1\ndeclarations: {}\n",
    "version: 1\n",
    "version: 1.1\nkind: operation\nisPreset: true\nparams:\n  lr: {value: 0.1}\n",  # a v1 preset
])
def test_not_a_partial_v0_file(text: str) -> None:
    check_noop("partial.yml", text)


def test_a_partial_is_not_taken_for_a_whole_v0_file() -> None:
    assert codes("partial.yml", "version: 1\nhptuning:\n  matrix:\n    lr: {values: [1, 2]}\n") == ["PLX107"]


def test_distributed_replicas_are_kept_as_a_comment() -> None:
    text = "version: 1\nenvironment:\n  replicas:\n    n_workers: 4\n"
    after = fixed_text("partial.yml", text, unsafe=True)
    assert "a preset cannot say how many replicas" in after and "#     n_workers: 4" in after
    assert codes("partial.yml", after) == ["PLX120"]


def test_rule_example_converts_to_its_fixed_example() -> None:
    from polylint.checks.polyaxonfile.partial_polyaxonfile import RULE

    assert fixed_text("gpu.yml", RULE.example) == RULE.fixed_example
    main = "version: 1.1\nkind: component\ninputs:\n- {name: lr, type: float}\nrun: {kind: job, container: {image: a}}\n"
    validate_merged(main, RULE.fixed_example)
