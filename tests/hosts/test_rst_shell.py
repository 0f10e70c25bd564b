from __future__ import annotations

import pytest

from tests.helpers import check_noop, check_transformed, findings
from tests.polyaxon_cli import assert_v1

DOC = """Seg
===

Each polyaxon experiment logs its metrics. Link the folder with ``polyaxon init seg``, then
follow ``polyaxon experiment -xp 3 logs``.

Start it::

    polyaxon upload
    polyaxon run -f polyaxonfile.yml -u

.. code-block:: bash
   :linenos:

   polyaxon job stop -y

.. code:: console

    $ polyaxon job -j 5 stop
    Job 5 is being stopped

.. prompt:: bash $

    polyaxon build -b 6 stop

.. code-block::

    polyaxon init seg
"""
FIXED = (DOC.replace("``polyaxon init seg``", "``polyaxon init -p seg``")
         .replace("``polyaxon experiment -xp 3 logs``", "``polyaxon ops logs -uid 3``")
         .replace("polyaxon job stop -y", "polyaxon ops stop -y")
         .replace("$ polyaxon job -j 5 stop", "$ polyaxon ops stop -uid 5")
         .replace("polyaxon build -b 6 stop", "polyaxon ops stop -uid 6")
         .replace("    polyaxon init seg", "    polyaxon init -p seg"))


def test_literal_blocks_directives_and_inline_literals_are_located_exactly() -> None:
    lines = DOC.splitlines()
    found = [(f.code, f.location.row, lines[f.location.row - 1][f.location.column - 1:f.end_location.column - 1])
             for f in findings("docs/index.rst", DOC)]
    assert found == [
        ("PLX205", 4, "seg"),  # an inline literal
        ("PLX201", 5, "experiment -xp 3 logs"),
        ("PLX204", 9, "upload"),  # a `::` literal block
        ("PLX201", 15, "job stop"),  # `.. code-block:: bash`, after its option line
        ("PLX201", 19, "job -j 5 stop"),  # `.. code:: console`: the output line is skipped
        ("PLX201", 24, "build -b 6 stop"),  # `.. prompt:: bash $`: commands without their prompt
        ("PLX205", 28, "seg"),  # a code block with no language that holds a v0 call
    ]


def test_they_are_rewritten_in_place() -> None:
    # The v0 ids stay reported (PLX213) until they are replaced by uuids.
    check_transformed("docs/index.rst", DOC, FIXED, unsafe=True, remaining=["PLX213", "PLX204", "PLX213", "PLX213"])
    assert_v1("polyaxon init -p seg\npolyaxon ops logs -uid 3\npolyaxon ops stop -y\npolyaxon ops stop -uid 5\n"
              "polyaxon ops stop -uid 6\n")


def test_other_suffix() -> None:
    assert [f.code for f in findings("guide.rest", "Run ``polyaxon upload``.\n")] == ["PLX204"]


@pytest.mark.parametrize("text", [
    "Each polyaxon experiment logs its metrics; polyaxon init seg links the folder.\n",
    "The ``experiment`` group, ``polyaxon ops ls``, ``polyaxon`` and `polyaxon upload` (not a literal).\n",
    "The ``polyaxon experiment`` group is gone.\n",
    ".. code-block:: python\n\n    os.system('polyaxon upload')\n",
    ".. code-block:: yaml\n\n    run:\n      cmd: polyaxon upload\n",
    "A YAML block::\n\n    run:\n      cmd: polyaxon upload\n",
    "Not a literal block::\n    polyaxon upload\n",  # no blank line after the `::`
    ".. note:: polyaxon upload\n\n   polyaxon upload is gone\n",
])
def test_prose_other_languages_and_other_directives_are_silent(text: str) -> None:
    check_noop("docs/index.rst", text)
