"""PLX402: `pip install` of v0 packages: the check on shell regions built here, then through every shell
host kind (scripts, CI files, Markdown, Makefiles, Dockerfiles, notebooks) with the real pipeline."""

from __future__ import annotations

from typing import List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polylint.checks.shell.pip_install_v0_package import RULE, check
from polylint.config import Settings
from polylint.context import CheckContext
from polylint.diagnostics import Diagnostic
from polylint.diagnostics import apply_edits
from polylint.source import Region
from polylint.surfaces.shell import error_count, scripts
from tests.helpers import check_transformed as check_transformed_file
from tests.helpers import findings


def diagnostics(text: str, settings: Optional[Settings] = None) -> List[Diagnostic]:
    return list(check(Region("shell", text), CheckContext("train.sh", settings or Settings())))


def fixed(text: str, settings: Optional[Settings] = None) -> str:
    """Apply the fixes as the runner does: non-overlapping edits per round, to a fixed point."""
    for _ in range(10):
        taken: List[tuple[int, int]] = []
        edits = []
        for diagnostic in diagnostics(text, settings):
            assert diagnostic.fix is not None
            (edit,) = diagnostic.fix.edits
            if any(edit.start < end and start < edit.end for start, end in taken):
                continue
            taken.append((edit.start, edit.end))
            edits.append(edit)
        if not edits:
            return text
        text = apply_edits(text, edits)
    raise AssertionError("no fixed point")


def check_transformed(before: str, after: str) -> None:
    assert fixed(before) == after
    assert diagnostics(after) == []


@pytest.mark.parametrize(("before", "after"), [
    ("pip install polyaxon-client\n", 'pip install "polyaxon>=1.20,<2"\n'),
    ("pip install -U polyaxon-client==0.6.1 polyaxon-helper scikit-learn\n",
     'pip install -U "polyaxon>=1.20,<2" scikit-learn\n'),
    ("pip3 install --no-cache-dir polyaxon_cli && polyaxon --help\n",
     'pip3 install --no-cache-dir "polyaxon>=1.20,<2" && polyaxon --help\n'),
    ("python -m pip install 'polyaxon-cli[gcs]==0.6.1'\n", "python -m pip install 'polyaxon[gcs]>=1.20,<2'\n"),
    ('pip install "polyaxon==0.6.1"\n', 'pip install "polyaxon>=1.20,<2"\n'),
    ("pip install polyaxon polyaxon-client polystores\n", "pip install polyaxon\n"),
    ("pip install -r requirements.txt -i https://pypi.org/simple polyaxon-helper\n",
     'pip install -r requirements.txt -i https://pypi.org/simple "polyaxon>=1.20,<2"\n'),
    ("pip install \\\n    polyaxon-client \\\n    polyaxon-helper \\\n    numpy\n",
     'pip install \\\n    "polyaxon>=1.20,<2" \\\n    numpy\n'),
    ("pip install polyaxon-client==$VERSION numpy\n", 'pip install "polyaxon>=1.20,<2" numpy\n'),
    ("pip install polyaxon-helper > /tmp/log 2>&1; echo done\n",
     'pip install "polyaxon>=1.20,<2" > /tmp/log 2>&1; echo done\n'),
    ("pipx install polyaxon-cli\n", 'pipx install "polyaxon>=1.20,<2"\n'),
    ("pip install polyaxon-client\npip install polyaxon-helper\n",
     'pip install "polyaxon>=1.20,<2"\npip install "polyaxon>=1.20,<2"\n'),
    # In a script handed to a shell; in a double-quoted one, single quotes: a `"` would end the script.
    ('sh -c "pip install polyaxon-client numpy"\n', "sh -c \"pip install 'polyaxon>=1.20,<2' numpy\"\n"),
    ("bash -c 'pip install polyaxon-client'\n", "bash -c 'pip install \"polyaxon>=1.20,<2\"'\n"),
    ('docker exec box sh -c "cd /x && pip install -U polyaxon-client==0.6.1 polyaxon-helper"\n',
     "docker exec box sh -c \"cd /x && pip install -U 'polyaxon>=1.20,<2'\"\n"),
    ('v="$(pip install polyaxon-cli)"\n', 'v="$(pip install "polyaxon>=1.20,<2")"\n'),
    # pip by any name: a path to it, a module of a python, a tool that runs it.
    ("env3.6/bin/pip install polyaxon_helper\n", 'env3.6/bin/pip install "polyaxon>=1.20,<2"\n'),
    ("/opt/conda/bin/pip3 install -U polyaxon-client==0.6.1\n", '/opt/conda/bin/pip3 install -U "polyaxon>=1.20,<2"\n'),
    ("$VENV/bin/pip3.6 install polyaxon-cli\n", '$VENV/bin/pip3.6 install "polyaxon>=1.20,<2"\n'),
    ('"$HOME"/.local/bin/pip install polyaxon-cli\n', '"$HOME"/.local/bin/pip install "polyaxon>=1.20,<2"\n'),
    ("~/miniconda3/envs/tf/bin/pip install polyaxon-helper\n",
     '~/miniconda3/envs/tf/bin/pip install "polyaxon>=1.20,<2"\n'),
    ("python3 -m pip install polyaxon-client\n", 'python3 -m pip install "polyaxon>=1.20,<2"\n'),
    ("/usr/bin/python3.6 -m pip install --user polyaxon-client\n",
     '/usr/bin/python3.6 -m pip install --user "polyaxon>=1.20,<2"\n'),
    ("uv pip install --system polyaxon-client\n", 'uv pip install --system "polyaxon>=1.20,<2"\n'),
    ("conda run -n tf pip install polyaxon-helper\n", 'conda run -n tf pip install "polyaxon>=1.20,<2"\n'),
    ("sudo -H env3.6/bin/pip install polyaxon-cli\n", 'sudo -H env3.6/bin/pip install "polyaxon>=1.20,<2"\n'),
])
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after)


