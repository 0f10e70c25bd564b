"""The command lines a Python module builds for the CLI, read as shell where they are built: handed to
os.system, os.popen and subprocess, or built first (a variable, an f-string, `.format`, `%`, an argv list)."""

from __future__ import annotations

import ast
from pathlib import PurePath
import pytest

from polylint.hosts import python_shell
from tests.helpers import check_noop, check_transformed, findings, fixed_text
from tests.polyaxon_cli import python_argvs, v1_parses

HEAD = "import os\nimport shlex\nimport subprocess\n\n"
ROW = HEAD.count("\n") + 1  # the row of the first line after HEAD


def located(text: str) -> list[tuple[str, int, int, bool]]:
    return [(f.code, f.location.row, f.location.column, f.fix is not None) for f in findings("drive.py", text)]


def assert_rewritten(before: str, after: str, unsafe: bool = False, remaining: tuple[str, ...] = ()) -> None:
    """--fix turns before into after (and settles there), the module still parses, and every polyaxon command
    it builds parses under polyaxon 1.20's click tree."""
    check_transformed("drive.py", before, after, unsafe=unsafe, remaining=remaining)
    ast.parse(after)
    for argv in python_argvs(after):
        assert v1_parses(argv) is None, f"v1 rejects polyaxon {argv}: {v1_parses(argv)}"


def test_claims_and_prefilter() -> None:
    assert python_shell.claims(PurePath("tools/drive.py")) and not python_shell.claims(PurePath("run.sh"))
    assert python_shell.prefilter(b"os.system('polyaxon experiment logs')")
    assert python_shell.prefilter(b"cmd = f'polyaxon experiment -xp {xp} logs'")
    assert python_shell.prefilter(b'args = ["polyaxon", "experiment"]')
    assert not python_shell.prefilter(b"os.system('ls')") and not python_shell.prefilter(b"import polyaxon\n")


@pytest.mark.parametrize("call", [
    'os.system("polyaxon experiment logs")', "os.popen('polyaxon experiment logs')",
    'subprocess.run("polyaxon experiment logs", shell=True)', 'subprocess.check_output("polyaxon experiment logs")',
    'os.system(r"polyaxon experiment logs")', 'os.system("""polyaxon experiment logs""")',
])
def test_a_plain_string_is_rewritten_in_place(call: str) -> None:
    assert_rewritten(HEAD + call + "\n", HEAD + call.replace("experiment logs", "ops logs") + "\n")


def test_a_runner_imported_by_name_is_read_too() -> None:
    text = "from subprocess import check_call as run\n\nrun('polyaxon upload', shell=True)\n"
    assert located(text) == [("PLX204", 3, 15, False)]


@pytest.mark.parametrize("argument", [
    '"polyaxon experiment " "stop"', '"polyaxon experiment stop\\n"',
])
def test_a_string_that_is_not_its_written_text_is_reported_at_its_start_and_never_rewritten(argument: str) -> None:
    text = HEAD + f"subprocess.call({argument})\n"
    assert [(code, row, column) for code, row, column, _ in located(text)] == [("PLX201", ROW, 17)]
    check_transformed("drive.py", text, text, unsafe=True, remaining=["PLX201"])


def test_a_rewrite_that_would_write_the_literal_s_quote_is_not_made() -> None:
    double = HEAD + 'os.system("polyaxon group -g 3 experiments")\n'
    assert located(double) == [("PLX201", ROW, 21, False)]
    single = HEAD + "os.system('polyaxon group -g 3 experiments')\n"
    assert_rewritten(single, single.replace("group -g 3 experiments", 'ops ls -q "pipeline: 3"'), unsafe=True,
                     remaining=("PLX213",))


# An f-string, `.format` or `%` field stays as written where it stands for an option's value or an argument:
# it is one shell word, which the rewrite keeps byte for byte (see _python_literals.py).
@pytest.mark.parametrize(("before", "after"), [
    ('f"polyaxon experiment --project={args.project} -xp 7 logs"',
     'f"polyaxon ops logs --project={args.project} -uid 7"'),
    ('"polyaxon experiment -p {} -xp 7 logs --past".format(project)', '"polyaxon ops logs -p {} -uid 7".format(project)'),
    ('"polyaxon experiment -p %s -xp 7 stop" % project', '"polyaxon ops stop -p %s -uid 7" % project'),
])
def test_a_template_handed_to_a_runner_keeps_its_fields(before: str, after: str) -> None:
    # The literal v0 id stays reported (PLX213) until it is replaced by the run's uuid.
    assert_rewritten(HEAD + f"os.system({before})\n", HEAD + f"os.system({after})\n", unsafe=True,
                     remaining=("PLX213",))


@pytest.mark.parametrize("call", ['f"polyaxon experiment -xp {run_id} stop"',
                                  '"polyaxon experiment -xp {} stop".format(xp)',
                                  '"polyaxon experiment -xp %s stop" % xp'])
