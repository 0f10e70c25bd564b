"""PLX100 and its fix: every v0 kind and era converted to `version: 1.1`, judged by Polyaxon v1 itself.

Golden pairs live in tests/fixtures/polyaxonfile/<name>.v0.yml -> <name>.v1.yml (reviewed by hand).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import List

import pytest

from polylint.checks.polyaxonfile.kept_as_comment import MARKER
from polylint.checks.polyaxonfile.v0_polyaxonfile import RULE
from polylint.diagnostics import Applicability
from tests.helpers import check_noop, check_transformed, codes, findings, fixed_text, run
from tests.polyaxon_v1 import validate

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "polyaxonfile"
CASES = sorted(path.name[: -len(".v0.yml")] for path in FIXTURES.glob("*.v0.yml"))
# The pairs whose mapping is exact: --fix converts them without --unsafe-fixes.
SAFE_CASES = {"experiment_cmd_list", "experiment_environment", "experiment_minimal", "experiment_params_comments",
              "experiment_shell_command", "experiment_typed_inputs", "group_grid_default",
              "group_random_early_stopping", "job_simple", "multi_document"}
CORPUS = REPO / ".." / "shared" / "corpus"


def _tolerated(text: str, found: List[str]) -> List[str]:
    return [code for code in found if not (code == "PLX110" and "kind: dag" in text)]


# Detection (PLX100 without --fix).

def located(name, text, code):
    return [(f.location.row, f.location.column, f.end_location.column) for f in findings(name, text) if f.code == code]


def test_experiment_flagged_at_version_key():
    text = "---\nversion: 1\nkind: experiment\nbuild:\n  image: python:3.8\nrun:\n  cmd: python train.py\n"
    assert located("polyaxonfile.yml", text, "PLX100") == [(2, 1, 8)]


def test_every_v0_kind_flagged():
    for kind in ("experiment", "group", "job", "build", "notebook", "tensorboard", "pipeline", "plugin"):
        assert "PLX100" in codes("any_name.yaml", f"version: 1\nkind: {kind}\n"), kind


def test_version_one_point_zero_and_dev_format_flagged():
    assert "PLX100" in codes("a.yml", "version: 1.0\nkind: job\n")
    assert "PLX100" in codes("a.yml", "version: 0.6\nkind: pipeline\n")


def test_pre_01_shape_without_kind_flagged():
    text = "version: 1\nproject:\n  name: mnist\nrun:\n  image: python\n  cmd: python x.py\n"
    message = [f.message for f in findings("a.yml", text) if f.code == "PLX100"]
    assert message and "no `kind`" in message[0]


def test_json_polyaxonfile_flagged():
    assert "PLX100" in codes("spec.json", '{"version": 1, "kind": "experiment", "run": {"cmd": "x"}}')


def test_each_document_of_a_stream_is_judged_alone():
    text = ("version: 1.1\nkind: component\nrun: {kind: job, container: {image: a}}\n"
            "---\nversion: 1\nkind: experiment\n")
    assert located("multi.yml", text, "PLX100") == [(5, 1, 8)]


def test_v1_file_not_flagged():
    text = ("version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: python:3.8\n"
            "    command: [python, train.py]\n")
    assert codes("polyaxonfile.yml", text) == []


def test_other_yaml_never_flagged():
    manifest = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\n"
    compose = "version: '3'\nservices:\n  web:\n    build: .\n    command: run\n"
    drone = "kind: pipeline\ntype: docker\nsteps: []\n"
    for text in (manifest, compose, drone):
        assert codes("deploy.yml", text) == []


def test_not_a_yaml_name_not_read():
    assert codes("polyaxonfile.txt", "version: 1\nkind: experiment\n") == []


# Conversion (PLX100's fix).

def _pair(name: str) -> tuple:
    return ((FIXTURES / f"{name}.v0.yml").read_text(encoding="utf-8"),
            (FIXTURES / f"{name}.v1.yml").read_text(encoding="utf-8"))


def test_at_least_25_golden_pairs() -> None:
    assert len(CASES) >= 25
    assert all((FIXTURES / f"{name}.v1.yml").exists() for name in CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden_conversion(name: str) -> None:
    before, after = _pair(name)
    kept = after.count(MARKER)
    remaining = sorted(["PLX120"] * kept)
    check_transformed(f"{name}.yml", before, after, unsafe=True, remaining=remaining)


@pytest.mark.parametrize("name", CASES)
def test_converted_file_is_valid_polyaxon_v1(name: str) -> None:
    validate(_pair(name)[1])


@pytest.mark.parametrize("name", CASES)
def test_fix_safety(name: str) -> None:
    before, after = _pair(name)
    expected = after if name in SAFE_CASES else before
    assert fixed_text(f"{name}.yml", before, unsafe=False) == expected


def test_every_v0_document_is_flagged_at_its_version_key() -> None:
    result = findings("polyaxonfile.yml", "version: 1\nkind: job\nbuild: {image: a}\nrun: {cmd: b}\n")
    assert [(f.code, f.location.row, f.location.column) for f in result] == [("PLX100", 1, 1)]
    assert result[0].applicability is Applicability.SAFE


def test_unsafe_fix_message_says_why() -> None:
    text = "version: 1\nkind: experiment\nbuild: {image: a, build_steps: [pip install x]}\nrun: {cmd: b}\n"
    [finding] = findings("polyaxonfile.yml", text)
    assert finding.applicability is Applicability.UNSAFE
    assert finding.fix is not None and "build steps" in finding.fix.message


def test_v1_file_is_left_alone() -> None:
    check_noop("polyaxonfile.yml", "version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: a}\n")


def test_crlf_file_keeps_its_newlines() -> None:
    before = "version: 1\r\nkind: experiment  # one\r\nbuild:\r\n  image: a\r\nrun:\r\n  cmd: b\r\n"
    after = fixed_text("polyaxonfile.yml", before)
    assert after == ("version: 1.1\r\nkind: component  # one\r\nrun:\r\n  kind: job\r\n  container:\r\n"
                     "    image: a\r\n    workingDir: '{{ globals.run_artifacts_path }}/uploads'\r\n"
                     "    command: [/bin/bash, -c]\r\n    args:\r\n    - b\r\n")
    assert fixed_text("polyaxonfile.yml", after) == after


def test_comment_before_the_document_marker_is_kept_outside_the_edit() -> None:
    before = "# header\n---\nversion: 1\nkind: job\nbuild: {image: a}\nrun: {cmd: b}\n"
    after = fixed_text("polyaxonfile.yml", before)
    assert after.startswith("# header\n---\nversion: 1.1\nkind: component\n")


def test_plain_command_and_shell_command_both_run_through_bash() -> None:
    for command in ("python train.py --lr=0.1", "python a.py | tee log && echo $HOME"):
        text = f"version: 1\nkind: job\nbuild: {{image: a}}\nrun:\n  cmd: {command}\n"
        after = fixed_text("polyaxonfile.yml", text)
        assert f"command: [/bin/bash, -c]\n    args:\n    - {command}\n" in after


def test_backslash_continuations_are_removed_as_v0_did() -> None:
    text = "version: 1\nkind: job\nbuild: {image: a}\nrun:\n  cmd: python t.py --a=1 \\\n    --b=2   \\\n    --c\n"
    assert "    - python t.py --a=1 --b=2 --c\n" in fixed_text("polyaxonfile.yml", text)


def test_document_that_cannot_be_converted_keeps_a_manual_diagnostic() -> None:
    text = "version: 1\nkind: experiment\nparams: {globals: 1}\nbuild: {image: a}\nrun: {cmd: train}\n"
    [finding] = findings("polyaxonfile.yml", text)
    assert finding.code == RULE.code and finding.fix is None
    assert "by hand" in finding.message and "`globals` is reserved" in finding.message


def test_value_with_a_tag_that_does_not_read_back_equal_is_not_converted() -> None:
    # ruamel reads `!custom a` as a TaggedScalar, equal only to itself: the result cannot be verified.
    text = "version: 1\nkind: experiment\nbuild:\n  image: !custom a\nrun:\n  cmd: b\n"
    [finding] = findings("polyaxonfile.yml", text)
    assert finding.fix is None and "by hand" in finding.message


def test_param_named_like_a_v1_context_is_left_to_the_user() -> None:
    text = "version: 1\nkind: experiment\nparams: {params: 1}\nbuild: {image: a}\nrun: {cmd: b}\n"
    [finding] = findings("polyaxonfile.yml", text)
    assert finding.fix is None


def test_rule_example_converts_to_its_fixed_example() -> None:
    assert fixed_text("polyaxonfile.yml", RULE.example) == RULE.fixed_example
    validate(RULE.fixed_example)


def test_converted_files_trigger_no_v1_lint() -> None:
    for name in CASES:
        after = _pair(name)[1]
        assert set(_tolerated(after, codes(f"{name}.yml", after))) <= {"PLX120"}, name


def _value_changes(v0_text: str, v1_text: str) -> List[str]:
    """The v0 params and declarations whose value, as Polyaxon reads both files (PyYAML), is not the value of
    the v1 input of that name."""
    import yaml

    changes = []
    for v0, v1 in zip(yaml.safe_load_all(v0_text), yaml.safe_load_all(v1_text)):
        if not isinstance(v0, dict) or not isinstance(v1, dict):
            continue
        declared = {**(v0.get("declarations") or {}), **(v0.get("params") or {})}
        component = v1.get("component") if v1.get("kind") == "operation" else v1
        for io in (component or {}).get("inputs") or []:
            if io["name"] in declared and "value" in io:
                before, after = declared[io["name"]], io["value"]
                if before != after or isinstance(before, bool) != isinstance(after, bool):
                    changes.append(f"{io['name']}: {before!r} in v0, {after!r} in v1")
    return changes


def test_values_mean_to_v1_what_they_meant_to_v0() -> None:
    # Polyaxon reads Polyaxonfiles with PyYAML (YAML 1.1) in both versions: `yes` is true, `0755` octal and
    # `1e-3` a string (PyYAML's floats have a dot), as the v0 command saw them.
    v0 = ("version: 1\nkind: experiment\nparams:\n  use_gpu: yes\n  shuffle: off\n  mode: 0755\n  lr: 1e-3\n"
          "  epochs: 1:30\nbuild: {image: a}\nrun:\n  cmd: train {{ use_gpu }} {{ shuffle }} {{ mode }} {{ lr }} "
          "{{ epochs }}\n")
    converted = fixed_text("polyaxonfile.yml", v0)
    validate(converted)
    assert "- name: use_gpu\n  type: bool\n  value: true\n" in converted
    assert "- name: mode\n  type: int\n  value: 0755\n" in converted
    assert "- name: lr\n  type: str\n  value: 1e-3\n" in converted
    assert "- name: epochs\n  type: int\n  value: 90\n" in converted
    assert _value_changes(v0, converted) == []


def test_a_matrix_value_yaml_reads_as_a_number_is_left_to_the_user() -> None:
    # Unquoted, `1:10:2` is 4202 to YAML 1.1 (base 60), and v0 rejected a number as a range.
    text = ("version: 1\nkind: group\nhptuning:\n  matrix:\n    epochs:\n      range: 1:10:2\n"
            "build: {image: a}\nrun: {cmd: 'train {{ epochs }}'}\n")
    [finding] = findings("polyaxonfile.yml", text)
    assert finding.fix is None
    assert "`epochs: {range: ...}` is the number 4202 to YAML 1.1" in finding.message and "quote it" in finding.message
    assert fixed_text("polyaxonfile.yml", text.replace("1:10:2", "'1:10:2'")) != text


def _corpus_v0_files() -> List[Path]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as manifest:
        rows = list(csv.DictReader(manifest, delimiter="\t"))
    return [CORPUS / row["file"] for row in rows
            if row["file"].startswith("yaml/") and row["version_class"] == "v0"]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the repository")
def test_corpus_every_v0_file_converts_to_valid_polyaxon_v1(capsys: pytest.CaptureFixture) -> None:
    outcomes: Counter = Counter()
    kinds: Counter = Counter()
    failures = []
    for path in _corpus_v0_files():
        text = path.read_bytes().decode("utf-8")
        result = run(path.name, text, fix=True, unsafe=True)
        if not any(f.code == "PLX100" for f in run(path.name, text).findings):
            # Not a candidate for the conversion: invalid YAML (PLX001) or a name no host kind claims.
            outcomes["not converted: " + (",".join(f.code for f in result.findings) or "not claimed")] += 1
            continue
        if result.new_data is None:
            failures.append(f"{path.name}: no fix")
            continue
        converted = result.new_data.decode("utf-8")
        try:
            validate(converted)
        except AssertionError as error:
            failures.append(f"{path.name}: {error}")
            continue
        left = set(_tolerated(converted, codes(path.name, converted))) - {"PLX120"}
        if left:
            failures.append(f"{path.name}: still reports {sorted(left)}")
            continue
        changes = _value_changes(text, converted)
        if changes:
            failures.append(f"{path.name}: values changed: {changes}")
            continue
        outcomes["valid v1"] += 1
        for line in text.splitlines():
            if line.startswith("kind:"):
                kinds[line.split(":", 1)[1].split("#")[0].strip()] += 1
    with capsys.disabled():
        print(f"\ncorpus v0 files: {sum(outcomes.values()) + len(failures)}; {dict(outcomes)}; "
              f"failures: {len(failures)}; kinds converted: {dict(kinds)}")
    assert not failures, "\n".join(failures)


def test_a_framework_container_is_copied_into_tags_not_moved_with_its_comment():
    # A v0 container carries its comment: put into tags itself, it wrote the comment a second time.
    v0 = "version: 1\nkind: experiment\nframework: [on, x]  # c\nbuild:\n  image: python:3.8\nrun:\n  cmd: python train.py\n"
    converted = fixed_text("polyaxonfile.yml", v0)
    assert "tags: [[true, x]]  # c\n" in converted  # `on` is true to PyYAML, as to Polyaxon
    assert converted.count("# c") == 1
