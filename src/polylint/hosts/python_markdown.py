"""Markdown (`*.md`, `*.markdown`): each ```` ```python ```` / ```` ```py ```` fence is a Python region of its own.

READMEs and docs show v0 client code; it is checked and fixed in place like a module. A fence indented
under a list item keeps its indentation in the host: its lines are separate segments, so a fix that stays
on one line is made and one that spans lines is not (reported instead). A fence that does not parse is
skipped, not reported: documentation is full of elided snippets (`...`, `>>>` sessions, Python 2 prints)
that were never meant to run. (The runner has no channel for notes from host kinds yet; see the report.)
"""

from __future__ import annotations

import re
from typing import Iterator, List, Tuple, Union

from polylint.hosts import HostPath
from polylint.diagnostics import Diagnostic
from polylint.source import Note, Region, Segment, SourceFile
from polylint.surfaces.python import SURFACE, could_hold_findings

SUFFIXES = (".md", ".markdown")
_OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
_LANGUAGES = frozenset({"python", "py", "python3"})


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    return could_hold_findings(data)


def python_fences(text: str) -> Iterator[Tuple[int, List[Tuple[int, int]]]]:
    """(indent, [(host_start, host_end) of each content line, newline included]) for each Python fence."""
    lines = text.splitlines(keepends=True)
    position = 0
    index = 0
    starts = []
    for line in lines:
        starts.append(position)
        position += len(line)
    while index < len(lines):
        match = _OPENING.match(lines[index].rstrip("\r\n"))
        if not match:
            index += 1
            continue
        fence, indent = match.group("fence"), len(match.group("indent"))
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        language = match.group("info").strip().split(" ")[0].split("{")[0].lower()
        body: List[Tuple[int, int]] = []
        index += 1
        while index < len(lines) and not closing.match(lines[index].rstrip("\r\n")):
            body.append((starts[index], starts[index] + len(lines[index])))
            index += 1
        index += 1
        if language in _LANGUAGES and body:
            yield indent, body


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic, Note]]:
    from polylint.surfaces.python import PythonParseError, parse

    text = source.text
    for indent, body in python_fences(text):
        segments: List[Segment] = []
        pieces: List[str] = []
        length = 0
        for start, end in body:
            line = text[start:end]
            strip = len(line) - len(line.lstrip(" ")) if indent else 0
            strip = min(strip, indent)
            segments.append(Segment(length, start + strip, end - start - strip))
            pieces.append(line[strip:])
            length += end - start - strip
        snippet = "".join(pieces)
        if "polyaxon" not in snippet.lower() and not could_hold_findings(snippet.encode()):
            continue
        try:
            tree = parse(snippet)
        except PythonParseError as error:
            # Documentation snippets are often partial (`...`, prompts): not an error, but said with -v.
            yield Note(body[0][0], f"a ```python fence that does not parse ({error.reason})")
            continue
        if indent:
            yield Region(SURFACE, snippet, tuple(segments), tree=tree)
        else:
            yield Region.at(SURFACE, snippet, body[0][0], tree=tree)
