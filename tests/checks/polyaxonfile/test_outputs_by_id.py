from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column) for f in findings("o.yml", text) if f.code == "PLX103"]


def test_environment_outputs_flagged():
    text = "version: 1\nkind: experiment\nenvironment:\n  node_selector: {a: b}\n  outputs:\n    experiments: [12]\n"
    assert hits(text) == [(5, 3)]


def test_top_level_outputs_io_not_flagged():
    text = "version: 1\nkind: experiment\noutputs:\n- name: model\n  type: path\n"
    assert hits(text) == []