@pytest.mark.parametrize("text", [
    "pip install polyaxon\n",
    "pip install 'polyaxon>=1.20,<2'\n",
    "pip install polyaxon==1.18.2\n",
    "pip uninstall -y polyaxon-cli polyaxon-client\n",
    "# pip install polyaxon-client\n",
    "echo 'pip install' polyaxon-client\n",
    "pip install -r polyaxon_requirements.txt\n",
    "pip install -e git+https://github.com/polyaxon/polyaxon-client.git#egg=polyaxon-client\n",
    'pip install "polyaxon==$VERSION"\n',
    "pip download polyaxon-cli\n",
    "mypip install polyaxon-cli\n",
    # Text, not a command the shell runs: a string, a comment, a heredoc, what echo prints.
    'echo "pip install polyaxon-client"\n',
    'sh -c "echo pip install polyaxon-client" # pip install polyaxon-helper\n',
    "echo pip install polyaxon-client; printf '%s' \"pip install polyaxon-cli\"\n",
    "cat <<EOF\npip install polyaxon-client\nEOF\n",
    "env3.6/bin/mypip install polyaxon-client\n", "echo /opt/conda/bin/pip install polyaxon-client\n",
    "pip-sync install polyaxon-client\n", "/opt/conda/bin/pip3 download polyaxon-client\n",
])
def test_noop(text: str) -> None:
    assert diagnostics(text) == []


def test_a_make_variable_is_a_pip_only_when_the_makefile_sets_it_to_one() -> None:
    assert findings("Makefile", "install:\n\t$(PIP) install polyaxon-client\n") == []
    assert findings("Makefile", "PIP = pip-sync\ninstall:\n\t$(PIP) install polyaxon-client\n") == []


def test_span_is_the_word() -> None:
    text = "RUN pip install --upgrade 'polyaxon-client==0.6.1'\n"
    (diagnostic,) = diagnostics(text)
    assert text[diagnostic.start:diagnostic.end] == "'polyaxon-client==0.6.1'"
    assert diagnostic.code == RULE.code and "uninstall" in diagnostic.message


def test_requirement_from_settings_is_quoted_only_when_needed() -> None:
    assert fixed("pip install polyaxon-client\n", Settings(polyaxon_requirement="polyaxon==1.18.2")) == \
        "pip install polyaxon==1.18.2\n"


def test_rule_example_is_fixed_to_its_fixed_example() -> None:
    assert fixed(RULE.example) == RULE.fixed_example


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["pip", "pip3", "install", " ", "\\\n", "\n", "'", '"', "polyaxon-client",
                                 "polyaxon==0.6.1", "polyaxon", "-r", "-U", "x.txt", "&&", ";", "#", ">", "2>&1",
                                 "$V", "[gcs]", "`", "|", "-qr"]), max_size=25))
def test_any_command_line_settles_and_stays_clean(pieces: List[str]) -> None:
    text = " ".join(pieces)
    after = fixed(text)
    assert diagnostics(after) == []
    # Only v0 words change: every other word of the text is still there, in order (a line continuation
    # may go with the word it led to).
    def others(shell: str) -> List[str]:
        return [word for word in shell.split() if "polyaxon" not in word and word != "\\"]

    assert others(after) == others(text)


@pytest.mark.parametrize("text", [
    # The outer shell takes the backslashes out: the text here is not the script the inner shell runs.
    'sh -c "pip install polyaxon-client \\$X"\n',
    # A requirement with `>` must be quoted, and neither quote can be written inside both scripts; so the
    # other v0 package is not dropped either.
    "bash -c 'sh -c \"pip install polyaxon-cli polyaxon-helper\"'\n",
])
def test_in_a_script_where_no_exact_edit_exists_it_is_reported_without_a_fix(text: str) -> None:
    found = diagnostics(text)
    assert found and all(diagnostic.fix is None for diagnostic in found)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["'", '"']), st.lists(st.sampled_from(
    ["polyaxon-client", "polyaxon-helper==0.6.1", "'polyaxon-cli[gcs]'", "numpy", "-U", "polyaxon", "x==1"]),
    min_size=1, max_size=5))
