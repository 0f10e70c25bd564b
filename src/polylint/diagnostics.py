"""What a check reports: a diagnostic, and the fix that may come with it.

Checks speak in offsets of the region they read; the runner turns those into host offsets and then into
the 1-based rows and columns every output format prints. Named tuples, not dataclasses: a warm run that
only reports remembered findings builds thousands of them and need not import the dataclass machinery.
"""

from __future__ import annotations

import enum
from typing import NamedTuple, Optional, Sequence, Tuple


class Applicability(str, enum.Enum):
    """How a diagnostic can be fixed, in ruff's words."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes: meaning could shift
    MANUAL = "manual"  # reported with the v1 way to do it; never applied


# The options of `polylint check` that apply a fix of each kind: what every message naming them says.
FIX_OPTIONS = {Applicability.SAFE: "--fix", Applicability.UNSAFE: "--fix --unsafe-fixes"}


class Edit(NamedTuple):
    """Replace text[start:end] with content. Offsets are characters, end exclusive."""

    start: int
    end: int
    content: str

    def shifted(self, by: int) -> Edit:
        return self._replace(start=self.start + by, end=self.end + by)


class Fix(NamedTuple):
    applicability: Applicability
    message: str
    edits: Tuple[Edit, ...]


def apply_edits(text: str, edits: Sequence[Edit], newline: str = "\n") -> str:
    """Apply non-overlapping edits; inserted text takes the file's newline style."""
    pieces = []
    last = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[last:edit.start])
        content = edit.content
        if newline != "\n":
            content = content.replace("\r\n", "\n").replace("\n", newline)
        pieces.append(content)
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


class Diagnostic(NamedTuple):
    """A finding in one region: a code, a message and the span [start, end) in the region's text."""

    code: str
    message: str
    start: int
    end: int
    fix: Optional[Fix] = None

    @property
    def applicability(self) -> Applicability:
        return self.fix.applicability if self.fix else Applicability.MANUAL


class Position(NamedTuple):
    row: int  # 1-based
    column: int  # 1-based, in characters

    def as_dict(self) -> dict[str, int]:
        return {"row": self.row, "column": self.column}


class LocatedEdit(NamedTuple):
    content: str
    location: Position
    end_location: Position


class LocatedFix(NamedTuple):
    applicability: Applicability
    message: str
    edits: Tuple[LocatedEdit, ...]


class Finding(NamedTuple):
    """A diagnostic placed in its host file, ready for any output format."""

    filename: str
    code: str
    message: str
    location: Position
    end_location: Position
    fix: Optional[LocatedFix] = None
    cell: Optional[int] = None
    # Where in its notebook cell, for a finding inside one (location stays the position in the file).
    cell_location: Optional[Position] = None

    @property
    def applicability(self) -> Applicability:
        return self.fix.applicability if self.fix else Applicability.MANUAL

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.filename, self.location.row, self.location.column, self.code)
