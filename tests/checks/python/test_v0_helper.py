from tests.checks.python.golden import check_golden
from tests.helpers import check_transformed, findings

BEFORE = ("from polyaxon_helper import send_metrics, get_outputs_path, get_cluster_def\n"
          "import polyaxon_helper\n"
          "\n"
          "send_metrics(loss=0.5, step=1)\n"
          "out = get_outputs_path()\n"
          "cluster = get_cluster_def()\n"
          "polyaxon_helper.send_metrics(acc=1)\n")


def test_helper_calls_are_unsafe_without_init() -> None:
    found = findings("train.py", BEFORE)
    assert [(f.code, f.applicability.value) for f in found] == [
        ("PLX301", "unsafe"), ("PLX301", "unsafe"), ("PLX305", "unsafe"), ("PLX305", "unsafe"),
        ("PLX308", "manual"), ("PLX305", "unsafe")]
    assert "tracking.init()" in found[2].fix.message  # type: ignore[union-attr]
    check_transformed("train.py", BEFORE, BEFORE, remaining=[f.code for f in found])


def test_helper_rewrite_with_unsafe_fixes() -> None:
    check_transformed(
        "train.py", BEFORE,
        "from polyaxon_helper import get_cluster_def\n"
        "from polyaxon import tracking\n"
        "\n"
        "tracking.log_metrics(loss=0.5, step=1)\n"
        "out = tracking.get_outputs_path()\n"
        "cluster = get_cluster_def()\n"
        "tracking.log_metrics(acc=1)\n",
        unsafe=True, remaining=["PLX301", "PLX308"])


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
