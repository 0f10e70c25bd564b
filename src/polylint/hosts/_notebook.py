"""Jupyter notebooks as hosts: cells cut out of the JSON, with an exact map back to the JSON text.

A notebook is JSON, and a cell's source is a JSON string (or a list of them, one per line) in it. A
region inside a cell therefore speaks in offsets of the *decoded* source, while the host is the JSON
text with its escapes (``\\n``, ``\\"``, ``\\u00e9``). ``CellRegion`` carries both maps: region ->
cell source (its segments, as for any region) and cell source -> JSON text (per decoded character).
An edit is carried back as a JSON string edit: the inserted text is escaped, and only the characters
of the changed string change, so the notebook's layout, key order and every other cell are kept.

Shared by every surface that reads notebooks (shell ``!polyaxon`` lines and ``%%bash`` cells, Python
code cells); the host kinds that use it are ``hosts/notebook_*.py``.

Usage::

    notebook = parse_notebook(source.text)          # raises NotebookError(reason, offset)
    for cell in notebook.cells:                     # cell.number is 1-based, as Jupyter shows it
        if cell.cell_type == "code":
            yield cell.region("python")             # the whole cell
            yield cell.region("shell", [(4, 30)])   # or pieces of it: (start, end) in cell.source
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.source import Region, Segment

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = (("true", True), ("false", False), ("null", None))


class NotebookError(Exception):
    """The text is not a notebook we can read; ``offset`` is where (a host offset)."""

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@dataclass(frozen=True)
class JsonString:
    """A JSON string token: its decoded value and where its raw text (inside the quotes) lies."""

    value: str
    start: int  # host offset just after the opening quote
    end: int  # host offset of the closing quote

    def offsets(self, text: str) -> List[int]:
        """Host offset of each decoded character, plus one for the end (the closing quote)."""
        offsets: List[int] = []
        position = self.start
        while position < self.end:
            offsets.append(position)
            if text[position] != "\\":
                position += 1
            elif text[position + 1] != "u":
                position += 2
            else:
                # A surrogate pair (\ud83d\ude00) decodes to one character.
                code = int(text[position + 2:position + 6], 16)
                position += 12 if 0xD800 <= code < 0xDC00 and text.startswith("\\u", position + 6) else 6
        offsets.append(self.end)
        return offsets


def parse_value(text: str, position: int) -> Tuple[Any, int]:
    """One JSON value at ``position``: strings come back as JsonString, containers hold parsed values."""
    position = _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]
    if position >= len(text):
        raise NotebookError("unexpected end of JSON", position)
    char = text[position]
    if char == '"':
        try:
            value, end = json.decoder.scanstring(text, position + 1)  # type: ignore[attr-defined]
        except json.JSONDecodeError as error:
            raise NotebookError(f"bad JSON string: {error.msg}", error.pos) from error
        return JsonString(value, position + 1, end - 1), end
    if char == "{":
        return _parse_object(text, position + 1)
    if char == "[":
        return _parse_array(text, position + 1)
    for word, value in _LITERALS:
        if text.startswith(word, position):
            return value, position + len(word)
    number = _NUMBER.match(text, position)
    if number:
        return number.group(), number.end()
    raise NotebookError(f"unexpected {char!r} in JSON", position)


def _skip(text: str, position: int) -> int:
    return _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]


def _parse_object(text: str, position: int) -> Tuple[Dict[str, Any], int]:
    found: Dict[str, Any] = {}
    position = _skip(text, position)
    if text.startswith("}", position):
        return found, position + 1
    while True:
        key, position = parse_value(text, position)
        if not isinstance(key, JsonString):
            raise NotebookError("expected a JSON object key", position)
        position = _skip(text, position)
        if not text.startswith(":", position):
            raise NotebookError("expected ':' in JSON object", position)
        found[key.value], position = parse_value(text, position + 1)
        position = _skip(text, position)
        if text.startswith("}", position):
            return found, position + 1
        if not text.startswith(",", position):
            raise NotebookError("expected ',' or '}' in JSON object", position)
        position += 1


def _parse_array(text: str, position: int) -> Tuple[List[Any], int]:
    found: List[Any] = []
    position = _skip(text, position)
    if text.startswith("]", position):
        return found, position + 1
    while True:
        item, position = parse_value(text, position)
        found.append(item)
        position = _skip(text, position)
        if text.startswith("]", position):
            return found, position + 1
        if not text.startswith(",", position):
            raise NotebookError("expected ',' or ']' in JSON array", position)
        position += 1


@dataclass
class Cell:
    """One notebook cell: its decoded source and the JSON strings it was decoded from."""

    number: int  # 1-based, as Jupyter and ruff show it
    cell_type: str
    source: str
    host_text: str = field(repr=False)
    strings: Tuple[JsonString, ...] = field(repr=False)
    _starts: Optional[List[int]] = field(default=None, repr=False)
    _offsets: Dict[int, List[int]] = field(default_factory=dict, repr=False)

    def _string_at(self, offset: int) -> Tuple[int, int]:
        """(index of the JSON string holding source offset, source offset where that string starts)."""
        if self._starts is None:
            self._starts, total = [], 0
            for string in self.strings:
                self._starts.append(total)
                total += len(string.value)
        index = 0
        for candidate, start in enumerate(self._starts):
            if start <= offset:
                index = candidate
        return index, self._starts[index]

    def _host_offsets(self, index: int) -> List[int]:
        if index not in self._offsets:
            self._offsets[index] = self.strings[index].offsets(self.host_text)
        return self._offsets[index]

    def host_offset(self, offset: int) -> int:
        """The JSON text offset of a source offset (inside the string holding it)."""
        if not self.strings:
            return 0
        index, start = self._string_at(offset)
        offsets = self._host_offsets(index)
        return offsets[max(0, min(offset - start, len(offsets) - 1))]

    def host_edit(self, start: int, end: int, content: str) -> Optional[Edit]:
        """A source edit as a JSON text edit, or None when it does not lie inside one JSON string.

        An edit ending exactly where the next string starts belongs to the earlier one (it ends at that
        string's closing quote), so appending to the end of a line works."""
        if not self.strings:
            return None
        index, string_start = self._string_at(start)
        if start == string_start and index > 0 and end == start:
            # An insertion between two strings: put it at the end of the earlier one.
            index, string_start = index - 1, self._starts[index - 1]  # type: ignore[index]
        length = len(self.strings[index].value)
        if not string_start <= start <= end <= string_start + length:
            return None
        offsets = self._host_offsets(index)
        return Edit(offsets[start - string_start], offsets[end - string_start], _json_escape(content))

    def region(self, surface: str, spans: Optional[Sequence[Tuple[int, int]]] = None, **kwargs: Any) -> CellRegion:
        """A region of this cell: the whole source, or the (start, end) source spans given, joined."""
        spans = [(0, len(self.source))] if spans is None else spans
        segments, pieces, total = [], [], 0
        for start, end in spans:
            segments.append(Segment(total, start, end - start))
            pieces.append(self.source[start:end])
            total += end - start
        return CellRegion(surface, "".join(pieces), segments, cell=self.number, source_cell=self, **kwargs)


def _json_escape(content: str) -> str:
    # The same escaping nbformat writes (ensure_ascii=False): quotes, backslashes, control characters.
    return json.dumps(content, ensure_ascii=False)[1:-1]


@dataclass
class CellRegion(Region):
    """A region inside a notebook cell; its segments map to cell source offsets, not host offsets."""

    source_cell: Optional[Cell] = None

    def host_offset(self, offset: int) -> int:
        assert self.source_cell is not None
        return self.source_cell.host_offset(super().host_offset(offset))

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        assert self.source_cell is not None
        in_cell = super().host_edits(edits)
        if in_cell is None:
            return None
        mapped = []
        for edit in in_cell:
            host = self.source_cell.host_edit(edit.start, edit.end, edit.content)
            if host is None:
                return None
            mapped.append(host)
        return mapped


@dataclass
class Notebook:
    cells: List[Cell]
    language: str  # the kernel's language ("python" when the notebook does not say)


def parse_notebook(text: str) -> Notebook:
    """The cells of a notebook (nbformat 4, and 3's worksheets), or NotebookError."""
    try:
        value, end = parse_value(text, 0)
    except RecursionError:
        # A real notebook nests a few levels; thousands of brackets are not one (a fuzz crash).
        raise NotebookError("JSON nested too deep", 0) from None
    if _skip(text, end) != len(text):
        raise NotebookError("extra data after the JSON document", _skip(text, end))
    if not isinstance(value, dict):
        raise NotebookError("a notebook is a JSON object", 0)
    raw_cells = value.get("cells")
    if raw_cells is None:
        raw_cells = [cell for sheet in value.get("worksheets", []) if isinstance(sheet, dict)
                     for cell in sheet.get("cells", [])]
    if not isinstance(raw_cells, list):
        raise NotebookError("`cells` is not a JSON array", 0)
    cells = []
    for number, raw in enumerate(raw_cells, start=1):
        if not isinstance(raw, dict):
            continue
        kind = raw.get("cell_type")
        source = raw.get("source", raw.get("input", []))
        strings = (source,) if isinstance(source, JsonString) else tuple(
            item for item in source if isinstance(item, JsonString)) if isinstance(source, list) else ()
        cells.append(Cell(number, kind.value if isinstance(kind, JsonString) else "", "".join(
            string.value for string in strings), text, strings))
    return Notebook(cells, _language(value))


def _language(value: Dict[str, Any]) -> str:
    metadata = value.get("metadata")
    if isinstance(metadata, dict):
        for section, key in (("language_info", "name"), ("kernelspec", "language")):
            inner = metadata.get(section)
            if isinstance(inner, dict) and isinstance(inner.get(key), JsonString):
                return str(inner[key].value).lower()
    return "python"
