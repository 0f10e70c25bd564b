"""`polylint report` end to end: exact totals, fixes, to-dos and the progress over a migration."""

import json

import pytest

from polylint import rules
from polylint.diagnostics import Applicability
from polylint.report import command
from tests.conftest import V1_COMPONENT

TODAY = "2024-05-01"
# No image: polylint cannot convert it, so PLX100 stays a manual to-do.
V0_TRAIN = "version: 1\nkind: experiment\nparams: {globals: 1}\nbuild: {image: a}\nrun:\n  cmd: python train.py\n"
V1_TRAIN = V1_COMPONENT.replace("python:3.8", "tensorflow/tensorflow:1.15")
# One safe finding (the made-up PLX199), one unsafe (PLX113).
V1_BOTH = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setattr(command, "_today", lambda: TODAY)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def section(markdown, heading):
    """The body of a `## heading` section, up to the next one."""
    start = markdown.index(f"\n## {heading}\n") + len(f"\n## {heading}\n")
    end = markdown.find("\n## ", start)
    return markdown[start:end if end != -1 else None].strip("\n")


def link(code):
    rule = rules.all_rules()[code]
    return f"[{code}]({rule.url})"


@pytest.fixture
def repository(tmp_path, safe_rule):
    write(tmp_path, "a.yml", V1_BOTH)
    write(tmp_path, "conf/train.yml", V0_TRAIN)
    return tmp_path


def progress_lines(markdown):
    lines = section(markdown, "Progress").splitlines()
    return lines[0], lines[2]


def test_first_report_totals_fixes_and_todos(polylint, repository):
    outcome = polylint("report")
    assert (outcome.code, outcome.err) == (0, "")
    text = outcome.out
    assert text.startswith("# Polyaxon v1 migration report\n\npolylint 0.1.0 checked 2 files under `.` on "
                           "2024-05-01; 2 have findings.\n")
    assert progress_lines(text) == (
        "`" + "▓" * 27 + "░" * 13 + "`",
        "**0% done · 0 done · 2 fixable (1 by `--fix`, 1 more by `--unsafe-fixes`) · 1 manual**")
    assert "This is the first report: it starts the baseline, so nothing is done yet." in text
    rows = section(text, "Totals by surface").splitlines()[2:]
    assert rows[:2] == [
        "| PLX0xx | files that could not be read or parsed | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| PLX1xx | Polyaxonfiles | 2 | 3 | 1 | 1 | 1 | 0 |",
    ]
    # Every other family with rules has its row, with nothing found in this tree.
    assert all(row.endswith("| 0 | 0 | 0 | 0 | 0 | 0 |") for row in rows[2:])
    assert section(text, "Totals by rule").splitlines()[2:] == [
        f"| {link('PLX100')} | v0-polyaxonfile | safe, unsafe or manual | 1 | 1 | 0 | 0 | 1 |",
        f"| {link('PLX113')} | bare-integer-memory | unsafe or manual | 1 | 1 | 0 | 1 | 0 |",
        f"| {link('PLX199')} | old-python-image | safe | 1 | 1 | 1 | 0 | 0 |",
    ]
    assert section(text, "What `--fix` would rewrite") == (
        "`polylint check --fix` would apply 1 fix in 1 file.\n\n"
        "### `a.yml`\n\n"
        "- **PLX199** line 6, column 12: `python:3.8` is old: use `python:3.11`. Fix: use python:3.11.\n\n"
        "```diff\n--- a/a.yml\n+++ b/a.yml\n@@ -3,7 +3,7 @@\n run:\n   kind: job\n   container:\n"
        "-    image: python:3.8\n+    image: python:3.11\n     command: [python, train.py]\n     resources:\n"
        "       requests: {memory: 512}\n```")
    assert section(text, "What `--unsafe-fixes` would add") == (
        "`polylint check --fix --unsafe-fixes` would apply 1 more fix in 1 file; review the result, as the "
        "meaning can shift.\n\n"
        "### `a.yml`\n\n"
        "- **PLX113** line 9, column 18: `run.container.resources.requests.memory: 512` has no unit, so "
        "Kubernetes reads bytes (v0 meant MiB): write `512Mi`. Fix: append v0's unit, Mi.\n\n"
        # What --unsafe-fixes adds is shown against the file as --fix leaves it (python:3.11 already).
        "```diff\n--- a/a.yml (after --fix)\n+++ b/a.yml\n@@ -6,4 +6,4 @@\n     image: python:3.11\n"
        "     command: [python, train.py]\n     resources:\n-      requests: {memory: 512}\n"
        "+      requests: {memory: 512Mi}\n```")
    plx100 = rules.all_rules()["PLX100"]
    assert section(text, "Manual to-dos") == (
        "1 finding in 1 file needs a person.\n\n"
        "### `conf/train.yml`\n\n"
        "- [ ] **PLX100** line 1, column 1: v0 Polyaxonfile (`kind: experiment`): Polyaxon v1 reads only "
        "`version: 1.1` components and operations; convert it by hand: polylint could not convert this document "
        "(`globals` is reserved in v1 and cannot name an input)\n"
        f"  - v1: {plx100.summary}. See [PLX100 v0-polyaxonfile]({plx100.url}).")
    baseline = json.loads((repository / ".polylint_cache" / "report/baseline.json").read_text())
    assert baseline == {"version": 1, "since": TODAY,
                        "peaks": {"a.yml": {"PLX113": 1, "PLX199": 1}, "conf/train.yml": {"PLX100": 1}}}
    assert (repository / ".polylint_cache" / ".gitignore").read_text().endswith("\n*\n")


