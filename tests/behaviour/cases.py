"""v0 tracking scripts in the shapes real repositories have (reference/real-world-patterns.md §Python):
each runs as it is, so that what it records can be compared with what its rewrite records."""

from __future__ import annotations

from typing import Dict

CASES: Dict[str, str] = {
    "helper_module_level": (
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "send_metrics(loss=0.5, accuracy=0.8)\n"
        "send_metrics(loss=0.25, accuracy=0.9)\n"),
    "helper_module_alias": (
        "import polyaxon_helper as plx\n"
        "\n"
        "for epoch in range(3):\n"
        "    plx.send_metrics(loss=1.0 / (epoch + 1), step=epoch)\n"),
    "helper_plain_import_with_outputs": (
        "import os\n"
        "import polyaxon_helper\n"
        "\n"
        "out = polyaxon_helper.get_outputs_path()\n"
        "os.makedirs(out, exist_ok=True)\n"
        "polyaxon_helper.send_metrics(loss=0.1)\n"),
    "helper_function_called_in_loop": (
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "\n"
        "def report(epoch, loss):\n"
        "    send_metrics(epoch=epoch, loss=loss)\n"
        "\n"
        "\n"
        "for epoch in range(4):\n"
        "    report(epoch, 0.5 ** epoch)\n"),
    "helper_in_main_guard": (
        "import argparse\n"
        "\n"
        "from polyaxon_helper import get_outputs_path, send_metrics\n"
        "\n"
        "\n"
        "def train(lr):\n"
        "    for step in range(3):\n"
        "        send_metrics(loss=lr * (3 - step), step=step)\n"
        "    return get_outputs_path()\n"
        "\n"
        "\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--lr', type=float, default=0.1)\n"
        "    args = parser.parse_args([])\n"
        "    train(args.lr)\n"
        "\n"
        "\n"
        "if __name__ == '__main__':\n"
        "    main()\n"),
    "outputs_path_before_experiment": (
        "import os\n"
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "outputs = get_outputs_path()\n"
        "experiment = Experiment()\n"
        "experiment.log_params(lr=0.01, batch_size=32)\n"
        "experiment.log_metrics(loss=0.3)\n"),
    "experiment_module_level": (
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "experiment = Experiment()\n"
        "experiment.log_params(lr=0.01, epochs=2)\n"
        "path = get_outputs_path()\n"
        "for epoch in range(2):\n"
        "    experiment.log_metrics(step=epoch, loss=1.0 - epoch * 0.25)\n"
        "experiment.succeeded()\n"),
    "experiment_passed_around_by_main": (
        "from polyaxon_client.tracking import Experiment\n"
        "\n"
        "\n"
        "def train(experiment, epochs):\n"
        "    for epoch in range(epochs):\n"
        "        experiment.log_metrics(loss=1.0 / (epoch + 1))\n"
        "\n"
        "\n"
        "def main():\n"
        "    experiment = Experiment()\n"
        "    experiment.log_params(epochs=3)\n"
        "    train(experiment, 3)\n"
        "\n"
        "\n"
        "if __name__ == '__main__':\n"
        "    main()\n"),
    "class_wrapping_the_experiment": (
        "from polyaxon_client.tracking import Experiment, get_log_level\n"
        "\n"
        "\n"
        "class Tracker:\n"
        "    def __init__(self):\n"
        "        self.experiment = Experiment()\n"
        "        self.level = get_log_level()\n"
        "\n"
        "    def log(self, **metrics):\n"
        "        self.experiment.log_metrics(**metrics)\n"
        "\n"
        "    def params(self, **params):\n"
        "        self.experiment.log_params(**params)\n"
        "\n"
        "\n"
        "tracker = Tracker()\n"
        "tracker.params(optimizer='adam')\n"
        "tracker.log(loss=0.4)\n"
        "tracker.log(loss=0.2)\n"),
    "outputs_path_in_function_before_init": (
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "\n"
        "def checkpoint_dir():\n"
        "    return get_outputs_path()\n"
        "\n"
        "\n"
        "folder = checkpoint_dir()\n"
        "experiment = Experiment()\n"
        "experiment.log_metrics(loss=0.7)\n"),
    "outputs_path_in_function_after_init": (
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "\n"
        "def checkpoint_dir():\n"
        "    return get_outputs_path()\n"
        "\n"
        "\n"
        "experiment = Experiment()\n"
        "folder = checkpoint_dir()\n"
        "experiment.log_metrics(loss=0.7)\n"),
    "conditional_experiment": (
        "import os\n"
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "experiment = None\n"
        "if os.environ.get('TRACK', '1') == '1':\n"
        "    experiment = Experiment()\n"
        "out = get_outputs_path()\n"
        "if experiment:\n"
        "    experiment.log_metrics(loss=0.1)\n"),
    "helper_and_experiment_together": (
        "from polyaxon_client.tracking import Experiment\n"
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "experiment = Experiment()\n"
        "experiment.log_params(lr=0.5)\n"
        "send_metrics(loss=0.9)\n"
        "experiment.log_metrics(loss=0.8)\n"),
    "helper_imported_in_function": (
        "def log(loss):\n"
        "    from polyaxon_helper import send_metrics\n"
        "    send_metrics(loss=loss)\n"
        "\n"
        "\n"
        "for value in (0.3, 0.2, 0.1):\n"
        "    log(value)\n"),
    "job_tracker": (
        "from polyaxon_client.tracking import Job, get_outputs_path\n"
        "\n"
        "job = Job()\n"
        "out = get_outputs_path()\n"
        "job.log_metrics(rows=120)\n"
        "job.log_params(source='s3')\n"),
    "experiment_with_context_manager_style_helpers": (
        "from polyaxon_client.tracking import Experiment\n"
        "\n"
        "experiment = Experiment()\n"
        "try:\n"
        "    experiment.log_metrics(loss=0.5)\n"
        "    raise ValueError('diverged')\n"
        "except ValueError as error:\n"
        "    experiment.failed(message=str(error))\n"),
    "star_import": (
        "from polyaxon_client.tracking import *\n"
        "\n"
        "out = get_outputs_path()\n"
        "experiment = Experiment()\n"
        "experiment.log_metrics(loss=0.5)\n"),
    "helper_log_level_and_metrics_in_functions": (
        "import logging\n"
        "\n"
        "from polyaxon_helper import get_log_level, send_metrics\n"
        "\n"
        "\n"
        "def setup_logging():\n"
        "    logging.basicConfig(level=get_log_level() or 'INFO')\n"
        "\n"
        "\n"
        "def evaluate():\n"
        "    send_metrics(precision=0.9, recall=0.8)\n"
        "\n"
        "\n"
        "setup_logging()\n"
        "evaluate()\n"),
    "tracking_function_module_alias": (
        "from polyaxon_client import tracking\n"
        "\n"
        "experiment = tracking.Experiment()\n"
        "experiment.log_metrics(loss=0.3, step=1)\n"
        "out = tracking.get_outputs_path()\n"),
    "script_that_crashes_after_logging": (
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "send_metrics(loss=0.5)\n"
        "raise RuntimeError('out of memory')\n"),
    "helper_used_only_in_a_library_function": (
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "\n"
        "def report(**metrics):\n"
        "    send_metrics(**metrics)\n"),
    "experiment_in_main_and_helper_function_at_top": (
        "from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "\n"
        "\n"
        "def save_dir():\n"
        "    return get_outputs_path()\n"
        "\n"
        "\n"
        "def main():\n"
        "    experiment = Experiment()\n"
        "    folder = save_dir()\n"
        "    experiment.log_metrics(loss=0.05)\n"
        "\n"
        "\n"
        "if __name__ == '__main__':\n"
        "    main()\n"),
    "two_helper_calls_in_different_branches": (
        "import sys\n"
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "if len(sys.argv) > 5:\n"
        "    send_metrics(branch=1)\n"
        "else:\n"
        "    send_metrics(branch=2)\n"),
}
