"""ruff's concise text format: ``path:row:col: CODE [*] message`` and a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polylint.diagnostics import Finding
    from polylint.output import Report

_BOLD, _RED, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[36m", "\033[0m"


# How each finding can be fixed, as a marker before its message: `[*]` a fix this run applies (ruff's mark),
# `[~]` an unsafe fix that `--unsafe-fixes` would apply; nothing for a to-do with no fix.
SAFE_MARK, UNSAFE_MARK = "[*] ", "[~] "


def _mark(finding: Finding, unsafe_fixes: bool) -> str:
    from polylint.diagnostics import Applicability  # loaded already, where there is a finding

    if finding.applicability is Applicability.SAFE:
        return SAFE_MARK
    if finding.applicability is Applicability.UNSAFE:
        return SAFE_MARK if unsafe_fixes else UNSAFE_MARK
    return ""


def line(finding: Finding, report: Report) -> str:
    mark = _mark(finding, report.unsafe_fixes)
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
    """ruff's closing lines: how many were found (and fixed), then what a fix option would still do, and how
    many are to-dos for a person."""
    total = len(report.findings)
    if total == 0 and (not report.fixing or report.fixed == 0):
        return "All checks passed!"
    from polylint.diagnostics import Applicability

    safe = sum(f.applicability is Applicability.SAFE for f in report.findings)
    unsafe = sum(f.applicability is Applicability.UNSAFE for f in report.findings)
    manual = total - safe - unsafe
    if report.unsafe_fixes:
        safe, unsafe = safe + unsafe, 0
    found = total + report.fixed if report.fixing else total
    noun = "problem" if found == 1 else "problems"
    lines = [f"Found {found} {noun} ({report.fixed} fixed, {total} remaining)." if report.fixing
             else f"Found {found} {noun}."]
    hidden = (f"{unsafe} hidden {'fix' if unsafe == 1 else 'fixes'} can be enabled with the `--unsafe-fixes` "
              "option") if unsafe else ""
    if safe and not report.fixing:
        lines.append(f"[*] {safe} fixable with the `--fix` option" + (f" ({hidden})." if hidden else "."))
    elif hidden:
        lines.append(f"No fixes available ({hidden}).")
    if manual:
        lines.append(f"{manual} to fix by hand: {'its message says' if manual == 1 else 'their messages say'} "
                     "what to write in v1.")
    return "\n".join(lines)


def render(report: Report) -> str:
    lines = [line(finding, report) for finding in report.findings]
    if not report.quiet:
        lines.append(summary(report))
    return "\n".join(lines) + ("\n" if lines else "")
