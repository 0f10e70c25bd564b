import json
import os
import time

import pytest

from polylint import checking
from tests.conftest import V0_EXPERIMENT, V1_COMPONENT

MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"


@pytest.fixture
def checked(monkeypatch):
    """The paths the runner really checked (parsed) in this test."""
    seen = []
    real = checking.check_candidate

    def spy(candidate, *args, **kwargs):
        seen.append(os.path.basename(candidate.path))
        return real(candidate, *args, **kwargs)

    monkeypatch.setattr(checking, "check_candidate", spy)
    return seen


def test_warm_run_reads_nothing_that_did_not_change(polylint, tmp_path, checked):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "b.yml").write_text(V1_COMPONENT)
    first = polylint("check", "--jobs", "1")
    assert sorted(checked) == ["a.yml", "b.yml"]
    checked.clear()
    second = polylint("check", "--jobs", "1")
    assert checked == [] and second.out == first.out and second.code == first.code == 1


def test_changed_file_is_checked_again(polylint, tmp_path, checked):
    path = tmp_path / "a.yml"
    path.write_text(V0_EXPERIMENT)
    polylint("check", "--jobs", "1")
    path.write_text(V1_COMPONENT)
    checked.clear()
    assert polylint("check", "--jobs", "1").code == 0
    assert checked == ["a.yml"]


def test_touched_file_with_same_bytes_is_not_checked_again(polylint, tmp_path, checked):
    path = tmp_path / "a.yml"
    path.write_text(V0_EXPERIMENT)
    polylint("check", "--jobs", "1")
    os.utime(path, ns=(1, 1))
    checked.clear()
    assert "PLX100" in polylint("check", "--jobs", "1").out
    assert checked == []


def test_a_run_from_a_subfolder_trusts_what_a_run_from_the_root_remembered(polylint, tmp_path, monkeypatch,
                                                                         checked):
    (tmp_path / ".polylint.toml").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "sub" / "b.yml").write_text(V1_COMPONENT)
    polylint("check", "--jobs", "1")
    [cache_file] = (tmp_path / ".polylint_cache").glob("*.json")
    assert sorted(json.loads(cache_file.read_text())["files"]) == ["sub/a.yml", "sub/b.yml"]  # from the root
    checked.clear()
    monkeypatch.chdir(tmp_path / "sub")
    outcome = polylint("check", "--jobs", "1", ".")
    assert checked == [] and outcome.out.startswith("a.yml:") and "PLX100" in outcome.out


def test_other_settings_do_not_share_results(polylint, tmp_path, checked):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    polylint("check", "--jobs", "1")
    checked.clear()
    assert polylint("check", "--jobs", "1", "--ignore", "PLX100").code == 0
    assert checked == ["a.yml"]


def test_no_cache_writes_nothing(polylint, tmp_path):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    polylint("check", "--no-cache")
    assert not (tmp_path / ".polylint_cache").exists()


def test_cache_folder_ignores_itself_and_holds_json(polylint, tmp_path):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    polylint("check")
    folder = tmp_path / ".polylint_cache"
    assert (folder / ".gitignore").read_text().endswith("*\n")
    [cache_file] = folder.glob("*.json")
    [entry] = json.loads(cache_file.read_text())["files"].values()
    assert entry[-1][0][0] == "PLX100"  # [size, mtime, hash, racy, notes, [[code, ...]]]
    assert not (tmp_path / ".gitignore").exists()


def test_malformed_entries_are_not_trusted(polylint, tmp_path, checked):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "b.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "c.yml").write_text(V1_COMPONENT)
    an_hour_ago = time.time() - 3600
    for name in ("a.yml", "b.yml", "c.yml"):
        os.utime(tmp_path / name, (an_hour_ago, an_hour_ago))
    polylint("check", "--jobs", "1")
    [cache_file] = (tmp_path / ".polylint_cache").glob("*.json")
    stored = json.loads(cache_file.read_text())
    first, second, third = sorted(stored["files"])
    stored["files"][first] = {"stamp": "not a list"}
    stored["files"][second][-1] = [{"code": "PLX100"}]  # a finding without its fields
    stored["files"][third] = [[1], {"size": 2}, None, "racy?"]  # a clean file's shape, no value of its type
    cache_file.write_text(json.dumps(stored))
    checked.clear()
    assert polylint("check", "--jobs", "1").out.count("PLX100") == 2
    assert sorted(checked) == ["a.yml", "b.yml", "c.yml"]


