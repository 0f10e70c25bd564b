from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, manual, transformed


def test_deploy_aliases_move_under_admin() -> None:
    transformed("polyaxon deploy -f config.yml\n", "polyaxon admin deploy -f config.yml\n")
    transformed("polyaxon teardown -f config.yml\n", "polyaxon admin teardown -f config.yml\n")
    transformed("polyaxon admin upgrade -f config.yml --dry_run --manager_path=helm\n",
                "polyaxon admin upgrade -f config.yml --dry-run --manager-path=helm\n")


def test_deploy_upgrade_is_reported() -> None:
    manual("polyaxon deploy -f config.yml --upgrade\n", "PLX211", "admin upgrade")


def test_v1_admin_is_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon admin deploy -f config.yml --dry-run\n")
