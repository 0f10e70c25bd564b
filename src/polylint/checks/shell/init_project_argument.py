"""PLX205: `polyaxon init PROJECT`, which v1 spells `polyaxon init -p PROJECT` (v0-to-v1-mapping.md §3;
K1 `cli/init.py`). The rewrite puts `-p` before the project word, kept as written: safe.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX205',
    name='init-project-argument',
    summary='v0 `polyaxon init PROJECT`: v1 takes the project as an option, `polyaxon init -p PROJECT`',
    why=(
        "v0's `init` took the project as an argument; v1's takes it as an option (`--project/-p`) and "
        'refuses an argument ("Got unexpected extra argument"). The fix inserts `-p` before the project, '
        'which is kept as written (quotes and variables too).'
    ),
    example='polyaxon init mnist\n',
    fixed_example='polyaxon init -p mnist\n',
    fix=Applicability.SAFE,
    fix_examples={
        # The project inside a double-quoted -c script, in escaped quotes: no edit keeps the script's quoting.
        Applicability.MANUAL: 'bash -c "polyaxon init \\"$PROJECT\\""\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
