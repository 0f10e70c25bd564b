"""Host files as read from disk, and the regions of surface code inside them."""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit, Position

_BOMS: Tuple[Tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(Exception):
    """The bytes are not text in UTF-8 (or UTF-16 with a BOM); carries where decoding stopped."""

    def __init__(self, reason: str, row: int, column: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.row = row
        self.column = column


class LineIndex:
    """Offsets <-> 1-based rows and columns for one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._starts.append(index + 1)
        self._text = text

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        row = bisect.bisect_right(self._starts, offset) - 1
        column = offset - self._starts[row]
        # A column inside "\r\n" is the end of the line's visible text.
        return Position(row + 1, column + 1)

    def offset(self, row: int, column: int) -> int:
        """Offset of a 1-based row and column (clamped to the text)."""
        row = max(1, min(row, len(self._starts)))
        return min(self._starts[row - 1] + column - 1, len(self._text))

    def line_count(self) -> int:
        return len(self._starts)


def decode(data: bytes, python: bool = False) -> Tuple[str, str]:
    """Bytes -> (text, encoding name to write it back with). python: the bytes are a Python module, which
    Python decodes by its PEP 263 coding cookie (`# -*- coding: latin-1 -*-`), so polylint does too."""
    if python and _PEP263_WORD in b"\n".join(data.split(b"\n", 2)[:2]):
        return _decode_python(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise _undecodable(data, error, encoding) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, "utf-8") from error


# Every coding cookie holds this word; a module without it in its first two lines is UTF-8 (with or without
# a byte-order mark), as the common case is decoded.
_PEP263_WORD = b"coding"


def _decode_python(data: bytes) -> Tuple[str, str]:
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:  # an unknown encoding, or a cookie that contradicts the byte-order mark
        row = error.lineno or 1
        raise UndecodableError(f"not a Python encoding declaration Python accepts ({error.msg})", row, 1) from error
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, encoding) from error


def _undecodable(data: bytes, error: UnicodeDecodeError, encoding: str) -> UndecodableError:
    before = data[: error.start]
    row = before.count(b"\n") + 1
    column = error.start - (before.rfind(b"\n") + 1) + 1
    byte = data[error.start : error.start + 1].hex()
    return UndecodableError(f"not valid {encoding} (byte 0x{byte} at offset {error.start})", row, column)


def detect_newline(text: str) -> str:
    """The newline style to keep: the first one in the file ("\\n" for a file with none)."""
    first = text.find("\n")
    if first > 0 and text[first - 1] == "\r":
        return "\r\n"
    return "\n"


@dataclass
class SourceFile:
    """A host file: its path, the exact bytes read, and the text they decode to."""

    path: str
    data: bytes
    text: str
    encoding: str
    newline: str
    _index: Optional[LineIndex] = field(default=None, repr=False, compare=False)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> SourceFile:
        text, encoding = decode(data, python=path.lower().endswith(".py"))
        return cls(path, data, text, encoding, detect_newline(text))

    def with_text(self, text: str) -> SourceFile:
        return SourceFile(self.path, self.encode(text), text, self.encoding, self.newline)

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def position(self, offset: int) -> Position:
        return self.index.position(offset)

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)

    def lines(self) -> List[str]:
        return self.text.splitlines()


@dataclass(frozen=True)
class Note:
    """A stated skip a host kind yields from `regions()`: nothing wrong with the file, but a part of it
    was not checked (a fenced snippet that does not parse, say). Shown with `-v`."""

    offset: int
    message: str


@dataclass(frozen=True)
class Segment:
    """Characters [region_start, region_start + length) of a region are host [host_start, ...)."""

    region_start: int
    host_start: int
    length: int


@dataclass
class Region:
    """A piece of a host in one surface language, with the map from its offsets back to the host.

    Most regions are one contiguous span of the host; an embedded one (a Makefile recipe whose
    continuation lines lose their prefix, a console block without its prompts) has several segments.
    An edit can only be carried back to the host when it lies inside one segment: anything else could
    not be made exactly, so it is not made.
    """

    surface: str
    text: str
    segments: Sequence[Segment] = ()
    tree: Any = None
    cell: Optional[int] = None
    # Free-form facts the host kind found (the CI system, the document index...), for checks to read.
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.segments:
            self.segments = (Segment(0, 0, len(self.text)),)

    @classmethod
    def at(cls, surface: str, text: str, host_start: int, **kwargs: Any) -> Region:
        return cls(surface, text, (Segment(0, host_start, len(text)),), **kwargs)

    def _segment(self, offset: int) -> Segment:
        starts = [segment.region_start for segment in self.segments]
        position = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.segments[position]

    def host_offset(self, offset: int) -> int:
        segment = self._segment(offset)
        return segment.host_start + min(max(offset - segment.region_start, 0), segment.length)

    def cell_position(self, offset: int) -> Optional[Tuple[int, Position]]:
        """(cell number, 1-based row and column in that cell) for a region inside a notebook, else None."""
        return None

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        """The edits in host offsets, or None when one of them cannot be carried back exactly."""
        mapped = []
        for edit in edits:
            segment = self._segment(edit.start)
            if not (segment.region_start <= edit.start <= edit.end <= segment.region_start + segment.length):
                return None
            mapped.append(edit.shifted(segment.host_start - segment.region_start))
        return mapped
