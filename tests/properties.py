"""The properties every generated host must keep under `check --fix` (issue 8), shared by the property tests.

- no check raises (no PLX009) and no fix is dropped (no PLX007);
- a second --fix changes nothing;
- the fixed file parses as well as the original did (no new PLX0xx);
- the written file is exactly the reported edits applied, round after round: no byte outside the spans
  the fixes reported moves (fixes whose edits overlap wait for the next round, as in the runner).
"""

from __future__ import annotations

from typing import List, Tuple

from polylint.config import Settings
from polylint.diagnostics import Edit
from polylint.hosts import claiming
from polylint.results import Options
from polylint.checking import MAX_FIX_ROUNDS, analyse, process_bytes
from polylint.diagnostics import apply_edits
from polylint.source import SourceFile, detect_newline

FIX = Options(Settings(), fix=True, unsafe_fixes=True)
REPORT = Options(Settings(), unsafe_fixes=True)
FAILURES = {"PLX007", "PLX009"}


def reported_fixes(name: str, text: str) -> List[Tuple[Edit, ...]]:
    """The edits of every fix a report on `text` offers (one tuple per fix), in host offsets.

    Read from the runner's analysis rather than the printed rows and columns, which for notebooks may count
    inside a cell; positions are tested by each host kind's own tests.
    """
    source = SourceFile.from_bytes(name, text.encode())
    hits = analyse(source, claiming(name), FIX.settings)
    return [hit.fix.edits for hit in hits if hit.fix and FIX.allows(hit.fix)]


def one_round(fixes: List[Tuple[Edit, ...]]) -> List[Edit]:
    """The edits one fix round makes: fixes whose edits overlap none taken before, by first edit (as
    ruff and the runner do; two diagnostics offering the very same fix are one)."""
    taken: List[Edit] = []
    for edits in sorted(dict.fromkeys(fixes), key=lambda edits: edits[0].start):
        if not any(_overlaps(edit, other) for edit in edits for other in taken):
            taken.extend(edits)
    return sorted(taken, key=lambda edit: (edit.start, edit.end))


def _overlaps(a: Edit, b: Edit) -> bool:
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def assert_fix_properties(name: str, text: str) -> None:
    data = text.encode()
    report = process_bytes(name, data, REPORT)
    assert not {f.code for f in report.findings} & FAILURES, [f.message for f in report.findings]
    fixed = process_bytes(name, data, FIX)
    assert not {f.code for f in fixed.findings} & FAILURES, [f.message for f in fixed.findings]
    if fixed.new_data is None:
        return
    after = fixed.new_data.decode()
    again = process_bytes(name, fixed.new_data, FIX)
    assert again.new_data is None, f"a second --fix changed it:\n{after!r}\n->\n{again.new_data.decode()!r}"
    broke = {f.code for f in again.findings if f.code.startswith("PLX0")} - {f.code for f in report.findings}
    assert not broke, [f.message for f in again.findings]
    newline = detect_newline(text)
    current = text
    for _ in range(MAX_FIX_ROUNDS):
        edits = one_round(reported_fixes(name, current))
        if not edits:
            break
        current = apply_edits(current, edits, newline)
    # The written file is exactly the reported edits applied, round by round: no other byte moved.
    assert current == after
