"""PLX203: `polyaxon notebook start|stop|url`, gone in v1, where a notebook is a hub service
(v0-to-v1-mapping.md §3; D1 `intro/iterative-process/iterate-in-notebooks.md`).

`notebook start` (no file) becomes `polyaxon run --hub jupyterlab`: safe. `notebook stop` and `url`
become `ops stop` and `ops service --url`: unsafe, because they act on the run v1 cached last, which
must be the notebook. `start -f FILE` (a v0 `kind: notebook` file) and `-u` are reported without fix.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX203',
    name='notebook-command',
    summary='v0 `polyaxon notebook`: v1 starts JupyterLab from the hub with `polyaxon run --hub jupyterlab`',
    why=(
        'Polyaxon v1 has no `notebook` command: JupyterLab is a service started from the component hub '
        'with `polyaxon run --hub jupyterlab` (safe fix). A v0 `kind: notebook` file becomes an operation'
        ' with `hubRef: jupyterlab` and a `runPatch`, started with `polyaxon run -f FILE` (reported, not '
        'fixed). `notebook stop` and `notebook url` become `polyaxon ops stop` and `polyaxon ops service '
        '--url`; these fixes are unsafe, since without `-uid` v1 acts on the run it cached last, which '
        'must be the notebook.'
    ),
    example='polyaxon notebook -p mnist start\npolyaxon notebook stop -y\n',
    fixed_example='polyaxon run --hub jupyterlab -p mnist\npolyaxon ops stop -y\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: 'polyaxon notebook stop -y\n',
        Applicability.MANUAL: 'polyaxon notebook start -u\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
