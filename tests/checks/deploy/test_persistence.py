"""PLX503: v0 persistence -> artifactsStore and connections."""

from polylint.checks.deploy.persistence import RULE
from tests.checks.deploy.test_deploy import validate_v1
from tests.helpers import check_transformed, findings, fixed_text


def test_each_volume_kind_is_reported_at_its_key() -> None:
    text = ("rbac: {}\npersistence:\n  logs:\n    existingClaim: l\n  repos:\n    existingClaim: r\n"
            "  upload:\n    existingClaim: u\n  outputs:\n    o:\n      existingClaim: o\n      mountPath: /o\n"
            "  data:\n    d:\n      hostPath: /d\n      mountPath: /d\n")
    found = findings("values.yaml", text)
    assert [(f.code, f.location.row, f.location.column) for f in found] == \
        [("PLX503", row, 3) for row in (3, 5, 7, 9, 13)]
    assert "artifactsStore" in found[3].message and "git" in found[1].message and "connection" in found[4].message


def test_rule_example_becomes_its_fixed_example() -> None:
    text = "rbac:\n  enabled: true\n" + RULE.example
    check_transformed("values.yaml", text, "rbac:\n  enabled: true\n" + RULE.fixed_example, unsafe=True)
    validate_v1(RULE.fixed_example)


def test_duplicate_names_are_kept_for_a_human() -> None:
    text = ("rbac: {}\npersistence:\n  outputs:\n    store:\n      hostPath: /a\n      mountPath: /a\n"
            "  data:\n    store:\n      hostPath: /b\n      mountPath: /b\n")
    after = fixed_text("values.yaml", text, unsafe=True)
    assert "# polylint: v0 `persistence.data.store` has no v1 place" in after
    validate_v1(after)


def test_no_fix_when_the_rewrite_would_not_read_as_the_v1_values(monkeypatch) -> None:
    from polylint.checks.deploy import _convert

    text = "rbac:\n  enabled: true\n" + RULE.example
    assert any(f.fix for f in findings("values.yaml", text) if f.code == "PLX503")
    monkeypatch.setattr(_convert, "dump", lambda values: "")  # what the guard is for: values that went missing
    assert [f.fix for f in findings("values.yaml", text) if f.code == "PLX503"] == [None] * 2
