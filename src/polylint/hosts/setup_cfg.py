"""setup.cfg: `[options] install_requires` and the keys of `[options.extras_require]`.

setuptools reads a multi-line value one requirement a line, and a one-line value split on `;`; both are
scanned here line by line, keeping the offsets, after configparser has said the file is well formed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Dict, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.requirements import Pin, PinGroup

SURFACE = "requirements"
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
_SECTION = r"\[(?P<name>[^\]]+)\]\s*$"
_KEY = r"(?P<key>[^\s=:][^=:]*?)\s*[=:][ \t]*(?P<value>.*)$"
_COMMENT = re.compile(r"\s+[#;].*$")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".cfg"})


def claims(path: HostPath) -> bool:
    return path.name == "setup.cfg"


def prefilter(data: bytes) -> bool:
    return MENTIONS_V0_PACKAGE.search(data) is not None and b"require" in data


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    import configparser

    from polylint.read_errors import DOCUMENT_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region

    try:
        configparser.RawConfigParser().read_string(source.text)
    except configparser.Error as error:
        line = getattr(error, "lineno", 1) or 1
        offset = source.index.offset(line, 1)
        yield Diagnostic(DOCUMENT_PARSE_ERROR.code, f"could not parse setup.cfg: {error.message}", offset, offset)
        return
    yield Region(SURFACE, source.text, tree=tuple(groups(source.text)))


def _values(text: str) -> Iterator[Tuple[str, str, List[Tuple[int, str]]]]:
    """(section, key, [(offset, line) of its value]) for every key."""
    section = ""
    current: Optional[Tuple[str, str, List[Tuple[int, str]]]] = None
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start = offset
        offset += len(raw)
        if line[:1] in (" ", "\t") and current is not None:
            if line.strip() and line.strip()[0] not in "#;":
                current[2].append((start, line))
            continue
        if not line.strip() or line.lstrip()[0] in "#;":
            continue
        if current is not None:
            yield current
            current = None
        heading = re.match(_SECTION, line)
        if heading is not None:
            section = heading.group("name").strip()
            continue
        key = re.match(_KEY, line)
        if key is not None:
            value_start = start + key.start("value")
            current = (section, key.group("key"), [(value_start, key.group("value"))] if key.group("value") else [])
    if current is not None:
        yield current


def groups(text: str) -> List[PinGroup]:
    from polylint.surfaces.requirements import PinGroup

    found: List[PinGroup] = []
    for section, key, lines in _values(text):
        if (section, key) == ("options", "install_requires"):
            where = "`install_requires`"
        elif section == "options.extras_require":
            where = f"`extras_require` `{key}`"
        else:
            continue
        found.append(PinGroup(where, tuple(_pins(text, lines))))
    return found


def _pins(text: str, lines: List[Tuple[int, str]]) -> Iterator[Pin]:
    from polylint.diagnostics import Edit
    from polylint.surfaces.requirements import Pin, line_span, parse_requirement

    one_line = len(lines) == 1 and not text[: lines[0][0]].endswith("\n")
    for start, line in lines:
        body = _COMMENT.sub("", line)
        pieces: Dict[int, str] = {}
        if one_line:
            # A one-line value is split on `;` by setuptools (so it holds no markers).
            position = 0
            for piece in body.split(";"):
                pieces[position] = piece
                position += len(piece) + 1
        else:
            pieces[0] = body
        for position, piece in pieces.items():
            requirement = parse_requirement(piece)
            if requirement is None or piece[requirement.core_end:].strip()[:1] not in ("", ";"):
                continue
            requirement = requirement.shifted(start + position)
            removal = None if one_line else (Edit(*line_span(text, start, start + len(line)), ""),)
            yield Pin(requirement, requirement.name_start, requirement.core_end, removal, core=requirement.core)
