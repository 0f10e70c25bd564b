"""Markdown (`*.md`, `*.markdown`, ...): each ```` ```python ```` / ```` ```py ```` fence is a Python region of its own.

READMEs and docs show v0 client code; it is checked and fixed in place like a module. Fences are found by
hosts/_markdown.py, as for shell fences. A fence indented under a list item keeps its indentation in the
host: its lines are separate segments, so a fix that stays on one line is made and one that spans lines is
not (reported instead). A fence that does not parse is skipped, not reported: documentation is full of
elided snippets (`...`, `>>>` sessions, Python 2 prints) that were never meant to run; the skip is a Note,
shown with `-v`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath
from polylint.hosts._markdown import MARKDOWN_SUFFIXES
from polylint.surfaces.python import could_hold_findings

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Note, Region, SourceFile

_LANGUAGES = frozenset({"python", "py", "python3"})


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(MARKDOWN_SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(MARKDOWN_SUFFIXES)


def prefilter(data: bytes) -> bool:
    return could_hold_findings(data)


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic, Note]]:
    from polylint.hosts._markdown import fences
    from polylint.hosts._pieces import pieces_region
    from polylint.source import Note
    from polylint.surfaces.python import SURFACE, PythonParseError, parse

    for fence in fences(source.text, _LANGUAGES):
        snippet = fence.body
        if not snippet or ("polyaxon" not in snippet.lower() and not could_hold_findings(snippet.encode())):
            continue
        try:
            tree = parse(snippet)
        except PythonParseError as error:
            # Documentation snippets are often partial (`...`, prompts): not an error, but said with -v.
            line_start = source.text.rfind("\n", 0, fence.lines[0].host_start) + 1
            yield Note(line_start, f"a ```python fence that does not parse ({error.reason})")
            continue
        yield pieces_region(SURFACE, [(line.host_start, line.text) for line in fence.lines], tree=tree)
