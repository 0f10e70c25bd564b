"""A made-up safe rule for the report tests: main has no safe fix yet, and a report must show one."""

from __future__ import annotations

from typing import Dict, Iterator

import pytest

from polylint import rules
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.report import baseline, html, markdown, model
from polylint.source import Region

OLD_IMAGE, NEW_IMAGE = "python:3.8", "python:3.11"
SAFE_RULE = rules.Rule("PLX199", "old-python-image", "An old Python image", "Test rule.",
                       f"image: {OLD_IMAGE}", f"image: {NEW_IMAGE}", Applicability.SAFE)


def _check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    start = region.text.find(OLD_IMAGE)
    while start != -1:
        end = start + len(OLD_IMAGE)
        yield Diagnostic(SAFE_RULE.code, f"`{OLD_IMAGE}` is old: use `{NEW_IMAGE}`", start, end,
                         Fix(Applicability.SAFE, f"use {NEW_IMAGE}", (Edit(start, end, NEW_IMAGE),)))
        start = region.text.find(OLD_IMAGE, end)


@pytest.fixture
def safe_rule(monkeypatch: pytest.MonkeyPatch) -> rules.Rule:
    checks_for = rules.checks_for
    monkeypatch.setattr(rules, "checks_for", lambda surface: checks_for(surface) + (
        ((SAFE_RULE, _check),) if surface == "polyaxonfile" else ()))
    registry: Dict[str, rules.Rule] = {**rules.all_rules(), SAFE_RULE.code: SAFE_RULE}
    for module in (rules, baseline, model, markdown, html):
        monkeypatch.setattr(module, "all_rules", lambda: registry)
    return SAFE_RULE
