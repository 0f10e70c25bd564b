"""PLX303: a v0 tracking call that v1 renamed or changed (v0-surface.md §3.2, mapping §4.2, v1-surface.md §5.4).

On a tracker object: `log_params` -> `log_inputs`; `log_data_ref(data, data_name=)` -> `log_data_ref(content=,
name=)`; `succeeded()`/`failed()`/`stop()` -> `log_succeeded()`/`log_failed(message=)`/`log_stopped()` (v1
`stop()` stops the run on the server!); `log_status(status, message)` -> `log_status(status, message=)` (v1's
second parameter is `reason`); `log_output(s)`/`log_artifacts` -> `log_artifact`/`upload_artifacts_dir`
(unsafe: v1 moves files and records lineage); `get_params()` -> `get_inputs()` (unsafe: read from the API).
Module functions: `get_outputs_path()`/`get_log_level()` -> `tracking.get_outputs_path()`/
`tracking.get_log_level()`, which act on the run `tracking.init()` made: safe after a run certainly made
first, with the `tracking.init()` the fix writes, or on the run `tracking.get_or_create_run()` shares (see
PLX305); reported without a fix where the module makes its run later in a way that cannot be shared. Calls v1 has no
mechanical counterpart for (`create`, `end`, `outputs_store`...) are reported with the v1 way.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX303',
    name='v0-tracking-call',
    summary=(
        'v0 tracking method or function renamed or changed in v1 (`log_params`, `log_data_ref(data=)`, '
        '`get_outputs_path()`...)'
    ),
    why=(
        'v1 renamed several tracking methods and changed some parameters: `log_params` is `log_inputs`, '
        '`log_data_ref` takes `content=` and `name=`, the status helpers are '
        '`log_succeeded`/`log_failed`/`log_stopped`, and v1 `stop()` now stops the run on the server. The '
        'path helpers are `tracking.*` functions that act on the run `tracking.init()` set up.'
    ),
    example=(
        'from polyaxon import tracking\n'
        '\n'
        'experiment = tracking.init()\n'
        'experiment.log_params(lr=0.01)\n'
        "experiment.log_data_ref(data=x_train, data_name='x_train')\n"
        'experiment.succeeded()\n'
    ),
    fixed_example=(
        'from polyaxon import tracking\n'
        '\n'
        'experiment = tracking.init()\n'
        'experiment.log_inputs(lr=0.01)\n'
        "experiment.log_data_ref(content=x_train, name='x_train')\n"
        'experiment.log_succeeded()\n'
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: (
            'from polyaxon_client.tracking import get_outputs_path\n'
            '\n'
            '\n'
            'def folder():\n'
            '    return get_outputs_path()\n'
        ),
        Applicability.MANUAL: (
            'from polyaxon_client.tracking import Experiment\n'
            '\n'
            'experiment = Experiment()\n'
            "experiment.create(name='mnist', tags=['baseline'])\n"
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
