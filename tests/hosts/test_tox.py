from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings

TOX = "[tox]\nenvlist = py\n\n[testenv]\ndeps = polyaxon\ncommands =\n    polyaxon init mnist\n    pytest\ncommands_post = polyaxon upload\n"


def test_commands_are_located() -> None:
    assert [(f.code, f.location.row, f.location.column) for f in findings("tox.ini", TOX)] == [
        ("PLX205", 7, 19), ("PLX204", 9, 26)]


def test_commands_are_rewritten() -> None:
    check_transformed("tox.ini", TOX, TOX.replace("init mnist", "init -p mnist"), remaining=["PLX204"])


def test_other_sections_are_not_commands() -> None:
    check_noop("tox.ini", "[tox]\nrequires = polyaxon\n[flake8]\ncommands = polyaxon upload\n")
