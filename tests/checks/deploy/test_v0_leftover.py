"""PLX509: comment blocks a deploy fix left for a human."""

from polylint.checks.deploy.v0_leftover import RULE
from tests.helpers import check_noop, findings


def test_each_block_is_reported_at_its_key_name() -> None:
    text = "rbac: {}\n" + RULE.example
    (finding,) = findings("values.yaml", text)
    assert (finding.code, finding.location.row, finding.location.column) == ("PLX509", 2, 16)
    assert finding.fix is None and "git" in finding.message and "kept as a comment" in finding.message


def test_other_comments_are_not_leftovers() -> None:
    check_noop("values.yaml", "# polylint: ignore this file's style\nrbac: {}\n")
