from tests.helpers import check_transformed, findings

BEFORE = """version: 1.1
kind: component
run:
  kind: job
  container:
    image: a
    resources:
      requests: {memory: 2048, cpu: 1}  # v0 numbers were MiB
      limits:
        memory: 4096
"""
AFTER = BEFORE.replace("2048,", "2048Mi,").replace("memory: 4096", "memory: 4096Mi")


def test_flagged_at_memory_key():
    assert [(f.location.row, f.location.column) for f in findings("v1.yml", BEFORE) if f.code == "PLX113"] == [
        (8, 18), (10, 9)]


def test_unsafe_fix_appends_mi():
    check_transformed("v1.yml", BEFORE, AFTER, unsafe=True)


def test_safe_fix_run_leaves_it():
    check_transformed("v1.yml", BEFORE, BEFORE, remaining=["PLX113", "PLX113"])


def test_quoted_number_reported_without_fix():
    text = BEFORE.replace("memory: 4096", 'memory: "4096"')
    [finding] = [f for f in findings("v1.yml", text) if f.code == "PLX113" and f.location.row == 10]
    assert finding.fix is None
