"""Each PLX3xx rule's documented example is flagged, and a fixable rule's fix turns it into exactly its
documented v1 result (which polyaxon 1.20 accepts)."""

import pytest

from polylint.diagnostics import Applicability
from polylint.rules import all_rules
from tests.checks.python.v1_judge import judge
from tests.helpers import codes, fixed_text

RULES = [rule for code, rule in all_rules().items() if code.startswith("PLX3")]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_example_is_flagged(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.code in codes("example.py", rule.example)


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.fix is not Applicability.MANUAL],
                         ids=lambda rule: rule.code)
def test_fixed_example_is_the_fix(rule) -> None:  # type: ignore[no-untyped-def]
    assert fixed_text("example.py", rule.example, unsafe=True) == rule.fixed_example
    judge(rule.fixed_example)
