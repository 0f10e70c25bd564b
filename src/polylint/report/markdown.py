"""The report as Markdown (GitHub-flavoured): readable as plain text, rendered on GitHub or in an editor."""

from __future__ import annotations

import re
from typing import Callable, Dict, List

from polylint.diagnostics import Finding
from polylint.report import model
from polylint.report.model import MigrationReport
from polylint.report.survey import FileFixes, Rewrite
from polylint.ruledoc import fix_label
from polylint.rules import all_rules

BAR_WIDTH = 40
BAR_CHARACTERS = ("█", "▓", "░")  # done, fixable, manual
MAX_DIFF_LINES = 60
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def code(text: str) -> str:
    """A code span holding text exactly, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def prose(text: str) -> str:
    """A message as Markdown: its `code spans` kept, HTML and line breaks outside them made harmless."""
    pieces = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(_escape(text[last:match.start()]))
        pieces.append(match.group(0).replace("\n", " "))
        last = match.end()
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")
            .replace("|", "\\|"))


def bar(report: MigrationReport) -> str:
    cells = model.bar_cells(report.progress, BAR_WIDTH)
    return "".join(character * count for character, count in zip(BAR_CHARACTERS, cells))


def render(report: MigrationReport) -> str:
    progress = report.progress
    out: List[str] = [f"# {model.TITLE}", ""]
    out += [(f"polylint {report.version} checked {report.checked} "
             f"{'file' if report.checked == 1 else 'files'} under {', '.join(code(p) for p in report.paths)} "
             f"on {report.date}; {model.with_findings(report)}."), ""]
    out += ["## Progress", "", f"`{bar(report)}`", "",
            f"**{model.headline(progress)}**", "",
            (f"Legend: `{BAR_CHARACTERS[0]}` {model.DONE} · `{BAR_CHARACTERS[1]}` {model.FIXABLE} · "
             f"`{BAR_CHARACTERS[2]}` {model.MANUAL}."), "", model.progress_definition(progress), ""]
    if progress.first:
        out += ["This is the first report: it starts the baseline, so nothing is done yet.", ""]
    if progress.problem:
        out += [f"Note: {prose(progress.problem)}.", ""]
    out += _totals(report)
    out += ["## What `--fix` would rewrite", "", model.fix_summary(report), ""]
    out += _rewrites(report, report.safe, lambda fixes: fixes.with_fix)
    out += ["## What `--unsafe-fixes` would add", "", model.unsafe_summary(report), ""]
    out += _rewrites(report, report.unsafe, lambda fixes: fixes.unsafe_adds)
    out += ["## Manual to-dos", "", model.todo_summary(report), ""]
    out += _todos(report.todos)
    if report.notes:
        out += ["## Skipped", ""] + [f"- {prose(note)}" for note in report.notes] + [""]
    return "\n".join(out)


def _totals(report: MigrationReport) -> List[str]:
    out = ["## Totals by surface", "",
           "| Rules | Surface | Files | Findings | `--fix` | `--unsafe-fixes` | Manual | Done |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for family in report.families:
        out.append(f"| {family.label} | {family.description} | {family.files} | {family.findings} | "
                   f"{family.safe} | {family.unsafe} | {family.manual} | {family.done} |")
    out += ["", "## Totals by rule", ""]
    if not report.rules:
        return out + ["No findings.", ""]
    out += ["| Rule | Name | Fix | Files | Findings | `--fix` | `--unsafe-fixes` | Manual |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for total in report.rules:
        counts = f"{total.files} | {total.findings} | {total.safe} | {total.unsafe} | {total.manual}"
        if total.rule is None:
            out.append(f"| {total.code} |  |  | {counts} |")
        else:
            out.append(f"| [{total.code}]({total.rule.url}) | {total.rule.name} | {fix_label(total.rule)} | "
                       f"{counts} |")
    return out + [""]


def _rewrites(report: MigrationReport, findings: Dict[str, List[Finding]],
              pick: Callable[[FileFixes], Rewrite]) -> List[str]:
    out: List[str] = []
    for fixes in report.fixes:
        rewrite = pick(fixes)
        listed = findings.get(fixes.path, [])
        if not rewrite.fixed and not listed:
            continue
        out += [f"### {code(fixes.path)}", ""]
        for finding in listed:
            fix_message = f" Fix: {prose(model.sentence(finding.fix.message))}" if finding.fix else ""
            out.append(f"- {_where(finding)} {prose(model.sentence(finding.message))}{fix_message}")
        out += _dropped(fixes) + [""]
        if rewrite.diff:
            out += _diff_block(rewrite.diff, fixes.path)
    return out


def _dropped(fixes: FileFixes) -> List[str]:
    return [f"- {_where(finding)} {prose(model.sentence(finding.message))}" for finding in fixes.dropped]


def _diff_block(diff: str, path: str) -> List[str]:
    lines = diff.splitlines()
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", diff)), default=0))
    out = [f"{fence}diff", *lines[:MAX_DIFF_LINES], fence]
    if len(lines) > MAX_DIFF_LINES:
        out.append(f"({len(lines) - MAX_DIFF_LINES} more lines: `polylint check --diff {path}` shows them all.)")
    return out + [""]


def _todos(todos: Dict[str, List[Finding]]) -> List[str]:
    rules = all_rules()
    out: List[str] = []
    for path, findings in todos.items():
        out += [f"### {code(path)}", ""]
        for finding in findings:
            out.append(f"- [ ] {_where(finding)} {prose(finding.message)}")
            rule = rules.get(finding.code)
            if rule is not None:
                out.append(f"  - v1: {prose(rule.summary)}. See [{rule.code} {rule.name}]({rule.url}).")
        out.append("")
    return out


def _where(finding: Finding) -> str:
    return f"**{finding.code}** {model.where(finding)}:"
