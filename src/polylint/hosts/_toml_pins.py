"""What pyproject.toml and Pipfile share: requirement arrays and `name = "spec"` tables as pin groups."""

from __future__ import annotations

import re
from typing import Any, List, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.surfaces.requirements import (
    Pin,
    PinGroup,
    Requirement,
    alone_on_lines,
    element_removal,
    line_span,
    parse_requirement,
    pin_written_otherwise,
)
from polylint.surfaces.toml import TomlEntry, string_inside

_TABLE_CLAUSE = re.compile(r"\s*(===|==|!=|~=|<=|>=|<|>|\^|~)?\s*([A-Za-z0-9_.*+!-]+)\s*$")


def array_group(text: str, entry: TomlEntry, where: str, loaded: Any) -> PinGroup:
    """An array of PEP 508 strings (`dependencies = [...]`), trusted only when tomllib reads the same."""
    if not isinstance(loaded, list) or len(loaded) != len(entry.elements):
        return PinGroup(where)
    pins: List[Pin] = []
    for index, element in enumerate(entry.elements):
        inside = string_inside(text, element)
        if inside is None or text[inside[0]:inside[1]] != loaded[index]:
            if isinstance(loaded[index], str):
                written = pin_written_otherwise(loaded[index], element, "a requirement written with escapes or in "
                                                "a multi-line string is not rewritten")
                pins.extend([written] if written is not None else [])
            continue
        content = text[inside[0]:inside[1]]
        requirement = parse_requirement(content)
        if requirement is None or content[requirement.core_end:].strip()[:1] not in ("", ";"):
            continue
        requirement = requirement.shifted(inside[0])
        pins.append(Pin(requirement, requirement.name_start, requirement.core_end,
                        element_removal(text, entry.elements, index), core=requirement.core))
    return PinGroup(where, tuple(pins))


def table_clauses(specifier: str) -> Tuple[Tuple[str, str], ...]:
    """Pipfile and Poetry version strings: PEP 440 clauses, plus Poetry's `^0.6` / `~0.6` / bare `0.6.1`."""
    clauses = []
    for part in specifier.split(","):
        match = _TABLE_CLAUSE.match(part)
        if match is None or match.group(2) == "*":
            continue
        operator = match.group(1) or "=="
        # Poetry's caret and tilde keep the leading zero component: `^0.6` and `~0.6` both stay below 1.
        clauses.append(("~=" if operator in ("^", "~") else operator, match.group(2)))
    return tuple(clauses)


def table_group(text: str, table: Sequence[TomlEntry], where: str, skip: Sequence[str] = ()) -> PinGroup:
    """`name = "spec"` or `name = {version = "spec", ...}` entries (Pipfile sections, Poetry tables)."""
    pins: List[Pin] = []
    # A dotted key (`polyaxon.client = ...`) defines a table its first part names; renaming an entry to that
    # name would define it twice, which TOML refuses. Such tables are reported, not rewritten.
    dotted = next((".".join(entry.key) for entry in table if len(entry.key) > 1), None)
    frozen = f"the table has the dotted key `{dotted}`, so it is not rewritten" if dotted else None
    for entry in table:
        if len(entry.key) != 1 or entry.key[0] in skip:
            continue
        version = entry.inline.get("version") if entry.inline else entry.value
        inside = string_inside(text, version) if version is not None else None
        specifier = text[inside[0]:inside[1]] if inside is not None else ""
        requirement = Requirement(entry.key[0], entry.key_span[0], "", table_clauses(specifier), specifier,
                                  entry.key_span[1])
        end = entry.value[1]
        removal = None
        if alone_on_lines(text, entry.start, end, r"\s*(#.*)?"):
            removal = (Edit(*line_span(text, entry.start, end), ""),)
        pins.append(Pin(requirement, entry.key_span[0], end, removal, key=entry.key_span,
                        value=inside, frozen=frozen))
    return PinGroup(where, tuple(pins))
