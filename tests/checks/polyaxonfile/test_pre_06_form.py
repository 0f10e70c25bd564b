from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column, f.message.split("`")[1]) for f in findings("p.yml", text)
            if f.code == "PLX106"]


def test_00x_file_flagged_key_by_key():
    text = ("version: 1\nproject:\n  name: q\nsettings:\n  concurrent_experiments: 2\nmatrix:\n  lr: {values: [1]}\n"
            "run:\n  image: tf\n  steps: [pip install x]\n  cmd: python m.py\n")
    assert hits(text) == [(2, 1, "project:"), (4, 1, "settings:"), (6, 1, "matrix:"), (9, 3, "run.image"),
                          (10, 3, "run.steps")]


def test_plugin_kind_and_build_git_flagged():
    text = "version: 1\nkind: plugin\nbuild:\n  image: a\n  git: https://x\n"
    assert hits(text) == [(2, 1, "kind: plugin"), (5, 3, "build.git")]


def test_06_file_not_flagged():
    text = "version: 1\nkind: experiment\nbuild:\n  image: a\nrun:\n  cmd: b\nhptuning:\n  matrix: {lr: {values: [1]}}\n"
    assert hits(text) == []
