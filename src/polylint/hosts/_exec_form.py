"""A Dockerfile's exec-form array (`RUN ["a", "b"]`) as a shell region whose edits go back as JSON edits."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.hosts._notebook import JsonString, NotebookError, parse_value
from polylint.source import Region

SAFE_WORD = re.compile(r"^[A-Za-z0-9_./:=@%+,-]+$")


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


def exec_form(text: str, start: int) -> Optional[Region]:
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
