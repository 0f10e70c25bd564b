from tests.helpers import codes, findings


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
