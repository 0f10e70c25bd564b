"""A rule's documentation in ruff's template: what it does, why, an example and what to use instead.

`polylint rule CODE` prints it and docs/rules.md is made of it, so the two never disagree.
"""

from __future__ import annotations

from typing import Iterable

from polylint.diagnostics import Applicability
from polylint.rules import Rule, heading_anchor

_FIX_SAFETY = {
    Applicability.SAFE: "Fix is safe: `polylint check --fix` applies it; the meaning of the file is kept.",
    Applicability.UNSAFE: "Fix is unsafe: applied only with `--unsafe-fixes`, because the meaning can shift; "
                          "review the result.",
    Applicability.MANUAL: "No automatic fix: the diagnostic says what to do in v1.",
}


def anchor(rule: Rule) -> str:
    return heading_anchor(rule.heading)


def render_rule(rule: Rule, heading: str = "#") -> str:
    sub = heading + "#"
    return (
        f"{heading} {rule.heading}\n\n"
        f"{_FIX_SAFETY[rule.fix]}\n\n"
        f"{sub} What it does\n\n{rule.summary}.\n\n"
        f"{sub} Why is this bad?\n\n{rule.why}\n\n"
        f"{sub} Example\n\n```{rule.language}\n{rule.example.rstrip()}\n```\n\n"
        f"{sub} Use instead\n\n```{rule.language}\n{rule.fixed_example.rstrip()}\n```\n"
    )


def render_index(rules: Iterable[Rule]) -> str:
    lines = []
    for rule in rules:
        lines.append(f"{rule.code}  {rule.name:<36} {rule.fix.value:<7} {rule.summary}")
    return "\n".join(lines) + "\n"
