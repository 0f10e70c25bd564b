from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, findings
from tests.helpers import check_transformed


def test_username_and_password_logins_are_reported() -> None:
    text = 'polyaxon login --username=admin --password="$PASSWORD"\npolyaxon login -u admin -p x\n'
    found = findings(SCRIPT, text)
    assert [(f.code, f.location.row, f.location.column) for f in found] == [("PLX207", 1, 16), ("PLX207", 2, 16)]
    assert all(f.fix is None and "--token" in f.message for f in found)
    check_transformed(SCRIPT, text, text, unsafe=True, remaining=["PLX207", "PLX207"])


def test_token_login_is_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon login --token \"$TOKEN\"\npolyaxon login -t x\n")
