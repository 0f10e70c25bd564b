"""PLX210: options of commands that exist in both versions but are gone in v1: `run --ttl`, `--debug`,
`--conda_env` (reported: `termination.ttl` goes into the polyaxonfile), `check --definition` and
`version --cli/--platform` (dropped, safe: v1 prints the same information without them)
(v0-to-v1-mapping.md §3; v0-surface.md §2; v1-surface.md §4).
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX210',
    name='removed-options',
    summary=(
        'v0 options that v1 dropped from surviving commands (`run --ttl/--debug/--conda_env`, `version '
        '--cli`...)'
    ),
    why=(
        'These commands still exist in v1, but v1 refuses these options ("No such option"). `run --ttl N`'
        ' is `termination: {ttl: N}` in the polyaxonfile, and `--debug`/`--conda_env` have no v1 form, so'
        ' those are reported. `check --definition` and `version --cli/--platform` are simply dropped: '
        "v1's `check` validates without printing a definition and v1's `version` prints both versions."
    ),
    example='polyaxon version --cli\npolyaxon check -f polyaxonfile.yml --definition\n',
    fixed_example='polyaxon version\npolyaxon check -f polyaxonfile.yml\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: 'polyaxon run -f polyaxonfile.yml --debug\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
