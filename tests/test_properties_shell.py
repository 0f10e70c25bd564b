"""Property tests for shell regions (issue 8): generated scripts around the v0 CLI surface.

For any generated script: no check raises, fixes settle in one run, the fixed script parses with no more
errors than before, and no byte outside the spans the fixes reported is changed.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polylint.config import Settings
from polylint.diagnostics import Edit
from polylint.results import Options
from polylint.checking import process_bytes
from polylint.diagnostics import apply_edits

V0_CALLS = st.sampled_from([
    "polyaxon experiment logs", "polyaxon experiment -xp 12 stop -y", "polyaxon group -g $GROUP experiments",
    "polyaxon job get", "polyaxon build -b 3 logs", "polyaxon tensorboard -xp 4 start", "polyaxon notebook start",
    "polyaxon notebook stop", "polyaxon upload", "polyaxon init mnist", "polyaxon login --username a --password b",
    "polyaxon config set --host=localhost --http_port=80", "polyaxon project list", "polyaxon cluster",
    "polyaxon run -f polyaxonfile.yml -u --ttl 60", "/usr/local/bin/polyaxon experiment get",
    "pip install polyaxon-cli==0.6.1 numpy", "polyaxon ops logs", "polyaxon run -f op.yml",
])
OTHER = st.sampled_from(["echo 'polyaxon experiment stop'", "# polyaxon group get", "ls -la", "cd /code",
                         'X="$(date)"', "export A=1", "true"])
GLUE = st.sampled_from([" && ", " | tee log.txt && ", " || ", "; ", " > out.txt; ", " 2>&1 | grep x; "])
WRAP = st.sampled_from(["{}", "if [ -n \"$A\" ]; then\n  {}\nfi", "for i in 1 2; do {}; done", "f() {{\n  {}\n}}",
                        "X=$({})", "{} \\\n  --extra", "sudo {}", "bash -c '{}'", 'sh -c "{}"',
                        "docker exec box sh -lc '{}' > log"])


@st.composite
def commands(draw):
    """A command, or two glued into a list or a pipeline."""
    command = draw(st.one_of(V0_CALLS, OTHER))
    if draw(st.booleans()):
        command += draw(GLUE) + draw(st.one_of(V0_CALLS, OTHER))
    return command


@st.composite
def scripts(draw):
    lines = ["#!/bin/bash"] + [draw(WRAP).format(draw(commands())) for _ in range(draw(st.integers(1, 6)))]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline


def fixed_once(name, text):
    """The text after --fix --unsafe-fixes (None when nothing changed): no fix was dropped or failed, and a
    second --fix changes nothing."""
    options = Options(Settings(), fix=True, unsafe_fixes=True)
    fixed = process_bytes(name, text.encode(), options)
    assert not {f.code for f in fixed.findings} & {"PLX007", "PLX009"}
    if fixed.new_data is None:
        return None
    assert process_bytes(name, fixed.new_data, options).new_data is None, "a second --fix changed it"
    return fixed.new_data.decode()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts())
def test_shell_fixes_touch_only_their_spans_and_settle(script):
    report = process_bytes("run.sh", script.encode(), Options(Settings(), unsafe_fixes=True))
    assert not {f.code for f in report.findings} & {"PLX007", "PLX009"}
    after = fixed_once("run.sh", script)
    if after is None:
        return
    lines = script.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position):
        return offsets[position.row - 1] + position.column - 1

    edits = sorted((Edit(offset(edit.location), offset(edit.end_location), edit.content)
                    for finding in report.findings if finding.fix for edit in finding.fix.edits),
                   key=lambda edit: (edit.start, edit.end))
    disjoint = all(a.end <= b.start and a.start != b.start for a, b in zip(edits, edits[1:]))
    if disjoint:
        # The written file is exactly the reported edits applied: no other byte moved.
        assert apply_edits(script, edits, "\r\n" if "\r\n" in script else "\n") == after
    else:
        first, last = edits[0].start, max(edit.end for edit in edits)
        assert after.startswith(script[:first]) and after.endswith(script[last:])


LITERALS = st.sampled_from(['"{}"', "'{}'", 'f"{}"', '"{}\\n"', "'''{}'''", 'r"{}"'])
RUNNERS = st.sampled_from(["os.system({})", "subprocess.run({}, shell=True)", "os.popen({}).read()",
                           "print({})", "check_call({})"])


@st.composite
def modules(draw):
    lines = ["import os", "import subprocess", "from subprocess import check_call", ""]
    lines += [draw(RUNNERS).format(draw(LITERALS).replace("{}", draw(commands())))
              for _ in range(draw(st.integers(1, 5)))]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_command_lines_in_python_are_fixed_in_place_and_the_module_still_parses(module):
    import ast

    after = fixed_once("drive.py", module)
    if after is None:
        return
    tree = ast.parse(after)  # the rewrite kept it Python
    assert [type(node).__name__ for node in ast.walk(tree)] == \
        [type(node).__name__ for node in ast.walk(ast.parse(module))]  # only strings changed
