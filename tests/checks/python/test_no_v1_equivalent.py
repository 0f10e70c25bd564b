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


def test_static_helpers_on_the_class_and_a_function_level_import() -> None:
    # After a real training script: the v0 import sits under `if hparams.on_polyaxon:`.
    before = ("def main(hparams):\n"
              "    if hparams.on_polyaxon:\n"
              "        from polyaxon_client.tracking import Experiment, get_data_paths, get_outputs_path\n"
              "        hparams.base_folder = get_data_paths()['data1'] + hparams.folder\n"
              "        hparams.output_path = get_outputs_path()\n"
              "        info = Experiment.get_experiment_info()\n"
              "        number = info['experiment_name'].split('.')[-1]\n")
    found = findings("train.py", before)
    assert [(f.code, f.location.row, f.applicability.value) for f in found] == [
        ("PLX301", 3, "unsafe"), ("PLX308", 4, "manual"), ("PLX303", 5, "unsafe"), ("PLX308", 6, "manual")]
    # Nothing here makes the run, and `main` is called from elsewhere: the rewrite takes the shared run.
    check_transformed("train.py", before, before.replace("get_outputs_path()\n",
                                                         "tracking.get_or_create_run().get_outputs_path()\n")
                      .replace("get_data_paths, get_outputs_path\n", "get_data_paths\n"
                               "        from polyaxon import tracking\n"),
                      unsafe=True, remaining=["PLX301", "PLX308", "PLX308"])
