from __future__ import annotations

from tests.checks.shell._cases import manual, transformed, unsafe_only


def test_notebook_start_becomes_the_jupyterlab_hub_component() -> None:
    transformed("polyaxon notebook start\n", "polyaxon run --hub jupyterlab\n")
    transformed("polyaxon notebook -p acme/mnist start\n", "polyaxon run --hub jupyterlab -p acme/mnist\n")


def test_stop_and_url_act_on_the_cached_run_so_they_are_unsafe() -> None:
    unsafe_only("polyaxon notebook stop -y\n", "polyaxon ops stop -y\n", "PLX203")
    unsafe_only("polyaxon notebook url\n", "polyaxon ops service --url\n", "PLX203")


def test_a_notebook_file_or_upload_is_reported() -> None:
    manual("polyaxon notebook start -f notebook.yml\n", "PLX203", "hubRef: jupyterlab")
    manual("polyaxon notebook start -u\n", "PLX203", "-u")
    manual("polyaxon notebook stop --commit=false\n", "PLX203", "--commit")
