"""A run over files that cannot hold a finding (a pre-commit hook's usual commit) loads no parser, no rule
and none of the heavier standard modules: start-up is most of what such a run costs."""

import os
import subprocess
import sys

from tests.conftest import SRC

ORDINARY = {
    "train.py": "import os\n\nprint(os.getcwd())\n",
    "service.yml": "name: service\nreplicas: 2\n",
    "run.sh": "#!/bin/sh\npython train.py\n",
    "README.md": "# Notes\n\n```bash\npython train.py\n```\n",
    "Dockerfile": "FROM python:3.11\nRUN pip install numpy\n",
    "requirements.txt": "numpy==1.26\n",
    "pyproject.toml": "[project]\nname = 'x'\n",
    "notebook.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
}
NOT_AT_START_UP = ("libcst", "ruamel", "tree_sitter", "dataclasses", "inspect", "pathlib", "json", "shutil",
                   "polylint.checking", "polylint.rules", "polylint.diagnostics", "polylint.source")


def test_a_run_without_candidates_imports_only_what_it_needs(tmp_path):
    for name, text in ORDINARY.items():
        (tmp_path / name).write_text(text)
    # --jobs 1: whether a run spreads over workers depends on time (runner.SPREAD_AFTER_SECONDS), and a
    # loaded machine could stretch even these eight files past it.
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "polylint", "check", "--no-cache", "--jobs", "1",
                           *ORDINARY],
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    assert done.returncode == 0, done.stdout + done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "polylint.runner" in imported
    assert sorted(name for name in imported if name.split(".")[0] in NOT_AT_START_UP or name in NOT_AT_START_UP) == []


def test_checking_python_and_setup_py_does_not_import_libcst_matchers(tmp_path):
    # libcst.matchers takes longer to import than all of libcst.
    (tmp_path / "setup.py").write_text("from setuptools import setup\nsetup(install_requires=['polyaxon-client'])\n")
    (tmp_path / "train.py").write_text("from polyaxon_client.tracking import Experiment\n\nExperiment()\n")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "polylint", "check", "--no-cache", "--jobs", "1",
                           "setup.py", "train.py"],
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    assert done.returncode == 1 and "PLX401" in done.stdout and "PLX301" in done.stdout, done.stdout + done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "libcst" in imported and "libcst.matchers" not in imported
