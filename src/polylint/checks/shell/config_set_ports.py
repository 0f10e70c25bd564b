"""PLX206: `polyaxon config set` (and `purge`) with v0's host, port and https options; v1 takes one URL,
`--host=http(s)://HOST:PORT` (v0-to-v1-mapping.md §3; D1 `core/cli/reconfiguration.md`).

The rewrite builds the URL from `--host`, `--port` (or 0.4.4's `--http_port`) and `--use_https`, keeps
each value as written, drops `--ws_port` (v1 uses one port), and respells `--verify_ssl` and
`--verbose`. It is safe; without `--host`, or with a `--use_https` known only at run time, there is no fix.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX206',
    name='config-set-ports',
    summary='v0 `polyaxon config set --port/--http_port/--ws_port/--use_https`: v1 takes one URL in `--host`',
    why=(
        "v1's `config set` has no `--port`, `--http_port`, `--ws_port` or `--use_https`: the whole "
        'address is one URL in `--host` (`--host=https://polyaxon.example.com:443`). `--verify_ssl` is '
        'spelled `--verify-ssl` and `--verbose` became `--debug`. The fix builds the URL from the v0 '
        'values, kept as written (so `$HOST` stays a variable); it needs `--host` and a `--use_https` '
        'value written in the script.'
    ),
    example='polyaxon config set --host=localhost --port=31811 --use_https=false\n',
    fixed_example='polyaxon config set --host=http://localhost:31811\n',
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: 'polyaxon config set --host=localhost\n',
        Applicability.MANUAL: 'polyaxon config set --port=80\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
