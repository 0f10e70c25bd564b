"""PLX305: a `polyaxon_helper` function (v0-surface.md §3.3; deprecated already in v0, mapping §4.2).

`send_metrics(**m)` -> `tracking.log_metrics(**m)`, `get_outputs_path()` -> `tracking.get_outputs_path()`,
`get_log_level()` -> `tracking.get_log_level()`. Unsafe: the helper built its experiment when imported, while
v1's tracking functions act on the run `tracking.init()` creates, so a call to it must come first. The
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
        'creates: call `tracking.init()` once before them.'
    ),
    example=(
        'from polyaxon import tracking\n'
        'from polyaxon_helper import send_metrics\n'
        '\n'
        'tracking.init()\n'
        'send_metrics(loss=0.1)\n'
    ),
    fixed_example=(
        'from polyaxon import tracking\n'
        '\n'
        'tracking.init()\n'
        'tracking.log_metrics(loss=0.1)\n'
    ),
    fix=Applicability.UNSAFE,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
