"""Nothing lost and nothing crashes: faults, security and concurrent runs (issue 8)."""

import os
import subprocess
import sys
import threading

import pytest

from polylint.config import Settings
from polylint.results import Options
from polylint.runner import process_path
from tests.conftest import SRC, V0_EXPERIMENT, V1_COMPONENT

MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"
FIXED = MEMORY.replace("512}", "512Mi}")
UNSAFE_FIX = Options(Settings(), fix=True, unsafe_fixes=True)


def test_interrupt_during_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "v1.yml"
    path.write_text(MEMORY)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        process_path(str(path), UNSAFE_FIX)
    assert path.read_text() == MEMORY
    assert os.listdir(tmp_path) == ["v1.yml"]


def test_mixed_newlines_and_tabs_are_kept_outside_the_edit(tmp_path):
    text = MEMORY.replace("kind: component\n", "kind: component\r\n") + "# a\ttab\r\n"
    path = tmp_path / "v1.yml"
    path.write_bytes(text.encode())
    process_path(str(path), UNSAFE_FIX)
    assert path.read_bytes() == text.replace("512}", "512Mi}").encode()


def test_fifty_megabyte_file_is_a_stated_skip(tmp_path):
    path = tmp_path / "huge.yml"
    with path.open("wb") as handle:
        handle.write(V0_EXPERIMENT.encode())
        handle.truncate(50 * 1024 * 1024)
    result = process_path(str(path), Options(Settings()))
    assert result.findings == [] and "over max-file-size" in result.notes[0]


def test_a_fifo_does_not_hang_the_run(tmp_path):
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    result = process_path(str(fifo), Options(Settings()))
    assert "not a regular file" in result.notes[0]


def test_symlink_out_of_the_tree_is_never_written(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "v1.yml"
    target.write_text(MEMORY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "v1.yml").symlink_to(target)
    done = subprocess.run([sys.executable, "-m", "polylint", "check", "--fix", "--unsafe-fixes", "."], cwd=tree,
                          env={**os.environ, "PYTHONPATH": str(SRC)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert target.read_text() == MEMORY
    result = process_path(str(tree / "v1.yml"), UNSAFE_FIX)
    assert "symbolic link" in result.notes[0] and target.read_text() == MEMORY


def test_templates_are_never_rendered_and_no_template_engine_is_loaded(tmp_path):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT.replace("python train.py",
                                                          "{{ ''.__class__.__mro__[1].__subclasses__() }}"))
    (tmp_path / "b.yml").write_text(V0_EXPERIMENT + "tags: !!python/object/apply:os.system ['touch touched']\n")
    # PyYAML is loaded for libyaml's parser; none of its constructors, which can build objects from tags, runs.
    script = ("import sys, yaml.constructor\n"
              "built = []\n"
              "def record(self, node, *args, **kwargs):\n"
              "    built.append(node)\n"
              "yaml.constructor.BaseConstructor.construct_object = record\n"
              "yaml.constructor.BaseConstructor.construct_document = record\n"
              "from polylint.cli import main; main(['check', '--no-cache', '.'])\n"
              "print(built, sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'polyaxon')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(SRC)},
                          capture_output=True, text=True)
    assert "b.yml:1:1: PLX100" in done.stdout and not (tmp_path / "touched").exists()
    assert done.stdout.strip().splitlines()[-1] == "[] []"


def test_no_eval_or_exec_in_polylint():
    import re

    for path in SRC.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"(?<![\w.])(eval|exec)\(", text), path
        assert "import pickle" not in text and "yaml.load(" not in text and "unsafe_load" not in text, path


def test_two_concurrent_fix_runs_never_corrupt_a_file(tmp_path):
    for index in range(60):
        (tmp_path / f"f{index:02}.yml").write_text(MEMORY + f"# file {index}\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "polylint", "check", "--fix", "--unsafe-fixes", "--no-cache", "--jobs", "2", "."]
    outcomes = []

    def fix():
        outcomes.append(subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True))

    threads = [threading.Thread(target=fix) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index in range(60):
        assert (tmp_path / f"f{index:02}.yml").read_text() == FIXED + f"# file {index}\n"
    assert sorted(os.listdir(tmp_path)) == [f"f{index:02}.yml" for index in range(60)]
    # A file the other run rewrote first is not overwritten: it is reported as not written (PLX008),
    # beside what was left in the text that run had read.
    for outcome in outcomes:
        assert outcome.returncode in (0, 1), outcome.stderr
        lines = [line.split(":")[0] + " " + line.split()[1] for line in outcome.stdout.splitlines() if ": PLX" in line]
        assert {line.split()[1] for line in lines} <= {"PLX008", "PLX113"}
        assert {line.split()[0] for line in lines if "PLX113" in line} <= {
            line.split()[0] for line in lines if "PLX008" in line}
