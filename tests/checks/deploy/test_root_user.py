"""PLX504: the v0 root user."""

import pytest

from tests.helpers import check_transformed, findings

BEFORE = "adminViewEnabled: true\nuser:\n  username: root\n  password: rootpassword\n"
# What --unsafe-fixes makes of BEFORE's first two lines: both settings kept as comments.
KEPT = ("# polylint: v0 `adminViewEnabled` has no v1 place: v1 CE has no admin view; kept as a comment\n"
        "# adminViewEnabled: true\n"
        "# polylint: v0 `user` has no v1 place: v1 CE has no users and no passwords (no login); protect the API "
        "with your ingress or network instead; kept as a comment\n"
        "# user:\n")


def kept_as_comments(before: str, after: str) -> None:
    check_transformed("config.yml", before, after, unsafe=True, remaining=["PLX509", "PLX509"])


def test_reported_at_user() -> None:
    (finding,) = [f for f in findings("config.yml", BEFORE) if f.code == "PLX504"]
    assert (finding.location.row, finding.location.column) == (2, 1)
    assert "no users" in finding.message


def test_kept_as_a_comment() -> None:
    kept_as_comments(BEFORE, KEPT + "#   username: root\n#   password: rootpassword\n")


def test_user_alone_is_not_a_v0_marker() -> None:
    assert findings("config.yml", "rbac:\n  enabled: true\nuser:\n  password: x\n") == []


def test_a_scalar_that_goes_on_left_of_the_block_is_kept_whole_in_the_comment() -> None:
    # YAML lets a quoted scalar's next line start anywhere: a block ended by indentation alone left
    # `s3cret"` outside the comment, as YAML of its own.
    before = BEFORE.replace("password: rootpassword\n", 'password: "\\\ns3cret"\n')
    kept_as_comments(before, KEPT + '#   username: root\n#   password: "\\\n# s3cret"\n')


@pytest.mark.parametrize("value, commented", [
    ("note: |\n    hello\n", "#   note: |\n#     hello\n"),  # the key after a block scalar is not the block's
    ("groups: [a,\nb]\n", "#   groups: [a,\n# b]\n"),  # a flow collection goes on left of the block
])
def test_a_block_ends_where_its_yaml_does(value: str, commented: str) -> None:
    rest = "rbac:\n  enabled: true\n"
    kept_as_comments(f"adminViewEnabled: true\nuser:\n  {value}{rest}", KEPT + commented + rest)
