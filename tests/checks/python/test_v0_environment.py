from tests.helpers import check_noop, check_transformed, findings

CODE = ("import os, json\n"
        "from os import environ\n"
        "\n"
        "params = json.loads(os.environ['POLYAXON_PARAMS'])\n"
        "out = os.environ.get('POLYAXON_RUN_OUTPUTS_PATH', '/tmp')\n"
        "info = os.getenv('POLYAXON_EXPERIMENT_INFO')\n"
        "managed = 'POLYAXON_IS_MANAGED' in os.environ\n"
        "data = environ['POLYAXON_RUN_DATA_PATHS']\n"
        "declarations = os.environ.get('POLYAXON_DECLARATIONS')\n")


def test_every_access_form_is_found_at_its_span() -> None:
    found = findings("train.py", CODE)
    assert [(f.code, f.location.row, f.location.column) for f in found] == [
        ("PLX306", 4, 21), ("PLX306", 5, 7), ("PLX306", 6, 8), ("PLX306", 7, 11), ("PLX306", 8, 8),
        ("PLX306", 9, 16)]
    assert "get_outputs_path" in found[1].message and "POLYAXON_RUN_INSTANCE" in found[2].message


def test_environment_findings_are_manual() -> None:
    check_transformed("train.py", CODE, CODE, unsafe=True, remaining=["PLX306"] * 6)


def test_v1_variables_and_unrelated_names_are_not_flagged() -> None:
    check_noop("train.py", "import os\nos.environ.get('POLYAXON_NO_OP')\nos.environ['POLYAXON_HOST']\n"
                           "os.getenv('POLYAXON_RUN_INSTANCE')\nenviron = {}\nenviron['POLYAXON_PARAMS']\n")


def test_a_file_without_polyaxon_is_not_parsed() -> None:
    # No `polyaxon` in any case and no v0 REST path: the prefilter skips the file.
    check_noop("train.py", "import os\nx = os.environ['HOME']\n")
