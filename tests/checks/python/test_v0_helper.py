from tests.checks.python.golden import check_golden
from tests.helpers import check_transformed, findings, run

BEFORE = ("from polyaxon_helper import send_metrics, get_outputs_path, get_cluster_def\n"
          "import polyaxon_helper\n"
          "\n"
          "send_metrics(loss=0.5, step=1)\n"
          "out = get_outputs_path()\n"
          "cluster = get_cluster_def()\n"
          "polyaxon_helper.send_metrics(acc=1)\n")


def test_helper_calls_in_a_script_get_the_init_v0_made_on_import() -> None:
    # v0's polyaxon_helper made its experiment when it was imported; v1's functions need `tracking.init()`,
    # written once under the imports, before the first statement that runs.
    found = findings("train.py", BEFORE)
    assert [(f.code, f.applicability.value) for f in found] == [
        ("PLX301", "safe"), ("PLX301", "safe"), ("PLX305", "safe"), ("PLX305", "safe"),
        ("PLX308", "manual"), ("PLX305", "safe")]
    check_golden(
        BEFORE,
        "from polyaxon_helper import get_cluster_def\n"
        "from polyaxon import tracking\n"
        "\n"
        "tracking.init()\n"
        "\n"
        "tracking.log_metrics(loss=0.5, step=1)\n"
        "out = tracking.get_outputs_path()\n"
        "cluster = get_cluster_def()\n"
        "tracking.log_metrics(acc=1)\n",
        remaining=["PLX301", "PLX308"])


def test_helper_in_a_library_function_takes_the_shared_run_and_is_unsafe() -> None:
    before = "from polyaxon_helper import send_metrics\n\n\ndef report(**metrics):\n    send_metrics(**metrics)\n"
    found = findings("utils.py", before)
    assert [(f.code, f.applicability.value) for f in found] == [("PLX301", "unsafe"), ("PLX305", "unsafe")]
    assert "get_or_create_run()" in found[1].fix.message  # type: ignore[union-attr]
    check_transformed("utils.py", before, before, remaining=["PLX301", "PLX305"])
    check_golden(before, "from polyaxon import tracking\n\n\ndef report(**metrics):\n"
                         "    tracking.get_or_create_run().log_metrics(**metrics)\n", unsafe=True, name="utils.py")


def test_no_init_is_added_when_the_helper_rule_is_off() -> None:
    from polylint.config import Settings

    settings = Settings(ignore=("PLX305",))
    result = run("train.py", "import polyaxon_helper\n\npolyaxon_helper.send_metrics(loss=1)\n", fix=True,
                 settings=settings)
    assert result.new_data is None


def test_helper_after_an_init_is_safe() -> None:
    check_golden(
        "from polyaxon import tracking\n"
        "from polyaxon_helper import send_metrics\n"
        "\n"
        "tracking.init()\n"
        "for epoch in range(3):\n"
        "    send_metrics(loss=1.0 / (epoch + 1), step=epoch)\n",
        "from polyaxon import tracking\n"
        "\n"
        "tracking.init()\n"
        "for epoch in range(3):\n"
        "    tracking.log_metrics(loss=1.0 / (epoch + 1), step=epoch)\n")


def test_guarded_helper_import_is_never_rewritten() -> None:
    before = ("try:\n"
              "    from polyaxon_helper import get_data_paths, send_metrics\n"
              "except:\n"
              "    get_data_paths = None\n"
              "send_metrics(loss=1)\n")
    found = findings("train.py", before)
    assert [f.code for f in found] == ["PLX301", "PLX305"]
    assert all(f.fix is None for f in found)
    assert "try" in found[0].message
    check_transformed("train.py", before, before, unsafe=True, remaining=["PLX301", "PLX305"])
