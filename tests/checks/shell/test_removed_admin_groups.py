from __future__ import annotations

import pytest

from tests.checks.shell._cases import manual


@pytest.mark.parametrize("text", [
    "polyaxon cluster\n", "polyaxon cluster -n 2\n", "polyaxon user activate adam\n",
    "polyaxon superuser grant adam\n", "polyaxon bookmark experiments\n", "polyaxon bookmark -u adam projects\n",
])
def test_removed_groups_are_reported(text: str) -> None:
    manual(text, "PLX208", "no users")
