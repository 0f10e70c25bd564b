"""Where TOML keys and values sit in the text: a small walker for the fixes, next to tomllib for the data.

tomllib says what a file means but not where; this walks key/value lines and table headers and gives
offsets for each value, for each element of an array, and for the inside of each simple string. Hosts
check what it finds against tomllib's reading of the same file before trusting it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BARE_VALUE = re.compile(r"[^\s,\]\}#]+")


class TomlScanError(Exception):
    """The walker could not follow the text (tomllib is the judge of validity; this only gives up)."""


@dataclass(frozen=True)
class TomlEntry:
    table: Tuple[str, ...]
    key: Tuple[str, ...]
    key_span: Tuple[int, int]  # the last key part, inside its quotes
    start: int  # start of the line's key
    value: Tuple[int, int]
    elements: Tuple[Tuple[int, int], ...] = ()  # for an array: each element's span
    inline: Dict[str, Tuple[int, int]] = field(default_factory=dict)  # for an inline table: value spans


def load(text: str) -> Dict[str, Any]:
    """tomllib's reading (tomli before 3.11); raises ValueError with a message for invalid TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(str(error)) from error


def error_offset(text: str, message: str) -> int:
    """Where tomllib stopped, from the `(at line N, column M)` its messages end with (0 when absent)."""
    import re

    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match is None:
        return 0
    position = 0
    for _ in range(int(match.group(1)) - 1):
        position = text.find("\n", position) + 1
        if position == 0:
            return len(text)
    return min(position + int(match.group(2)) - 1, len(text))


def string_inside(text: str, span: Tuple[int, int]) -> Optional[Tuple[int, int]]:
    """The inside of a one-line string without escapes ("..." or '...'); None for anything else."""
    start, end = span
    literal = text[start:end]
    if len(literal) < 2 or literal[0] not in "\"'" or literal[-1] != literal[0] or literal[:3] in ('"""', "'''"):
        return None
    if literal[0] == '"' and "\\" in literal:
        return None
    return start + 1, end - 1


def _skip(text: str, position: int, newlines: bool) -> int:
    """Past spaces (and, inside arrays, newlines and comments)."""
    while position < len(text):
        char = text[position]
        if char in " \t" or (newlines and char in "\r\n"):
            position += 1
        elif newlines and char == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
        else:
            break
    return position


def _string_end(text: str, position: int) -> int:
    for quote in ('"""', "'''"):
        if text.startswith(quote, position):
            end = text.find(quote, position + 3)
            while quote == '"""' and end > 0 and text[end - 1] == "\\":
                end = text.find(quote, end + 1)
            if end < 0:
                raise TomlScanError("unterminated string")
            while text.startswith(quote[0], end + 3):  # `""""` closes with the last three quotes
                end += 1
            return end + 3
    quote = text[position]
    cursor = position + 1
    while cursor < len(text) and text[cursor] not in (quote, "\n"):
        cursor += 2 if quote == '"' and text[cursor] == "\\" else 1
    if cursor >= len(text) or text[cursor] != quote:
        raise TomlScanError("unterminated string")
    return cursor + 1


def _value(text: str, position: int) -> Tuple[int, List[Tuple[int, int]], Dict[str, Tuple[int, int]]]:
    """(end, array elements, inline-table values) of the value starting at position."""
    char = text[position:position + 1]
    if char in ("\"", "'"):
        return _string_end(text, position), [], {}
    if char == "[":
        elements: List[Tuple[int, int]] = []
        cursor = _skip(text, position + 1, True)
        while not text.startswith("]", cursor):
            end, _, _ = _value(text, cursor)
            elements.append((cursor, end))
            cursor = _skip(text, end, True)
            if text.startswith(",", cursor):
                cursor = _skip(text, cursor + 1, True)
            elif not text.startswith("]", cursor):
                raise TomlScanError("expected `,` or `]`")
        return cursor + 1, elements, {}
    if char == "{":
        values: Dict[str, Tuple[int, int]] = {}
        cursor = _skip(text, position + 1, False)
        while not text.startswith("}", cursor):
            key, _, cursor = _key(text, cursor)
            cursor = _skip(text, cursor, False)
            if not text.startswith("=", cursor):
                raise TomlScanError("expected `=`")
            cursor = _skip(text, cursor + 1, False)
            end, _, _ = _value(text, cursor)
            values[".".join(key)] = (cursor, end)
            cursor = _skip(text, end, False)
            if text.startswith(",", cursor):
                cursor = _skip(text, cursor + 1, False)
            elif not text.startswith("}", cursor):
                raise TomlScanError("expected `,` or `}`")
        return cursor + 1, [], values
    bare = _BARE_VALUE.match(text, position)
    if bare is None:
        raise TomlScanError("expected a value")
    return bare.end(), [], {}


def _key(text: str, position: int) -> Tuple[Tuple[str, ...], Tuple[int, int], int]:
    """(dotted key parts, span of the last part's name, end)."""
    parts: List[str] = []
    span = (position, position)
    while True:
        position = _skip(text, position, False)
        if text[position:position + 1] in ("\"", "'"):
            end = _string_end(text, position)
            span = (position + 1, end - 1)
            parts.append(text[position + 1:end - 1])
        else:
            bare = _BARE_KEY.match(text, position)
            if bare is None:
                raise TomlScanError("expected a key")
            end = bare.end()
            span = (position, end)
            parts.append(bare.group(0))
        position = _skip(text, end, False)
        if not text.startswith(".", position):
            return tuple(parts), span, position
        position += 1


def entries(text: str) -> Iterator[TomlEntry]:
    """Every `key = value` of the document, with the table it is in."""
    table: Tuple[str, ...] = ()
    position = 0
    while position < len(text):
        position = _skip(text, position, False)
        char = text[position:position + 1]
        if char in ("\r", "\n", "#", ""):
            end = text.find("\n", position)
            position = len(text) if end < 0 else end + 1
            continue
        if char == "[":
            double = text.startswith("[[", position)
            key, _, cursor = _key(text, position + (2 if double else 1))
            table = key
            end = text.find("\n", cursor)
            position = len(text) if end < 0 else end + 1
            continue
        start = position
        key, key_span, cursor = _key(text, position)
        cursor = _skip(text, cursor, False)
        if not text.startswith("=", cursor):
            raise TomlScanError("expected `=`")
        value_start = _skip(text, cursor + 1, False)
        value_end, elements, inline = _value(text, value_start)
        yield TomlEntry(table, key, key_span, start, (value_start, value_end), tuple(elements), inline)
        end = text.find("\n", value_end)
        position = len(text) if end < 0 else end + 1
