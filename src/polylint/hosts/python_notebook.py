"""Jupyter notebooks (`*.ipynb`): the Python code cells, one region per cell over the notebook's program.

The cells are analysed together (they share a namespace); each finding carries its cell number and points
into the JSON text exactly; fixes change only the JSON strings of the lines they rewrite
(surfaces/notebook_python.py). A cell that does not parse (Python 2, a stray magic) gets PLX002 and the v0
imports a line scan finds in it, and is left out of the program, so it is never rewritten. A notebook that
is not JSON gets PLX003 (from notebook_shell when it mentions `polyaxon`, else from here). Notebooks of other
kernels (R, Julia...) are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Union

from polylint.hosts import HostPath
from polylint.surfaces.python import could_hold_findings

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.python import PythonParseError


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".ipynb"})


def claims(path: HostPath) -> bool:
    return path.suffix == ".ipynb"


def prefilter(data: bytes) -> bool:
    return could_hold_findings(data)


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.read_errors import DOCUMENT_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.hosts._notebook import NotebookError
    from polylint.surfaces.notebook_python import NotebookRegion, blank, read_notebook
    from polylint.surfaces.python import SURFACE, PythonParseError, parse, unparsed_diagnostics

    try:
        notebook = read_notebook(source.text)
    except NotebookError as error:
        # notebook_shell reads every notebook with `polyaxon` in it and reports it unreadable: once is enough.
        if "polyaxon" not in source.text:
            yield Diagnostic(DOCUMENT_PARSE_ERROR.code, f"could not read the notebook: {error.reason}",
                             error.offset, error.offset)
        return
    if not notebook.language.startswith("python") or not notebook.cells:
        return
    locator = NotebookRegion(SURFACE, notebook.program, notebook=notebook)
    failed: List[int] = []
    while True:
        try:
            tree = parse(notebook.program)
            break
        except PythonParseError as error:
            cell = notebook.cell_at(error.offset)
            if cell.number in failed:
                return
            failed.append(cell.number)
            # Report in the cell's own terms (CPython's reason may name a line of the whole program, which
            # moves when a fix in another cell changes its line count), then leave the cell out of the
            # program and parse again.
            for diagnostic in unparsed_diagnostics(cell.python, _cell_error(cell.python, error, cell.start), 0):
                start = locator.host_offset(cell.start + diagnostic.start)
                end = locator.host_offset(cell.start + diagnostic.end)
                yield Diagnostic(diagnostic.code, f"cell {cell.number}: {diagnostic.message}", start, end)
            cell.python = blank(cell.source)
            notebook.program = notebook.program[:cell.start] + cell.python + notebook.program[cell.end:]
    shared: Dict[str, Any] = {}
    for cell in notebook.cells:
        if cell.number not in failed:
            yield NotebookRegion(SURFACE, notebook.program, tree=tree, cell=cell.number,
                                 meta={"span": (cell.start, cell.end), "shared": shared}, notebook=notebook)


def _cell_error(python: str, error: PythonParseError, cell_start: int) -> PythonParseError:
    """The parse error of a cell read alone, or (when the cell parses alone, and so failed only with the
    cells before it) the program's error moved to the cell's offsets."""
    from polylint.surfaces.python import PythonParseError, parse

    try:
        parse(python)
    except PythonParseError as alone:
        return alone
    return PythonParseError(error.reason, error.offset - cell_start)
