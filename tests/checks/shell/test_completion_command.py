from __future__ import annotations

import pytest

from tests.checks.shell._cases import SCRIPT, check_noop, manual


@pytest.mark.parametrize("text", [
    "polyaxon completion\n", "polyaxon completion bash\n", "polyaxon completion --append zsh ~/.zshrc\n",
    "polyaxon completion --overwrite\n",
])
def test_every_v0_completion_is_reported_with_what_v1_prints_instead(text: str) -> None:
    manual(text, "PLX212", "installs nothing")


def test_v1_completion_setup_is_not_flagged() -> None:
    check_noop(SCRIPT, "_POLYAXON_COMPLETE=bash_source polyaxon > ~/.polyaxon-complete.bash\n"
                       "echo polyaxon completion bash\n")
