"""PLX501: the v0 in-cluster docker-registry."""

from tests.helpers import check_transformed, findings

BEFORE = ("rbac:\n  enabled: true\n"
          "docker-registry:\n  enabled: true\n  # the PVC\n  persistence:\n    size: 10Gi\n\n"
          "ingress: {}\n")
AFTER = ("rbac:\n  enabled: true\n"
         "# polylint: v0 `docker-registry` has no v1 place: v1 has no in-cluster registry: declare an external "
         "one as a `kind: registry` connection (`schema.url`, a docker-config `secret`) and push to it from a "
         "kaniko build; kept as a comment\n"
         "# docker-registry:\n#   enabled: true\n#   # the PVC\n#   persistence:\n#     size: 10Gi\n\n"
         "ingress: {}\n")


def test_reported_at_the_key_with_an_unsafe_fix() -> None:
    (finding,) = findings("polyaxon-values.yaml", BEFORE)
    assert (finding.code, finding.location.row, finding.location.column, finding.end_location.column) == \
        ("PLX501", 3, 1, 16)
    assert "kind: registry" in finding.message
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"


def test_kept_as_a_comment() -> None:
    check_transformed("polyaxon-values.yaml", BEFORE, AFTER, unsafe=True, remaining=["PLX509"])


def test_not_applied_without_unsafe_fixes() -> None:
    check_transformed("polyaxon-values.yaml", BEFORE, BEFORE, unsafe=False, remaining=["PLX501"])
