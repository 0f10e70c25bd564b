from tests.helpers import check_transformed, findings


def test_tracking_functions_without_equivalent() -> None:
    before = ("from polyaxon_client.tracking import Experiment, get_data_paths, get_outputs_refs_paths\n"
              "experiment = Experiment()\n"
              "data = get_data_paths()['data1']\n"
              "refs = get_outputs_refs_paths()\n"
              "cluster = experiment.get_cluster_def()\n"
              "tf_config = experiment.get_tf_config()\n"
              "info = experiment.get_experiment_info()\n")
    found = [f for f in findings("train.py", before) if f.code == "PLX308"]
    assert [f.location.row for f in found] == [3, 4, 5, 6, 7]
    assert all(f.fix is None for f in found)
    assert "connections" in found[0].message and "ref: runs" in found[1].message
    assert "Kubeflow" in found[2].message and "POLYAXON_RUN_INSTANCE" in found[4].message


def test_left_after_the_safe_rewrite() -> None:
    check_transformed(
        "train.py",
        "from polyaxon_client.tracking import Experiment\nxp = Experiment()\nxp.get_tf_config()\n",
        "from polyaxon import tracking\nxp = tracking.init()\nxp.get_tf_config()\n",
        remaining=["PLX308"])
