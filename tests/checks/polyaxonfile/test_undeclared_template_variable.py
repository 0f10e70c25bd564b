from polylint.checks.polyaxonfile.undeclared_template_variable import template_roots
from tests.helpers import findings

COMPONENT = """version: 1.1
kind: component
inputs:
- {name: lr, type: float, value: 0.1, isOptional: true}
run:
  kind: job
  container:
    image: python:3.8
    command: [python, train.py, "--lr={{ lr }}", "--epochs={{epochs}}", "--out={{ globals.run_outputs_path }}"]
"""


def hits(text):
    return [(f.location.row, f.location.column, f.end_location.column) for f in findings("v1.yml", text)
            if f.code == "PLX110"]


def test_undeclared_variable_located_exactly():
    assert hits(COMPONENT) == [(9, 60, 70)]


def test_declared_and_context_names_not_flagged():
    assert hits(COMPONENT.replace("{{epochs}}", "{{ lr | default(1) }}")) == []


def test_operation_params_and_matrix_declare():
    text = ("version: 1.1\nkind: operation\nparams:\n  lr: {value: 1}\nmatrix:\n  kind: grid\n  params:\n"
            "    bs: {kind: choice, value: [1, 2]}\ncomponent:\n  inputs: [{name: lr, type: float}, {name: bs, type: int}]\n"
            "  run:\n    kind: job\n    container: {image: a, command: [x, '{{ lr }} {{ bs }}']}\n")
    assert hits(text) == []


def test_operation_with_reference_is_not_judged():
    text = "version: 1.1\nkind: operation\nhubRef: tensorboard\nrunPatch:\n  container: {args: ['{{ x }}']}\n"
    assert hits(text) == []


def test_v0_file_not_judged_by_this_rule():
    assert hits("version: 1\nkind: experiment\nrun:\n  cmd: python x.py --lr={{ lr }}\n") == []


def test_template_roots_skip_attributes_filters_words_and_strings():
    assert list(template_roots(" a.b | upper ")) == ["a"]
    assert list(template_roots(" x if flag else 'literal y' ")) == ["x", "flag"]
    assert list(template_roots(" lookup('k') ")) == []


def test_dag_operations_declare_their_own_inputs():
    text = ("version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n  - name: train\n    component:\n"
            "      inputs: [{name: lr, type: float}]\n      run:\n        kind: job\n"
            "        container: {image: a, command: [x, '{{ lr }}', '{{ typo }}']}\n")
    assert [f.message.split("`")[3] for f in findings("dag.yml", text) if f.code == "PLX110"] == ["typo"]
