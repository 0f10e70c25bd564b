from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings

BEFORE = """PROJECT ?= mnist
CMD = polyaxon upload

init:
\t@polyaxon init $(PROJECT)
\t-polyaxon experiment -xp $(XP) \\
\t  logs --past
\techo "polyaxon upload"
"""
AFTER = """PROJECT ?= mnist
CMD = polyaxon upload

init:
\t@polyaxon init -p $(PROJECT)
\t-polyaxon ops logs -uid $(XP)
\techo "polyaxon upload"
"""


def test_recipe_lines_are_located_after_their_prefixes() -> None:
    found = [(f.code, f.location.row, f.location.column, f.end_location.row, f.end_location.column)
             for f in findings("Makefile", BEFORE)]
    assert found == [("PLX205", 5, 17, 5, 27), ("PLX201", 6, 12, 7, 8)]


def test_recipes_are_rewritten_with_make_variables_and_continuations() -> None:
    check_transformed("Makefile", BEFORE, AFTER, unsafe=True)


def test_other_makefile_names() -> None:
    for name in ("GNUmakefile", "makefile", "rules.mk"):
        assert [f.code for f in findings(name, "x:\n\tpolyaxon upload\n")] == ["PLX204"]


def test_variables_and_non_recipe_lines_are_not_calls() -> None:
    check_noop("Makefile", "CMD = polyaxon upload\n# polyaxon upload\nx:\n\techo polyaxon upload\n")
