"""Dockerfiles: `RUN` in shell form, and `RUN`/`CMD`/`ENTRYPOINT` in exec form (a JSON array).

Shell form: the instruction's text after `RUN` (and its `--mount=...` style flags), continued by lines
ending in the escape character. Docker drops comment lines inside a continued instruction before the
shell sees it, so the region leaves them out (its pieces map line by line). Exec form: the array is an
argv, not shell; its region is the argv written as shell words, and an edit goes back as JSON array
edits (``ExecFormRegion``). `CMD`/`ENTRYPOINT` in shell form run at container start, the same as `RUN`
for our purpose, so they are regions too.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, List, Optional, Sequence, Tuple, Union

from polylint.hosts import HostPath
from polylint.diagnostics import Diagnostic, Edit
from polylint.hosts._pieces import pieces_region
from polylint.source import Region, SourceFile

if TYPE_CHECKING:
    from polylint.hosts._notebook import JsonString

INSTRUCTION = re.compile(r"^[ \t]*(RUN|CMD|ENTRYPOINT)\b[ \t]*((?:--[\w-]+(?:=\S*)?[ \t]+)*)", re.IGNORECASE)
ESCAPE_DIRECTIVE = re.compile(r"^#[ \t]*escape[ \t]*=[ \t]*(\S)", re.IGNORECASE | re.MULTILINE)
COMMENT_LINE = re.compile(r"^[ \t]*#")
SAFE_WORD = re.compile(r"^[A-Za-z0-9_./:=@%+,-]+$")
POLYAXON = re.compile(rb"polyaxon")


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    return name.startswith(("dockerfile", "containerfile")) or name.endswith((".dockerfile", ".containerfile"))


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    text = source.text
    head = ESCAPE_DIRECTIVE.match(text)
    escape = head.group(1) if head else "\\"
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    index = 0
    while index < len(lines):
        instruction = INSTRUCTION.match(lines[index])
        first = index
        pieces: List[Tuple[Optional[int], str]] = []
        index += 1
        if instruction is None:
            continue
        body_start = starts[first] + instruction.end()
        pieces.append((body_start, lines[first][instruction.end():]))
        continued = _continues(lines[first], escape)
        while continued and index < len(lines):
            line = lines[index]
            index += 1
            if COMMENT_LINE.match(line) or not line.strip():
                continue
            pieces.append((starts[index - 1], line))
            continued = _continues(line, escape)
        body = "".join(piece for _, piece in pieces)
        if "polyaxon" not in body:
            continue
        if body.lstrip().startswith("["):
            region = _exec_form(text, body_start + len(body) - len(body.lstrip()))
            if region is not None:
                yield region
        elif escape == "\\":
            yield pieces_region("shell", pieces, meta={"instruction": instruction.group(1).upper()})


def _continues(line: str, escape: str) -> bool:
    return line.rstrip().endswith(escape)


@dataclass
class ExecFormRegion(Region):
    """An exec-form array as shell words: each element whose value is a plain word is written as it is
    (and maps to its JSON string), others are shell-quoted (and cannot be edited inside). An edit goes
    back as a JSON edit: the shell words it inserts become JSON strings, the spaces between them the
    array's separators."""

    elements: Tuple[JsonString, ...] = ()
    word_starts: Tuple[int, ...] = ()
    exact: Tuple[bool, ...] = ()

    def _host(self, offset: int) -> Optional[int]:
        """Host offset of a region offset at a word's edge or inside a word written as it is."""
        for element, start, exact in zip(self.elements, self.word_starts, self.exact):
            width = len(element.value) if exact else len(shlex.quote(element.value))
            if offset == start:
                return element.start
            if offset == start + width:
                return element.end
            if start < offset < start + width:
                return element.start + offset - start if exact else None
        return None

    def host_offset(self, offset: int) -> int:
        for element, start in zip(reversed(self.elements), reversed(self.word_starts)):
            if offset >= start:
                found = self._host(offset)
                return element.start if found is None else found
        return self.elements[0].start

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        mapped = []
        for edit in edits:
            start, end = self._host(edit.start), self._host(edit.end)
            if start is None or end is None:
                return None
            mapped.append(Edit(start, end, _json_words(edit.content)))
        return mapped


def _json_words(content: str) -> str:
    """Shell words as the inside of JSON array elements: `a "b c"` -> `a", "b c`, keeping the edges:
    a leading or trailing space is a separator to the neighbouring element."""
    words = shlex.split(content)
    inner = '", "'.join(json.dumps(word)[1:-1] for word in words)
    lead = '", "' if content[:1] == " " else ""
    trail = '", "' if content[-1:] == " " else ""
    return lead + inner + trail


def _exec_form(text: str, start: int) -> Optional[Region]:
    from polylint.hosts._notebook import JsonString, NotebookError, parse_value

    try:
        value, _ = parse_value(text, start)
    except NotebookError:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(item, JsonString) for item in value):
        return None
    words, starts, exact = [], [], []
    total = 0
    for element in value:
        written = element.value if SAFE_WORD.match(element.value) and \
            text[element.start:element.end] == element.value else shlex.quote(element.value)
        starts.append(total)
        exact.append(written == element.value)
        words.append(written)
        total += len(written) + 1
    return ExecFormRegion("shell", " ".join(words) + "\n", elements=tuple(value), word_starts=tuple(starts),
                          exact=tuple(exact), meta={"exec_form": True})
