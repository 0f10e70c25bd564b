"""Python in Jupyter notebooks: the code cells as one program, with an exact map back into the JSON text.

Cells share one namespace (an import in cell 1 is used in cell 5), so the code cells are joined into one
program and analysed together; each cell is then a region over that program that reports what lies in it.
IPython lines (`!pip ...`, `%matplotlib`, `x = !ls`) and `%%` cell magics are blanked to spaces, so that
offsets stay put and libcst never sees them.

A cell's source is a JSON string, or a list of them (one per line, as nbformat writes it). An edit is made
in the JSON text exactly: inside one string, as an escaped string edit; across lines of a list, by
re-encoding only the list items it touches, one item per line, joined the way the file joins them. Nothing
else of the file changes: not its indentation, key order, other cells or trailing newline. An edit that
would touch a blanked IPython line is refused (the runner then keeps the old text).

Private to the Python host kinds for now; the shell surface has its own notebook reader (hosts/_notebook.py
on the issue-4 branch) and the two can be unified.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.source import Region

_MAGIC_LINE = re.compile(r"^[ \t]*(?:[!%]|\w+[ \t]*=[ \t]*[!%])")
_WHITESPACE = " \t\n\r"


class NotebookError(Exception):
    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@dataclass(frozen=True)
class JsonString:
    """A JSON string in the host: its value, and its raw span *including* the quotes."""

    value: str
    start: int
    end: int

    def raw_offsets(self, host: str) -> List[int]:
        """Host offset of each decoded character, plus the closing quote's."""
        offsets: List[int] = []
        position = self.start + 1
        while position < self.end - 1:
            offsets.append(position)
            if host[position] == "\\":
                if host[position + 1] == "u":
                    code = int(host[position + 2:position + 6], 16)
                    position += 6
                    # A surrogate pair decodes to one character.
                    if 0xD800 <= code < 0xDC00 and host.startswith("\\u", position):
                        position += 6
                else:
                    position += 2
            else:
                position += 1
        offsets.append(self.end - 1)
        return offsets


def parse_json(text: str) -> Any:
    """JSON with strings as JsonString (values of objects and arrays; keys stay str)."""
    try:
        value, end = _value(text, _skip(text, 0))
    except RecursionError:
        # A real notebook nests a few levels; thousands of brackets are not one (a fuzz crash).
        raise NotebookError("JSON nested too deep", 0) from None
    if _skip(text, end) != len(text):
        raise NotebookError("extra data after the JSON document", _skip(text, end))
    return value


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _value(text: str, position: int) -> Tuple[Any, int]:
    if position >= len(text):
        raise NotebookError("unexpected end of the JSON document", position)
    char = text[position]
    if char == "{":
        result: Dict[str, Any] = {}
        position = _skip(text, position + 1)
        if text.startswith("}", position):
            return result, position + 1
        while True:
            key, position = _string(text, position)
            position = _skip(text, position)
            if not text.startswith(":", position):
                raise NotebookError("expected `:` in a JSON object", position)
            result[key.value], position = _value(text, _skip(text, position + 1))
            position = _skip(text, position)
            if text.startswith(",", position):
                position = _skip(text, position + 1)
            elif text.startswith("}", position):
                return result, position + 1
            else:
                raise NotebookError("expected `,` or `}` in a JSON object", position)
    if char == "[":
        items: List[Any] = []
        position = _skip(text, position + 1)
        if text.startswith("]", position):
            return items, position + 1
        while True:
            item, position = _value(text, position)
            items.append(item)
            position = _skip(text, position)
            if text.startswith(",", position):
                position = _skip(text, position + 1)
            elif text.startswith("]", position):
                return items, position + 1
            else:
                raise NotebookError("expected `,` or `]` in a JSON array", position)
    if char == '"':
        return _string(text, position)
    for literal, value in (("true", True), ("false", False), ("null", None)):
        if text.startswith(literal, position):
            return value, position + len(literal)
    match = _NUMBER.match(text, position)
    if match:
        return match.group(0), match.end()
    raise NotebookError(f"unexpected character {char!r} in JSON", position)


