"""PLX207: `polyaxon login --username/--password`. Polyaxon CE v1 has no authentication; Cloud and EE
log in with a token (v0-to-v1-mapping.md §3). v1's click tree still accepts these options (for EE), so
this is the one PLX2xx rule that can flag a line v1 parses; a v1 EE user can turn it off with
`ignore = ["PLX207"]`. Reported without a fix: deleting a command could change what a script does.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX207',
    name='login-credentials',
    summary='v0 `polyaxon login --username/--password`: Polyaxon CE v1 has no users',
    why=(
        "v0's CE server had users, and scripts logged in with `polyaxon login -u USER -p PASSWORD`. "
        'Polyaxon CE v1 has no users and no login: drop the call. Polyaxon Cloud and EE log in with '
        '`polyaxon login --token TOKEN`. A v1 EE deployment still takes a username and password, so if '
        'that is yours, ignore PLX207.'
    ),
    example='polyaxon login --username=admin --password="$POLYAXON_PASSWORD"\n',
    fixed_example=(
        '# Polyaxon CE v1: no login. Polyaxon Cloud/EE: polyaxon login --token "$POLYAXON_TOKEN" '
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
