"""The platform tables are data only: the Python prefilter reads them on every `.py` file."""

import os
import subprocess
import sys

from polylint.knowledge.platform import ENVIRONMENT, REST_ENTITIES
from polylint.surfaces.python import could_hold_findings
from tests.conftest import SRC


def test_every_environment_variable_and_rest_path_passes_the_python_prefilter():
    for name in ENVIRONMENT:
        assert could_hold_findings(f"value = os.environ['{name}']\n".encode()), name
    for entity in REST_ENTITIES:
        assert could_hold_findings(f"url = host + '/api/v1/me/project/{entity}/12'\n".encode()), entity


def test_the_python_prefilter_loads_no_client_table_nor_diagnostics():
    code = ("import sys\nfrom polylint.surfaces.python import could_hold_findings\n"
            "could_hold_findings(b'print(1)')\n"
            "print(sorted(name for name in sys.modules if name.startswith('polylint')))\n")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(SRC)}).stdout
    assert "polylint.knowledge.platform" in loaded
    assert "polylint.knowledge.client" not in loaded and "polylint.diagnostics" not in loaded
