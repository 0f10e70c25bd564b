"""Inline suppression comments, the same in YAML, shell, Python, Markdown (`<!-- ... -->`) and reStructuredText
(a `.. ` comment line).

- ``# polylint: ignore`` or ``# polylint: ignore[PLX101, PLX2]`` on the finding's line or the line above;
- ``# noqa`` or ``# noqa: PLX101`` on the finding's line (flake8's and ruff's spelling);
- ``# polylint: skip-file`` in the first 10 lines turns the whole file off.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

_COMMENT = r"(?:#|<!--|//|^[ \t]*\.\.)\s*"
_CODES = r"(?P<codes>[A-Za-z0-9_,\s]+)"
_IGNORE = re.compile(_COMMENT + r"polylint:\s*ignore(?:\[" + _CODES + r"\])?")
_NOQA = re.compile(_COMMENT + r"noqa(?::\s*" + _CODES.replace("codes", "noqa") + r")?", re.IGNORECASE)
_SKIP_FILE = re.compile(_COMMENT + r"polylint:\s*skip-file")
SKIP_FILE_LINES = 10


def skips_file(text: str) -> bool:
    head = text.split("\n", SKIP_FILE_LINES)[:SKIP_FILE_LINES]
    return any(_SKIP_FILE.search(line) for line in head)


def _parse_codes(raw: Optional[str]) -> Optional[Tuple[str, ...]]:
    """None means every code; otherwise the codes or prefixes listed."""
    if raw is None:
        return None
    return tuple(code.strip().upper() for code in raw.split(",") if code.strip())


def _covers(codes: Optional[Tuple[str, ...]], code: str) -> bool:
    return codes is None or any(code.startswith(prefix) for prefix in codes)


class Suppressions:
    """The suppression comments of one host text, looked up by row."""

    def __init__(self, text: str) -> None:
        self._lines: List[str] = text.split("\n")

    def _line(self, row: int) -> str:
        return self._lines[row - 1] if 1 <= row <= len(self._lines) else ""

    def suppresses(self, code: str, rows: Sequence[int]) -> bool:
        """rows: the finding's first row (its line and the one above are searched)."""
        row = rows[0]
        for candidate in (row, row - 1):
            match = _IGNORE.search(self._line(candidate))
            if match and _covers(_parse_codes(match.group("codes")), code):
                return True
        match = _NOQA.search(self._line(row))
        if match is None:
            return False
        noqa = match.group("noqa")
        return _covers(_parse_codes(noqa), code)
