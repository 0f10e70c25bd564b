"""PLX306: code reading an environment variable that v0 runs had and v1 runs do not (v0-surface.md §4.1, §4.2),
via `os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)` or `"..." in os.environ`.

v1 sets `POLYAXON_RUN_INSTANCE`, `POLYAXON_HOST`, `POLYAXON_AUTH_TOKEN` (v1-surface.md §5.5); params are
inputs passed as arguments or with `toEnv`. Manual: the message names the v1 way for each variable.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX306',
    name='v0-environment-variable',
    summary=(
        'v0 environment variable read (`POLYAXON_PARAMS`, `POLYAXON_RUN_OUTPUTS_PATH`...)'
    ),
    why=(
        'A v1 run does not get `POLYAXON_PARAMS`, `POLYAXON_DECLARATIONS`, `POLYAXON_RUN_OUTPUTS_PATH`, '
        '`POLYAXON_RUN_DATA_PATHS`, `POLYAXON_EXPERIMENT_INFO` and the other v0 variables, so code reading '
        'them silently gets nothing (or a KeyError).'
    ),
    example=(
        'import json, os\n'
        "params = json.loads(os.environ['POLYAXON_PARAMS'])\n"
        "outputs = os.environ.get('POLYAXON_RUN_OUTPUTS_PATH')\n"
    ),
    fixed_example=(
        'import argparse\n'
        'from polyaxon import tracking\n'
        'parser = argparse.ArgumentParser()\n'
        "parser.add_argument('--lr', type=float)  # args: [--lr={{ lr }}]\n"
        'params = parser.parse_args()\n'
        'tracking.init()\n'
        'outputs = tracking.get_outputs_path()\n'
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
