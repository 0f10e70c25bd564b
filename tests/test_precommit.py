"""The hooks in .pre-commit-hooks.yaml, run by pre-commit itself on a throwaway repository."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import V0_EXPERIMENT, V1_COMPONENT

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This repository as committed, so pre-commit can clone it (try-repo wants a git repository)."""
    copy = tmp_path_factory.mktemp("hookrepo") / "polylint"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".venv*", "__pycache__", "*.egg-info", ".git"))
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot")
    return copy


def try_repo(hook_repo, project, hook):
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "cache"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--all-files",
                           "--color", "never"], cwd=project, capture_output=True, text=True, env=env, timeout=900)


def project(tmp_path, text):
    git(tmp_path, "init", "-q")
    (tmp_path / "polyaxonfile.yml").write_text(text)
    git(tmp_path, "add", "-A")
    return tmp_path


def test_hook_fails_on_a_v0_polyaxonfile_and_shows_the_diagnostic(hook_repo, tmp_path):
    done = try_repo(hook_repo, project(tmp_path, V0_EXPERIMENT), "polylint")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "polyaxonfile.yml:1:1: PLX100 [*] v0 Polyaxonfile" in done.stdout


def test_hook_passes_on_a_clean_repository(hook_repo, tmp_path):
    done = try_repo(hook_repo, project(tmp_path, V1_COMPONENT), "polylint")
    assert done.returncode == 0, done.stdout + done.stderr
