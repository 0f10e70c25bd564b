"""A rule's documentation in ruff's template: what it does, why, an example and what to use instead.

`polylint rule CODE` prints it and docs/rules.md is made of it, so the two never disagree. How a rule's
findings are fixed is told from ``Rule.fixes`` alone, here, for every place that shows it.
"""

from __future__ import annotations

from typing import Iterable, List

from polylint.diagnostics import FIX_OPTIONS, Applicability
from polylint.rules import Rule, heading_anchor

SAFE, UNSAFE, MANUAL = Applicability.SAFE, Applicability.UNSAFE, Applicability.MANUAL

# What each kind of finding means to the user, as the docs, `polylint rule` and the README say it.
MEANING = {
    SAFE: f"`polylint check {FIX_OPTIONS[SAFE]}` applies it, and the file keeps its meaning",
    UNSAFE: f"only `polylint check {FIX_OPTIONS[UNSAFE]}` applies it, as the meaning can shift: review the result",
    MANUAL: "no automatic fix: the diagnostic says what to do in v1",
}


def anchor(rule: Rule) -> str:
    return heading_anchor(rule.heading)


def fix_label(rule: Rule) -> str:
    """The rule's fixes in a few words, for a table cell: `safe`, `unsafe or manual`..."""
    return _either([level.value for level in rule.fixes])


def fix_availability(rule: Rule) -> str:
    """ruff's sentence on whether a rule's findings come with a fix, with the fix's safety."""
    fixed = [level for level in rule.fixes if level is not MANUAL]
    if not fixed:
        return f"{MEANING[MANUAL][0].upper()}{MEANING[MANUAL][1:]}."
    how = "always" if MANUAL not in rule.fixes else "sometimes"
    if len(fixed) == 1:
        return f"Fix is {how} available, and {fixed[0].value}: {MEANING[fixed[0]]}."
    return f"Fix is {how} available: {_either([level.value for level in fixed])} (see Fix safety)."


def render_rule(rule: Rule, heading: str = "#") -> str:
    sub = heading + "#"
    return (
        f"{heading} {rule.heading}\n\n"
        f"{fix_availability(rule)}\n\n"
        f"{sub} What it does\n\n{rule.summary}.\n\n"
        f"{sub} Why is this bad?\n\n{rule.why}\n\n"
        f"{sub} Example\n\n```{rule.language}\n{rule.example.rstrip()}\n```\n\n"
        f"{sub} Use instead\n\n```{rule.language}\n{rule.fixed_example.rstrip()}\n```\n"
        f"{_fix_safety(rule, sub)}"
    )


def _fix_safety(rule: Rule, heading: str) -> str:
    """For a rule whose findings are fixed in more than one way, when each applies, by example."""
    if not rule.fix_examples:
        return ""
    out = [f"\n{heading} Fix safety\n"]
    for level in rule.fixes:
        example = rule.fix_examples.get(level)
        if example is None:
            out.append(f"\n**{level.value.capitalize()}**, as in the example above: {MEANING[level]}.\n")
        else:
            out.append(f"\n**{level.value.capitalize()}**: {MEANING[level]}. For example:\n\n"
                       f"```{rule.language}\n{example.rstrip()}\n```\n")
    return "".join(out)


def render_index(rules: Iterable[Rule]) -> str:
    lines = []
    for rule in rules:
        lines.append(f"{rule.code}  {rule.name:<36} {fix_label(rule):<22} {rule.summary}")
    return "\n".join(lines) + "\n"


def _either(words: List[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
