from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column) for f in findings("g.yml", text) if f.code == "PLX101"]


def test_bo_flagged_at_key():
    text = "version: 1\nkind: group\nhptuning:\n  concurrency: 2\n  bo:\n    n_iterations: 5\n  matrix:\n    lr: {uniform: 0:1}\n"
    assert hits(text) == [(5, 3)]


def test_hyperband_in_legacy_settings_flagged():
    text = "version: 1\nkind: group\nsettings:\n  hyperband:\n    max_iter: 10\n"
    assert hits(text) == [(4, 3)]


def test_grid_and_random_not_flagged():
    text = "version: 1\nkind: group\nhptuning:\n  random_search: {n_experiments: 4}\n  matrix:\n    lr: {values: [1, 2]}\n"
    assert hits(text) == []


def test_v1_bayes_not_flagged():
    text = "version: 1.1\nkind: operation\nmatrix:\n  kind: bayes\n  bo: 1\nhubRef: x\n"
    assert hits(text) == []
