"""What every PLX2xx rule test checks: the exact rewrite, idempotence, what is left, and that each
rewritten `polyaxon` line parses under polyaxon 1.20's click tree while the v0 line did not."""

from __future__ import annotations

from typing import Sequence

from tests.helpers import check_noop, check_transformed, codes, findings
from tests.polyaxon_cli import assert_v1, polyaxon_argvs, v1_parses

SCRIPT = "run.sh"


# Findings left on lines that are v1 already (a v0 integer id kept in `-uid`): those lines must parse.
ON_V1_LINES = frozenset({"PLX213"})


def transformed(before: str, after: str, *, unsafe: bool = False, remaining: Sequence[str] = ()) -> None:
    check_transformed(SCRIPT, before, after, unsafe=unsafe, remaining=remaining)
    if ON_V1_LINES.issuperset(remaining):
        assert_v1(after)
    for argv in polyaxon_argvs(before):
        assert v1_parses(argv) is not None, f"v1 already accepts {argv}: it must not be flagged"


def unsafe_only(before: str, after: str, code: str, remaining: Sequence[str] = ()) -> None:
    """Without --unsafe-fixes nothing changes and the finding stays; with it, `after`, where `remaining` is
    left."""
    check_transformed(SCRIPT, before, before, remaining=[code])
    transformed(before, after, unsafe=True, remaining=remaining)


def integer_id_fixed(before: str, after: str, code: str, value: str) -> None:
    """A literal v0 id: the unsafe fix keeps it where v1 wants the uuid, and PLX213 stays on that line,
    in words the text output shows."""
    unsafe_only(before, after, code, remaining=["PLX213"])
    [left] = findings(SCRIPT, after)
    assert left.fix is None and f"`{value}`" in left.message and "uuid" in left.message
    assert left.location.row == [index for index, line in enumerate(after.splitlines(), 1) if value in line][0]


def variable_id_reported(text: str, code: str, v1: str) -> None:
    """A v0 id in a variable: no fix (the v1 line would have nothing left to report); the finding gives
    the v1 line, variable kept, and says the variable must now hold the run's uuid."""
    manual(text, code, f"v1 is `{v1}` once")
    [finding] = findings(SCRIPT, text)
    assert "holds the v1 run's uuid" in finding.message


def manual(text: str, code: str, says: str) -> None:
    """Reported, with no fix at all, and the message says what to do in v1."""
    found = findings(SCRIPT, text)
    assert [finding.code for finding in found] == [code]
    assert found[0].fix is None
    assert says in found[0].message
    check_transformed(SCRIPT, text, text, unsafe=True, remaining=[code])


__all__ = ["SCRIPT", "check_noop", "codes", "findings", "integer_id_fixed", "manual", "transformed", "unsafe_only",
           "variable_id_reported"]
