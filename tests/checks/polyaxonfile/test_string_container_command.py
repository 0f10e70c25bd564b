from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column) for f in findings("v1.yml", text) if f.code == "PLX111"]


HEAD = "version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: a\n"


def test_string_command_flagged():
    assert hits(HEAD + "    command: python train.py\n") == [(7, 5)]


def test_list_command_and_whole_template_args_not_flagged():
    assert hits(HEAD + "    command: [python, train.py]\n    args: \"{{ params.as_args }}\"\n") == []


def test_string_args_flagged_in_run_patch():
    text = "version: 1.1\nkind: operation\nhubRef: x\nrunPatch:\n  container:\n    args: --lr 1\n"
    assert hits(text) == [(6, 5)]