def test_a_run_id_known_at_run_time_is_a_to_do_not_a_fix(call: str) -> None:
    # v1 wants the run's uuid where the field stands: nothing would report the line once rewritten.
    before = HEAD + f"os.system({call})\n"
    assert [fix for *_, fix in located(before)] == [False]
    assert "uuid" in findings("drive.py", before)[0].message


def test_a_field_as_an_argument_is_kept_and_one_in_the_path_or_as_an_extra_word_blocks_the_rewrite() -> None:
    init = HEAD + 'os.system(f"polyaxon init {project}")\n'
    assert_rewritten(init, init.replace("init {project}", "init -p {project}"))
    extra = HEAD + 'os.system(f"polyaxon experiment logs {extra}")\n'  # `logs` takes no argument: an option?
    assert located(extra) == [("PLX201", ROW, 22, False)]
    check_noop("drive.py", HEAD + 'cmd = f"polyaxon {kind} -xp 3 logs"\nos.system(cmd)\n')


@pytest.mark.parametrize("argument", ['f"polyaxon experiment -xp {ids[0]} stop"',
                                      "f\"polyaxon experiment -xp {xp} {'-y' if now else ''} stop\""])
def test_a_field_that_is_not_one_plain_word_makes_the_string_read_only(argument: str) -> None:
    text = HEAD + f"os.system({argument})\n"
    assert located(text) == [("PLX201", ROW, 22, False)]  # at `experiment`: the literal parts keep their place
    check_transformed("drive.py", text, text, unsafe=True, remaining=["PLX201"])


def test_fields_filled_in_by_their_order_are_not_reordered() -> None:
    # v1 wants `--host=http://HOST:PORT`: the two `{}` would swap the port and the host.
    text = HEAD + 'os.system("polyaxon config set --port {} --host {}".format(port, host))\n'
    assert located(text) == [("PLX206", ROW, 32, False)]
    named = HEAD + 'os.system(f"polyaxon config set --port {port} --host {host}")\n'
    assert located(named) == [("PLX206", ROW, 33, False)]  # `{host}` would move before `{port}`


def test_a_field_in_place_of_a_query_value_is_reported() -> None:
    text = HEAD + 'cmd = f"polyaxon group -g {group} experiments -m"\nsubprocess.check_output(cmd, shell=True)\n'
    found = findings("drive.py", text)
    assert [(f.code, f.location.row, f.location.column, f.fix) for f in found] == [("PLX201", ROW, 18, None)]
    assert "`{group}` cannot be put into a query exactly" in found[0].message


def test_an_argv_list_is_rewritten_element_by_element() -> None:
    before = HEAD + 'subprocess.call(["polyaxon", "experiment", "-p", str(project), "-xp", "12", "stop"])\n'
    after = HEAD + 'subprocess.call(["polyaxon", "ops", "stop", "-p", str(project), "-uid", "12"])\n'
    assert_rewritten(before, after, unsafe=True, remaining=("PLX213",))
    group = HEAD + "subprocess.call(['polyaxon', 'group', '-g', '3', 'experiments'])\n"
    assert_rewritten(group, HEAD + "subprocess.call(['polyaxon', 'ops', 'ls', '-q', 'pipeline: 3'])\n", unsafe=True,
                     remaining=("PLX213",))
    by_variable = HEAD + 'subprocess.call(["polyaxon", "experiment", "-xp", str(run_id), "stop"])\n'
    assert [fix for *_, fix in located(by_variable)] == [False]


def test_elements_known_at_run_time_keep_their_order() -> None:
    before = HEAD + 'subprocess.run(("polyaxon", "experiment", "-p", project(), "-xp", "4", "logs"))\n'
    after = HEAD + 'subprocess.run(("polyaxon", "ops", "logs", "-p", project(), "-uid", "4"))\n'
    assert_rewritten(before, after, unsafe=True, remaining=("PLX213",))
    # `config set` would put the port's element before the host's: evaluated the other way round.
    text = HEAD + 'subprocess.run(["polyaxon", "config", "set", "--port", port(), "--host", host()])\n'
    assert [fix for *_, fix in located(text)] == [False]


@pytest.mark.parametrize("element", ["*extra", '"a\\tb"'])
def test_an_argv_list_with_an_element_of_no_exact_word_is_reported_only(element: str) -> None:
    text = HEAD + f'subprocess.run(["polyaxon", "experiment", "logs", {element}])\n'
    assert [(code, fix) for code, _, _, fix in located(text)] == [("PLX201", False)]
    check_transformed("drive.py", text, text, unsafe=True, remaining=["PLX201"])


def test_a_command_in_a_variable_is_rewritten_where_it_is_built() -> None:
    before = HEAD + 'cmd = f"polyaxon experiment -p {project} logs"\nout = subprocess.check_output(cmd, shell=True)\n'
    assert located(before) == [("PLX201", ROW, 18, True)]
    assert_rewritten(before, before.replace("experiment -p {project} logs", "ops logs -p {project}"))
    argv = HEAD + 'args = ["polyaxon", "experiment", "logs"]\nrun = subprocess.Popen\nrun(args)\n'
    assert_rewritten(argv, argv.replace('"experiment", "logs"', '"ops", "logs"'))


