"""PLX213: a v1 `polyaxon` call that names a run by a v0 integer id (`polyaxon ops logs -uid 12`).

v1 names every run by its uuid (32 hex digits); v0's integer ids do not exist in v1
(v0-to-v1-mapping.md §3.1). Digits alone, fewer than 32 of them, are never a v1 run: the call fails
(or, in a query, matches nothing). This is what PLX201/PLX202's unsafe fixes leave on a line that gave
a literal id (`experiment -xp 12 logs` -> `ops logs -uid 12`), so the line stays reported until the id
is replaced; it finds the same mistake in calls migrated by hand. Reported without a fix: only the user
knows which v1 run stands for v0 experiment 12.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence, Tuple

from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge import cli
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces import shell
from polylint.surfaces.shell import Word

RULE = Rule(
    code='PLX213',
    name='integer-run-id',
    summary="a v0 integer run id where v1 wants the run's uuid (`polyaxon ops logs -uid 12`)",
    why=(
        "v1 names runs by uuid (`-uid 8aac02e3a62a4f0aaa257c59da5eab80`); v0's integer ids (`-xp 12`) do not"
        " exist in v1, so `polyaxon ops stop -uid 12` fails, `-P uuid=12` gives a tensorboard no run and "
        '`-q "pipeline: 12"` matches nothing. The fixes of PLX201 and PLX202 keep a literal v0 id where the '
        "uuid goes, and this rule keeps reporting it until it is replaced. List the uuids with `polyaxon ops "
        "ls -p PROJECT -c uuid,name`. No fix: only you know which v1 run stands for the v0 one."
    ),
    example='polyaxon ops logs -uid 12\npolyaxon ops ls -q "pipeline: 3"\n',
    fixed_example=('polyaxon ops logs -uid 8aac02e3a62a4f0aaa257c59da5eab80\n'
                   'polyaxon ops ls -q "pipeline: 5c1b4e0a6f2d4b7c9e8a3d2f1b0c9a8e"\n'),
    fix=Applicability.MANUAL,
)

_PIPELINE_ID = re.compile(r"(?<![\w.])pipeline:\s*([0-9]{1,31})(?![0-9A-Za-z])")


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for call in shell.calls(region):
        words = call.arguments
        first = next((index for index, word in enumerate(words)
                      if word.value not in cli.GLOBAL_OPTION_NAMES), len(words))
        command = words[first].value if first < len(words) else None
        rest = words[first + 1:]
        if command == "ops":
            yield from _uid_values(rest)
            yield from _pipeline_queries(rest)
        elif command == "run" and any(value.startswith(cli.TENSORBOARD_HUB) for _, _, value in
                                      _values(rest, cli.V1_HUB_OPTIONS)):
            yield from _board_params(rest)


def _values(words: Sequence[Word], names: Sequence[str]) -> Iterator[Tuple[int, int, str]]:
    """Where each of the options ``names`` is given (`-uid 12`, `--uid=12`: start and end offsets, option
    and value) and its static value."""
    for index, word in enumerate(words):
        value = word.value
        if value is None:
            continue
        if value in names and index + 1 < len(words):
            following = words[index + 1]
            if following.value is not None:
                yield word.start, following.end, following.value
        elif "=" in value and value.split("=", 1)[0] in names:
            yield word.start, word.end, value.split("=", 1)[1]


def _finding(start: int, end: int, written: str, where: str) -> Diagnostic:
    return Diagnostic(RULE.code, f"{where} names v0 integer id `{written}`, and v1 names runs by uuid: put the "
                                 f"v1 run's uuid in place of `{written}` ({cli.UUID_LISTING})", start, end)


def _uid_values(words: Sequence[Word]) -> Iterator[Diagnostic]:
    for start, end, value in _values(words, cli.V1_RUN_UUID_OPTIONS):
        if cli.V0_RUN_ID.fullmatch(value):
            yield _finding(start, end, value, "`-uid`")


def _pipeline_queries(words: Sequence[Word]) -> Iterator[Diagnostic]:
    for start, end, value in _values(words, cli.V1_QUERY_OPTIONS):
        match = _PIPELINE_ID.search(value)
        if match:
            yield _finding(start, end, match.group(1), "the query's `pipeline:`")


def _board_params(words: Sequence[Word]) -> Iterator[Diagnostic]:
    for start, end, value in _values(words, cli.V1_PARAMS_OPTIONS):
        name, _, given = value.partition("=")
        ids = [item for item in given.split(",") if cli.V0_RUN_ID.fullmatch(item.strip())]
        if name in cli.TENSORBOARD_UUID_PARAMS and ids:
            yield _finding(start, end, ids[0], f"the tensorboard's `{name}`")
