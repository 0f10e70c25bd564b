"""PLX201: `polyaxon experiment|group|job|build <command>`, which v1 replaced by `polyaxon ops <command>`.

v1 has no `experiment`, `group`, `job` or `build` group ("No such command"): every run, whatever its
kind, is an op (v0-to-v1-mapping.md §3; v1-surface.md §4). The rewrite maps each subcommand and its
options from the table in knowledge/cli.py and moves group options after the command, where v1 wants
them. v0 named runs by integer id (`-xp 2`), v1 by uuid (`-uid`) (§3.1): without an id both versions
use their cached run, so the fix is safe. A literal id stays after `-uid` in an unsafe fix, since it must
become the v1 run's uuid, and PLX213 keeps reporting it there; an id in a variable (`-xp "$XP"`) gets no
fix, because the v1 line would leave nothing to report: the finding gives the v1 line instead.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX201',
    name='removed-run-groups',
    summary=(
        'v0 `polyaxon experiment|group|job|build` commands: v1 has one `polyaxon ops` group for every run'
    ),
    why=(
        'Polyaxon v1 has no `experiment`, `group`, `job` or `build` command group: `polyaxon experiment '
        'logs` fails with "No such command \'experiment\'". Runs of every kind are managed with `polyaxon '
        "ops <command>`, with the group's options after the command (`polyaxon ops logs -p PROJECT -uid "
        'UUID`). `outputs` became `ops artifacts`, `group experiments` became `ops ls -q "pipeline: '
        'UUID"`, `--hide_time` is `--hide-time`. v0 `logs` streamed a running run\'s logs and v1 `ops logs` '
        'follows it by default, so `--follow` is dropped (given to polyaxon 1.20 on click < 8.3, it turns '
        'following off); v0 `logs --past` printed the stored logs and exited, which v1 cannot say, so that '
        'fix is unsafe. Safety: without an id, v0 used its cached run and v1 uses its '
        'own cache (the run last started with `polyaxon run` or fetched with `ops get`), so the fix is '
        "safe. With an id (`-xp 12`) the fix keeps it after `-uid` and is unsafe: v1 wants the run's uuid "
        'and v0 integer ids do not exist in v1, so PLX213 reports the line until the id is replaced. With '
        'the id in a variable (`-j "$JOB"`) the finding gives the v1 line and no fix, since nothing would '
        "be left to say that `$JOB` must now hold a uuid. `resources`, `code`, `jobs`, "
        'bookmarks, per-replica `--job`, `restart -u` and `group stop --pending` have no v1 command and '
        'are reported without a fix.'
    ),
    example='polyaxon experiment logs --past\npolyaxon job -p mnist stop -y\npolyaxon experiment outputs\n',
    fixed_example='polyaxon ops logs\npolyaxon ops stop -p mnist -y\npolyaxon ops artifacts\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: 'polyaxon experiment -xp 12 stop\n',
        Applicability.MANUAL: 'polyaxon experiment -xp 12 resources\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
