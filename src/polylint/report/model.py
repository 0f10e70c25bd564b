"""A report's content, independent of its format: totals, fixes, to-dos and progress.

Everything is counted from the survey's findings and grouped by the rule registry (``FAMILIES`` and each
rule's docs), so a surface or rule added later is reported without a change here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from polylint import __version__
from polylint.diagnostics import Applicability, Finding
from polylint.report.baseline import Progress
from polylint.report.survey import FileFixes, Survey, by_file
from polylint.rules import FAMILIES, Rule, all_rules

TITLE = "Polyaxon v1 migration report"
DONE, FIXABLE, MANUAL = "done", "fixable", "manual"


@dataclass(frozen=True)
class FamilyTotal:
    digit: str
    files: int
    safe: int
    unsafe: int
    manual: int
    done: int

    @property
    def label(self) -> str:
        return f"PLX{self.digit}xx"

    @property
    def description(self) -> str:
        return FAMILIES[self.digit]

    @property
    def findings(self) -> int:
        return self.safe + self.unsafe + self.manual


@dataclass(frozen=True)
class RuleTotal:
    """One rule's findings, counted by how each is fixed, as the surface totals count them."""

    code: str
    rule: Optional[Rule]
    files: int
    safe: int
    unsafe: int
    manual: int

    @property
    def findings(self) -> int:
        return self.safe + self.unsafe + self.manual


@dataclass
class MigrationReport:
    paths: List[str]
    date: str
    checked: int
    progress: Progress
    families: List[FamilyTotal]
    rules: List[RuleTotal]
    fixes: List[FileFixes]
    safe: Dict[str, List[Finding]]
    unsafe: Dict[str, List[Finding]]
    todos: Dict[str, List[Finding]]
    notes: List[str]
    version: str = __version__

    @property
    def files_with_findings(self) -> int:
        return len({path for group in (self.safe, self.unsafe, self.todos) for path in group})

    @property
    def fix_total(self) -> int:
        return sum(fixes.with_fix.fixed for fixes in self.fixes)

    @property
    def unsafe_total(self) -> int:
        return sum(fixes.unsafe_adds.fixed for fixes in self.fixes)


def build(survey: Survey, progress: Progress, paths: Sequence[str], date: str) -> MigrationReport:
    findings = survey.findings
    rules = all_rules()
    digits = sorted({rule.code[3] for rule in rules.values()} | {finding.code[3] for finding in findings})
    families = []
    for digit in digits:
        mine = [finding for finding in findings if finding.code[3] == digit]
        count = Counter(finding.applicability for finding in mine)
        families.append(FamilyTotal(digit, len({finding.filename for finding in mine}), count[Applicability.SAFE],
                                    count[Applicability.UNSAFE], count[Applicability.MANUAL],
                                    progress.done_by_family.get(digit, 0)))
    per_rule = Counter(finding.code for finding in findings)
    rule_totals = []
    for code, _ in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        mine = [finding for finding in findings if finding.code == code]
        count = Counter(finding.applicability for finding in mine)
        rule_totals.append(RuleTotal(code, rules.get(code), len({finding.filename for finding in mine}),
                                     count[Applicability.SAFE], count[Applicability.UNSAFE],
                                     count[Applicability.MANUAL]))
    return MigrationReport(
        paths=list(paths), date=date, checked=len(survey.files), progress=progress, families=families,
        rules=rule_totals,
        fixes=survey.fixes,
        safe=by_file([finding for finding in findings if finding.applicability is Applicability.SAFE]),
        unsafe=by_file([finding for finding in findings if finding.applicability is Applicability.UNSAFE]),
        todos=by_file([finding for finding in findings if finding.applicability is Applicability.MANUAL]),
        notes=survey.notes)


def bar_cells(progress: Progress, width: int) -> Tuple[int, int, int]:
    """Cells of a bar for done, fixable and manual: proportional, summing to width, none shown as zero
    when it is not (a single manual to-do in a large repository must still be visible)."""
    parts = [progress.done, progress.fixable, progress.manual]
    total = sum(parts)
    if total == 0:
        return width, 0, 0
    exact = [part * width / total for part in parts]
    cells = [int(value) for value in exact]
    for index in sorted(range(3), key=lambda i: exact[i] - cells[i], reverse=True)[:width - sum(cells)]:
        cells[index] += 1
    for index in range(3):
        if parts[index] and not cells[index]:
            cells[index] = 1
            cells[max(range(3), key=lambda i: cells[i])] -= 1
    return cells[0], cells[1], cells[2]


def progress_definition(progress: Progress) -> str:
    """How the numbers were counted, in the report itself (Markdown code spans for paths and flags)."""
    return (
        f"*Done* counts the findings that are gone since the first report ({progress.since}): for each file "
        "and rule, the most findings ever reported there minus those found now, kept in "
        f"`{progress.baseline}` (delete it to start over). A file excluded or a rule ignored since is not "
        "counted; a finding silenced by a suppression comment counts as done. *Fixable* findings are "
        "rewritten by `polylint check --fix` (or with `--unsafe-fixes`); *manual* ones need a person, "
        "with the v1 way below."
    )


def headline(progress: Progress) -> str:
    if progress.total == 0:
        return "Nothing to migrate: no Polyaxon v0 usage found."
    parts = [f"{progress.percent_done}% done", f"{progress.done} done",
             (f"{progress.fixable} fixable ({progress.safe} by `--fix`, {progress.unsafe} more by "
              "`--unsafe-fixes`)"), f"{progress.manual} manual"]
    return " · ".join(parts)


def fix_summary(report: MigrationReport) -> str:
    files = sum(1 for fixes in report.fixes if fixes.with_fix.fixed)
    if not files:
        return "`polylint check --fix` would change nothing."
    return (f"`polylint check --fix` would apply {_plural(report.fix_total, 'fix', 'fixes')} in "
            f"{_plural(files, 'file')}.")


def unsafe_summary(report: MigrationReport) -> str:
    files = sum(1 for fixes in report.fixes if fixes.unsafe_adds.fixed)
    if not files:
        return "`--unsafe-fixes` would add nothing."
    more = _plural(report.unsafe_total, "more fix", "more fixes")
    return (f"`polylint check --fix --unsafe-fixes` would apply {more} "
            f"in {_plural(files, 'file')}; review the result, as the meaning can shift.")


def todo_summary(report: MigrationReport) -> str:
    count = sum(len(findings) for findings in report.todos.values())
    if not count:
        return "Nothing to do by hand."
    return (f"{_plural(count, 'finding')} in {_plural(len(report.todos), 'file')} "
            f"{'needs' if count == 1 else 'need'} a person.")


def with_findings(report: MigrationReport) -> str:
    count = report.files_with_findings
    return f"{count} {'has' if count == 1 else 'have'} findings"


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _plural(count: int, singular: str, plural: Optional[str] = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def where(finding: Finding) -> str:
    """Where a to-do is, in words: inside a notebook, the cell and the line in that cell."""
    if finding.cell is not None and finding.cell_location is not None:
        inside = finding.cell_location
        return f"cell {finding.cell}, line {inside.row}, column {inside.column}"
    cell = f"cell {finding.cell}, " if finding.cell is not None else ""
    return f"{cell}line {finding.location.row}, column {finding.location.column}"
