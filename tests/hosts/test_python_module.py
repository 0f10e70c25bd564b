"""The `.py` host kind: claims, the byte prefilter, and that libcst is loaded only for candidate files."""

import os
import subprocess
import sys
from pathlib import Path, PurePath

from polylint.hosts import python_markdown, python_module, python_notebook

ROOT = Path(__file__).resolve().parents[2]


def test_claims_by_name() -> None:
    assert python_module.claims(PurePath("src/train.py"))
    assert not python_module.claims(PurePath("train.pyc")) and not python_module.claims(PurePath("train.ipynb"))
    assert python_notebook.claims(PurePath("nb/Train.ipynb"))
    assert python_markdown.claims(PurePath("README.md")) and python_markdown.claims(PurePath("docs/x.markdown"))


def test_prefilter() -> None:
    assert python_module.prefilter(b"from polyaxon_client.tracking import Experiment\n")
    assert python_module.prefilter(b"x = os.environ['POLYAXON_PARAMS']\n")
    assert python_module.prefilter(b"import Polyaxon\n")
    assert python_module.prefilter(b"u = '/api/v1/alice/mnist/experiments/1'\n")
    assert not python_module.prefilter(b"import os\nprint(os.environ['HOME'])\n")


def test_checking_files_without_polyaxon_never_imports_libcst(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"m{index}.py").write_text("import os\nprint(os.getcwd())\n")
    (tmp_path / "n.ipynb").write_text('{"cells": []}')
    (tmp_path / "README.md").write_text("```python\nimport os\n```\n")
    script = (
        "import sys\n"
        "from polylint.config import Settings\n"
        "from polylint.results import Options\nfrom polylint.runner import process_path\n"
        f"for name in {sorted(os.listdir(tmp_path))!r}:\n"
        f"    assert process_path({str(tmp_path)!r} + '/' + name, Options(Settings())).findings == []\n"
        "print('libcst' in sys.modules, 'polylint.surfaces.python_usage' in sys.modules)\n")
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment,
                            check=True).stdout
    assert output.split() == ["False", "False"]


def test_a_candidate_file_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text("from polyaxon_client.tracking import Experiment\nxp = Experiment()\n")
    from polylint.config import Settings
    from polylint.results import Options
    from polylint.runner import process_path

    result = process_path(str(path), Options(Settings(), fix=True))
    assert path.read_text() == "from polyaxon import tracking\nxp = tracking.init()\n"
    assert result.fixed >= 1


def test_a_file_too_large_to_parse_is_a_stated_skip():
    from polylint.config import Settings
    from polylint.results import Options
    from polylint.checking import process_bytes

    text = "from polyaxon_client.tracking import Experiment\nx = [" + "1, " * 400_000 + "]\n"
    result = process_bytes("generated.py", text.encode(), Options(Settings()))
    assert [(f.code, f.location.row, f.fix) for f in result.findings] == [("PLX301", 1, None)]
    assert "the file is too large to parse" in result.findings[0].message
    assert result.notes[0].startswith("generated.py:1:1: skipped: ") and "more than the Python checks parse" in result.notes[0]


def test_a_lone_carriage_return_moves_no_finding() -> None:
    # libcst counts a lone "\r" as a line break, polylint's rows do not: the analysis works in offsets, so a
    # finding stays on its line and a suppression comment on its own (once, both were moved by a line).
    from tests.helpers import findings, fixed_text

    text = ("# notes\rnotes = 1\n"
            "from polyaxon_client.tracking import Experiment\n"
            "xp = Experiment()\n"
            "xp.log_params(lr=0.1)  # polylint: ignore\n")
    found = findings("train.py", text)
    assert [(f.code, f.location.row, f.location.column, f.end_location.row, f.end_location.column)
            for f in found] == [("PLX301", 2, 1, 2, 48), ("PLX302", 3, 6, 3, 18)]
    assert fixed_text("train.py", text) == ("# notes\rnotes = 1\n"
                                            "from polyaxon import tracking\n"
                                            "xp = tracking.init()\n"
                                            "xp.log_params(lr=0.1)  # polylint: ignore\n")
