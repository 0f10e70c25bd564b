from __future__ import annotations

import json

from tests.helpers import check_noop, check_transformed, findings

CELLS = [
    {"cell_type": "markdown", "metadata": {}, "source": ["!polyaxon upload"]},
    {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
     "source": ["import os\n", "!polyaxon experiment logs\n", "x = 1"]},
    {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
     "source": ["%%bash\n", "polyaxon init \"my proj\"\n", "echo polyaxon upload\n"]},
]


def notebook(cells: list[dict[str, object]]) -> str:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def test_bang_lines_and_bash_cells_are_located_with_their_cell() -> None:
    found = [(f.code, f.cell, f.location.row, f.location.column) for f in findings("a.ipynb", notebook(CELLS))]
    assert found == [("PLX201", 2, 17, 16), ("PLX205", 3, 28, 20)]


def test_only_the_changed_cells_characters_change() -> None:
    fixed = [dict(cell) for cell in CELLS]
    fixed[1] = {**CELLS[1], "source": ["import os\n", "!polyaxon ops logs\n", "x = 1"]}
    fixed[2] = {**CELLS[2], "source": ["%%bash\n", "polyaxon init -p \"my proj\"\n", "echo polyaxon upload\n"]}
    check_transformed("a.ipynb", notebook(CELLS), notebook(fixed))


def test_compact_json_layout_is_kept() -> None:
    before = json.dumps({"cells": [CELLS[1]], "nbformat": 4})
    after = before.replace("experiment logs", "ops logs")
    check_transformed("a.ipynb", before, after)


def test_markdown_cells_and_python_are_not_shell() -> None:
    check_noop("a.ipynb", notebook([CELLS[0], {"cell_type": "code", "metadata": {}, "outputs": [],
                                               "source": ["os.system('polyaxon upload')"]}]))


def test_broken_notebook_is_reported() -> None:
    assert [f.code for f in findings("a.ipynb", '{"cells": [polyaxon')] == ["PLX003"]


def test_a_pip_magic_line_is_the_pip_command_it_runs() -> None:
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": ["%pip install -q polyaxon-client==0.6.1\n", "%matplotlib inline polyaxon\n", "%pipe polyaxon\n"]}
    found = [(f.code, f.location.row, f.location.column) for f in findings("a.ipynb", notebook([cell]))]
    assert found == [("PLX402", 9, 22)]  # the requirement word, in its JSON line
    after = {**cell, "source": ['%pip install -q "polyaxon>=1.20,<2"\n', *cell["source"][1:]]}
    check_transformed("a.ipynb", notebook([cell]), notebook([after]))
