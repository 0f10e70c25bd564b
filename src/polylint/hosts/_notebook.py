"""Jupyter notebooks as hosts: a JSON reader that keeps positions, and cells with an exact map back.

A notebook is JSON, and a cell's source is a JSON string (or a list of them, one per line) in it. A
region inside a cell therefore speaks in offsets of the *decoded* source, while the host is the JSON
text with its escapes (``\\n``, ``\\"``, ``\\u00e9``). ``Cell`` maps decoded source offsets to the
JSON text, per decoded character, and carries source edits back as JSON text edits:

- inside one string, as a string edit: the inserted text is escaped the way the file escapes (``\\u00e9``
  when the file is all ASCII, the character itself otherwise);
- across the lines of a source list (or adding or removing lines), by re-encoding only the list items it
  touches, one item per line, joined the way the file joins them.

Only the characters of the changed strings change, so the notebook's layout, key order and every other
cell are kept.

This is the one notebook model: the shell host kind makes ``CellRegion``s of pieces of a cell (``!``
lines, ``%%bash`` cells), the Python host kind joins the code cells into one program
(``surfaces/notebook_python.py``), and the Dockerfile host kind reads its exec-form JSON arrays with
``parse_value``.

Usage::

    notebook = parse_notebook(source.text)          # raises NotebookError(reason, offset)
    for cell in notebook.cells:                     # cell.number is 1-based, as Jupyter shows it
        if cell.cell_type == "code":
            yield cell.region("python")             # the whole cell
            yield cell.region("shell", [(4, 30)])   # or pieces of it: (start, end) in cell.source
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit, Position
from polylint.source import LineIndex, Region, Segment

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

    @property
    def token_start(self) -> int:
        """Host offset of the opening quote."""
        return self.start - 1

    @property
    def token_end(self) -> int:
        """Host offset just after the closing quote."""
        return self.end + 1

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
    listed: bool = field(default=False, repr=False)  # the source is a JSON list (one string per line)
    ensure_ascii: bool = field(default=False, repr=False)  # the file escapes non-ASCII text: edits do too
    _starts: List[int] = field(default_factory=list, init=False, repr=False)
    _offsets: Dict[int, List[int]] = field(default_factory=dict, init=False, repr=False)
    _lines: Optional[LineIndex] = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        total = 0
        for string in self.strings:
            self._starts.append(total)
            total += len(string.value)

    def string_index(self, offset: int, ending: bool = False) -> int:
        """The JSON string holding source offset ``offset`` (for an end offset: the one it ends in)."""
        index = bisect.bisect_right(self._starts, offset - (1 if ending and offset else 0)) - 1
        return max(0, min(index, len(self.strings) - 1))

    def _host_offsets(self, index: int) -> List[int]:
        if index not in self._offsets:
            self._offsets[index] = self.strings[index].offsets(self.host_text)
        return self._offsets[index]

    def host_offset(self, offset: int, ending: bool = False) -> int:
        """The JSON text offset of a source offset; an end offset (``ending``) at the end of a line maps to
        that line's closing quote rather than into the next line's string."""
        if not self.strings:
            return 0
        index = self.string_index(offset, ending)
        offsets = self._host_offsets(index)
        return offsets[max(0, min(offset - self._starts[index], len(offsets) - 1))]

    def position(self, offset: int) -> Position:
        """1-based row and column of a source offset inside the cell (as a notebook editor counts)."""
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines.position(offset)

    def host_edit(self, start: int, end: int, content: str, new_items: bool = False) -> Optional[Edit]:
        """A source edit as a JSON text edit, or None when it cannot be made exactly.

        Without ``new_items`` the edit must lie inside one JSON string; an insertion where a string
        starts goes at the end of the string before (a ``!`` line's region ends after its newline: what
        it appends stays in its own string). With ``new_items``, in a source list, an edit that spans
        lines, adds or removes them re-encodes the list items it touches, one item per line."""
        if not self.strings or not 0 <= start <= end <= len(self.source):
            return None
        first, last = self.string_index(start), self.string_index(end, ending=end > start)
        if not new_items and start == end == self._starts[first] and first > 0:
            first = last = first - 1
        first_string, last_string = self.strings[first], self.strings[last]
        removes_a_line = first == last and not content and start == self._starts[first] and \
            end == self._starts[first] + len(first_string.value)
        if not (self.listed and new_items) or (first == last and "\n" not in content and not removes_a_line):
            if first != last:
                return None
            offsets = self._host_offsets(first)
            return Edit(offsets[start - self._starts[first]], offsets[end - self._starts[first]],
                        self._escape(content))
        if end == start and start == self._starts[first] and content.endswith("\n"):
            # Whole new lines inserted before a line: new items before it.
            return Edit(first_string.token_start, first_string.token_start,
                        "".join(self._encode(line) + self._separator() for line in
                                content.splitlines(keepends=True)))
        text = self.source[self._starts[first]:start] + content + \
            self.source[end:self._starts[last] + len(last_string.value)]
        lines = text.splitlines(keepends=True)
        if not lines:
            if last + 1 < len(self.strings):
                return Edit(first_string.token_start, self.strings[last + 1].token_start, "")
            if first > 0:
                return Edit(self.strings[first - 1].token_end, last_string.token_end, "")
            return Edit(first_string.token_start, last_string.token_end, "")
        return Edit(first_string.token_start, last_string.token_end,
                    self._separator().join(self._encode(line) for line in lines))

    def _separator(self) -> str:
        """What the file writes between two items of a source list (`,\\n    ` in nbformat's layout)."""
        if len(self.strings) > 1:
            return self.host_text[self.strings[0].token_end:self.strings[1].token_start]
        first = self.strings[0].token_start
        indent = self.host_text[self.host_text.rfind("\n", 0, first) + 1:first]
        return ",\n" + indent if not indent.strip() else ", "

    def _escape(self, content: str) -> str:
        return self._encode(content)[1:-1]

    def _encode(self, line: str) -> str:
        return json.dumps(line, ensure_ascii=self.ensure_ascii)

    def region(self, surface: str, spans: Optional[Sequence[Tuple[int, int]]] = None, **kwargs: Any) -> CellRegion:
        """A region of this cell: the whole source, or the (start, end) source spans given, joined."""
        spans = [(0, len(self.source))] if spans is None else spans
        segments, pieces, total = [], [], 0
        for start, end in spans:
            segments.append(Segment(total, start, end - start))
            pieces.append(self.source[start:end])
            total += end - start
        return CellRegion(surface, "".join(pieces), segments, cell=self.number, source_cell=self, **kwargs)


@dataclass
class CellRegion(Region):
    """A region inside a notebook cell; its segments map to cell source offsets, not host offsets."""

    source_cell: Optional[Cell] = None

    def host_offset(self, offset: int) -> int:
        assert self.source_cell is not None
        return self.source_cell.host_offset(super().host_offset(offset))

    def cell_position(self, offset: int) -> Optional[Tuple[int, Position]]:
        assert self.source_cell is not None
        return self.source_cell.number, self.source_cell.position(Region.host_offset(self, offset))

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
    cells: List[Cell]  # every cell, in order (markdown and raw cells too)
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
    ensure_ascii = text.isascii()
    cells = []
    for number, raw in enumerate(raw_cells, start=1):
        if not isinstance(raw, dict):
            continue
        kind = raw.get("cell_type")
        source = raw.get("source", raw.get("input", []))
        strings = (source,) if isinstance(source, JsonString) else tuple(
            item for item in source if isinstance(item, JsonString)) if isinstance(source, list) else ()
        cells.append(Cell(number, kind.value if isinstance(kind, JsonString) else "", "".join(
            string.value for string in strings), text, strings, isinstance(source, list), ensure_ascii))
    return Notebook(cells, _language(value))


def _language(value: Dict[str, Any]) -> str:
    metadata = value.get("metadata")
    if isinstance(metadata, dict):
        for section, key in (("kernelspec", "language"), ("language_info", "name")):
            inner = metadata.get(section)
            if isinstance(inner, dict) and isinstance(inner.get(key), JsonString):
                return str(inner[key].value).lower()
    return "python"