def test_corrupt_cache_is_ignored(polylint, tmp_path):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    polylint("check")
    [cache_file] = (tmp_path / ".polylint_cache").glob("*.json")
    cache_file.write_text("{not json")
    assert "PLX100" in polylint("check").out


def test_fix_run_does_not_trust_a_cached_fixable_result(polylint, tmp_path):
    path = tmp_path / "v1.yml"
    path.write_text(MEMORY)
    polylint("check", "--jobs", "1")
    polylint("check", "--jobs", "1", "--fix", "--unsafe-fixes")
    assert "512Mi" in path.read_text()
    assert polylint("check", "--jobs", "1", "--unsafe-fixes").code == 0


def test_only_stale_cache_files_are_swept(polylint, tmp_path):
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    folder = tmp_path / ".polylint_cache"
    folder.mkdir()
    (folder / "0123456789abcdef-0123456789abcdef.json").write_text("{}")
    (folder / "notes.json").write_text("{}")
    polylint("check")
    names = sorted(path.name for path in folder.glob("*.json"))
    assert "notes.json" in names and "0123456789abcdef-0123456789abcdef.json" not in names and len(names) == 2


def age(tree, seconds=60):
    """Move every modification time in tree into the past, as for files not touched lately."""
    then = time.time() - seconds
    for path in [tree, *tree.rglob("*")]:
        os.utime(path, (then, then))


@pytest.fixture
def listed(monkeypatch, tmp_path):
    """The folders of the checked tree that a run really listed ("." for its root)."""
    seen = []
    real = os.scandir

    def spy(path="."):
        relative = os.path.relpath(os.path.abspath(str(path)), tmp_path)
        if not relative.startswith(("..", ".polylint_cache")):
            seen.append(relative)
        return real(path)

    monkeypatch.setattr(os, "scandir", spy)
    return seen


def test_a_warm_run_lists_no_folder_that_did_not_change(polylint, tmp_path, listed, checked):
    for name in ("a/x.yml", "a/b/y.yml", "c/z.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(V0_EXPERIMENT)
    age(tmp_path)
    listed.clear()  # age() walked the tree itself
    first = polylint("check", "--jobs", "1")
    assert first.out.count("PLX100") == 3 and sorted(listed) == [".", "a", "a/b", "c"]
    # The first run made .polylint_cache in the root, which changed the root folder: one more run to see it.
    age(tmp_path)
    polylint("check", "--jobs", "1")
    listed.clear()
    checked.clear()
    assert polylint("check", "--jobs", "1").out == first.out
    assert listed == [] and checked == []


def test_a_new_file_is_found_and_an_edited_ignore_file_is_obeyed(polylint, tmp_path, listed):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "a" / "gen.yml").write_text(V0_EXPERIMENT)
    (tmp_path / ".gitignore").write_text("gen.yml\n")
    age(tmp_path)
    assert polylint("check", "--jobs", "1").out.count("PLX100") == 1
    (tmp_path / "a" / "new.yml").write_text(V0_EXPERIMENT)  # the folder's mtime changes
    assert polylint("check", "--jobs", "1").out.count("PLX100") == 2
    age(tmp_path)
    (tmp_path / ".gitignore").write_text("# nothing ignored any more\n")
    assert polylint("check", "--jobs", "1").out.count("PLX100") == 3


def test_a_file_changed_within_the_clock_tick_is_read_again(polylint, tmp_path):
    path = tmp_path / "a.yml"
    path.write_text(V1_COMPONENT)
    polylint("check", "--jobs", "1")
    # Same size, same modification time: only the content hash can tell.
    stamp = path.stat().st_mtime_ns
    path.write_text(V0_EXPERIMENT.ljust(len(V1_COMPONENT)))
    os.utime(path, ns=(stamp, stamp))
    assert "PLX100" in polylint("check", "--jobs", "1").out