def _string(text: str, position: int) -> Tuple[JsonString, int]:
    if not text.startswith('"', position):
        raise NotebookError("expected a JSON string", position)
    end = position + 1
    while True:
        end = text.find('"', end)
        if end < 0:
            raise NotebookError("unterminated JSON string", position)
        backslashes = 0
        while text[end - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            break
        end += 1
    try:
        value = json.loads(text[position:end + 1])
    except ValueError as error:
        raise NotebookError(f"bad JSON string: {error}", position) from None
    return JsonString(value, position, end + 1), end + 1


@dataclass
class Cell:
    number: int  # 1-based position among all cells
    strings: Tuple[JsonString, ...]  # the source's strings (one, or one per line)
    listed: bool  # source is a JSON list
    source: str  # decoded
    python: str  # decoded, IPython lines blanked
    start: int = 0  # where the cell starts in the program
    _item_starts: List[int] = field(default_factory=list)
    _raw: Dict[int, List[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        total = 0
        for string in self.strings:
            self._item_starts.append(total)
            total += len(string.value)

    @property
    def end(self) -> int:
        return self.start + len(self.python)

    def item_at(self, offset: int, ending: bool = False) -> int:
        """The item holding cell offset `offset` (for an end offset: the item it ends in)."""
        index = bisect.bisect_right(self._item_starts, offset - (1 if ending and offset else 0)) - 1
        return max(0, min(index, len(self.strings) - 1))

    def raw(self, host: str, offset: int, ending: bool = False) -> int:
        item = self.item_at(offset, ending)
        if item not in self._raw:
            self._raw[item] = self.strings[item].raw_offsets(host)
        return self._raw[item][offset - self._item_starts[item]]

    def item_start(self, item: int) -> int:
        return self._item_starts[item]


def python_source(source: str) -> str:
    """The cell with IPython syntax blanked to spaces (same length, newlines kept)."""
    lines = source.splitlines(keepends=True)
    first = next((line for line in lines if line.strip()), "")
    if first.lstrip().startswith("%%"):
        return blank(source)
    return "".join(_blank(line) if _MAGIC_LINE.match(line) else line for line in lines)


def blank(source: str) -> str:
    """The whole text blanked to spaces (newlines kept): a cell left out of the program."""
    return "".join(_blank(line) for line in source.splitlines(keepends=True))


def _blank(line: str) -> str:
    body = line.rstrip("\r\n")
    return " " * len(body) + line[len(body):]


@dataclass
class Notebook:
    host: str
    cells: List[Cell]
    program: str
    ensure_ascii: bool
    language: str

    def cell_at(self, offset: int) -> Cell:
        starts = [cell.start for cell in self.cells]
        return self.cells[max(0, bisect.bisect_right(starts, offset) - 1)]


def read_notebook(host: str) -> Notebook:
    document = parse_json(host)
    if not isinstance(document, dict) or not isinstance(document.get("cells", []), list):
        raise NotebookError("not a Jupyter notebook (no `cells` list)", 0)
    cells: List[Cell] = []
    for number, raw in enumerate(document.get("cells", []), start=1):
        if not isinstance(raw, dict) or _text(raw.get("cell_type")) != "code":
            continue
        source = raw.get("source", [])
        strings = (source,) if isinstance(source, JsonString) else tuple(
            item for item in source if isinstance(item, JsonString)) if isinstance(source, list) else ()
        if not strings:
            continue
        text = "".join(string.value for string in strings)
        cells.append(Cell(number, strings, isinstance(source, list), text, python_source(text)))
    pieces: List[str] = []
    position = 0
    for cell in cells:
        cell.start = position
        pieces.append(cell.python)
        position += len(cell.python)
        # Cells are separate statements: a newline between them (not part of any cell).
        pieces.append("\n")
        position += 1
    return Notebook(host, cells, "".join(pieces), host.isascii(), _language(document))


def _text(value: Any) -> str:
    return value.value if isinstance(value, JsonString) else ""


def _language(document: Dict[str, Any]) -> str:
    metadata = document.get("metadata")
    if isinstance(metadata, dict):
        for section, key in (("kernelspec", "language"), ("language_info", "name")):
            inner = metadata.get(section)
            if isinstance(inner, dict) and isinstance(inner.get(key), JsonString):
                return str(inner[key].value).lower()
    return "python"


@dataclass
class NotebookRegion(Region):
    """One code cell, as a region over the whole program (see the module docstring)."""

    notebook: Optional[Notebook] = None

    def host_offset(self, offset: int) -> int:
        assert self.notebook is not None
        cell = self.notebook.cell_at(offset)
        within = max(0, min(offset - cell.start, len(cell.python)))
        return cell.raw(self.notebook.host, within, ending=within == len(cell.python) and within > 0)

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        assert self.notebook is not None
        mapped: List[Edit] = []
        for edit in edits:
            host_edit = _host_edit(self.notebook, edit)
            if host_edit is None:
                return None
            mapped.append(host_edit)
        return mapped


def _host_edit(notebook: Notebook, edit: Edit) -> Optional[Edit]:
    cell = notebook.cell_at(edit.start)
    start, end = edit.start - cell.start, edit.end - cell.start
    if not (0 <= start <= end <= len(cell.python)) or cell.python[start:end] != cell.source[start:end]:
        return None
    # An edit next to a blanked IPython line must not eat into it.
    if _touches_blank(cell, start, end):
        return None
    host = notebook.host
    first, last = cell.item_at(start), cell.item_at(end, ending=end > start)
    whole_item = first == last and start == cell.item_start(first) and \
        end == cell.item_start(first) + len(cell.strings[first].value) and not edit.content
    if not cell.listed or (first == last and "\n" not in edit.content and not whole_item):
        return Edit(cell.raw(host, start), cell.raw(host, end, ending=end > start), _escape(notebook, edit.content))
    if end == start and start == cell.item_start(first) and edit.content.endswith("\n"):
        # Whole new lines inserted before a line: new items before it.
        return Edit(cell.strings[first].start, cell.strings[first].start,
                    "".join(_encode(notebook, line) + _separator(cell, host) for line in
                            edit.content.splitlines(keepends=True)))
    first_item, last_item = cell.strings[first], cell.strings[last]
    text = cell.source[cell.item_start(first):start] + edit.content + \
        cell.source[end:cell.item_start(last) + len(last_item.value)]
    lines = text.splitlines(keepends=True)
    if not lines:
        if last + 1 < len(cell.strings):
            return Edit(first_item.start, cell.strings[last + 1].start, "")
        if first > 0:
            return Edit(cell.strings[first - 1].end, last_item.end, "")
        return Edit(first_item.start, last_item.end, "")
    separator = _separator(cell, host)
    return Edit(first_item.start, last_item.end, separator.join(_encode(notebook, line) for line in lines))


def _touches_blank(cell: Cell, start: int, end: int) -> bool:
    line_start = cell.source.rfind("\n", 0, start) + 1
    line_end = cell.source.find("\n", end)
    line_end = len(cell.source) if line_end < 0 else line_end
    return cell.python[line_start:line_end] != cell.source[line_start:line_end]


def _separator(cell: Cell, host: str) -> str:
    """What the file writes between two items of a source list (`,\\n    ` in nbformat's layout)."""
    if len(cell.strings) > 1:
        return host[cell.strings[0].end:cell.strings[1].start]
    line_start = host.rfind("\n", 0, cell.strings[0].start) + 1
    indent = host[line_start:cell.strings[0].start]
    return ",\n" + indent if not indent.strip() else ", "


def _escape(notebook: Notebook, content: str) -> str:
    return json.dumps(content, ensure_ascii=notebook.ensure_ascii)[1:-1]


def _encode(notebook: Notebook, line: str) -> str:
    return json.dumps(line, ensure_ascii=notebook.ensure_ascii)
