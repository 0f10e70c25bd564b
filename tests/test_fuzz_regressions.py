"""Every crash the property tests and fuzz/fuzz_hosts.py found (issue 8), as the smallest input that showed it.

Each test names the input shape and what went wrong; the fix is in the module that owned the bug.
"""

import json

from polylint.config import Settings
from polylint.results import Options
from polylint.checking import process_bytes
from tests.helpers import fixed_text

FIX = Options(Settings(), fix=True, unsafe_fixes=True)


def notebook(*cells):
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                                  "source": source.splitlines(keepends=True)} for source in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def test_a_broken_cell_does_not_block_fixes_in_the_cells_before_it():
    # CPython named the broken cell's line in the whole program ("on line 16"); the fix above it removed
    # lines, the message changed, the runner took it for a new parse error and dropped the fix (PLX007).
    v0 = "from polyaxon_client.tracking import Experiment\n"
    text = notebook(v0 * 3 + "experiment = Experiment()\n" * 4 + "for i in range(3):\n    experiment = Experiment()\n",
                    v0 * 2 + "for i in range(3):\n    # pass\n")
    result = process_bytes("train.ipynb", text.encode(), FIX)
    assert [f.code for f in result.findings] == ["PLX301", "PLX301", "PLX002"]
    assert "'for' statement on line 3;" in result.findings[-1].message
    fixed = result.new_data.decode()
    assert "from polyaxon import tracking" in fixed and "Experiment()" not in fixed.split('"for i')[0]
    assert fixed_text("train.ipynb", fixed, unsafe=True) == fixed


def test_poetry_table_with_a_dotted_polyaxon_key_is_reported_not_rewritten():
    # Renaming `polystores` to `polyaxon` beside the dotted key `polyaxon.client` defined `polyaxon` twice:
    # the result did not load, and the fix was dropped (PLX007).
    text = ('[tool.poetry.dependencies]\npython = "^3.8"\npolyaxon.client = "^0.6.1"  # tracking\n'
            'polystores = {version = "0.2.5", extras = ["s3"]}\n')
    result = process_bytes("pyproject.toml", text.encode(), FIX)
    assert [f.code for f in result.findings] == ["PLX401"] and result.new_data is None
    assert "dotted key `polyaxon.client`" in result.findings[0].message
