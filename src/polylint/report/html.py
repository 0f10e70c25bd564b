"""The report as one self-contained HTML page: inline CSS, no script, no external asset.

Every piece of text from the files or the findings is escaped; a finding's `code spans` become <code>.
"""

from __future__ import annotations

import html
import re
from typing import Callable, Dict, List

from polylint.diagnostics import Finding
from polylint.report import model
from polylint.report.model import MigrationReport
from polylint.report.survey import FileFixes, Rewrite
from polylint.ruledoc import fix_label
from polylint.rules import all_rules

MAX_DIFF_LINES = 200
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; max-width: 62rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2rem; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { background: #eff1f3; padding: .1rem .3rem; border-radius: 4px; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; }
th { background: #f6f8fa; text-align: left; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: flex; height: 1.6rem; border-radius: 6px; overflow: hidden; border: 1px solid #d0d7de; }
.bar span { display: block; height: 100%; }
.done { background: #1a7f37; } .fixable { background: #d4a72c; } .manual { background: #cf222e; }
.legend span.key { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; vertical-align: -2px;
                   margin: 0 .3rem 0 .8rem; }
.headline { font-size: 1.2rem; font-weight: 600; margin: .6rem 0; }
ul.findings { padding-left: 1.2rem; } ul.findings li { margin: .4rem 0; }
.where { color: #59636e; } .rule { font-weight: 600; } .v1 { display: block; color: #59636e; }
pre.diff { background: #f6f8fa; padding: .6rem; overflow-x: auto; border-radius: 6px; }
pre.diff .add { color: #1a7f37; } pre.diff .del { color: #cf222e; } pre.diff .hunk { color: #8250df; }
.note { color: #59636e; }
"""


def prose(text: str) -> str:
    """Escaped text whose `code spans` are set as code."""
    pieces = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(html.escape(text[last:match.start()]))
        pieces.append(f"<code>{html.escape(match.group(2).strip())}</code>")
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)


def render(report: MigrationReport) -> str:
    progress = report.progress
    body: List[str] = [f"<h1>{html.escape(model.TITLE)}</h1>"]
    paths = ", ".join(f"<code>{html.escape(path)}</code>" for path in report.paths)
    body.append(f"<p>polylint {html.escape(report.version)} checked {report.checked} "
                f"{'file' if report.checked == 1 else 'files'} under {paths} on {html.escape(report.date)}; "
                f"{model.with_findings(report)}.</p>")
    body += ["<h2>Progress</h2>", _bar(report), f'<p class="headline">{prose(model.headline(progress))}</p>',
             _legend(), f'<p class="note">{_emphasis(prose(model.progress_definition(progress)))}</p>']
    if progress.first:
        body.append('<p class="note">This is the first report: it starts the baseline, so nothing is done yet.</p>')
    if progress.problem:
        body.append(f'<p class="note">Note: {prose(progress.problem)}.</p>')
    body += _totals(report)
    body += ["<h2>What <code>--fix</code> would rewrite</h2>", f"<p>{prose(model.fix_summary(report))}</p>"]
    body += _rewrites(report, report.safe, lambda fixes: fixes.with_fix)
    body += ["<h2>What <code>--unsafe-fixes</code> would add</h2>", f"<p>{prose(model.unsafe_summary(report))}</p>"]
    body += _rewrites(report, report.unsafe, lambda fixes: fixes.unsafe_adds)
    body += ["<h2>Manual to-dos</h2>", f"<p>{prose(model.todo_summary(report))}</p>"]
    body += _todos(report.todos)
    if report.notes:
        body += ["<h2>Skipped</h2>", "<ul>"] + [f"<li>{prose(note)}</li>" for note in report.notes] + ["</ul>"]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(model.TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _emphasis(text: str) -> str:
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", text)


def _bar(report: MigrationReport) -> str:
    progress = report.progress
    parts = ((model.DONE, progress.done), (model.FIXABLE, progress.fixable), (model.MANUAL, progress.manual))
    total = progress.total
    label = f"{progress.percent_done}% done: " + ", ".join(f"{count} {name}" for name, count in parts)
    spans = []
    for name, count in parts:
        if total == 0 and name == model.DONE:
            spans.append(f'<span class="{name}" style="width: 100%" title="nothing to migrate"></span>')
        elif count:
            spans.append(f'<span class="{name}" style="width: {count * 100 / total:.2f}%" '
                         f'title="{name}: {count}"></span>')
    return f'<div class="bar" role="img" aria-label="{html.escape(label)}">{"".join(spans)}</div>'


def _legend() -> str:
    keys = "".join(f'<span class="key {name}"></span>{name}' for name in (model.DONE, model.FIXABLE, model.MANUAL))
    return f'<p class="legend">Legend:{keys}</p>'


def _totals(report: MigrationReport) -> List[str]:
    out = ["<h2>Totals by surface</h2>", "<table>",
           ("<tr><th>Rules</th><th>Surface</th><th>Files</th><th>Findings</th><th><code>--fix</code></th>"
            "<th><code>--unsafe-fixes</code></th><th>Manual</th><th>Done</th></tr>")]
    for family in report.families:
        numbers = (family.files, family.findings, family.safe, family.unsafe, family.manual, family.done)
        out.append(f"<tr><td>{family.label}</td><td>{html.escape(family.description)}</td>"
                   + "".join(f'<td class="n">{number}</td>' for number in numbers) + "</tr>")
    out += ["</table>", "<h2>Totals by rule</h2>"]
    if not report.rules:
        return out + ["<p>No findings.</p>"]
    out += ["<table>", ("<tr><th>Rule</th><th>Name</th><th>Fix</th><th>Files</th><th>Findings</th>"
                        "<th><code>--fix</code></th><th><code>--unsafe-fixes</code></th><th>Manual</th></tr>")]
    for total in report.rules:
        rule = total.rule
        code = (f'<a href="{html.escape(rule.url)}">{total.code}</a>' if rule else html.escape(total.code))
        name, fix = (html.escape(rule.name), fix_label(rule)) if rule else ("", "")
        counts = (total.files, total.findings, total.safe, total.unsafe, total.manual)
        out.append(f"<tr><td>{code}</td><td>{name}</td><td>{fix}</td>"
                   + "".join(f'<td class="n">{number}</td>' for number in counts) + "</tr>")
    return out + ["</table>"]


def _rewrites(report: MigrationReport, findings: Dict[str, List[Finding]],
              pick: Callable[[FileFixes], Rewrite]) -> List[str]:
    out: List[str] = []
    for fixes in report.fixes:
        rewrite = pick(fixes)
        listed = findings.get(fixes.path, [])
        if not rewrite.fixed and not listed:
            continue
        out += [f"<h3><code>{html.escape(fixes.path)}</code></h3>", '<ul class="findings">']
        for finding in listed:
            fix_message = f" Fix: {prose(model.sentence(finding.fix.message))}" if finding.fix else ""
            out.append(f"<li>{_where(finding)} {prose(model.sentence(finding.message))}{fix_message}</li>")
        out += [f"<li>{_where(finding)} {prose(model.sentence(finding.message))}</li>" for finding in fixes.dropped]
        out.append("</ul>")
        if rewrite.diff:
            out.append(_diff(rewrite.diff, fixes.path))
    return out


def _diff(diff: str, path: str) -> str:
    lines = diff.splitlines()
    shown = []
    for line in lines[:MAX_DIFF_LINES]:
        kind = ("hunk" if line.startswith("@@") else "add" if line.startswith("+") and not line.startswith("+++")
                else "del" if line.startswith("-") and not line.startswith("---") else "")
        escaped = html.escape(line)
        shown.append(f'<span class="{kind}">{escaped}</span>' if kind else escaped)
    more = ""
    if len(lines) > MAX_DIFF_LINES:
        more = (f"<p class=\"note\">{len(lines) - MAX_DIFF_LINES} more lines: "
                f"<code>polylint check --diff {html.escape(path)}</code> shows them all.</p>")
    return (f"<details><summary>Diff</summary><pre class=\"diff\">{chr(10).join(shown)}</pre>{more}</details>")


def _todos(todos: Dict[str, List[Finding]]) -> List[str]:
    rules = all_rules()
    out: List[str] = []
    for path, findings in todos.items():
        out += [f"<h3><code>{html.escape(path)}</code></h3>", '<ul class="findings">']
        for finding in findings:
            rule = rules.get(finding.code)
            v1 = (f'<span class="v1">v1: {prose(rule.summary)}. See <a href="{html.escape(rule.url)}">'
                  f"{html.escape(rule.heading)}</a>.</span>") if rule else ""
            out.append(f"<li>{_where(finding)} {prose(finding.message)}{v1}</li>")
        out.append("</ul>")
    return out


def _where(finding: Finding) -> str:
    return (f'<span class="rule">{html.escape(finding.code)}</span> '
            f'<span class="where">{html.escape(model.where(finding))}:</span>')
