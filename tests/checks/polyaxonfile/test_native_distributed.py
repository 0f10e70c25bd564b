from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column, f.message) for f in findings("d.yml", text) if f.code == "PLX102"]


def test_replicas_flagged_with_run_kind():
    text = "version: 1\nkind: experiment\nframework: pytorch\nenvironment:\n  replicas:\n    n_workers: 2\n"
    [(row, column, message)] = hits(text)
    assert (row, column) == (5, 3)
    assert "pytorchjob" in message


def test_mpi_backend_is_mpijob():
    text = "version: 1\nkind: experiment\nframework: tensorflow\nbackend: mpi\nenvironment:\n  replicas: {n_workers: 2}\n"
    assert "mpijob" in hits(text)[0][2]


def test_legacy_framework_block_flagged():
    text = "version: 1\nkind: experiment\nenvironment:\n  tensorflow:\n    n_workers: 1\n"
    [(row, column, message)] = hits(text)
    assert (row, column) == (4, 3) and "tfjob" in message


def test_single_node_not_flagged():
    text = "version: 1\nkind: experiment\nframework: tensorflow\nenvironment:\n  resources: {cpu: {requests: 1}}\n"
    assert hits(text) == []
