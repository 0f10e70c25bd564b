"""PLX309: a v0 framework callback from `polyaxon_client.tracking.contrib` (v0-surface.md §3.2, v1-surface.md §5.5).

`keras.PolyaxonKeras(experiment=, metrics=)` -> `polyaxon.tracking.contrib.keras.PolyaxonCallback(run=,
metrics=)`; `fastai.PolyaxonFastai(learn, experiment=)` -> `polyaxon.tracking.contrib.fastai_v1.
PolyaxonCallback(learn, run=)` (v0 supported fastai v1). `PolyaxonLoggingTensorHook` maps to a different
hook and is manual; `PolyaxonModelCheckpoint` has no 1.20 counterpart (PLX308).
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX309',
    name='v0-callback',
    summary=(
        'v0 framework callback (`PolyaxonKeras`, `PolyaxonFastai`...): v1 has `polyaxon.tracking.contrib.*`'
    ),
    why=(
        "v1's callbacks live in `polyaxon.tracking.contrib.<framework>` and take the run as `run=` "
        '(default: the run `tracking.init()` set up).'
    ),
    example=(
        'from polyaxon import tracking\n'
        'from polyaxon_client.tracking.contrib.keras import PolyaxonKeras\n'
        '\n'
        'experiment = tracking.init()\n'
        'model.fit(x, y, callbacks=[PolyaxonKeras(experiment=experiment)])\n'
    ),
    fixed_example=(
        'from polyaxon import tracking\n'
        'from polyaxon.tracking.contrib.keras import PolyaxonCallback\n'
        '\n'
        'experiment = tracking.init()\n'
        'model.fit(x, y, callbacks=[PolyaxonCallback(run=experiment)])\n'
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: (
            'from polyaxon_client.tracking.contrib.logging_tensor_hook import PolyaxonLoggingTensorHook\n'
            '\n'
            'hook = PolyaxonLoggingTensorHook(tensors)\n'
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