@pytest.mark.parametrize("module", [
    'cmd = "polyaxon experiment logs"\nsubprocess.Popen(shlex.split(cmd))\n',
    'cmd = "polyaxon experiment logs".split()\nsubprocess.Popen(cmd)\n',
    'run = "polyaxon experiment logs"\ncmd = run\nos.system(cmd)\n',
    'cmd = " ".join(["polyaxon", "experiment", "logs"])\nos.system(cmd)\n',
    'self.exec("polyaxon experiment logs", in_="N")\n',  # a wrapper of the repository's own
    'def command():\n    cmd = "polyaxon experiment logs"\n    print(cmd)\n    os.system(cmd)\n',
])
def test_a_command_built_on_its_way_to_a_runner(module: str) -> None:
    assert_rewritten(HEAD + module, HEAD + module.replace("experiment logs", "ops logs").replace(
        '"experiment", "logs"', '"ops", "logs"'))


def test_a_command_split_on_blanks_gets_no_quotes() -> None:
    split = HEAD + "cmd = 'polyaxon group -g 3 experiments'\nsubprocess.Popen(cmd.split())\n"
    assert located(split) == [("PLX201", ROW, 17, False)]
    joined = HEAD + 'os.system(" ".join(["polyaxon", "group", "-g", "3", "experiments"]))\n'
    assert [fix for *_, fix in located(joined)] == [False]
    shell_split = HEAD + "subprocess.Popen(shlex.split('polyaxon group -g 3 experiments'))\n"
    assert_rewritten(shell_split, shell_split.replace("group -g 3 experiments", 'ops ls -q "pipeline: 3"'),
                     unsafe=True, remaining=("PLX213",))


def test_an_argv_built_over_several_statements_is_read_as_one() -> None:
    text = HEAD + ('args = ["polyaxon", "experiment"]\nargs += ["-xp", str(xp), "stop"]\n'
                   'args.extend(["-y"])\nsubprocess.run(args)\n')
    found = findings("drive.py", text)
    assert [(f.code, f.location.row, f.location.column) for f in found] == [("PLX201", ROW, 21)]
    assert "v1 is `polyaxon ops stop -uid $xp -y`" in found[0].message
    # An edit that stays inside one of its lists is made.
    before = HEAD + 'args = ["polyaxon", "experiment", "stop"]\nargs.append("-y")\nsubprocess.run(args)\n'
    assert_rewritten(before, before.replace('"experiment", "stop"', '"ops", "stop"'))


@pytest.mark.parametrize(("module", "count"), [
    ('args = ["polyaxon", "experiment", "logs"]\nif past:\n    args.append("--past")\nsubprocess.run(args)\n', 1),
    ('cmd = "polyaxon experiment logs"\ncmd += " --past"\nos.system(cmd)\n', 1),
    ('cmd = "polyaxon experiment logs"\nos.system(cmd + " --past")\n', 1),
    ('cmd = "polyaxon experiment logs"\nos.system(f"{cmd} --past")\n', 1),
    ('def command():\n    return "polyaxon experiment logs"\n', 1),
    ('COMMANDS = ["polyaxon experiment logs", "polyaxon experiment stop"]\n', 2),
    ('args = ["polyaxon", "experiment", "logs"] + extra\n', 1),
    ('args = [\n    "polyaxon",\n    "experiment",  # the run\n    "logs",\n]\nsubprocess.run(args)\n', 1),
])
def test_a_command_whose_use_is_not_read_to_its_end_is_reported_and_never_rewritten(module: str, count: int) -> None:
    text = HEAD + module
    assert [(code, fix) for code, _, _, fix in located(text)] == [("PLX201", False)] * count
    assert fixed_text("drive.py", text, unsafe=True) == text


@pytest.mark.parametrize("module", [
    'print("polyaxon experiment logs")\n',
    'logger.info("polyaxon experiment logs")\n',
    'click.echo(f"polyaxon experiment -xp {xp} logs")\n',
    'raise RuntimeError("polyaxon experiment logs")\n',
    'assert done, "polyaxon experiment logs"\n',
    'parser.add_argument("--follow", help="polyaxon experiment logs of the run")\n',
    'def f():\n    """polyaxon experiment logs is what this runs."""\n',
    'msg = "polyaxon experiment finished"\n',  # no such command: prose
    'msg = "polyaxon experiment %s finished" % xp\n',
    'msg = "Run polyaxon experiment logs to see them"\n',  # not a command line: it does not start with it
    'args = ["polyaxon", "experiment", "finished"]\n',
    'args = ["polyaxon", "ops", "logs"]\ncmd = "polyaxon ops logs"\n',  # v1 already
    'args = ["polyaxon", sub, "logs"]\n',  # a command path known only at run time
    'subprocess.run(command)\nos.system(cmd)\n',
])
def test_not_a_v0_command_line(module: str) -> None:
    check_noop("drive.py", HEAD + module)


def test_a_module_that_does_not_parse_is_left_to_the_python_host() -> None:
    assert [f.code for f in findings("drive.py", 'print "x"\nos.system("polyaxon experiment logs")\n')] == ["PLX002"]
