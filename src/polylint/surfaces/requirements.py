"""Requirement lists wherever they are written: PEP 508 strings with their spans, grouped by list.

Every packaging host (requirements files, setup.py, setup.cfg, pyproject.toml, Pipfile, conda
environments) turns its lists into ``PinGroup``s of ``Pin``s: one requirement each, with where it sits in
the host text and the exact edits that replace it or delete it. The checks then read one model, whatever
the file.

A requirement is scanned by hand rather than with ``packaging``: the fixes need the span of each part
(name, extras, specifier, marker) to rewrite the name and the specifier and leave the rest as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit

_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
_EXTRAS = re.compile(r"\[[^\]]*\]")
_CLAUSE = re.compile(r"(===|==|!=|~=|<=|>=|<|>)\s*([A-Za-z0-9_.*+!-]+)")
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Requirement:
    """One PEP 508 requirement; spans are offsets in the text it was scanned from."""

    name: str
    name_start: int
    extras: str  # "[gcs]" as written, or ""
    clauses: Tuple[Tuple[str, str], ...]  # ((">=", "1.0"), ...)
    specifier: str  # as written, or ""
    core_end: int  # end of name + extras + specifier (or of the URL)
    url: Optional[str] = None

    @property
    def core(self) -> Tuple[int, int]:
        return self.name_start, self.core_end

    def shifted(self, by: int) -> Requirement:
        return replace(self, name_start=self.name_start + by, core_end=self.core_end + by)


def parse_requirement(text: str, start: int = 0) -> Optional[Requirement]:
    """The requirement at text[start:], up to its marker or whatever follows it (options, a comment)."""
    position = _SPACE.match(text, start).end()  # type: ignore[union-attr]
    name = _NAME.match(text, position)
    if name is None:
        return None
    end = name.end()
    position = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    extras = ""
    extras_match = _EXTRAS.match(text, position)
    if extras_match is not None:
        extras = extras_match.group(0)
        end = extras_match.end()
        position = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    if text.startswith("@", position):
        url_start = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
        url = re.match(r"\S+", text[url_start:])
        if url is None:
            return None
        return Requirement(name.group(0), name.start(), extras, (), "", url_start + url.end(), url.group(0))
    clauses: List[Tuple[str, str]] = []
    parenthesised = text.startswith("(", position)
    cursor = position + 1 if parenthesised else position
    spec_start = cursor
    while True:
        cursor = _SPACE.match(text, cursor).end()  # type: ignore[union-attr]
        clause = _CLAUSE.match(text, cursor)
        if clause is None:
            break
        clauses.append((clause.group(1), clause.group(2)))
        cursor = clause.end()
        end = cursor
        after = _SPACE.match(text, cursor).end()  # type: ignore[union-attr]
        if not text.startswith(",", after):
            break
        cursor = after + 1
    if parenthesised:
        close = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if not clauses or not text.startswith(")", close):
            return None
        end = close + 1
    specifier = text[spec_start:end].strip() if clauses else ""
    if parenthesised:
        specifier = specifier.rstrip(")").strip()
    return Requirement(name.group(0), name.start(), extras, tuple(clauses), specifier, end)


@dataclass(frozen=True)
class Pin:
    """A requirement in a host: where it is, and the edits that replace or delete it.

    ``core`` is the span (region offsets) of name + extras + specifier inside a string entry; a table
    entry (`name = "spec"` in a Pipfile or Poetry table) has ``key`` and ``value`` spans instead, with
    ``value`` the inside of the version string (None when the entry has no plain version to rewrite).
    """

    requirement: Requirement
    start: int
    end: int
    removal: Optional[Tuple[Edit, ...]]
    core: Optional[Tuple[int, int]] = None
    key: Optional[Tuple[int, int]] = None
    value: Optional[Tuple[int, int]] = None
    # Why this entry cannot be rewritten exactly (a hash-locked file, a URL), when it cannot.
    frozen: Optional[str] = None

    @property
    def name(self) -> str:
        return self.requirement.name

    def replacement(self, name: str, specifier: str) -> Optional[Tuple[Edit, ...]]:
        """The edits that make this entry require `name specifier` (extras and markers kept)."""
        if self.frozen is not None:
            return None
        if self.core is not None:
            return (Edit(self.core[0], self.core[1], f"{name}{self.requirement.extras}{specifier}"),)
        if self.key is not None and self.value is not None:
            return (Edit(self.key[0], self.key[1], name), Edit(self.value[0], self.value[1], specifier or "*"))
        return None


def pin_written_otherwise(value: str, span: Tuple[int, int], why: str) -> Optional[Pin]:
    """The pin of a requirement whose text is not where it is written as such (escapes, a string in pieces
    or over lines): reported at span, the whole value, and never rewritten (why)."""
    requirement = parse_requirement(value)
    if requirement is None or value[requirement.core_end:].strip()[:1] not in ("", ";"):
        return None
    return Pin(requirement, span[0], span[1], None, frozen=why)


@dataclass(frozen=True)
class PinGroup:
    """The requirements of one list (a requirements file, `install_requires`, an extra, a table)."""

    where: str
    pins: Tuple[Pin, ...] = field(default_factory=tuple)


def line_span(text: str, start: int, end: int) -> Tuple[int, int]:
    """The whole lines holding text[start:end], with the line break after them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end + 1


def alone_on_lines(text: str, start: int, end: int, trailing: str = r"\s*,?\s*(#.*)?") -> bool:
    """Nothing but indentation before start and (a comma and) a comment after end on its lines."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and re.fullmatch(trailing, text[end:line_end]) is not None


def element_removal(text: str, spans: Sequence[Tuple[int, int]], index: int,
                    trailing: str = r"\s*,?\s*(#.*)?") -> Tuple[Edit, ...]:
    """Delete element `index` of a comma-separated list (a Python list, a TOML array), with its comma.

    An element alone on its line goes with its line; otherwise it goes with the comma and space that
    follow it, or, for the last element, with the comma and space that precede it.
    """
    start, end = spans[index]
    if alone_on_lines(text, start, end, trailing):
        return (Edit(*line_span(text, start, end), ""),)
    if index + 1 < len(spans):
        return (Edit(start, spans[index + 1][0], ""),)
    if index > 0:
        return (Edit(spans[index - 1][1], end, ""),)
    after = re.match(r"\s*,?\s*", text[end:])
    return (Edit(start, end + (after.end() if after else 0), ""),)
