"""PLX204: `polyaxon upload`, gone in v1, where code is uploaded into a run's artifacts by
`polyaxon run -u` (v0-to-v1-mapping.md §3; D1 `iterate-with-cli-local-code.md`). Reported without a
fix: the upload must move onto the `run` command, whose place in the script only the user knows.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX204',
    name='upload-command',
    summary='v0 `polyaxon upload`: v1 uploads code with a run (`polyaxon run -f FILE -u`)',
    why=(
        "v0 uploaded the project's code once with `polyaxon upload`, and every later run used it. "
        'Polyaxon v1 has no `upload` command: `polyaxon run -f FILE -u` uploads the current folder into '
        "that run's artifacts (`{{ globals.run_artifacts_path }}/uploads`; set the component's "
        '`workingDir` there), and `polyaxon ops upload -uid UUID` adds files to an existing run. Merging '
        'the upload into the right `run` call is a decision for you, so there is no automatic fix.'
    ),
    example='polyaxon upload\npolyaxon run -f polyaxonfile.yml\n',
    fixed_example='polyaxon run -f polyaxonfile.yml -u\n',
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
