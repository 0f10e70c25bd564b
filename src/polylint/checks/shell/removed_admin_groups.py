"""PLX208: `polyaxon user`, `superuser`, `cluster` and `bookmark`, which v1 removed without a CLI
replacement (v0-to-v1-mapping.md §3, "removed"). Reported without a fix.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX208',
    name='removed-admin-groups',
    summary='v0 `polyaxon user|superuser|cluster|bookmark`: removed in v1, without a replacement',
    why=(
        "Polyaxon v1's CLI has no user management (CE has no users; EE and Cloud manage them in the UI), "
        'no `cluster` command (use `kubectl get nodes`) and no bookmarks. These calls fail with "No such '
        'command"; remove them or replace them with the tools named.'
    ),
    example='polyaxon cluster\npolyaxon superuser grant adam\n',
    fixed_example='kubectl get nodes\n',
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
