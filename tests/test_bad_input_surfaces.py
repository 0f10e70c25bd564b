"""Bad input on every surface (issue 8): a located diagnostic or a clean pass, never a crash, and a file
that cannot be read exactly is never rewritten. tests/test_bad_input.py covers the YAML and core cases."""

import codecs
import json

import pytest

from polylint.config import Settings
from polylint.results import Options
from polylint.checking import process_bytes

FIX = Options(Settings(), fix=True, unsafe_fixes=True)
V0_PY = "from polyaxon_client.tracking import Experiment\nexperiment = Experiment()\n"
V1_PY = "from polyaxon import tracking\nexperiment = tracking.init()\n"
V0_SH = "#!/bin/sh\npolyaxon experiment -xp 1 logs\n"
V1_SH = "#!/bin/sh\npolyaxon ops logs -uid 1\n"
V0_MAKE = "all:\n\tpolyaxon experiment -xp 1 logs\n"
V1_MAKE = "all:\n\tpolyaxon ops logs -uid 1\n"


def notebook(source, indent=1):
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
            "source": source.splitlines(keepends=True)}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=indent) + "\n"


# name, v0 text, its fixed text: one host of each kind that embeds code.
HOSTS = [("train.py", V0_PY, V1_PY), ("run.sh", V0_SH, V1_SH), ("Makefile", V0_MAKE, V1_MAKE),
         ("train.ipynb", notebook(V0_PY), notebook(V1_PY))]


def codes(result):
    return [finding.code for finding in result.findings]


def test_a_notebook_that_is_not_json_is_located():
    text = '{"cells": [{"cell_type": "code",\n "source": ["import polyaxon_client\\n"]}\n'
    result = process_bytes("train.ipynb", text.encode(), FIX)
    [finding] = result.findings
    assert (finding.code, finding.location.row, finding.location.column) == ("PLX003", 3, 1)
    assert "could not parse notebook" in finding.message and result.new_data is None


def test_python_2_is_reported_with_its_v0_imports_and_never_modified():
    text = "import os\nfrom polyaxon_client.tracking import Experiment\nprint 'hello'\nexperiment = Experiment()\n"
    result = process_bytes("train.py", text.encode(), FIX)
    assert [(f.code, f.location.row, f.location.column) for f in result.findings] == [
        ("PLX301", 2, 6), ("PLX002", 3, 1)]
    assert "Missing parentheses in call to 'print'" in result.findings[1].message
    assert result.new_data is None and result.findings[0].fix is None


@pytest.mark.parametrize(("name", "before", "after"), HOSTS)
def test_invalid_utf8_is_located_and_not_rewritten(name, before, after):
    data = before.encode()[:20] + b"\xff" + before.encode()[20:]
    result = process_bytes(name, data, FIX)
    [finding] = result.findings
    assert finding.code == "PLX004" and "byte 0xff at offset 20" in finding.message
    assert (finding.location.row, finding.location.column) == (data[:20].count(b"\n") + 1,
                                                               20 - data[:20].rfind(b"\n"))
    assert result.new_data is None


@pytest.mark.parametrize(("name", "before", "after"), HOSTS)
def test_utf16_with_bom_is_fixed_and_written_back_as_utf16(name, before, after):
    result = process_bytes(name, before.encode("utf-16"), FIX)
    assert result.new_data.startswith(codecs.BOM_UTF16) and result.new_data.decode("utf-16") == after


@pytest.mark.parametrize(("name", "before", "after"), HOSTS)
def test_crlf_is_kept(name, before, after):
    result = process_bytes(name, before.replace("\n", "\r\n").encode(), FIX)
    assert result.new_data == after.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("name", ["train.py", "train.ipynb", "setup.py"])
def test_nul_bytes_are_binary(name):
    result = process_bytes(name, (V0_PY + "x = '\x00'\n").encode(), FIX)
    assert codes(result) == ["PLX005"] and result.new_data is None


def test_a_deeply_nested_notebook_is_a_parse_error():
    data = b'{"cells": ' + b"[" * 100000 + b"]" * 100000 + b', "x": "import polyaxon_client"}'
    result = process_bytes("train.ipynb", data, FIX)
    assert codes(result) == ["PLX003"] and result.new_data is None


def test_deeply_nested_python_is_a_parse_error():
    data = b"import polyaxon_client\nx = " + b"[" * 100000 + b"]" * 100000 + b"\n"
    result = process_bytes("train.py", data, FIX)
    assert codes(result) == ["PLX301", "PLX002"] and result.new_data is None


@pytest.mark.parametrize("data", [b"", b"{}", b"[]", b'{"cells": []}', b'{"cells": null, "x": "polyaxon_client"}',
                                  b'{"cells": [], "metadata": {}, "nbformat": 4, "x": "import polyaxon_client"}'])
def test_empty_and_odd_notebooks(data):
    result = process_bytes("train.ipynb", data, FIX)
    assert not set(codes(result)) - {"PLX003"} and result.new_data is None


def test_a_dockerfile_of_comments_only():
    text = "# RUN pip install polyaxon-client\n# polyaxon experiment logs\n"
    result = process_bytes("Dockerfile", text.encode(), FIX)
    assert codes(result) == [] and result.new_data is None


def test_a_makefile_with_tabs_and_spaces_mixed():
    # Only tab-led lines are recipe lines; a space-led line is make syntax (an error make itself reports).
    text = "all:\n\tpolyaxon experiment -xp 1 logs\n        polyaxon experiment -xp 2 logs\n \t@polyaxon upload\n"
    result = process_bytes("Makefile", text.encode(), FIX)
    assert "PLX009" not in codes(result)
    assert result.new_data.decode() == text.replace("\tpolyaxon experiment -xp 1 logs", "\tpolyaxon ops logs -uid 1")


def test_a_setup_py_that_does_not_parse_is_reported_once_and_not_rewritten():
    text = "from setuptools import setup\nsetup(name='x', install_requires=['polyaxon-client==0.6.1'\n"
    result = process_bytes("setup.py", text.encode(), FIX)
    assert codes(result).count("PLX002") == 1 and "PLX009" not in codes(result) and result.new_data is None


@pytest.mark.parametrize(("name", "text"), [
    ("pyproject.toml", '[project]\ndependencies = ["polyaxon-client==0.6.1"\nname = "x"\n'),
    ("pyproject.toml", '[tool.poetry.dependencies]\npolyaxon-client = "^0.6"\npolyaxon-client = "^0.5"\n'),
    ("Pipfile", '[packages\npolyaxon-client = "*"\n'),
])
def test_toml_that_does_not_load_is_located(name, text):
    result = process_bytes(name, text.encode(), FIX)
    [finding] = result.findings
    row, column = (int(number) for number in finding.message.split("(at line ")[1].rstrip(")").split(", column "))
    assert (finding.code, finding.location.row, finding.location.column) == ("PLX003", row, column)
    assert result.new_data is None
