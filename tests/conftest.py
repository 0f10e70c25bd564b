from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest
from hypothesis import settings

from polylint.cli import main

# A failing CI lands nothing, so every run draws the same examples; `pytest --hypothesis-profile=explore`
# draws new ones, to hunt for bugs (each one found gets a test of its own).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")

SRC = Path(__file__).resolve().parents[1] / "src"
V0_EXPERIMENT = "version: 1\nkind: experiment\nbuild:\n  image: python:3.8\nrun:\n  cmd: python train.py\n"
# A v0 file polylint cannot convert (a param named like a v1 context): PLX100 stays a manual to-do.
V0_MANUAL = "version: 1\nkind: experiment\nparams: {globals: 1}\nbuild: {image: a}\nrun:\n  cmd: python train.py\n"
V1_COMPONENT = ("version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: python:3.8\n"
                "    command: [python, train.py]\n")


@dataclass
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def polylint(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             tmp_path: Path) -> Callable[..., Outcome]:
    """Run the CLI in-process, in tmp_path, and capture what it prints."""
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> Outcome:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


def run_subprocess(*argv: str, cwd: Path, stdin: Optional[bytes] = None,
                   env: Optional[dict[str, str]] = None) -> Outcome:
    environment = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    done = subprocess.run([sys.executable, "-m", "polylint", *argv], cwd=cwd, input=stdin, capture_output=True,
                          env=environment, timeout=120)
    return Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())
