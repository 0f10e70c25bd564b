"""After `--fix`, a tracking script either records what it recorded under v0, or still has a finding.

Each case of cases.py is fixed at both levels (`--fix`, `--fix --unsafe-fixes`), then run for real: the v0
script against the v0 stand-in, its rewrite under polyaxon 1.20 offline (judge.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.behaviour.cases import CASES
from tests.behaviour.judge import assert_same, run_v0
from tests.helpers import fixed_text, run


@pytest.mark.parametrize("unsafe", [False, True], ids=["fix", "unsafe-fixes"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_fixed_script_behaves_as_before_or_keeps_a_finding(name: str, unsafe: bool, tmp_path: Path) -> None:
    before = CASES[name]
    after = fixed_text("train.py", before, unsafe=unsafe)
    left = run("train.py", after, unsafe=unsafe).findings
    if left:
        assert after != before or unsafe is False or left, "nothing was fixed and nothing is said"
        return
    assert_same(before, after, tmp_path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_unsafe_fixes_leave_every_script_behaving_as_before(name: str, tmp_path: Path) -> None:
    """The target: every shape is fixed whole, and the fixed script records what v0 recorded."""
    before = CASES[name]
    after = fixed_text("train.py", before, unsafe=True)
    assert [finding.code for finding in run("train.py", after, unsafe=True).findings] == []
    assert_same(before, after, tmp_path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_v0_stand_in_runs_every_case(name: str, tmp_path: Path) -> None:
    """A case the stand-in could not run would judge nothing."""
    assert run_v0(CASES[name], tmp_path).error in ("", "RuntimeError", "ValueError")


def test_a_library_and_the_script_that_makes_the_run_share_one_run(tmp_path: Path) -> None:
    """The library's helper cannot see who makes the run: its rewrite takes the run the script made."""
    library = CASES["helper_used_only_in_a_library_function"]
    script = ("import utils\n"
              "from polyaxon_client.tracking import Experiment\n"
              "\n"
              "experiment = Experiment()\n"
              "utils.report(loss=0.2)\n"
              "experiment.log_metrics(accuracy=0.75)\n")
    library_after = fixed_text("utils.py", library, unsafe=True)
    script_after = fixed_text("train.py", script)
    assert "get_or_create_run()" in library_after and "tracking.init()" in script_after
    assert_same(script, script_after, tmp_path, {"utils.py": library}, {"utils.py": library_after})
