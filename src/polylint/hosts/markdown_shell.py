"""Markdown shell fences: ```` ```bash ````, `sh`, `shell`, `zsh`, `console`, `shell-session`, and fences with no
language, which READMEs often use for commands (a YAML or Python snippet in one holds no shell call).

A console block (or any shell fence whose lines start with a `$ ` prompt, as READMEs often write them)
is a transcript: the commands are the prompt lines without `$ `, plus the lines continuing them; the
other lines are output and are skipped. Each fence is one shell region mapped line by line to the file.

Commands in the prose around the fences are read too, when they read as a v0 call (``hosts/_prose.py``:
`polyaxon`, then a v0 command word): inline code in sentences and list items (`` `polyaxon init seg` ``), a
quoted line (`> polyaxon project -p seg git --url=...`, with the quoted lines its backslash continues), and an
indented code block (four spaces, after a blank line) that holds such a line. An inline code span is rewritten
in place, exactly, when the rewritten command parses and brings no backtick; a quoted line keeps its `> `
marks, which no edit may cross. Inline code and quoted lines count only when they name a whole v0 command
(`polyaxon experiment logs`, not the `polyaxon experiment` group named in a sentence).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Tuple, Union

from polylint.hosts import HostPath
from polylint.hosts._markdown import MARKDOWN_SUFFIXES

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession"})
UNTAGGED = ""
TRANSCRIPTS = frozenset({"console", "shell-session", "shellsession"})
POLYAXON = re.compile(rb"polyaxon")
# An indented code block's line (four columns), and the `>` marks of a quoted line, as patterns compiled on use.
INDENTED = r"(?: {4}|\t| {0,3}\t)"
QUOTE = r"^ {0,3}(?:>[ \t]?)+"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(MARKDOWN_SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(MARKDOWN_SUFFIXES)


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._markdown import fences
    from polylint.hosts._pieces import pieces_region
    from polylint.hosts._shell_lines import console_pieces, has_prompts

    for fence in fences(source.text, SHELL_LANGUAGES | {UNTAGGED}):
        if "polyaxon" not in fence.body:
            continue
        lines = [(line.host_start, line.text) for line in fence.lines]
        if fence.language in TRANSCRIPTS or has_prompts(lines):
            yield pieces_region("shell", console_pieces(lines), meta={"fence": fence.language})
        else:
            yield pieces_region("shell", lines, meta={"fence": fence.language})
    yield from _prose_regions(source.text)


def _prose_regions(text: str) -> Iterator[Region]:
    """The commands outside fences: indented code blocks, quoted lines and inline code that read as v0 calls."""
    from polylint.hosts._pieces import pieces_region
    from polylint.hosts._prose import call_start
    from polylint.hosts._shell_lines import console_pieces, has_prompts
    from polylint.surfaces.shell import WHOLE_PATHS_ONLY

    lines = _unfenced_lines(text)
    index = 0
    previous_blank = True
    while index < len(lines):
        start, line = lines[index]
        after_blank = previous_blank or not _follows(lines, index)
        previous_blank = not line.strip()
        index += 1
        if after_blank and re.match(INDENTED, line) and line.strip():
            block = [(start, line)]
            while index < len(lines) and _follows(lines, index) and (
                    re.match(INDENTED, lines[index][1]) or not lines[index][1].strip()):
                block.append(lines[index])
                index += 1
            previous_blank = not block[-1][1].strip()
            while not block[-1][1].strip():
                block.pop()
            code = [(host + _indent_cut(piece), piece[_indent_cut(piece):]) for host, piece in block]
            if any(call_start(piece) is not None for _, piece in code):
                yield pieces_region("shell", console_pieces(code) if has_prompts(code) else code,
                                    meta={"prose": "indented"})
            else:  # no command in it: perhaps a list item's paragraph, indented as much
                for host, piece in block:
                    yield from _inline_regions(piece, host)
            continue
        quote = re.match(QUOTE, line)
        command = call_start(line[quote.end():]) if quote else None
        if quote is not None and command is not None:
            pieces = [(start + quote.end() + command, line[quote.end() + command:])]
            while line.rstrip("\r\n").endswith("\\") and index < len(lines) and _follows(lines, index):
                start, line = lines[index]
                quote = re.match(QUOTE, line)
                if quote is None:
                    break
                pieces.append((start + quote.end(), line[quote.end():]))
                index += 1
            yield pieces_region("shell", pieces, meta={"prose": "quote", WHOLE_PATHS_ONLY: True})
            continue
        yield from _inline_regions(line, start)


def _unfenced_lines(text: str) -> List[Tuple[int, str]]:
    """The lines of text outside its fences (of any language), with their host offsets."""
    from polylint.hosts._markdown import fences

    fenced = iter([(fence.start, fence.end) for fence in fences(text, None)])
    current = next(fenced, None)
    lines: List[Tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        while current is not None and current[1] <= offset:
            current = next(fenced, None)
        if current is None or offset < current[0]:
            lines.append((offset, line))
        offset += len(line)
    return lines


def _follows(lines: List[Tuple[int, str]], index: int) -> bool:
    """Whether lines[index] comes right after lines[index - 1] in the host (no fence between them)."""
    return index == 0 or lines[index - 1][0] + len(lines[index - 1][1]) == lines[index][0]


def _inline_regions(line: str, start: int) -> Iterator[Region]:
    """The inline code spans of a line (at host offset start) that read as v0 calls, each a region that an
    edit bringing a backtick or a line break cannot change."""
    from polylint.hosts._pieces import pieces_region
    from polylint.hosts._prose import call_start, inline_literals
    from polylint.surfaces.shell import WHOLE_PATHS_ONLY

    for literal in inline_literals(line, start, "`+"):
        command = call_start(literal.text)
        if command is not None:
            yield pieces_region("shell", [(literal.start + command, literal.text[command:])], forbidden="`\n",
                                meta={"prose": "inline", WHOLE_PATHS_ONLY: True})


def _indent_cut(line: str) -> int:
    """How much of an indented code block line's indentation CommonMark removes: four columns."""
    if line.startswith("\t"):
        return 1
    return min(len(line) - len(line.lstrip(" ")), 4, len(line.rstrip("\r\n")))
