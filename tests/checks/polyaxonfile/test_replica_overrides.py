from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column) for f in findings("r.yml", text) if f.code == "PLX105"]


def test_per_index_worker_list_flagged():
    text = ("version: 1\nkind: experiment\nframework: tensorflow\nenvironment:\n  replicas:\n    n_workers: 2\n"
            "    worker:\n    - index: 1\n      resources: {gpu: {requests: 2}}\n")
    assert hits(text) == [(7, 5)]


def test_delay_workers_flagged_in_legacy_block():
    text = "version: 1\nkind: experiment\nenvironment:\n  tensorflow:\n    n_workers: 2\n    delay_workers_by_global_step: true\n"
    assert hits(text) == [(6, 5)]


def test_default_worker_not_flagged():
    text = ("version: 1\nkind: experiment\nframework: tensorflow\nenvironment:\n  replicas:\n    n_workers: 2\n"
            "    default_worker:\n      resources: {gpu: {requests: 2}}\n")
    assert hits(text) == []
