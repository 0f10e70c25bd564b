"""The Python codemod's own machinery (its rewrites are tested through the rules, in tests/checks/python)."""

import os
import subprocess
import sys
from typing import List, Tuple

from hypothesis import given
from hypothesis import strategies as st

from polylint.codemods.python.migrate import _ImportPlan, _Replace, _Spans
from polylint.surfaces.python import parse
from polylint.surfaces.python_usage import analyse
from tests.conftest import SRC

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda pair: (pair[0], sum(pair))))


@given(SPANS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda pair: (pair[0], sum(pair)))))
def test_a_span_is_covered_when_one_of_the_spans_contains_it(spans: List[Tuple[int, int]],
                                                             references: List[Tuple[int, int]]) -> None:
    covering = _Spans(spans)
    for reference in references:
        assert covering.cover(reference) == any(start <= reference[0] and reference[1] <= end
                                                for start, end in spans)


def test_statements_without_a_site_are_kept_as_they_are() -> None:
    text = ("import os\n"
            "from polyaxon_client.tracking import Experiment\n"
            "\n"
            "def load(path):\n"
            "    return open(os.path.join('data', path)).read()\n"
            "\n"
            "xp = Experiment()\n")
    usage = analyse(parse(text), text)
    plan = _ImportPlan(usage, usage.sites)
    module = usage.module.visit(_Replace(usage.sites, plan))
    assert module.code == ("import os\n"
                           "from polyaxon import tracking\n"
                           "\n"
                           "def load(path):\n"
                           "    return open(os.path.join('data', path)).read()\n"
                           "\n"
                           "xp = tracking.init()\n")
    assert module.body[0] is usage.module.body[0]
    assert module.body[2] is usage.module.body[2]


def test_imports_replaced_in_place_do_not_load_libcst_codemod() -> None:
    # `libcst.codemod` (with libcst's matchers) takes longer to import than checking several modules.
    script = ("import sys\n"
              "from tests.helpers import fixed_text\n"
              "text = 'from polyaxon_client.tracking import Experiment\\nxp = Experiment()\\n'\n"
              "assert fixed_text('train.py', text) == 'from polyaxon import tracking\\nxp = tracking.init()\\n'\n"
              "print('libcst.codemod' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": os.pathsep.join([str(SRC), str(SRC.parent)]), "POLYAXON_NO_API": "true"})
    assert done.stdout == "False\n"


def test_a_name_imported_in_both_branches_is_imported_in_both() -> None:
    from tests.helpers import fixed_text

    v0 = ("import os\n"
          "if os.environ.get('A'):\n"
          "    from polyaxon_client.tracking import Experiment\n"
          "else:\n"
          "    from polyaxon_client.tracking import Experiment\n"
          "\n"
          "experiment = Experiment()\n")
    # Once, the else branch became `pass`, and `tracking` was unbound whenever A was not set.
    assert fixed_text("train.py", v0) == ("import os\n"
                                          "if os.environ.get('A'):\n"
                                          "    from polyaxon import tracking\n"
                                          "else:\n"
                                          "    from polyaxon import tracking\n"
                                          "\n"
                                          "experiment = tracking.init()\n")


def test_whitespace_lines_that_libcst_loses_at_the_end_are_not_an_edit() -> None:
    from polylint.codemods.python.migrate import rewrite
    from polylint.diagnostics import Applicability

    text = "from polyaxon_client.tracking import Experiment\nxp = Experiment()\n  \n    \n"
    usage = analyse(parse(text), text)
    assert usage.module.code != text  # what the fix must not carry
    done = rewrite(usage, Applicability.SAFE, lambda site: True)
    assert all(edit.end <= text.index("\n  \n") for edit in done.edits)
