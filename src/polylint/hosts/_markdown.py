"""Markdown as a host: fenced code blocks found by their info string, with an exact map back.

Shared by every surface that reads Markdown (shell fences, Python fences); the host kinds that use it
are ``hosts/markdown_*.py``. Fences follow CommonMark: a run of three or more backticks or tildes,
closed by a run of the same character at least as long; the info string's first word names the
language. A fence indented (in a list item, say) has that indentation removed from each body line, as
CommonMark does, so a body line's region text is the line without it and the map stays exact.

Usage::

    for fence in fences(source.text, {"bash", "sh"}):
        region = pieces_region("python", [(line.host_start, line.text) for line in fence.lines])
        # or pick lines yourself (a console block without its prompts):
        region = pieces_region("shell", [(line.host_start + 2, line.text[2:]) for line in fence.lines])

(``pieces_region`` is in ``hosts/_pieces.py``: one segment per contiguous host span.)
"""

from __future__ import annotations

import re
from typing import AbstractSet, Iterator, List, NamedTuple, Optional, Tuple

# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
_OPENING = r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*\r?$"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")


class Line(NamedTuple):
    """A body line of a fence: its text without the fence's indentation, and where that text starts.

    ``text`` keeps its line ending ("\\n" or "\\r\\n"), except on a last line that has none."""

    host_start: int
    text: str


class Fence(NamedTuple):
    language: str  # the info string's first word, lower-cased, without braces or a leading dot
    info: str  # the whole info string as written
    start: int  # host offset of the opening fence line
    lines: Tuple[Line, ...]
    end: int = 0  # host offset after the closing fence line

    @property
    def body(self) -> str:
        return "".join(line.text for line in self.lines)


def _language(info: str) -> str:
    # "{.bash}", "{bash title=x}", "bash title=x", "python{.line-numbers}", "shell-session": the first
    # word, without braces, a leading dot or what follows a brace or comma.
    first = info.strip().lstrip("{").split(maxsplit=1)
    return re.split(r"[{},]", first[0].lstrip("."), maxsplit=1)[0].lower() if first else ""


def fences(text: str, languages: Optional[AbstractSet[str]]) -> Iterator[Fence]:
    """The fenced code blocks of ``text`` whose language is one of ``languages`` (lower case; None: every one).

    An unclosed fence runs to the end of the text, as CommonMark says."""
    lines = text.splitlines(keepends=True)
    offset = 0
    position = 0
    while position < len(lines):
        line = lines[position]
        opening = re.match(_OPENING, line.rstrip("\n"))
        start = offset
        offset += len(line)
        position += 1
        if opening is None or (opening.group("fence")[0] == "`" and "`" in opening.group("info")):
            continue
        indent = len(opening.group("indent"))
        marker = opening.group("fence")
        closing = re.compile(r"^[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*\r?\n?$")
        body: List[Line] = []
        while position < len(lines):
            inner = lines[position]
            inner_start = offset
            offset += len(inner)
            position += 1
            if closing.match(inner):
                break
            removable = len(inner) - len(inner.lstrip(" \t"))
            cut = min(indent, removable, len(inner.rstrip("\r\n")))
            body.append(Line(inner_start + cut, inner[cut:]))
        info = opening.group("info")
        language = _language(info)
        if languages is None or language in languages:
            yield Fence(language, info, start, tuple(body), offset)
