"""Each PLX2xx rule's documented example is flagged, and a fixable one is fixed into its documented v1."""

from __future__ import annotations

import pytest

from polylint.rules import all_rules
from polylint.diagnostics import Applicability
from tests.checks.shell._cases import SCRIPT, findings
from tests.helpers import fixed_text
from tests.polyaxon_cli import assert_v1

SHELL_RULES = [rule for code, rule in all_rules().items() if code.startswith("PLX2")]


def test_every_rule_code_is_in_the_knowledge_table() -> None:
    from polylint.checks.shell import integer_run_id
    from polylint.knowledge.cli import COMMANDS

    # PLX213 reads v1 calls, not v0 commands: its knowledge is the table's v1 uuid options.
    assert {rule.code for rule in SHELL_RULES} == {command.code for command in COMMANDS} | {integer_run_id.RULE.code}


@pytest.mark.parametrize("rule", SHELL_RULES, ids=lambda rule: rule.code)
def test_example_is_flagged_and_fixed_as_documented(rule) -> None:  # type: ignore[no-untyped-def]
    found = findings(SCRIPT, rule.example)
    assert found and {finding.code for finding in found} == {rule.code}
    if rule.fix is not Applicability.MANUAL:
        fixed = fixed_text(SCRIPT, rule.example, unsafe=True)
        assert fixed == rule.fixed_example.split("  #")[0].rstrip() + "\n"
        assert_v1(fixed)
