"""PLX211: the pre-0.5 `polyaxon deploy`/`teardown` aliases and `admin deploy|upgrade` with underscore
options (`--manager_path`, `--dry_run`), which v1 spells `polyaxon admin ...` with dashes
(v0-surface.md §2; v1-surface.md §4; K1 `cli/admin.py`). The rewrite is safe; the Helm config file
itself must follow v1's chart, which PLX5xx rules check.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX211',
    name='admin-commands',
    summary=(
        'v0 `polyaxon deploy|teardown` and `admin` underscore options: v1 has `polyaxon admin` with '
        'dashed options'
    ),
    why=(
        'v1 deploys with `polyaxon admin deploy|upgrade|teardown`; the old top-level `deploy` and '
        '`teardown` aliases are gone, and options are dashed (`--manager-path`, `--dry-run`). `deploy '
        '--upgrade` is `admin upgrade`, reported for you to rewrite. The config file passed with `-f` '
        'must be a v1 Helm values file.'
    ),
    example='polyaxon deploy -f config.yml\npolyaxon admin upgrade -f config.yml --dry_run\n',
    fixed_example='polyaxon admin deploy -f config.yml\npolyaxon admin upgrade -f config.yml --dry-run\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: 'polyaxon deploy -f config.yml --upgrade\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
