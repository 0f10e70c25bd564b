"""PLX302: a v0 tracker object built from `polyaxon_client.tracking` (`Experiment()`, `Job()`, `Group()`, `BuildJob()`).

v1 tracks with `from polyaxon import tracking; tracking.init()` (v1-surface.md §5.4, mapping §4.2).
`Experiment(...)` and `Job(...)` become `tracking.init(...)`, which returns the v1 `Run` and also sets the
module's run: so the object keeps working where it is passed around (`experiment.log_metrics(...)`,
callbacks given `run=experiment`), and the `tracking.*` functions work too. That is why `tracking.init()`
is chosen over a bare `Run()`. v0 ids (`experiment_id=`, `job_id=`) are integers that v1 cannot use: such a
call is reported for a manual rewrite. Groups and build jobs have no tracking object in v1.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX302',
    name='v0-tracker',
    summary=(
        'v0 tracking object `Experiment()`/`Job()` (and `Group`, `BuildJob`): v1 uses `tracking.init()`'
    ),
    why=(
        'The v0 tracking classes are gone. `tracking.init()` creates (in a Polyaxon run: finds) the v1 run,'
        ' returns it, and makes it the run that `tracking.log_*` and the framework callbacks use. Its '
        'keywords `project=`, `client=`, `track_code=`, `track_env=` keep their v0 meaning; '
        '`experiment_id=`/`job_id=` (integers) have no v1 counterpart: v1 runs are found by uuid.'
    ),
    example=(
        'from polyaxon_client.tracking import Experiment\n'
        '\n'
        'experiment = Experiment()\n'
        'experiment.log_params(lr=0.01)\n'
    ),
    fixed_example=(
        'from polyaxon import tracking\n'
        '\n'
        'experiment = tracking.init()\n'
        'experiment.log_inputs(lr=0.01)\n'
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: (
            'from polyaxon_client.tracking import Group\n'
            '\n'
            "group = Group(project='mnist')\n"
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