def test_a_fixed_script_is_still_one_word_that_installs_the_same_other_packages(quote: str, packages: List[str]) -> None:
    import shlex

    if quote == "'":
        packages = [package.replace("'", '"') for package in packages]
    text = f"sh -c {quote}pip install {' '.join(packages)}{quote}\n"
    after = fixed(text)
    assert error_count(after) == 0
    (script,) = scripts(after)  # still one script, in one word, as the shell reads it
    assert after == f"sh -c {quote}{script.text}{quote}\n"
    installed = shlex.split(script.text)[2:]
    assert [word for word in installed if "polyaxon" not in word] == [word for word in shlex.split(
        " ".join(packages)) if "polyaxon" not in word]
    assert any(word.startswith("polyaxon") for word in installed) == any("polyaxon" in word for word in packages)


NOTEBOOK = ('{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": null,\n   "metadata": {},\n'
            '   "outputs": [],\n   "source": [\n    "!pip install %s\\n",\n    "import numpy"\n   ]\n  }\n ],\n'
            ' "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')


@pytest.mark.parametrize(("name", "before", "after"), [
    ("train.sh", "#!/bin/bash\npip install polyaxon-client==0.6.1 polyaxon-helper\npython train.py\n",
     '#!/bin/bash\npip install "polyaxon>=1.20,<2"\npython train.py\n'),
    (".gitlab-ci.yml", "train:\n  script:\n    - pip install -U polyaxon-cli\n",
     'train:\n  script:\n    - pip install -U "polyaxon>=1.20,<2"\n'),
    (".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: pip install polyaxon-client\n",
     'on: push\njobs:\n  t:\n    steps:\n      - run: pip install "polyaxon>=1.20,<2"\n'),
    ("README.md", "```bash\npip install polyaxon-cli\n```\n", '```bash\npip install "polyaxon>=1.20,<2"\n```\n'),
    ("Makefile", "install:\n\tpip install polyaxon-client\n", 'install:\n\tpip install "polyaxon>=1.20,<2"\n'),
    ("Dockerfile", "FROM python:3.8\nRUN pip install --no-cache-dir polyaxon_helper numpy\n",
     'FROM python:3.8\nRUN pip install --no-cache-dir "polyaxon>=1.20,<2" numpy\n'),
    ("train.ipynb", NOTEBOOK % "polyaxon-client==0.6.1", NOTEBOOK % '\\"polyaxon>=1.20,<2\\"'),
    # pip by any name, in each host.
    ("train.sh", "#!/bin/bash\nenv3.6/bin/pip install polyaxon_helper\n",
     '#!/bin/bash\nenv3.6/bin/pip install "polyaxon>=1.20,<2"\n'),
    ("Makefile", "VENV = env3.6\ninstall:\n\t$(VENV)/bin/pip install polyaxon_helper\n",
     'VENV = env3.6\ninstall:\n\t$(VENV)/bin/pip install "polyaxon>=1.20,<2"\n'),
    ("Makefile", "PIP ?= env3.6/bin/pip\ninstall:\n\t@$(PIP) install -U polyaxon-client\n\t${PIP} install polyaxon-helper\n",
     'PIP ?= env3.6/bin/pip\ninstall:\n\t@$(PIP) install -U "polyaxon>=1.20,<2"\n\t${PIP} install "polyaxon>=1.20,<2"\n'),
    (".gitlab-ci.yml", "train:\n  script:\n    - /opt/conda/bin/pip3 install polyaxon-cli\n",
     'train:\n  script:\n    - /opt/conda/bin/pip3 install "polyaxon>=1.20,<2"\n'),
    (".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: python3 -m pip install polyaxon-cli\n",
     'on: push\njobs:\n  t:\n    steps:\n      - run: python3 -m pip install "polyaxon>=1.20,<2"\n'),
    ("Dockerfile", "FROM continuumio/miniconda3\nRUN /opt/conda/bin/pip3 install polyaxon-client==0.6.1\n",
     'FROM continuumio/miniconda3\nRUN /opt/conda/bin/pip3 install "polyaxon>=1.20,<2"\n'),
    ("Dockerfile", "FROM python:3.8\nRUN conda run -n tf pip install polyaxon-helper && uv pip install polyaxon-cli\n",
     'FROM python:3.8\nRUN conda run -n tf pip install "polyaxon>=1.20,<2" && uv pip install "polyaxon>=1.20,<2"\n'),
    ("train.ipynb", NOTEBOOK.replace("!pip", "!env3.6/bin/pip") % "polyaxon_helper",
     NOTEBOOK.replace("!pip", "!env3.6/bin/pip") % '\\"polyaxon>=1.20,<2\\"'),
    ("train.ipynb", NOTEBOOK.replace("!pip", "%%pip") % "polyaxon-client",
     NOTEBOOK.replace("!pip", "%%pip") % '\\"polyaxon>=1.20,<2\\"'),
])
def test_through_every_shell_host(name: str, before: str, after: str) -> None:
    (finding, *_) = findings(name, before)
    assert finding.code == RULE.code
    check_transformed_file(name, before, after)
