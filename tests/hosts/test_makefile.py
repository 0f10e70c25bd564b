from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings

BEFORE = """PROJECT ?= mnist
CMD = polyaxon upload

init:
\t@polyaxon init $(PROJECT)
\t-polyaxon experiment -xp 12 \\
\t  logs --past
\techo "polyaxon upload"
"""
AFTER = """PROJECT ?= mnist
CMD = polyaxon upload

init:
\t@polyaxon init -p $(PROJECT)
\t-polyaxon ops logs -uid 12
\techo "polyaxon upload"
"""


def test_recipe_lines_are_located_after_their_prefixes() -> None:
    found = [(f.code, f.location.row, f.location.column, f.end_location.row, f.end_location.column)
             for f in findings("Makefile", BEFORE)]
    assert found == [("PLX205", 5, 17, 5, 27), ("PLX201", 6, 12, 7, 8)]


def test_recipes_are_rewritten_with_make_variables_and_continuations() -> None:
    # The v0 id stays where v1 wants a uuid, reported (PLX213) until it is replaced.
    check_transformed("Makefile", BEFORE, AFTER, unsafe=True, remaining=["PLX213"])


def test_a_make_variable_holding_the_id_is_reported_with_the_v1_line() -> None:
    [finding] = findings("Makefile", "logs:\n\tpolyaxon experiment -xp $(XP) \\\n\t  logs\n")
    assert finding.fix is None
    assert "`polyaxon ops logs -uid $(XP)` once `$(XP)` holds the v1 run's uuid" in finding.message


def test_other_makefile_names() -> None:
    for name in ("GNUmakefile", "makefile", "rules.mk"):
        assert [f.code for f in findings(name, "x:\n\tpolyaxon upload\n")] == ["PLX204"]


def test_variables_and_non_recipe_lines_are_not_calls() -> None:
    check_noop("Makefile", "CMD = polyaxon upload\n# polyaxon upload\nx:\n\techo polyaxon upload\n")


def test_a_variable_the_makefile_sets_to_polyaxon_names_the_command() -> None:
    before = ("PLX ?= polyaxon\nexport CLI := /opt/venv/bin/polyaxon\n\nstop:\n\t@$(PLX) experiment \\\n"
              "\t  -xp 7 stop -y\n\t${CLI} job stop\n")
    after = "PLX ?= polyaxon\nexport CLI := /opt/venv/bin/polyaxon\n\nstop:\n\t@$(PLX) ops stop -uid 7 -y\n\t${CLI} ops stop\n"
    found = [(f.code, f.location.row, f.location.column) for f in findings("Makefile", before)]
    assert found == [("PLX201", 5, 10), ("PLX201", 7, 9)]  # at the v0 command path
    check_transformed("Makefile", before, after, unsafe=True, remaining=["PLX213"])


def test_a_variable_set_to_more_than_one_word_or_more_than_once_is_not_known() -> None:
    for head in ("PLX = polyaxon -v\n", "PLX = polyaxon\nPLX += -v\n", "PLX = polyaxon\nPLX = echo\n",
                 "PLX != which polyaxon\n"):
        check_noop("Makefile", head + "stop:\n\t$(PLX) job stop\n")
