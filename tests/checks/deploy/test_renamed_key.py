"""PLX506: v0 deployment keys renamed in v1."""

from polylint.checks.deploy.renamed_key import RULE
from tests.checks.deploy.test_deploy import validate_v1
from tests.helpers import check_transformed, findings


def test_rule_example_becomes_its_fixed_example() -> None:
    before = "hpsearch: {}\n" + RULE.example
    after = "hpsearch: {}\n" + RULE.fixed_example
    check_transformed("values.yaml", before, after, remaining=["PLX505"])
    validate_v1(RULE.fixed_example)


def test_both_spellings_is_manual() -> None:
    (finding,) = [f for f in findings("values.yaml", "hpsearch: {}\ntimeZone: UTC\ntimezone: UTC\n")
                  if f.code == "PLX506"]
    assert finding.fix is None
