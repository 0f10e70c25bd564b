"""PLX202: `polyaxon tensorboard [-xp N|-g N] start|stop|url`, gone in v1, where TensorBoard is a hub
component run as a service (v0-to-v1-mapping.md §3, D1 `intro/tensorboard/single-tensorboard.md`).

`tensorboard -xp N start` becomes `polyaxon run --hub tensorboard:single-run -P uuid=N`: unsafe, since N
must become the run's uuid, and PLX213 keeps reporting the line until it has. With the id in a variable
(`-xp "$XP"`) there is no fix: the v1 line would look finished, so the finding gives it instead. A
group's board (`-g`), a project's board, a custom `-f` file, `stop` and `url` are reported with what to
do: their v1 form needs uuids that only the user can supply.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX202',
    name='tensorboard-command',
    summary=(
        'v0 `polyaxon tensorboard`: v1 starts TensorBoard from the hub with `polyaxon run --hub '
        'tensorboard:...`'
    ),
    why=(
        'Polyaxon v1 has no `tensorboard` command: a TensorBoard is a service started from the component '
        'hub. For one run: `polyaxon run --hub tensorboard:single-run -P uuid=UUID`; for several runs (a '
        'v0 group): `polyaxon run --hub tensorboard:multi-run -P uuids=U1,U2,...`; for a path: an '
        'operation with `hubRef: tensorboard:path`. The fix for `tensorboard -xp N start` keeps N in `-P '
        "uuid=N` and is unsafe: v1 wants the run's uuid, and PLX213 reports the line until N is replaced. "
        'With the id in a variable (`-xp "$XP"`) the finding gives the v1 line and no fix, since nothing '
        "would be left to say that `$XP` must now hold a uuid. `stop` and `url` act on the tensorboard's own v1"
        ' run (`ops stop -uid`, `ops service -uid --url`), whose uuid only you know, so they are reported'
        ' without a fix.'
    ),
    example='polyaxon tensorboard -xp 12 start\n',
    fixed_example=(
        "polyaxon run --hub tensorboard:single-run -P uuid=12  # then put the run's uuid in place of 12 "
    ),
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: 'polyaxon tensorboard url\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
