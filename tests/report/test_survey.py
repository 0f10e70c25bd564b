from polylint.config import Settings
from polylint.diagnostics import Finding, Position
from polylint.report.survey import _file_fixes, survey
from polylint.results import FileResult
from tests.conftest import V0_MANUAL, V1_COMPONENT

V1_BARE_MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"


def test_survey_is_a_check_run_with_dry_fixes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v0.yml").write_text(V0_MANUAL)
    (tmp_path / "v1.yml").write_text(V1_BARE_MEMORY)
    found = survey(["."], Settings(root=tmp_path), 1)
    assert found.files == ["v0.yml", "v1.yml"]
    assert [(finding.filename, finding.code) for finding in found.findings] == [("v0.yml", "PLX100"),
                                                                                ("v1.yml", "PLX113")]
    # Only files with a fixable finding get a dry run; PLX113's fix is unsafe, so --fix alone does nothing.
    assert [fixes.path for fixes in found.fixes] == ["v1.yml"]
    fixes = found.fixes[0]
    assert (fixes.with_fix.fixed, fixes.with_fix.diff) == (0, "")
    assert fixes.unsafe_adds.fixed == 1
    assert fixes.unsafe_adds.diff.endswith("-      requests: {memory: 512}\n+      requests: {memory: 512Mi}\n")
    assert (tmp_path / "v1.yml").read_text() == V1_BARE_MEMORY
    assert found.errors == [] and found.notes == []


def test_the_report_file_itself_is_left_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v0.yml").write_text(V0_MANUAL)
    (tmp_path / "out.yml").write_text(V0_MANUAL)
    found = survey(["."], Settings(root=tmp_path), 1, leave_out=str(tmp_path / "out.yml"))
    assert found.files == ["v0.yml"]


def test_missing_paths_are_returned(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert survey(["nowhere"], Settings(root=tmp_path), 1).errors == [("nowhere", "no such file or folder")]


def test_fixes_that_would_be_dropped_are_listed_once():
    dropped = Finding("a.yml", "PLX007", "fix for PLX199 dropped: the result did not verify", Position(2, 1),
                      Position(2, 1))
    other = Finding("a.yml", "PLX100", "v0", Position(1, 1), Position(1, 2))
    fixes = _file_fixes(FileResult("a.yml", findings=[other, dropped]),
                        FileResult("a.yml", findings=[other, dropped]))
    assert fixes.dropped == [dropped]
    assert (fixes.with_fix.fixed, fixes.unsafe_adds.fixed, fixes.unsafe_adds.diff) == (0, 0, "")
