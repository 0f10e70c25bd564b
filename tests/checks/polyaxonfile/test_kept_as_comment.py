"""PLX120: each `# [polylint PLX120]` block the conversion wrote is reported at its marker line."""

from __future__ import annotations

from tests.helpers import check_noop, findings, fixed_text

V1_WITH_LEFTOVER = (
    "version: 1.1\n"
    "kind: component\n"
    "# [polylint PLX120] `data_refs`: list the data connections in `run.connections: [name]`\n"
    "# environment:\n"
    "#   data_refs: [data1]\n"
    "run:\n"
    "  kind: job\n"
    "  container: {image: a}\n"
)


def test_marker_line_is_reported_with_its_reason() -> None:
    [finding] = findings("polyaxonfile.yml", V1_WITH_LEFTOVER)
    assert finding.code == "PLX120"
    assert (finding.location.row, finding.location.column) == (3, 1)
    assert finding.end_location.row == 3
    assert finding.message.endswith("list the data connections in `run.connections: [name]`")
    assert finding.fix is None


def test_no_marker_no_report() -> None:
    check_noop("polyaxonfile.yml", V1_WITH_LEFTOVER.replace("# [polylint PLX120] ", "# "))


def test_marker_in_another_document_is_reported_once() -> None:
    text = V1_WITH_LEFTOVER + "---\nversion: 1.1\nkind: component\nrun: {kind: job, container: {image: b}}\n"
    assert [f.location.row for f in findings("polyaxonfile.yml", text)] == [3]


def test_conversion_reports_each_kept_block() -> None:
    before = "version: 1\nkind: experiment\nenvironment:\n  secret_refs: [s]\nbuild: {image: a}\nrun: {cmd: b}\n"
    after = fixed_text("polyaxonfile.yml", before, unsafe=True)
    [finding] = findings("polyaxonfile.yml", after)
    assert finding.code == "PLX120" and "secret" in finding.message
    assert "#   secret_refs: [s]\n" in after
