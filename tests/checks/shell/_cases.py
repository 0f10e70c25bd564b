"""What every PLX2xx rule test checks: the exact rewrite, idempotence, what is left, and that each
rewritten `polyaxon` line parses under polyaxon 1.20's click tree while the v0 line did not."""

from __future__ import annotations

from typing import Sequence

from tests.helpers import check_noop, check_transformed, codes, findings
from tests.polyaxon_cli import assert_v1, polyaxon_argvs, v1_parses

SCRIPT = "run.sh"


def transformed(before: str, after: str, *, unsafe: bool = False, remaining: Sequence[str] = ()) -> None:
    check_transformed(SCRIPT, before, after, unsafe=unsafe, remaining=remaining)
    if not remaining:
        assert_v1(after)
    for argv in polyaxon_argvs(before):
        assert v1_parses(argv) is not None, f"v1 already accepts {argv}: it must not be flagged"


def unsafe_only(before: str, after: str, code: str) -> None:
    """Without --unsafe-fixes nothing changes and the finding stays; with it, `after`."""
    check_transformed(SCRIPT, before, before, remaining=[code])
    transformed(before, after, unsafe=True)


def manual(text: str, code: str, says: str) -> None:
    """Reported, with no fix at all, and the message says what to do in v1."""
    found = findings(SCRIPT, text)
    assert [finding.code for finding in found] == [code]
    assert found[0].fix is None
    assert says in found[0].message
    check_transformed(SCRIPT, text, text, unsafe=True, remaining=[code])


__all__ = ["SCRIPT", "check_noop", "codes", "findings", "manual", "transformed", "unsafe_only"]
