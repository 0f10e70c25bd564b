from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, findings, transformed


def test_the_project_becomes_an_option() -> None:
    transformed("polyaxon init mnist\n", "polyaxon init -p mnist\n")
    transformed('polyaxon init "$PROJECT" --polyaxonfile\n', 'polyaxon init -p "$PROJECT" --polyaxonfile\n')
    transformed("polyaxon init --polyaxonfile 'acme/my proj'\n", "polyaxon init --polyaxonfile -p 'acme/my proj'\n")


def test_the_span_is_the_project_word() -> None:
    [finding] = findings(SCRIPT, "cd x && polyaxon init mnist\n")
    assert (finding.location.column, finding.end_location.column) == (23, 28)


def test_v1_init_is_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon init -p mnist --polyaxonignore\npolyaxon init\n")