def test_report_writes_nothing_but_the_report_and_baseline(polylint, repository):
    polylint("report")
    assert (repository / "a.yml").read_text() == V1_BOTH
    assert (repository / "conf/train.yml").read_text() == V0_TRAIN


def test_progress_after_fix_then_unsafe_fixes_then_a_manual_conversion(polylint, repository):
    polylint("report")
    assert polylint("check", "--fix").code == 1
    text = polylint("report").out
    assert progress_lines(text) == (
        "`" + "█" * 14 + "▓" * 13 + "░" * 13 + "`",
        "**33% done · 1 done · 1 fixable (0 by `--fix`, 1 more by `--unsafe-fixes`) · 1 manual**")
    assert "This is the first report" not in text
    assert "| PLX1xx | Polyaxonfiles | 2 | 2 | 0 | 1 | 1 | 1 |" in section(text, "Totals by surface").splitlines()
    assert section(text, "What `--fix` would rewrite") == "`polylint check --fix` would change nothing."
    assert "--- a/a.yml\n+++ b/a.yml\n" in section(text, "What `--unsafe-fixes` would add")

    polylint("check", "--fix", "--unsafe-fixes")
    text = polylint("report").out
    assert progress_lines(text) == (
        "`" + "█" * 27 + "░" * 13 + "`",
        "**66% done · 2 done · 0 fixable (0 by `--fix`, 0 more by `--unsafe-fixes`) · 1 manual**")
    assert section(text, "What `--unsafe-fixes` would add") == "`--unsafe-fixes` would add nothing."

    write(repository, "conf/train.yml", V1_TRAIN)
    text = polylint("report").out
    assert progress_lines(text) == (
        "`" + "█" * 40 + "`",
        "**100% done · 3 done · 0 fixable (0 by `--fix`, 0 more by `--unsafe-fixes`) · 0 manual**")
    assert section(text, "Manual to-dos") == "Nothing to do by hand."
    assert section(text, "Totals by rule") == "No findings."
    # The peaks stay: the baseline remembers what there was to do.
    baseline = json.loads((repository / ".polylint_cache" / "report/baseline.json").read_text())
    assert baseline["peaks"] == {"a.yml": {"PLX113": 1, "PLX199": 1}, "conf/train.yml": {"PLX100": 1}}


def test_html_output_by_extension(polylint, repository):
    outcome = polylint("report", "-o", "migration.html")
    assert (outcome.code, outcome.out) == (0, "")
    assert outcome.err == ("polylint: report written to migration.html (0% done · 0 done · 2 fixable (1 by "
                           "`--fix`, 1 more by `--unsafe-fixes`) · 1 manual)\n")
    page = (repository / "migration.html").read_text()
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<span class="fixable" style="width: 66.67%" title="fixable: 2"></span>' in page
    assert '<span class="manual" style="width: 33.33%" title="manual: 1"></span>' in page


def test_markdown_output_file_holds_what_stdout_shows(polylint, repository):
    (repository / "docs").mkdir()
    assert polylint("report", "-o", "docs/migration.md").code == 0
    text = (repository / "docs/migration.md").read_text()
    first = "This is the first report: it starts the baseline, so nothing is done yet.\n\n"
    assert first in text
    # The second run, to stdout, is told to leave the written report out, as the first run did.
    (repository / ".polylintignore").write_text("docs/migration.md\n")
    assert text.replace(first, "") == polylint("report").out


