"""What counts as done: findings gone since the first report, per file and rule, while in scope."""

import json

import pytest

from polylint.report import command
from tests.conftest import V0_MANUAL, V1_COMPONENT


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setattr(command, "_today", lambda: "2024-05-01")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def headline(polylint, *args):
    text = polylint("report", *args).out
    return next(line for line in text.splitlines() if line.startswith("**"))


def test_a_deleted_v0_file_counts_as_done(polylint, tmp_path):
    old = write(tmp_path, "old/train.yml", V0_MANUAL)
    write(tmp_path, "keep.yml", V0_MANUAL)
    polylint("report")
    old.unlink()
    assert headline(polylint).startswith("**50% done · 1 done · ")


def test_a_file_excluded_since_is_neither_done_nor_left(polylint, tmp_path):
    write(tmp_path, "vendor/train.yml", V0_MANUAL)
    write(tmp_path, "keep.yml", V0_MANUAL)
    polylint("report")
    write(tmp_path, ".polylint.toml", 'extend-exclude = ["vendor"]\n')
    assert headline(polylint) == ("**0% done · 0 done · 0 fixable (0 by `--fix`, 0 more by `--unsafe-fixes`) · "
                                  "1 manual**")


def test_a_rule_ignored_since_is_neither_done_nor_left(polylint, tmp_path):
    write(tmp_path, "train.yml", V0_MANUAL + "environment:\n  data_refs: [d]\n")  # PLX100 and PLX104
    polylint("report")
    write(tmp_path, ".polylint.toml", 'ignore = ["PLX104"]\n')
    assert headline(polylint).startswith("**0% done · 0 done · 0 fixable (0 by `--fix`, 0 more by "
                                         "`--unsafe-fixes`) · 1 manual**")


def test_a_file_outside_the_reported_paths_is_not_done(polylint, tmp_path):
    write(tmp_path, "a/train.yml", V0_MANUAL)
    write(tmp_path, "b/train.yml", V0_MANUAL)
    polylint("report")
    assert headline(polylint, "a").startswith("**0% done · 0 done · ")


def test_a_suppressed_finding_counts_as_done(polylint, tmp_path):
    path = write(tmp_path, "train.yml", V0_MANUAL)
    polylint("report")
    path.write_text("# polylint: ignore[PLX100]\n" + V0_MANUAL)
    assert headline(polylint).startswith("**100% done · 1 done · ")


def test_peaks_rise_with_new_findings_and_all_of_them_count_when_gone(polylint, tmp_path):
    path = write(tmp_path, "train.yml", V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n")
    polylint("report")
    path.write_text(V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n      limits: {memory: 1024}\n")
    assert headline(polylint).startswith("**0% done · 0 done · 2 fixable")
    polylint("check", "--fix", "--unsafe-fixes")
    assert headline(polylint).startswith("**100% done · 2 done · 0 fixable")
    baseline = json.loads((tmp_path / ".polylint_cache/report/baseline.json").read_text())
    assert baseline["peaks"] == {"train.yml": {"PLX113": 2}}


def test_an_unreadable_baseline_is_started_again_and_said(polylint, tmp_path):
    write(tmp_path, "train.yml", V0_MANUAL)
    write(tmp_path, ".polylint_cache/report/baseline.json", "{not json")
    text = polylint("report").out
    assert "Note: .polylint_cache/report/baseline.json could not be read (" in text
    assert "a new baseline was started." in text
    assert "This is the first report" in text
    assert json.loads((tmp_path / ".polylint_cache/report/baseline.json").read_text())["peaks"] == {
        "train.yml": {"PLX100": 1}}


def test_a_baseline_of_another_format_is_started_again(polylint, tmp_path):
    write(tmp_path, "train.yml", V0_MANUAL)
    write(tmp_path, ".polylint_cache/report/baseline.json", '{"version": 99, "since": "x", "peaks": {}}')
    assert "is not a baseline polylint can read (format version 99)" in polylint("report").out


def test_the_baseline_lives_in_the_project_root(polylint, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.polylint]\nignore = []\n")
    write(tmp_path, "src/conf/train.yml", V0_MANUAL)
    polylint("report", "src")
    baseline = json.loads((tmp_path / ".polylint_cache/report/baseline.json").read_text())
    assert baseline["peaks"] == {"src/conf/train.yml": {"PLX100": 1}}
    assert not (tmp_path / "src/.polylint_cache").exists()
