from tests.checks.python.golden import check_golden
from tests.helpers import check_noop, check_transformed, findings


def test_comments_above_and_beside_the_import_are_kept() -> None:
    check_golden(
        '"""Train MNIST."""\n'
        "import os\n"
        "\n"
        "# experiment tracking\n"
        "from polyaxon_client.tracking import Experiment  # v0 client\n"
        "import numpy as np\n"
        "\n"
        "experiment = Experiment()\n",
        '"""Train MNIST."""\n'
        "import os\n"
        "\n"
        "# experiment tracking\n"
        "from polyaxon import tracking  # v0 client\n"
        "import numpy as np\n"
        "\n"
        "experiment = tracking.init()\n")


def test_import_on_a_line_with_another_statement() -> None:
    check_golden(
        "import os; from polyaxon_client.tracking import Experiment\n"
        "xp = Experiment()\n",
        "import os\n"
        "from polyaxon import tracking\n"
        "xp = tracking.init()\n")


def test_unused_v0_import_is_removed() -> None:
    check_golden("import os\nfrom polyaxon_client.tracking import Experiment\n\nprint(os.getcwd())\n",
                 "import os\n\nprint(os.getcwd())\n")


def test_existing_v1_import_is_reused() -> None:
    check_golden(
        "from polyaxon import tracking\n"
        "from polyaxon_client.tracking import get_outputs_path\n"
        "tracking.init()\n"
        "out = get_outputs_path()\n",
        "from polyaxon import tracking\n"
        "tracking.init()\n"
        "out = tracking.get_outputs_path()\n")


def test_name_clash_with_a_local_tracking_is_not_rewritten() -> None:
    before = ("from polyaxon_client.tracking import Experiment\n"
              "import tracking  # a project module\n"
              "experiment = Experiment()\n")
    found = findings("train.py", before)
    assert all(f.fix is None for f in found)
    check_transformed("train.py", before, before, unsafe=True, remaining=["PLX301", "PLX302"])


def test_schemas_and_cli_imports_are_manual() -> None:
    found = findings("t.py", "from polyaxon_schemas.polyaxonfile import PolyaxonFile\n"
                             "import polyaxon_cli.cli\n"
                             "spec = PolyaxonFile('polyaxonfile.yml').specification\n"
                             "polyaxon_cli.cli.cli()\n")
    assert [(f.code, f.location.row, f.fix) for f in found] == [
        ("PLX301", 1, None), ("PLX301", 2, None), ("PLX301", 3, None), ("PLX301", 4, None)]
    assert "check_polyaxonfile" in found[0].message and "`polyaxon` command" in found[1].message
    assert "`PolyaxonFile` (`polyaxon_schemas.polyaxonfile.PolyaxonFile`)" in found[2].message


def test_dual_version_fallback_is_flagged_not_fixed() -> None:
    before = ("try:\n"
              "    from polyaxon.tracking import Run\n"
              "except ImportError:\n"
              "    from polyaxon_client.tracking import Experiment as Run\n"
              "run = Run()\n")
    found = findings("t.py", before)
    assert [f.code for f in found] == ["PLX301", "PLX302"]
    assert all(f.fix is None for f in found)



def test_an_import_stays_while_a_name_it_binds_is_used_even_if_another_import_binds_it_too() -> None:
    # Which of the two imports the use counted for once depended on where libcst's objects sat in memory.
    check_transformed(
        "train.py",
        "try:\n"
        "    from polyaxon_client.tracking import Experiment\n"
        "except ImportError:\n"
        "    Experiment = None\n"
        "if USE_PLX:\n"
        "    from polyaxon_client.tracking import Experiment, get_outputs_path\n"
        "Experiment.get_experiment_info()\n",
        "try:\n"
        "    from polyaxon_client.tracking import Experiment\n"
        "except ImportError:\n"
        "    Experiment = None\n"
        "if USE_PLX:\n"
        "    from polyaxon_client.tracking import Experiment\n"
        "Experiment.get_experiment_info()\n",
        remaining=["PLX301", "PLX301", "PLX308"])

def test_python2_file_reports_parse_error_and_imports() -> None:
    text = "from polyaxon_client.tracking import Experiment\nprint 'training'\nimport polyaxon_helper\n"
    found = findings("train.py", text)
    assert [(f.code, f.location.row, f.location.column) for f in found] == [
        ("PLX301", 1, 6), ("PLX002", 2, 1), ("PLX301", 3, 8)]
    assert "Missing parentheses" in found[1].message
    assert all(f.fix is None for f in found)
    check_transformed("train.py", text, text, unsafe=True, remaining=["PLX301", "PLX002", "PLX301"])


def test_python2_file_names_the_whole_v0_package() -> None:
    # `polyaxon_cli` sorts before `polyaxon_client`, and is not its first letters.
    found = findings("train.py", "print 'x'\nimport polyaxon_client\nimport polyaxon_cli_tools, polyaxon_cli\n")
    assert [(f.code, f.location.row, f.location.column, f.end_location.column) for f in found] == [
        ("PLX002", 1, 1, 1), ("PLX301", 2, 8, 23), ("PLX301", 3, 28, 40)]
    assert "`polyaxon_client`" in found[1].message


def test_v1_module_is_a_noop() -> None:
    check_noop("t.py", "from polyaxon import tracking\nfrom polyaxon.client import RunClient\n"
                       "tracking.init()\nRunClient().list(query='status: running')\n")


def test_library_supporting_both_versions_is_left_alone() -> None:
    # The shape of pytorch-ignite's PolyaxonLogger: v1 first, v0 as the fallback, one attribute for both.
    before = ("class PolyaxonLogger:\n"
              "    def __init__(self, *args, **kwargs):\n"
              "        try:\n"
              "            from polyaxon.tracking import Run\n"
              "            self.experiment = Run(*args, **kwargs)\n"
              "        except ImportError:\n"
              "            try:\n"
              "                from polyaxon_client.tracking import Experiment\n"
              "                self.experiment = Experiment(*args, **kwargs)\n"
              "            except ImportError:\n"
              "                raise RuntimeError('pip install polyaxon')\n"
              "\n"
              "    def log(self, **metrics):\n"
              "        self.experiment.log_metrics(**metrics)\n")
    found = findings("polyaxon_logger.py", before)
    assert [(f.code, f.location.row, f.fix) for f in found] == [("PLX301", 8, None), ("PLX302", 9, None)]
    check_transformed("polyaxon_logger.py", before, before, unsafe=True, remaining=["PLX301", "PLX302"])
