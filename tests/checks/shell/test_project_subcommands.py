from __future__ import annotations

import pytest

from tests.checks.shell._cases import SCRIPT, check_noop, manual, transformed, unsafe_only


def test_private_is_the_v1_default() -> None:
    transformed("polyaxon project create --name=mnist --private --description='a b'\n",
                "polyaxon project create --name=mnist --description='a b'\n")


def test_list_is_ls() -> None:
    transformed("polyaxon project list\n", "polyaxon project ls\n")
    # v0 listed the user's projects whatever `-p` said; v1's `project ls` has no `-p`.
    transformed("polyaxon project -p mnist list\n", "polyaxon project ls\n")


def test_run_listings_become_ops_ls_by_kind() -> None:
    transformed("polyaxon project -p mnist groups\n", 'polyaxon ops ls -q "kind: matrix" -p mnist\n')
    transformed("polyaxon project jobs -s -updated_at\n", 'polyaxon ops ls -q "kind: job" -s -updated_at\n')
    transformed("polyaxon project notebooks\n", 'polyaxon ops ls -q "kind: service"\n')


def test_experiments_listing_is_unsafe() -> None:
    unsafe_only('polyaxon project -p mnist experiments -m -q "status:failed"\n',
                'polyaxon ops ls -p mnist -io -q "status:failed"\n', "PLX209")


@pytest.mark.parametrize("text", [
    "polyaxon project git --url=https://github.com/a/b\n", "polyaxon project ci --enable\n",
    "polyaxon project download\n", "polyaxon project builds\n", "polyaxon project list --page=2\n",
    "polyaxon project experiments --independent\n", "polyaxon project groups -q status:running\n",
])
def test_project_commands_without_a_v1_form_are_reported(text: str) -> None:
    manual(text, "PLX209", "")


def test_v1_project_commands_are_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon project create --name=mnist --public\npolyaxon project -p mnist get\n"
                       "polyaxon project ls\npolyaxon project update -p mnist --private=true\n")
