"""Makefiles (`Makefile`, `makefile`, `GNUmakefile`, `*.mk`): each recipe line is a shell region.

A recipe line starts with a tab; its `@` (silent), `-` (ignore errors) and `+` prefixes are make's, not
the shell's, so the region starts after them. A line ending in a backslash continues on the next one:
make hands the shell the backslash-newline as written, so the region keeps it and stays one
contiguous span of the file. Make variables (`$(VAR)`, `${VAR}`) read as expansions: words holding them
are values known only when make runs, never a command name we could misread, except those the Makefile
itself sets to one plain word (`PLX = polyaxon`, `PIP ?= env3.6/bin/pip`): the regions know their value
(``meta["variables"]``), so `$(PLX) experiment -xp 1 stop` is a call. A variable set more than once, or
appended to, is not known.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Dict, Iterator, List, Optional, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

NAMES = frozenset({"makefile", "gnumakefile"})
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
RECIPE_PREFIX = r"\t[ \t@+-]*"
# `NAME = value`, `NAME := value`, `export NAME ?= value`...: a variable set outside a recipe.
ASSIGNMENT = r"^(?:(?:export|override)[ \t]+)*([A-Za-z_][\w.-]*)[ \t]*(::?=|\?=|\+=|!=|=)[ \t]*(.*?)[ \t]*$"
PLAIN_WORD = r"[\w./+~-]+"
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({"", ".mk"})


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    return name in NAMES or name.endswith(".mk")


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.source import Region

    text = source.text
    lines = text.splitlines(keepends=True)
    variables = _variables(lines)
    named_polyaxon = [name for name, value in variables.items() if "polyaxon" in value]
    offset = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        start = offset
        prefix = re.match(RECIPE_PREFIX, line)
        offset += len(line)
        index += 1
        continued = line.rstrip("\r\n").endswith("\\")
        while continued and index < len(lines):
            offset += len(lines[index])
            continued = lines[index].rstrip("\r\n").endswith("\\")
            index += 1
        if prefix is None:
            continue
        body = text[start + prefix.end():offset]
        if "polyaxon" in body or any(name in body for name in named_polyaxon):
            region = Region.at("shell", body, start + prefix.end())
            region.meta["variables"] = variables
            yield region


def _variables(lines: List[str]) -> Dict[str, str]:
    """The make variables set once, outside recipes, to one plain word: `$(NAME)` and `${NAME}` -> the word."""
    values: Dict[str, Optional[str]] = {}
    for line in lines:
        assignment = re.match(ASSIGNMENT, line.rstrip("\r\n"))
        if assignment is None or line.startswith("\t"):
            continue
        name, operator, value = assignment.groups()
        plain = operator not in ("+=", "!=") and re.fullmatch(PLAIN_WORD, value) is not None
        values[name] = value if plain and name not in values else None
    return {f"{opening}{name}{closing}": value for name, value in values.items() if value is not None
            for opening, closing in (("$(", ")"), ("${", "}"))}
