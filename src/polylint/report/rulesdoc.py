"""docs/rules.md, generated from the rule registry: an index, then one section per rule.

Each section is ``polylint rule CODE``'s text (``ruledoc.render_rule``) under a heading whose GitHub
anchor is the fragment of ``Rule.url``, the link every JSON and SARIF diagnostic carries.
Regenerate with ``python -m polylint.report.rulesdoc > docs/rules.md``; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from itertools import groupby
from typing import Iterable, List

from polylint.ruledoc import anchor, fix_label, render_rule
from polylint.rules import FAMILIES, Rule, all_rules

COMMAND = "python -m polylint.report.rulesdoc > docs/rules.md"


def table_cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render(rules: Iterable[Rule]) -> str:
    ordered = sorted(rules, key=lambda rule: rule.code)
    lines: List[str] = [
        "# polylint rules",
        "",
        f"<!-- Generated from the rule registry by `{COMMAND}`; edit the rules, not this file. -->",
        "",
        ("Every rule has a stable code: `PLX` and three digits, whose hundreds digit names what it is about. "
         "Fix says how its findings are fixed: **safe** ones by `polylint check --fix`, **unsafe** ones only "
         "with `--unsafe-fixes` (review the result), **manual** ones not at all: the message says the v1 way. "
         "A rule fixed in more than one way shows each with an example. "
         "`polylint rule CODE` prints a section of this page."),
        "",
    ]
    for digit, family_rules in groupby(ordered, key=lambda rule: rule.code[3]):
        lines += [f"## PLX{digit}xx: {FAMILIES[digit]}", "", "| Code | Name | Fix | What it flags |",
                  "| --- | --- | --- | --- |"]
        lines += [f"| [{rule.code}](#{anchor(rule)}) | {rule.name} | {fix_label(rule)} | {table_cell(rule.summary)} |"
                  for rule in family_rules]
        lines.append("")
    text = "\n".join(lines)
    return text + "".join(f"\n{render_rule(rule, heading='##')}" for rule in ordered)


def main() -> None:
    sys.stdout.write(render(all_rules().values()))


if __name__ == "__main__":
    main()
