"""Jupyter notebooks, for shell: `!polyaxon ...` lines, `%pip install ...` lines (the magic runs pip in the
kernel's environment: the line after `%` is the command) and `%%bash`/`%%sh` cells of code cells.

Positions are the cell's (``cell`` in the output is the 1-based cell number) and the line and column of
the JSON file, which nbformat writes one source line per JSON line. Edits go back as JSON string edits
(``hosts/_notebook.py``): only the changed cell's characters change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Tuple, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.hosts._notebook import Cell
    from polylint.source import Region, SourceFile

# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
SHELL_CELL = r"\A[ \t]*%%(?:bash|sh|script[ \t]+(?:ba|z)?sh)\b[^\n]*\n"
BANG_LINE = r"(?m)^[ \t]*(?:!!?(?!=)|%(?=pip[ \t]))"
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".ipynb"})


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(".ipynb")


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.read_errors import DOCUMENT_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.hosts._notebook import NotebookError, parse_notebook

    try:
        notebook = parse_notebook(source.text)
    except NotebookError as error:
        yield Diagnostic(DOCUMENT_PARSE_ERROR.code, f"could not parse notebook: {error.reason}",
                         error.offset, error.offset)
        return
    for cell in notebook.cells:
        if cell.cell_type == "code" and "polyaxon" in cell.source:
            yield from _cell_regions(cell)


def _cell_regions(cell: Cell) -> Iterator[Region]:
    shell_cell = re.match(SHELL_CELL, cell.source)
    if shell_cell:
        yield cell.region("shell", [(shell_cell.end(), len(cell.source))])
        return
    spans: List[Tuple[int, int]] = []
    for bang in re.finditer(BANG_LINE, cell.source):
        end = cell.source.find("\n", bang.end())
        end = len(cell.source) if end < 0 else end + 1
        spans.append((bang.end(), end))
    for span in spans:
        if "polyaxon" in cell.source[span[0]:span[1]]:
            yield cell.region("shell", [span])
