"""Security and concurrency on every surface (issue 8); tests/test_hardening.py covers the YAML core."""

import json
import os
import re
import shutil
import subprocess
import sys
import threading

from tests.conftest import SRC

ENV = {**os.environ, "PYTHONPATH": str(SRC)}
SIDE_EFFECT = ("import pathlib\npathlib.Path({marker!r}).write_text('ran')\n"
               "from polyaxon_client.tracking import Experiment\nexperiment = Experiment()\n")


def polylint(tree, *args):
    return subprocess.run([sys.executable, "-m", "polylint", "check", "--no-cache", *args, "."], cwd=tree, env=ENV,
                          capture_output=True, text=True)


def test_python_with_side_effects_is_only_parsed(tmp_path):
    marker = tmp_path / "marker"
    for name in ("setup.py", "conftest.py", "train.py", "__init__.py"):
        (tmp_path / name).write_text(SIDE_EFFECT.format(marker=str(marker)) + "setup(install_requires=['polyaxon-client'])\n")
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
            "source": SIDE_EFFECT.format(marker=str(marker))}
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    done = polylint(tmp_path, "--fix", "--unsafe-fixes")
    assert done.returncode in (0, 1), done.stderr
    assert "tracking.init()" in (tmp_path / "train.py").read_text()
    assert not marker.exists()


def test_no_subprocess_or_os_system_in_polylint():
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"\bimport subprocess\b|\bos\.(system|popen|exec\w*|spawn\w*)\(|\brunpy\b|"
                             r"\bimportlib\.(util\.)?(spec_from_file_location|machinery)\b|__import__\(", text), path


FILES = {
    "a.yml": "version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: a\n"
             "    resources:\n      requests: {memory: 512}\n",
    "train.py": "from polyaxon_client.tracking import Experiment\nexperiment = Experiment()\n",
    "run.sh": "#!/bin/sh\npolyaxon experiment -xp 1 logs\n",
    "requirements.txt": "numpy\npolyaxon-client==0.6.1\n",
    "nb.ipynb": json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                                       "source": ["from polyaxon_client.tracking import Experiment\n",
                                                  "experiment = Experiment()\n"]}],
                            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n",
}


def test_two_concurrent_fix_runs_on_a_mixed_tree(tmp_path):
    single, tree = tmp_path / "single", tmp_path / "tree"
    for root in (single, tree):
        for index in range(8):
            for name, text in FILES.items():
                path = root / f"d{index}" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
    assert polylint(single, "--fix", "--unsafe-fixes").returncode in (0, 1)
    outcomes = []
    threads = [threading.Thread(target=lambda: outcomes.append(polylint(tree, "--fix", "--unsafe-fixes",
                                                                         "--jobs", "2"))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(outcome.returncode in (0, 1) for outcome in outcomes), [o.stderr for o in outcomes]
    for path in sorted(single.rglob("*")):
        if path.is_file():
            twin = tree / path.relative_to(single)
            # Each file is exactly what one run alone writes: never partial, never fixed twice.
            assert twin.read_bytes() == path.read_bytes(), twin
            assert path.read_text() != FILES[path.name]
    assert sorted(p.name for p in tree.rglob("*")) == sorted(p.name for p in single.rglob("*"))
    shutil.rmtree(single)
