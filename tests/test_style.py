"""The house style is checked like behaviour: ruff and mypy --strict, as configured in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_tool(module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed")
def test_ruff_is_clean():
    done = run_tool("ruff", "check", "src", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean():
    pytest.importorskip("mypy")
    done = run_tool("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
