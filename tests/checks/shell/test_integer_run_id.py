from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from polylint.checks.shell.integer_run_id import RULE
from tests.checks.shell._cases import SCRIPT, check_noop, findings, manual
from tests.conftest import Outcome
from tests.polyaxon_cli import assert_v1


@pytest.mark.parametrize("text, says", [
    ("polyaxon ops logs -uid 12\n", "`-uid` names v0 integer id `12`"),
    ("polyaxon ops stop --uid=3 -y\n", "`3`"),
    ("polyaxon -v ops get -p mnist -uid '41'\n", "`41`"),
    ("polyaxon ops -uid 12 logs\n", "`12`"),  # the group's own option, deprecated but taken by 1.20
    ('polyaxon ops ls -q "pipeline: 3" -io\n', "the query's `pipeline:` names v0 integer id `3`"),
    ("polyaxon ops ls --query='status: running, pipeline:7'\n", "`7`"),
    ("polyaxon run --hub tensorboard:single-run -P uuid=12\n", "the tensorboard's `uuid`"),
    ("polyaxon run --hub=tensorboard:multi-run --params uuids=abc,5\n", "`5`"),
])
def test_a_v0_id_where_v1_wants_a_uuid_is_reported_without_a_fix(text: str, says: str) -> None:
    assert_v1(text)  # v1's click takes the line: only the run it names is wrong
    manual(text, RULE.code, says)
    [finding] = findings(SCRIPT, text)
    assert "polyaxon ops ls -p PROJECT -c uuid,name" in finding.message


def test_the_finding_covers_the_option_and_its_value() -> None:
    [finding] = findings(SCRIPT, "set -e\npolyaxon ops logs -p mnist -uid 12 --hide-time\n")
    assert (finding.location.row, finding.location.column, finding.end_location.column) == (2, 28, 35)
    [inline] = findings(SCRIPT, "polyaxon ops logs --uid=12\n")
    assert (inline.location.column, inline.end_location.column) == (19, 27)


@pytest.mark.parametrize("text", [
    "polyaxon ops logs -uid 8aac02e3a62a4f0aaa257c59da5eab80\n",
    "polyaxon ops logs -uid 12345678901234567890123456789012\n",  # 32 digits: a uuid made of digits
    'polyaxon ops stop -uid "$RUN" -y\n',  # a variable: its value is the script's business
    "polyaxon ops get -uid $(cat run.uuid)\n",
    'polyaxon ops ls -q "pipeline: 8aac02e3a62a4f0aaa257c59da5eab80"\n',
    'polyaxon ops ls -q "metrics.loss:<=0.2, params.layers: 3"\n',
    'polyaxon ops ls -q "name: pipeline:3x"\n',
    "polyaxon run --hub tensorboard:single-run -P uuid=$XP\n",
    "polyaxon run -f train.yml -P uuid=12\n",  # not a tensorboard: what `uuid` means is the component's
    "polyaxon project get -p 12\n",
    "echo polyaxon ops logs -uid 12\n",
])
def test_uuids_variables_and_other_values_are_not_reported(text: str) -> None:
    check_noop(SCRIPT, text)


def test_the_documented_v1_form_is_clean() -> None:
    check_noop(SCRIPT, RULE.fixed_example)
    assert_v1(RULE.fixed_example)


def test_the_text_output_says_what_is_left_after_the_unsafe_fix(
        polylint: Callable[..., Outcome], tmp_path: Path) -> None:
    script = tmp_path / "train.sh"
    script.write_text("polyaxon experiment -xp 12 logs\n")
    outcome = polylint("check", "--fix", "--unsafe-fixes", "--no-cache", "train.sh")
    assert script.read_text() == "polyaxon ops logs -uid 12\n"
    assert outcome.code == 1
    assert "train.sh:1:19: PLX213 `-uid` names v0 integer id `12`" in outcome.out
    assert outcome.out.splitlines()[-2:] == ["Found 2 problems (1 fixed, 1 remaining).",
                                             "1 to fix by hand: its message says what to write in v1."]
