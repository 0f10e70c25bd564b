"""Python in Jupyter notebooks: the code cells as one program, with an exact map back into the JSON text.

Cells share one namespace (an import in cell 1 is used in cell 5), so the code cells are joined into one
program and analysed together; each cell is then a region over that program that reports what lies in it.
IPython lines (`!pip ...`, `%matplotlib`, `x = !ls`) and `%%` cell magics are blanked to spaces, so that
offsets stay put and libcst never sees them.

The notebook itself (its JSON, its cells, the map from a cell's source to the JSON text and the JSON edits
that carry a fix back, list items and escapes included) is the shared model of hosts/_notebook.py; this
module adds what is Python's: the program, the blanking, and refusing an edit that would touch a blanked
IPython line (the runner then keeps the old text).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit, Position
from polylint.hosts._notebook import Cell, parse_notebook
from polylint.source import Region

_MAGIC_LINE = re.compile(r"^[ \t]*(?:[!%]|\w+[ \t]*=[ \t]*[!%])")


@dataclass
class ProgramCell:
    """A code cell in the program: the notebook's cell, its source with IPython blanked, and where it starts."""

    cell: Cell
    python: str  # decoded, IPython lines blanked (same length as the source)
    start: int = 0  # where the cell starts in the program

    @property
    def number(self) -> int:
        return self.cell.number

    @property
    def source(self) -> str:
        return self.cell.source

    @property
    def end(self) -> int:
        return self.start + len(self.python)


def python_source(source: str) -> str:
    """The cell with IPython syntax blanked to spaces (same length, newlines kept)."""
    lines = source.splitlines(keepends=True)
    first = next((line for line in lines if line.strip()), "")
    if first.lstrip().startswith("%%"):
        return blank(source)
    return "".join(_blank(line) if _MAGIC_LINE.match(line) else line for line in lines)


def blank(source: str) -> str:
    """The whole text blanked to spaces (newlines kept): a cell left out of the program."""
    return "".join(_blank(line) for line in source.splitlines(keepends=True))


def _blank(line: str) -> str:
    body = line.rstrip("\r\n")
    return " " * len(body) + line[len(body):]


@dataclass
class PythonNotebook:
    cells: List[ProgramCell]
    program: str
    language: str

    def cell_at(self, offset: int) -> ProgramCell:
        starts = [cell.start for cell in self.cells]
        return self.cells[max(0, bisect.bisect_right(starts, offset) - 1)]


def read_notebook(host: str) -> PythonNotebook:
    """The code cells of a notebook joined into one program; raises NotebookError."""
    notebook = parse_notebook(host)
    cells = [ProgramCell(cell, python_source(cell.source)) for cell in notebook.cells
             if cell.cell_type == "code" and cell.strings]
    pieces: List[str] = []
    position = 0
    for cell in cells:
        cell.start = position
        pieces.append(cell.python)
        position += len(cell.python)
        # Cells are separate statements: a newline between them (not part of any cell).
        pieces.append("\n")
        position += 1
    return PythonNotebook(cells, "".join(pieces), notebook.language)


@dataclass
class NotebookRegion(Region):
    """One code cell, as a region over the whole program (see the module docstring)."""

    notebook: Optional[PythonNotebook] = None

    def host_offset(self, offset: int) -> int:
        assert self.notebook is not None
        cell = self.notebook.cell_at(offset)
        within = max(0, min(offset - cell.start, len(cell.python)))
        return cell.cell.host_offset(within, ending=within == len(cell.python) and within > 0)

    def cell_position(self, offset: int) -> Optional[Tuple[int, Position]]:
        assert self.notebook is not None
        cell = self.notebook.cell_at(offset)
        return cell.number, cell.cell.position(max(0, min(offset - cell.start, len(cell.source))))

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        assert self.notebook is not None
        mapped: List[Edit] = []
        for edit in edits:
            host_edit = _host_edit(self.notebook, edit)
            if host_edit is None:
                return None
            mapped.append(host_edit)
        return mapped


def _host_edit(notebook: PythonNotebook, edit: Edit) -> Optional[Edit]:
    cell = notebook.cell_at(edit.start)
    start, end = edit.start - cell.start, edit.end - cell.start
    if not (0 <= start <= end <= len(cell.python)) or cell.python[start:end] != cell.source[start:end]:
        return None
    # An edit next to a blanked IPython line must not eat into it.
    if _touches_blank(cell, start, end):
        return None
    return cell.cell.host_edit(start, end, edit.content, new_items=True)


def _touches_blank(cell: ProgramCell, start: int, end: int) -> bool:
    line_start = cell.source.rfind("\n", 0, start) + 1
    line_end = cell.source.find("\n", end)
    line_end = len(cell.source) if line_end < 0 else line_end
    return cell.python[line_start:line_end] != cell.source[line_start:line_end]
