"""Property tests for the hosts that embed shell or package pins (issue 8): Dockerfiles, Makefiles, CI
configs, Markdown fences, requirements files, pyproject.toml, setup.cfg, setup.py, Pipfile and conda
environments, generated from small grammars. The properties are those of tests/properties.py: nothing
raises, fixes settle, the result parses, and no byte outside the reported edits moves.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.properties import assert_fix_properties
from tests.test_properties_shell import V0_CALLS

EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COMMANDS = st.one_of(V0_CALLS, st.sampled_from(["echo 'polyaxon experiment stop'", "ls -la", "cd /code",
                                                "python train.py", "pip install -r requirements.txt"]))
NEWLINES = st.sampled_from(["\n", "\r\n"])


@st.composite
def dockerfiles(draw):
    lines = [draw(st.sampled_from(["FROM python:3.8", "# syntax=docker/dockerfile:1\nFROM python:3.8 AS base"]))]
    for _ in range(draw(st.integers(1, 5))):
        first, second = draw(COMMANDS), draw(COMMANDS)
        lines.append(draw(st.sampled_from([
            f"RUN {first}", f"RUN {first} && \\\n    {second}", f"RUN {first} \\\n  # a comment\n  && {second}",
            f'RUN ["sh", "-c", "{first}"]', f"# RUN {first}", "ENV PLX=polyaxon-client", f"CMD {first}",
            f"ENTRYPOINT {first}", "WORKDIR /code", f"RUN set -e; {first}; \\\n    {second}"])))
    return draw(NEWLINES).join(lines) + "\n"


@EXAMPLES
@given(dockerfiles())
def test_dockerfiles(text):
    assert_fix_properties("Dockerfile", text)


@st.composite
def makefiles(draw):
    lines = [".PHONY: all", "PLX ?= polyaxon"]
    for index in range(draw(st.integers(1, 4))):
        lines.append(f"target{index}: deps")
        for _ in range(draw(st.integers(1, 3))):
            command = draw(COMMANDS)
            prefix = draw(st.sampled_from(["\t", "\t@", "\t-", "\t@-"]))
            lines.append(draw(st.sampled_from([
                f"{prefix}{command}", f"{prefix}{command} \\\n\t  && {draw(COMMANDS)}",
                f"{prefix}$(PLX) experiment logs", f"{prefix}for x in a b; do {command}; done",
                f"{prefix}echo $$HOME && {command}", f"# {command}"])))
    return draw(NEWLINES).join(lines) + "\n"


@EXAMPLES
@given(makefiles())
def test_makefiles(text):
    assert_fix_properties("Makefile", text)


@st.composite
def github_workflows(draw):
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        first, second = draw(COMMANDS), draw(COMMANDS)
        steps.append(draw(st.sampled_from([
            f"      - run: {first}", f"      - run: |\n          {first}\n          {second}",
            f"      - name: step  # {first}\n        run: >\n          {first}",
            f"      - run: \"{first.replace(chr(34), '')}\"", "      - uses: actions/checkout@v2"])))
    return "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" + "\n".join(steps) + "\n"


@st.composite
def gitlab_configs(draw):
    lines = ["stages: [train]", "train:", "  script:"]
    for _ in range(draw(st.integers(1, 4))):
        command = draw(COMMANDS)
        lines.append(draw(st.sampled_from([f"    - {command}", f"    - >\n      {command}",
                                           f"    - '{command.replace(chr(39), '')}'", f"    # - {command}"])))
    return "\n".join(lines) + "\n"


# Found by this test: in a plain YAML scalar (`- run: polyaxon group -g $GROUP experiments`) the PLX201 fix
# wrote `"pipeline: $GROUP"`, whose `: ` is not allowed there (dropped as PLX007). The CI host now refuses
# an edit bringing `: ` or `#` into a plain scalar: the finding is reported without a fix.
@EXAMPLES
@given(st.one_of(github_workflows().map(lambda text: (".github/workflows/ci.yml", text)),
                 gitlab_configs().map(lambda text: (".gitlab-ci.yml", text))))
def test_ci_configs(case):
    assert_fix_properties(*case)


@st.composite
def markdown(draw):
    parts = ["# Training\n"]
    for _ in range(draw(st.integers(1, 4))):
        command, second = draw(COMMANDS), draw(COMMANDS)
        parts.append(draw(st.sampled_from([
            f"```bash\n{command}\n{second}\n```\n", f"```console\n$ {command}\n$ {second} \\\n> --flag\n```\n",
            f"```sh\n{command}\n", f"    $ {command}\n", f"Run `{command}` first.\n",
            f"~~~shell\n{command}\n~~~\n", f"- item\n\n  ```bash\n  {command}\n  ```\n"])))
    return draw(NEWLINES).join(parts)


@EXAMPLES
@given(markdown())
def test_markdown_shell_fences(text):
    assert_fix_properties("README.md", text)


PINS = st.sampled_from(["polyaxon-client==0.6.1", "polyaxon-client[gcs]>=0.5  # tracking", "polyaxon_helper",
                        "polyaxon-cli", "polyaxon-schemas==0.6.1", "polyaxon==1.20.0", "numpy==1.18.1",
                        "polyaxon-client; python_version < '3.8'", "Polyaxon-Client ~= 0.6",
                        "polyaxon-client==0.6.1 --hash=sha256:abc", "polyaxon-client @ https://x/p.whl"])


@st.composite
def requirements(draw):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        lines.append(draw(st.one_of(PINS, st.sampled_from([
            "-r base.txt", "# polyaxon-client", "", "--index-url https://pypi.org/simple",
            "-e git+https://github.com/polyaxon/polyaxon.git#egg=polyaxon-client"]))))
        if draw(st.booleans()):
            lines[-1] += " \\\n    --hash=sha256:def"
    return draw(NEWLINES).join(lines) + draw(st.sampled_from(["\n", ""]))


@EXAMPLES
@given(requirements())
def test_requirements_files(text):
    assert_fix_properties("requirements.txt", text)


def _quoted(pins):
    return ", ".join(f'"{pin}"' if '"' not in pin else f"'{pin}'" for pin in pins)


@st.composite
def packaging(draw):
    pins = draw(st.lists(PINS, min_size=1, max_size=4))
    form = draw(st.sampled_from(["pep621", "poetry", "cfg", "setup.py", "pipfile", "conda"]))
    if form == "pep621":
        multiline = draw(st.booleans())
        body = (",\n    ".join(f'"{pin}"' for pin in pins if '"' not in pin) + ",") if multiline else _quoted(pins)
        return "pyproject.toml", f'[project]\nname = "x"\ndependencies = [\n    {body}\n]\n' if multiline else (
            f'[project]\nname = "x"\ndependencies = [{body}]  # pins\n')
    if form == "poetry":
        entries = "\n".join(draw(st.sampled_from(['polyaxon-client = "^0.6"', 'polyaxon_helper = "*"',
                                                  'polyaxon-cli = {version = "0.6.1", optional = true}',
                                                  'numpy = "^1.18"'])) for _ in pins)
        return "pyproject.toml", f"[tool.poetry.dependencies]\npython = \"^3.8\"\n{entries}\n"
    if form == "cfg":
        return "setup.cfg", "[options]\ninstall_requires =\n    " + "\n    ".join(pins) + "\n[options.extras_require]\n" \
            "tracking = polyaxon-client\n"
    if form == "setup.py":
        return "setup.py", (f"from setuptools import setup\n\nREQUIRED = [{_quoted(pins)}]  # pins\n"
                            f"setup(name='x', install_requires=REQUIRED,\n      extras_require={{'t': [{_quoted(pins[:1])}]}})\n")
    if form == "pipfile":
        entries = "\n".join(draw(st.sampled_from(['polyaxon-client = "==0.6.1"', 'polyaxon-helper = "*"',
                                                  "numpy = \"*\""])) for _ in pins)
        return "Pipfile", f"[packages]\n{entries}\n\n[dev-packages]\n"
    return "environment.yml", "name: x\ndependencies:\n  - python=3.8\n  - pip:\n" + "".join(
        f"    - {pin}\n" for pin in pins)


@EXAMPLES
@given(packaging())
def test_package_pins(case):
    assert_fix_properties(*case)
