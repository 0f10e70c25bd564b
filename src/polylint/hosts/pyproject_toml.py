"""pyproject.toml: PEP 621 `dependencies` and `optional-dependencies`, and Poetry's dependency tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Tuple, Union

from polylint.hosts import HostPath
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.requirements import PinGroup

SURFACE = "requirements"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".toml"})


def claims(path: HostPath) -> bool:
    return path.name == "pyproject.toml"


def prefilter(data: bytes) -> bool:
    return MENTIONS_V0_PACKAGE.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.read_errors import DOCUMENT_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.hosts._toml_pins import array_group, table_group
    from polylint.source import Region
    from polylint.surfaces.toml import TomlScanError, entries, error_offset, load

    try:
        data = load(source.text)
        found = list(entries(source.text))
    except (ValueError, TomlScanError) as error:
        stopped = error_offset(source.text, str(error))
        yield Diagnostic(DOCUMENT_PARSE_ERROR.code, f"could not parse pyproject.toml: {error}", stopped, stopped)
        return
    project = data.get("project", {})
    groups: List[PinGroup] = []
    poetry_tables: Dict[Tuple[str, ...], List[Any]] = {}
    for entry in found:
        full = entry.table + entry.key
        if full == ("project", "dependencies"):
            groups.append(array_group(source.text, entry, "`[project] dependencies`", project.get("dependencies")))
        elif entry.table == ("project", "optional-dependencies") and len(entry.key) == 1:
            extra = entry.key[0]
            loaded = project.get("optional-dependencies", {}).get(extra)
            groups.append(array_group(source.text, entry, f"`[project.optional-dependencies] {extra}`", loaded))
        elif _is_poetry_dependencies(entry.table):
            poetry_tables.setdefault(entry.table, []).append(entry)
    for table, table_entries in poetry_tables.items():
        where = f"`[{'.'.join(table)}]`"
        groups.append(table_group(source.text, table_entries, where, skip=("python",)))
    yield Region(SURFACE, source.text, tree=tuple(groups))


def _is_poetry_dependencies(table: Tuple[str, ...]) -> bool:
    if table[:2] != ("tool", "poetry"):
        return False
    rest = table[2:]
    return rest in (("dependencies",), ("dev-dependencies",)) or (
        len(rest) == 3 and rest[0] == "group" and rest[2] == "dependencies")
