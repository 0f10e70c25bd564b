"""PLX209: the `polyaxon project` subcommands v1 changed (v0-to-v1-mapping.md §3; K1 `cli/projects.py`).

`project list` -> `project ls` and `project create --private` -> `project create` (v1 projects are
private by default) are safe. The run listings (`experiments`, `groups`, `jobs`, `tensorboards`,
`notebooks`) become `ops ls` with a `kind:` query; `experiments` is unsafe because v1 lists every kind
of run and reads `-q` in its own query language. `builds`, `git`, `ci`, `download`,
`invalidate_builds` and bookmarks are reported with what to do.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX209',
    name='project-subcommands',
    summary=(
        'v0 `polyaxon project` subcommands that v1 removed or changed (`list`, `experiments`, `groups`, '
        '`git`...)'
    ),
    why=(
        "v1's `project` group has `create`, `dashboard`, `delete`, `get`, `ls` and `update`. `list` is "
        '`ls`; `create --private` is the default (v1 has `--public` instead). Runs of a project are '
        'listed with `polyaxon ops ls -p PROJECT`, filtered by kind: groups are `kind: matrix`, jobs '
        '`kind: job`, notebooks and tensorboards `kind: service`; `--metrics/--params` columns are `-io`.'
        ' v1 has no project git, CI, download or build invalidation commands.'
    ),
    example='polyaxon project create --name=mnist --private\npolyaxon project -p mnist groups\n',
    fixed_example='polyaxon project create --name=mnist\npolyaxon ops ls -q "kind: matrix" -p mnist\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: 'polyaxon project -p mnist experiments -m -q "status:failed"\n',
        Applicability.MANUAL: 'polyaxon project builds\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
