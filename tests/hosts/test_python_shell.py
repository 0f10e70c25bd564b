"""The command lines a Python module hands to os.system, os.popen and subprocess, read as shell."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from polylint.hosts import python_shell
from tests.helpers import check_noop, check_transformed, findings
from tests.polyaxon_cli import assert_v1

HEAD = "import os\nimport subprocess\n\n"


def located(text: str) -> list[tuple[str, int, int, bool]]:
    return [(f.code, f.location.row, f.location.column, f.fix is not None) for f in findings("drive.py", text)]


def test_claims_and_prefilter() -> None:
    assert python_shell.claims(PurePath("tools/drive.py")) and not python_shell.claims(PurePath("run.sh"))
    assert python_shell.prefilter(b"os.system('polyaxon experiment logs')")
    assert not python_shell.prefilter(b"os.system('ls')") and not python_shell.prefilter(b"import polyaxon\n")


@pytest.mark.parametrize("call", [
    'os.system("polyaxon experiment logs")', "os.popen('polyaxon experiment logs')",
    'subprocess.run("polyaxon experiment logs", shell=True)', 'subprocess.check_output("polyaxon experiment logs")',
])
def test_a_plain_string_is_rewritten_in_place(call: str) -> None:
    after = call.replace("experiment logs", "ops logs")
    check_transformed("drive.py", HEAD + call + "\n", HEAD + after + "\n")
    assert_v1("polyaxon ops logs\n")


def test_a_runner_imported_by_name_is_read_too() -> None:
    text = "from subprocess import check_call as run\n\nrun('polyaxon upload', shell=True)\n"
    assert located(text) == [("PLX204", 3, 15, False)]


@pytest.mark.parametrize("argument", [
    '["polyaxon", "experiment", "-xp", str(run_id), "stop"]',  # an argv list
    'f"polyaxon experiment -xp {run_id} stop"',  # an f-string
    'r"polyaxon experiment stop"', '"polyaxon experiment " "stop"', '"polyaxon experiment stop\\n"',
])
def test_other_command_lines_are_reported_at_their_place_and_never_rewritten(argument: str) -> None:
    text = HEAD + f"subprocess.call({argument})\n"
    assert located(text) == [("PLX201", 4, 17, False)]
    check_transformed("drive.py", text, text, unsafe=True, remaining=["PLX201"])


def test_a_rewrite_that_would_write_the_literal_s_quote_is_not_made() -> None:
    double = HEAD + 'os.system("polyaxon group -g 3 experiments")\n'
    assert located(double) == [("PLX201", 4, 21, False)]
    single = HEAD + "os.system('polyaxon group -g 3 experiments')\n"
    check_transformed("drive.py", single, single.replace("group -g 3 experiments", 'ops ls -q "pipeline: 3"'),
                      unsafe=True)


def test_not_a_command_line() -> None:
    check_noop("drive.py", HEAD + 'print("polyaxon experiment logs")\nos.system("polyaxon ops logs")\n'
                                  "subprocess.run(command)\n")


def test_a_module_that_does_not_parse_is_left_to_the_python_host() -> None:
    assert [f.code for f in findings("drive.py", 'print "x"\nos.system("polyaxon experiment logs")\n')] == ["PLX002"]
