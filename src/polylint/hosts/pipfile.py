"""Pipfile: the `[packages]` and `[dev-packages]` tables (and any other package category)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Tuple, Union

from polylint.hosts import HostPath
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SURFACE = "requirements"
# Pipfile tables that are not package categories.
_NOT_PACKAGES = frozenset({"source", "requires", "scripts", "pipenv"})


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({""})


def claims(path: HostPath) -> bool:
    return path.name == "Pipfile"


def prefilter(data: bytes) -> bool:
    return MENTIONS_V0_PACKAGE.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.read_errors import DOCUMENT_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.hosts._toml_pins import table_group
    from polylint.source import Region
    from polylint.surfaces.toml import TomlScanError, entries, error_offset, load

    try:
        load(source.text)
        found = list(entries(source.text))
    except (ValueError, TomlScanError) as error:
        stopped = error_offset(source.text, str(error))
        yield Diagnostic(DOCUMENT_PARSE_ERROR.code, f"could not parse Pipfile: {error}", stopped, stopped)
        return
    tables: Dict[Tuple[str, ...], List[Any]] = {}
    for entry in found:
        if len(entry.table) == 1 and entry.table[0] not in _NOT_PACKAGES:
            tables.setdefault(entry.table, []).append(entry)
    groups = tuple(table_group(source.text, table_entries, f"`[{table[0]}]`")
                   for table, table_entries in tables.items())
    yield Region(SURFACE, source.text, tree=groups)
