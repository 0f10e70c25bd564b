from tests.checks.python.golden import check_golden
from tests.helpers import check_noop, codes, findings


def test_experiment_becomes_tracking_init() -> None:
    checked = check_golden(
        "from polyaxon_client.tracking import Experiment\n"
        "\n"
        "experiment = Experiment()\n"
        "experiment.log_metrics(loss=0.1, step=1)\n",
        "from polyaxon import tracking\n"
        "\n"
        "experiment = tracking.init()\n"
        "experiment.log_metrics(loss=0.1, step=1)\n")
    assert "call tracking.init" in checked and "call experiment.log_metrics" in checked


def test_module_alias() -> None:
    check_golden(
        "import polyaxon_client.tracking as plx\n"
        "\n"
        "xp = plx.Experiment(project='mnist')\n"
        "xp.log_params(**vars(args))\n",
        "from polyaxon import tracking\n"
        "\n"
        "xp = tracking.init(project='mnist')\n"
        "xp.log_inputs(**vars(args))\n")


def test_import_as_alias_inside_function() -> None:
    check_golden(
        "from polyaxon_client.tracking import Experiment as Exp\n"
        "\n"
        "def main():\n"
        "    run = Exp(track_code=False)\n"
        "    run.log_tags(['a'])\n",
        "from polyaxon import tracking\n"
        "\n"
        "def main():\n"
        "    run = tracking.init(track_code=False)\n"
        "    run.log_tags(['a'])\n")


def test_plain_import_of_package() -> None:
    check_golden(
        "import polyaxon_client\n"
        "experiment = polyaxon_client.tracking.Experiment()\n"
        "experiment.succeeded()\n",
        "from polyaxon import tracking\n"
        "experiment = tracking.init()\n"
        "experiment.log_succeeded()\n")


def test_chained_call_without_a_name() -> None:
    check_golden(
        "from polyaxon_client.tracking import Experiment\n"
        "Experiment().log_params(lr=0.1)\n",
        "from polyaxon import tracking\n"
        "tracking.init().log_inputs(lr=0.1)\n")


def test_job_tracker() -> None:
    check_golden(
        "from polyaxon_client.tracking import Job\n"
        "job = Job()\n"
        "job.log_params(n=1)\n",
        "from polyaxon import tracking\n"
        "job = tracking.init()\n"
        "job.log_inputs(n=1)\n")


def test_tracker_on_self_in_a_class() -> None:
    check_golden(
        "from polyaxon_client.tracking import Experiment\n"
        "\n"
        "class Trainer:\n"
        "    def __init__(self):\n"
        "        self.experiment = Experiment()\n"
        "\n"
        "    def end(self, ok):\n"
        "        if ok:\n"
        "            self.experiment.succeeded()\n"
        "        else:\n"
        "            self.experiment.failed('diverged')\n",
        "from polyaxon import tracking\n"
        "\n"
        "class Trainer:\n"
        "    def __init__(self):\n"
        "        self.experiment = tracking.init()\n"
        "\n"
        "    def end(self, ok):\n"
        "        if ok:\n"
        "            self.experiment.log_succeeded()\n"
        "        else:\n"
        "            self.experiment.log_failed(message='diverged')\n")


def test_conditional_tracker_bound_to_none_first() -> None:
    check_golden(
        "from polyaxon_client.tracking import Experiment\n"
        "experiment = None\n"
        "if args.polyaxon:\n"
        "    experiment = Experiment()\n"
        "if experiment:\n"
        "    experiment.log_params(lr=args.lr)\n",
        "from polyaxon import tracking\n"
        "experiment = None\n"
        "if args.polyaxon:\n"
        "    experiment = tracking.init()\n"
        "if experiment:\n"
        "    experiment.log_inputs(lr=args.lr)\n")


def test_experiment_id_is_manual_and_its_calls_wait_for_it() -> None:
    before = (
        "from polyaxon_client.tracking import Experiment\n"
        "experiment = Experiment(project='mnist', experiment_id=12)\n"
        "experiment.log_params(lr=0.1)\n")
    check_noop_fix = findings("train.py", before)
    assert [f.code for f in check_noop_fix] == ["PLX301", "PLX302", "PLX303"]
    assert all(f.fix is None for f in check_noop_fix)
    assert "uuid" in check_noop_fix[1].message
    check_golden(before, before, remaining=["PLX301", "PLX302", "PLX303"], unsafe=True)


def test_group_is_manual() -> None:
    before = "from polyaxon_client.tracking import Group\ngroup = Group(project='p')\n"
    found = findings("train.py", before)
    assert [(f.code, f.fix) for f in found] == [("PLX301", None), ("PLX302", None)]
    assert "pipeline" in found[1].message


def test_local_class_named_experiment_is_not_flagged() -> None:
    check_noop("train.py", "class Experiment:\n    def log_params(self, **kw):\n        pass\n\n"
               "experiment = Experiment()\nexperiment.log_params(lr=1)\n# polyaxon\n")


def test_other_library_experiment_is_not_flagged() -> None:
    check_noop("train.py", "from comet_ml import Experiment\nexperiment = Experiment()\n"
               "experiment.log_params({'lr': 1})\n# works with polyaxon too\n")


def test_position_is_the_call() -> None:
    found = findings("train.py", "from polyaxon_client.tracking import Experiment\n\nxp = Experiment()\n")
    tracker = next(f for f in found if f.code == "PLX302")
    assert (tracker.location.row, tracker.location.column) == (3, 6)
    assert (tracker.end_location.row, tracker.end_location.column) == (3, 18)


def test_suppressed_constructor_keeps_its_calls() -> None:
    before = ("from polyaxon_client.tracking import Experiment\n"
              "xp = Experiment()  # noqa: PLX302\n"
              "xp.log_params(a=1)\n")
    assert codes("train.py", before) == ["PLX301", "PLX303"]
    check_golden(before, before, remaining=["PLX301", "PLX303"])
