"""PLX305: a `polyaxon_helper` function (v0-surface.md §3.3; deprecated already in v0, mapping §4.2).

`send_metrics(**m)` -> `tracking.log_metrics(**m)`, `get_outputs_path()` -> `tracking.get_outputs_path()`,
`get_log_level()` -> `tracking.get_log_level()`. The helper made its experiment when it was imported, while
v1's tracking functions act on the run `tracking.init()` makes: the rewrite writes that call where the module
runs first, unless a run certainly made before is there already; where the order cannot be told (a function
only another module calls) it takes `tracking.get_or_create_run()`, unsafe (surfaces/python_usage.py,
`_after_init`). The
helpers without a v1 counterpart are PLX308.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX305',
    name='v0-helper',
    summary=(
        'v0 `polyaxon_helper` function (`send_metrics`, `get_outputs_path`...)'
    ),
    why=(
        '`polyaxon_helper` was a thin wrapper over the v0 tracking client that created an `Experiment` at '
        "import time. v1's `tracking` module has the same functions, acting on the run `tracking.init()` "
        'creates: a rewrite without that call would fail at its first metric. The fix calls '
        '`tracking.init()` once, before the module runs anything, unless the module makes its run first.'
    ),
    example=(
        'from polyaxon_helper import send_metrics\n'
        '\n'
        'for epoch in range(3):\n'
        '    send_metrics(loss=1 / (epoch + 1), step=epoch)\n'
    ),
    fixed_example=(
        'from polyaxon import tracking\n'
        '\n'
        'tracking.init()\n'
        '\n'
        'for epoch in range(3):\n'
        '    tracking.log_metrics(loss=1 / (epoch + 1), step=epoch)\n'
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: (
            'from polyaxon_helper import send_metrics\n'
            '\n'
            '\n'
            'def report(**metrics):\n'
            '    send_metrics(**metrics)\n'
        ),
        Applicability.MANUAL: (
            'try:\n'
            '    from polyaxon_helper import send_metrics\n'
            'except ImportError:\n'
            '    send_metrics = None\n'
            'send_metrics(loss=0.1)\n'
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
