from __future__ import annotations

import pytest

from tests.checks.shell._cases import SCRIPT, findings, integer_id_fixed, manual, variable_id_reported


def test_an_experiment_board_becomes_the_single_run_hub_component() -> None:
    integer_id_fixed("polyaxon tensorboard -xp 12 start\n",
                     "polyaxon run --hub tensorboard:single-run -P uuid=12\n", "PLX202", "12")
    variable_id_reported('polyaxon tensorboard -p mnist --experiment "$XP" start\n', "PLX202",
                         'polyaxon run --hub tensorboard:single-run -P uuid="$XP" -p mnist')


def test_the_fix_says_the_id_must_become_a_uuid() -> None:
    [finding] = findings(SCRIPT, "polyaxon tensorboard -xp 12 start\n")
    assert finding.fix is not None and "uuid" in finding.fix.message


@pytest.mark.parametrize("text", [
    "polyaxon tensorboard -g 3 start\n",
    "polyaxon tensorboard start\n",
    "polyaxon tensorboard -xp 1 start -f tb.yml\n",
    "polyaxon tensorboard -xp 1 stop\n",
    "polyaxon tensorboard url\n",
])
def test_boards_needing_uuids_only_the_user_knows_are_reported(text: str) -> None:
    manual(text, "PLX202", "ops" if "stop" in text or "url" in text else "tensorboard:")
