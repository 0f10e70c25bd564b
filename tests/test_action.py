"""action.yml: a composite action that installs polylint and annotates a pull request with its findings.

The check step's script is run as GitHub runs it (`bash --noprofile --norc -eo pipefail`), with the
inputs substituted into its environment and polylint on PATH from this worktree instead of pip.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import SRC, V0_EXPERIMENT

ACTION = Path(__file__).resolve().parents[1] / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.(\w+)\s*\}\}")


def action():
    return YAML(typ="safe").load(ACTION.read_text())


def step(name):
    return next(step for step in action()["runs"]["steps"] if step["name"] == name)


def test_composite_action_with_its_inputs():
    loaded = action()
    assert loaded["runs"]["using"] == "composite"
    assert loaded["inputs"]["paths"]["default"] == "."
    assert loaded["inputs"]["args"]["default"] == ""
    assert all(step["shell"] == "bash" for step in loaded["runs"]["steps"])
    assert [step["name"] for step in loaded["runs"]["steps"]] == ["Install polylint", "Check"]


def test_install_step_installs_the_actions_own_checkout():
    script = step("Install polylint")["run"]
    assert '-m pip install --quiet "$GITHUB_ACTION_PATH"' in script
    assert 'echo "$RUNNER_TEMP/polylint-venv/bin" >> "$GITHUB_PATH"' in script


def test_check_step_passes_the_inputs_through_its_environment_only():
    check = step("Check")
    assert check["env"] == {"POLYLINT_PATHS": "${{ inputs.paths }}", "POLYLINT_ARGS": "${{ inputs.args }}"}
    assert "${{" not in check["run"]
    assert "polylint check --output-format github $POLYLINT_ARGS $POLYLINT_PATHS" in check["run"]


def run_check_step(repository: Path, tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess:
    declared = action()["inputs"]
    values = {name: inputs.get(name, spec["default"]) for name, spec in declared.items()}
    check = step("Check")
    environment = {key: EXPRESSION.sub(lambda match: values[match.group(1)], value)
                   for key, value in check["env"].items()}
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "polylint").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m polylint "$@"\n')
    (shim / "polylint").chmod(0o755)
    script = tmp_path / "step.sh"
    script.write_text(check["run"])
    env = {**os.environ, **environment, "PYTHONPATH": str(SRC), "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], check=False,
                          cwd=repository, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "repo"
    (root / "conf").mkdir(parents=True)
    (root / "conf" / "train.yml").write_text(V0_EXPERIMENT + "environment:\n  data_refs: [d]\n")
    return root


def test_check_step_annotates_a_v0_file_and_fails(repository, tmp_path):
    done = run_check_step(repository, tmp_path)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=conf/train.yml,line=1,col=1,endLine=1,endColumn=8,title=PLX100::"
                               "PLX100 v0 Polyaxonfile (`kind: experiment`)")
    assert [line.split("title=")[1][:6] for line in lines] == ["PLX100", "PLX104"]


def test_check_step_passes_args_and_paths(repository, tmp_path):
    (repository / "elsewhere.yml").write_text(V0_EXPERIMENT)
    done = run_check_step(repository, tmp_path, paths="conf", args="--select PLX104 --exit-zero")
    assert done.returncode == 0, done.stderr
    assert [line.split(",")[0] + " " + line.split("title=")[1][:6] for line in done.stdout.splitlines()] == [
        "::error file=conf/train.yml PLX104"]


def test_an_input_cannot_inject_a_command(repository, tmp_path):
    marker = tmp_path / "injected"
    done = run_check_step(repository, tmp_path, args=f"--exit-zero; touch {marker}")
    assert not marker.exists()
    assert done.returncode == 2  # `;` and the rest reach polylint as arguments, which it rejects
