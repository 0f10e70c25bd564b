"""Commands written in documentation prose, shared by the Markdown and reStructuredText host kinds.

Documentation writes commands outside code blocks too: in inline code (`` `polyaxon init seg` `` in Markdown,
````polyaxon init seg```` in reStructuredText) and on quoted lines (`> polyaxon project -p seg git`). Such text
is a command only when it reads as one: `polyaxon` (perhaps after a `$ ` prompt, and v0's global options), then
the first word of a real v0 command path (or `ops`, `run`, whose v1 calls may name a run by a v0 id). "each
polyaxon experiment logs its metrics" is a sentence: it does not start with `polyaxon`, and outside code it
is never read.
"""

from __future__ import annotations

import functools
import re
from typing import FrozenSet, Iterator, NamedTuple, Optional

# `$ ` or `(venv) $ ` prompts, then `polyaxon` (or a path to it), v0's global options, and the command word.
_CALL = (r"^(?:(?:\([\w.-]+\)[ \t]*)?\$[ \t]+)?"
         r"(?P<command>(?:[\w./~-]*/)?polyaxon(?:[ \t]+(?:-v|--verbose|--offline))*[ \t]+(?P<word>[\w-]+))")


@functools.lru_cache(maxsize=1)
def v0_command_words() -> FrozenSet[str]:
    """The first words of the v0 command paths that the CLI table knows, and of the v1 calls that name runs
    (a rewritten `polyaxon ops logs -uid 3` keeps its v0 id reported)."""
    from polylint.knowledge import cli

    return frozenset(path[0] for path in cli.BY_PATH) | cli.GROUPS | cli.V1_RUN_WORDS


def call_start(text: str) -> Optional[int]:
    """Where the command starts (after a prompt) when a piece of prose (inline code, a quoted line) is a
    `polyaxon` call of a v0 command path; else None."""
    call = re.match(_CALL, text)
    if call is None or call.group("word") not in v0_command_words():
        return None
    return call.start("command")


class Literal(NamedTuple):
    """An inline code span: where its text starts in the host, and the text."""

    start: int
    text: str


def inline_literals(line: str, line_start: int, ticks: str) -> Iterator[Literal]:
    """The inline code spans of one line: Markdown's (``ticks`` "`+": a run of backticks closed by a run as
    long, one space inside each end dropped when both are there) or reStructuredText's (``ticks`` "``")."""
    markdown = ticks == "`+"
    opener = re.compile(r"`+" if markdown else re.escape(ticks))
    position = 0
    while True:
        opening = opener.search(line, position)
        if opening is None:
            return
        run = opening.group()
        closing = re.compile(("(?<!`)" if markdown else "") + re.escape(run) + "(?!`)").search(line, opening.end())
        if closing is None:
            position = opening.end()
            continue
        start, end = opening.end(), closing.start()
        text = line[start:end]
        if markdown and len(text) >= 2 and text[0] == text[-1] == " " and text.strip():
            start, end = start + 1, end - 1
        yield Literal(line_start + start, line[start:end])
        position = closing.end()