def test_output_folder_must_exist(polylint, repository):
    outcome = polylint("report", "-o", "missing/migration.md")
    assert (outcome.code, outcome.err) == (2, "polylint: error: -o missing/migration.md: no such folder missing\n")
    assert not (repository / ".polylint_cache").exists()


def test_clean_repository(polylint, tmp_path):
    write(tmp_path, "polyaxonfile.yml", V1_COMPONENT.replace("python:3.8", "python:3.12"))
    text = polylint("report").out
    assert progress_lines(text) == ("`" + "█" * 40 + "`", "**Nothing to migrate: no Polyaxon v0 usage found.**")
    assert "checked 1 file under `.`" in text


@pytest.mark.parametrize("output", ["report.txt", "report", "report.HTM.bak"])
def test_unknown_extension_is_a_usage_error(polylint, tmp_path, output):
    outcome = polylint("report", "-o", output)
    assert outcome.code == 2
    assert outcome.err.startswith(f"polylint: error: -o {output}: the report is written as .md (Markdown) or .html")
    assert not (tmp_path / output).exists() and not (tmp_path / ".polylint_cache").exists()


def test_missing_path_is_a_usage_error_and_writes_nothing(polylint, tmp_path):
    outcome = polylint("report", "nowhere", "-o", "r.md")
    assert (outcome.code, outcome.err) == (2, "polylint: error: nowhere: no such file or folder\n")
    assert not (tmp_path / "r.md").exists() and not (tmp_path / ".polylint_cache").exists()


def test_bad_jobs_is_a_usage_error(polylint):
    assert polylint("report", "--jobs", "0").code == 2


def table(markdown, heading):
    """The rows of the table under `## heading`, as lists of cells."""
    return [[cell.strip() for cell in row.strip("|").split(" | ")]
            for row in section(markdown, heading).splitlines()[2:] if row.startswith("|")]


def test_rule_totals_add_up_to_the_surface_totals_and_agree_with_the_rules(polylint, tmp_path):
    from polylint.ruledoc import fix_label

    # Findings of every kind, several rules fixed in more than one way among them.
    write(tmp_path, "safe.yml", rules.all_rules()["PLX100"].example)
    write(tmp_path, "unsafe.yml", rules.all_rules()["PLX100"].fix_examples[Applicability.UNSAFE])
    write(tmp_path, "manual.yml", V0_TRAIN)
    write(tmp_path, "train.sh", "polyaxon experiment logs --past\npolyaxon experiment -xp 12 stop\n"
                                "polyaxon experiment -xp 12 resources\npolyaxon notebook stop -y\n")
    write(tmp_path, "train.py", "from polyaxon_client.tracking import Experiment, get_outputs_path\n\n"
                                "xp = Experiment()\nOUT = get_outputs_path()\n")
    write(tmp_path, "requirements.txt", "polyaxon-client==0.6.1\n")
    text = polylint("report").out
    surfaces = {row[0]: [int(cell) for cell in row[2:]] for row in table(text, "Totals by surface")}
    by_rule = table(text, "Totals by rule")
    assert len(by_rule) >= 6
    for digit in "012345":
        rows = [row for row in by_rule if row[0].startswith(f"[PLX{digit}")]
        sums = [sum(int(row[column]) for row in rows) for column in range(4, 8)]
        _, findings, safe, unsafe, manual, _ = surfaces[f"PLX{digit}xx"]
        assert sums == [findings, safe, unsafe, manual], digit
    kinds = ("safe", "unsafe", "manual")
    for row in by_rule:
        rule = rules.all_rules()[row[0][1:7]]
        assert row[2] == fix_label(rule)
        assert int(row[4]) == sum(int(cell) for cell in row[5:8])
        for kind, count in zip(kinds, row[5:8]):
            assert int(count) == 0 or kind in row[2].replace(",", " ").split(), (row, kind)
    assert all(sum(surface[2 + index] for surface in surfaces.values()) for index in range(3)), surfaces
    safe, unsafe, manual = (sum(surface[index] for surface in surfaces.values()) for index in (2, 3, 4))
    assert progress_lines(text)[1] == (f"**0% done · 0 done · {safe + unsafe} fixable ({safe} by `--fix`, "
                                       f"{unsafe} more by `--unsafe-fixes`) · {manual} manual**")
