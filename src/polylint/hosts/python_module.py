"""Python modules (`*.py`): one region, the whole module, parsed with libcst.

A module that does not parse (Python 2, a syntax error) gets PLX002 at the parser's position, plus a PLX301
for each v0 import a line-level scan still finds; no region is made of it, so it is never rewritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath
from polylint.surfaces.python import could_hold_findings

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Note, Region, SourceFile


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".py"})


def claims(path: HostPath) -> bool:
    return path.suffix == ".py"


def prefilter(data: bytes) -> bool:
    return could_hold_findings(data)


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic, Note]]:
    from polylint.source import Note, Region
    from polylint.surfaces.python import (
        SURFACE,
        PythonParseError,
        parse,
        scanned_imports,
        too_large,
        unparsed_diagnostics,
    )

    reason = too_large(source.text)
    if reason is not None:
        yield Note(0, reason)
        yield from scanned_imports(source.text, 0, "the file is too large to parse")
        return
    try:
        tree = parse(source.text)
    except PythonParseError as error:
        yield from unparsed_diagnostics(source.text, error, 0)
        return
    yield Region(SURFACE, source.text, tree=tree)
