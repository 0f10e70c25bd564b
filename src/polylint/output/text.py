"""ruff's concise text format: ``path:row:col: CODE [*] message`` and a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polylint.diagnostics import Finding
    from polylint.output import Report

_BOLD, _RED, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[36m", "\033[0m"


def _fixable(finding: Finding, unsafe_fixes: bool) -> bool:
    from polylint.diagnostics import Applicability  # loaded already, where there is a finding

    return finding.applicability is Applicability.SAFE or (
        finding.applicability is Applicability.UNSAFE and unsafe_fixes)


def line(finding: Finding, report: Report) -> str:
    mark = "[*] " if _fixable(finding, report.unsafe_fixes) else ""
    # In a notebook, as ruff prints it: the cell, then the row and column inside that cell.
    inside = finding.cell_location if finding.cell is not None else None
    if inside is not None:
        where = f"{finding.filename}:cell {finding.cell}:{inside.row}:{inside.column}:"
    else:
        where = f"{finding.filename}:{finding.location.row}:{finding.location.column}:"
    code = finding.code
    if report.color:
        where, code = f"{_BOLD}{where}{_RESET}", f"{_BOLD}{_RED}{code}{_RESET}"
        mark = f"{_CYAN}{mark}{_RESET}" if mark else ""
    cell = f"cell {finding.cell}: " if finding.cell is not None and inside is None else ""
    return f"{where} {code} {mark}{cell}{finding.message}"


def summary(report: Report) -> str:
    total = len(report.findings)
    if report.fixing:
        if total == 0 and report.fixed == 0:
            return "All checks passed!"
        noun = "problem" if total + report.fixed == 1 else "problems"
        return f"Found {total + report.fixed} {noun} ({report.fixed} fixed, {total} remaining)."
    if total == 0:
        return "All checks passed!"
    from polylint.diagnostics import Applicability

    safe = sum(f.applicability is Applicability.SAFE for f in report.findings)
    unsafe = sum(f.applicability is Applicability.UNSAFE for f in report.findings)
    noun = "problem" if total == 1 else "problems"
    return f"Found {total} {noun} ({safe} fixable with --fix, {unsafe} with --unsafe-fixes)."


def render(report: Report) -> str:
    lines = [line(finding, report) for finding in report.findings]
    if not report.quiet:
        lines.append(summary(report))
    return "\n".join(lines) + ("\n" if lines else "")
