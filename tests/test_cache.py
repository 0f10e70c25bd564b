import json
import os

import pytest

from polylint import runner
from tests.conftest import V0_EXPERIMENT, V1_COMPONENT

MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"


@pytest.fixture
def checked(monkeypatch):
    """The paths the runner really checked (parsed) in this test."""
    seen = []
    real = runner.process_bytes

    def spy(path, *args, **kwargs):
        seen.append(os.path.basename(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "process_bytes", spy)
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
    assert list(json.loads(cache_file.read_text()).values())[0]["findings"][0]["code"] == "PLX100"
    assert not (tmp_path / ".gitignore").exists()


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
