"""PLX401: v0 packages in every kind of requirements list."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

import pytest

from polylint.config import Settings
from polylint.diagnostics import Applicability
from tests.helpers import check_noop, check_transformed, findings, fixed_text, run

FIXTURES = Path(__file__).parents[2] / "fixtures" / "requirements"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "requirements"


def _only_file(folder: Path) -> Path:
    (path,) = list(folder.iterdir())
    return path


@pytest.mark.parametrize("case", CASES)
def test_golden_fixture(case: str) -> None:
    before = _only_file(FIXTURES / case / "before")
    after = FIXTURES / case / "after" / before.name
    check_transformed(before.name, before.read_text(), after.read_text())


@pytest.mark.parametrize("case", CASES)
def test_fixed_fixture_is_clean(case: str) -> None:
    after = _only_file(FIXTURES / case / "after")
    check_noop(after.name, after.read_text())


def test_every_file_kind_has_a_fixture() -> None:
    names = {_only_file(FIXTURES / case / "before").name for case in CASES}
    assert {"requirements-dev.txt", "polyaxon_requirements.txt", "setup.py", "setup.cfg", "pyproject.toml",
            "Pipfile", "polyaxon_conda_env.yml"} <= names


def test_diagnostic_points_at_the_requirement() -> None:
    (finding,) = findings("requirements.txt", "numpy\n  polyaxon-client==0.6.1  # tracking\n")
    assert (finding.code, finding.location.row, finding.location.column) == ("PLX401", 2, 3)
    assert (finding.end_location.row, finding.end_location.column) == (2, 25)
    assert "polyaxon>=1.20,<2" in finding.message and "uninstall" in finding.message
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE


def test_already_v1_requirements_untouched() -> None:
    check_noop("requirements.txt", "numpy\npolyaxon>=1.0\n")
    check_noop("requirements.txt", "polyaxon==1.20.0\n")
    check_noop("requirements.txt", "polyaxon\n")
    check_noop("requirements.txt", "polyaxon[gcs]>=1.20,<2 ; python_version >= '3.7'\n")


def test_v0_leftover_beside_v1_polyaxon_is_removed() -> None:
    check_transformed("requirements.txt", "polyaxon>=1.18\npolyaxon-client==0.6.1\nnumpy\n",
                      "polyaxon>=1.18\nnumpy\n")


@pytest.mark.parametrize("pin", ["polyaxon==0.6.1", "polyaxon<1", "polyaxon<1.0", "polyaxon~=0.6",
                                 "polyaxon<=0.9.9", "polyaxon>=0.5,<0.7", "polyaxon==0.6.*", "polyaxon (==0.6.1)"])
def test_polyaxon_below_1_is_replaced(pin: str) -> None:
    check_transformed("requirements.txt", f"{pin}\n", "polyaxon>=1.20,<2\n")


@pytest.mark.parametrize("pin", ["polyaxon>=0.5", "polyaxon<1.0.1", "polyaxon!=0.6.1", "polyaxon<2"])
def test_polyaxon_that_admits_v1_is_left_alone(pin: str) -> None:
    check_noop("requirements.txt", f"{pin}\n")


@pytest.mark.parametrize("name", ["polyaxon-client", "Polyaxon_Client", "polyaxon.client", "polyaxon-cli",
                                  "polyaxon-schemas", "polyaxon-helper", "polyaxon-dockerizer", "polyaxon-deploy",
                                  "polyaxon-k8s", "polystores", "hestia", "rhea"])
def test_every_v0_package_name(name: str) -> None:
    check_transformed("requirements.txt", f"{name}==0.5.0\n", "polyaxon>=1.20,<2\n")


def test_not_v0_packages() -> None:
    check_noop("requirements.txt", "polyaxon-sdk==1.20.0\ntraceml\nhestia-utils\npolyaxon-client-extra\n")


def test_duplicates_collapse_to_one_requirement() -> None:
    check_transformed("requirements.txt", "polyaxon-cli\nnumpy\npolyaxon-client\npolyaxon-schemas\npolyaxon==0.6.1\n",
                      "polyaxon>=1.20,<2\nnumpy\n")


def test_continuation_line_goes_with_its_requirement() -> None:
    check_transformed("requirements.txt", "numpy\npolyaxon-cli\npolyaxon-client==0.6.1 \\\n    --no-deps\nscipy\n",
                      "numpy\npolyaxon>=1.20,<2\nscipy\n")


def test_hash_locked_file_is_reported_without_fix() -> None:
    text = ("numpy==1.18.1 --hash=sha256:aaaa\n"
            "polyaxon-client==0.6.1 \\\n    --hash=sha256:bbbb\n")
    (finding,) = findings("requirements.txt", text)
    assert finding.fix is None and "regenerate" in finding.message
    assert fixed_text("requirements.txt", text) == text


def test_url_requirement_is_reported_without_fix() -> None:
    text = "-e git+https://github.com/polyaxon/polyaxon-client.git@v0.6.1#egg=polyaxon-client\nnumpy\n"
    (finding,) = findings("requirements.txt", text)
    assert finding.fix is None and finding.location.row == 1
    assert fixed_text("requirements.txt", text) == text


def test_direct_reference_is_reported_without_fix() -> None:
    text = "polyaxon-client @ https://example.com/polyaxon_client-0.6.1.tar.gz\n"
    (finding,) = findings("requirements.txt", text)
    assert finding.fix is None


def test_includes_and_options_are_left_alone() -> None:
    check_noop("requirements.txt", "-r polyaxon_requirements.txt\n-c constraints.txt\n--index-url https://x\n")


def test_crlf_file_keeps_its_newlines() -> None:
    check_transformed("requirements.txt", "numpy\r\npolyaxon-client\r\npolyaxon-helper\r\n",
                      "numpy\r\npolyaxon>=1.20,<2\r\n")


def test_pip_tools_in_file_and_requirements_folder() -> None:
    check_transformed("requirements.in", "polyaxon-client\n", "polyaxon>=1.20,<2\n")
    check_transformed("requirements/base.txt", "polyaxon-client\n", "polyaxon>=1.20,<2\n")
    check_noop("MANIFEST.in", "include polyaxon-client\n")
    check_noop("notes.txt", "polyaxon-client\n")


def test_requirement_comes_from_settings() -> None:
    settings = Settings(polyaxon_requirement="polyaxon==1.18.2")
    result = run("requirements.txt", "polyaxon-client[s3]\n", fix=True, settings=settings)
    assert result.new_data == b"polyaxon[s3]==1.18.2\n"


def test_setup_py_list_forms() -> None:
    check_transformed("setup.py", 'from setuptools import setup\nsetup(install_requires=("polyaxon-client", "x"))\n',
                      'from setuptools import setup\nsetup(install_requires=("polyaxon>=1.20,<2", "x"))\n')
    check_transformed("setup.py", "import setuptools\nsetuptools.setup(install_requires=['x', 'polyaxon-helper'])\n",
                      "import setuptools\nsetuptools.setup(install_requires=['x', 'polyaxon>=1.20,<2'])\n")
    check_transformed("setup.py", "from setuptools import setup\nsetup(install_requires=['polyaxon', 'polyaxon-helper'])\n",
                      "from setuptools import setup\nsetup(install_requires=['polyaxon'])\n")


def test_setup_py_computed_requirements_are_not_evaluated() -> None:
    check_noop("setup.py", "from setuptools import setup\nsetup(install_requires=open('requirements.txt').read().split())\n")
    # The name may go on in what is formatted.
    check_noop("setup.py", "from setuptools import setup\nsetup(install_requires=[f'polyaxon-{V}', f'{P}-client'])\n")


@pytest.mark.parametrize("entry", ["f'polyaxon-client=={V}'", "'polyaxon-' 'client==0.6.1'", "'polyaxon\\u002dclient'"])
def test_setup_py_requirement_written_otherwise_is_reported_without_fix(entry: str) -> None:
    text = f"from setuptools import setup\nsetup(install_requires=[{entry}, 'polyaxon-helper'])\n"
    client, helper = findings("setup.py", text)
    assert client.message.startswith("`polyaxon-client` is a Polyaxon v0 package") and client.fix is None
    assert text.splitlines()[1][client.location.column - 1:client.end_location.column - 1] == entry
    # Nothing else goes either: the one v1 requirement would not be written.
    assert helper.fix is None
    assert fixed_text("setup.py", text) == text


def test_pyproject_requirement_written_otherwise_is_reported_without_fix() -> None:
    text = ('[project]\nname = "x"\ndependencies = ["polyaxon\\u002dclient==0.6.1", """polyaxon-helper""", '
            '"numpy"]\n')
    client, helper = findings("pyproject.toml", text)
    assert (client.location.column, client.end_location.column) == (17, 46)
    assert client.message.startswith("`polyaxon-client`") and "escapes" in client.message and client.fix is None
    assert helper.message.startswith("`polyaxon-helper`") and helper.fix is None
    assert fixed_text("pyproject.toml", text) == text


def test_entries_are_removed_only_where_the_v1_requirement_is_written() -> None:
    text = "-e git+https://github.com/polyaxon/polyaxon-client.git#egg=polyaxon-client\npolyaxon-helper\nnumpy\n"
    assert [finding.fix for finding in findings("requirements.txt", text)] == [None, None]
    assert fixed_text("requirements.txt", text) == text


def test_setup_py_that_does_not_parse_is_reported() -> None:
    assert [f.code for f in findings("setup.py", "setup(install_requires=['polyaxon-client'\n")] == ["PLX002"]


def test_pyproject_that_does_not_parse_is_reported() -> None:
    assert [f.code for f in findings("pyproject.toml", "[project]\ndependencies = ['polyaxon-client'\n")] == ["PLX003"]


def test_pipfile_entry_without_version_keeps_its_place_manually() -> None:
    text = '[packages]\npolyaxon-client = {git = "https://github.com/polyaxon/polyaxon-client.git"}\n'
    (finding,) = findings("Pipfile", text)
    assert finding.fix is None


def test_conda_flow_list_is_reported_not_rewritten() -> None:
    text = "dependencies:\n  - pip: [numpy, polyaxon-client]\n"
    (finding,) = findings("environment.yml", text)
    assert finding.fix is None and (finding.location.row, finding.location.column) == (2, 18)
    assert fixed_text("environment.yml", text) == text


def test_conda_file_without_v0_package_is_clean() -> None:
    check_noop("environment.yml", "dependencies:\n  - pip\n  - pip:\n    - polyaxon>=1.20\n")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_corpus_requirement_files() -> None:
    fixed: List[str] = []
    for path in sorted(CORPUS.iterdir()):
        name = path.name.split("__")[-1]
        text = path.read_text()
        assert [f.code for f in findings(name, text)] == ["PLX401"], path.name
        after = fixed_text(name, text)
        assert after.count("polyaxon>=1.20,<2") == 1
        assert not findings(name, after)
        # Only the v0 line changed: every other line is kept, in order.
        assert [line for line in text.splitlines() if "polyaxon" not in line] == \
               [line for line in after.splitlines() if "polyaxon" not in line]
        fixed.append(path.name)
    assert len(fixed) == len(os.listdir(CORPUS))


def test_rule_example_is_fixed_to_its_fixed_example() -> None:
    from polylint.checks.requirements.v0_package import RULE

    check_transformed("requirements.txt", RULE.example, RULE.fixed_example)
