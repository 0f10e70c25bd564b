"""PLX505: v0 deployment keys v1 does not have."""

from tests.helpers import check_transformed, findings


def test_top_level_and_nested_keys() -> None:
    text = "rbac: {}\neventsHandlers:\n  replicas: 1\nintervals:\n  experimentsSync: 10\n  operationsMaxRetryDelay: 5\n"
    found = [(f.code, f.location.row, f.location.column) for f in findings("values.yaml", text)]
    assert found == [("PLX505", 2, 1), ("PLX505", 5, 3)]


def test_nested_key_kept_at_its_indentation() -> None:
    before = "rbac: {}\nhpsearch: {}\nintervals:\n  experimentsSync: 10\n  operationsMaxRetryDelay: 5\n"
    after = ("rbac: {}\n"
             "# polylint: v0 `hpsearch` has no v1 place: v1 CE runs grid/random searches client-side; the hpsearch "
             "workers are gone; kept as a comment\n# hpsearch: {}\n"
             "intervals:\n"
             "  # polylint: v0 `intervals.experimentsSync` has no v1 place: v1 has no experiments sync interval; "
             "kept as a comment\n  # experimentsSync: 10\n"
             "  operationsMaxRetryDelay: 5\n")
    check_transformed("values.yaml", before, after, unsafe=True, remaining=["PLX509", "PLX509"])
