from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, manual, transformed


def test_dropped_options_are_removed() -> None:
    transformed("polyaxon version --cli\n", "polyaxon version\n")
    transformed("polyaxon check -f polyaxonfile.yml --definition -P lr=0.1\n",
                "polyaxon check -f polyaxonfile.yml -P lr=0.1\n")


def test_run_options_without_a_v1_form_are_reported_on_the_option() -> None:
    manual("polyaxon run -f p.yml -u --ttl 600\n", "PLX210", "termination")
    manual("polyaxon run -f p.yml --debug\n", "PLX210", "--debug")
    manual("polyaxon run -f p.yml --local --conda_env env\n", "PLX210", "--conda_env")


def test_v1_runs_are_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon run -f polyaxonfile.yml -u -l --name=x -P lr=0.1\npolyaxon run --hub jupyterlab\n"
                       "polyaxon version --check\n")
