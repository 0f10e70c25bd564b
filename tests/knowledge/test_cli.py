"""The v0 CLI table against the whole v0 CLI: every command line of polyaxon-cli 0.6.1's own click tree
(``v0_cli_surface.txt``, written by ``v0_cli_surface.py`` from the real package) that polyaxon 1.20's click
tree refuses is flagged; so are the lines that v1 parses but runs differently. Where a fix leaves nothing to
report, v1 parses the rewritten line."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import List

import pytest

from tests.helpers import findings, fixed_text
from tests.polyaxon_cli import assert_v1, v1_parses

SURFACE = Path(__file__).with_name("v0_cli_surface.txt")
LINES = SURFACE.read_text(encoding="utf-8").splitlines()
# v1 parses these v0 lines, and does something else with them.
PARSED_BUT_CHANGED = {
    "polyaxon config set --host localhost": "PLX206",  # v1's host is a URL: `http://localhost`
    "polyaxon login --username alice": "PLX207",  # Polyaxon CE v1 has no users
    "polyaxon login -u alice": "PLX207",
    "polyaxon login --password secret": "PLX207",
    "polyaxon login -p secret": "PLX207",
}


def broken() -> List[str]:
    return [line for line in LINES if v1_parses(shlex.split(line)[1:]) is not None]


def test_the_surface_is_the_whole_v0_tree() -> None:
    # The 97 leaf commands of 0.6.1, each bare, with each spelling of its group's options (a run selector long,
    # `--experiment=2`, and short, `-xp 2`) and of its own; and the global options.
    assert len(LINES) == 696 and len(set(LINES)) == len(LINES)
    assert {"polyaxon experiment -xp 2 stop", "polyaxon experiment --experiment 2 stop",
            "polyaxon experiment --experiment=2 stop", "polyaxon experiment stop --yes", "polyaxon experiment stop -y",
            "polyaxon completion --append", "polyaxon config set --host localhost"} <= set(LINES)
    assert len(broken()) == 611


@pytest.mark.parametrize("line", broken())
def test_every_line_v1_refuses_is_flagged(line: str) -> None:
    found = findings("run.sh", line + "\n")
    assert found, f"v1 refuses `{line}` ({v1_parses(shlex.split(line)[1:])}), and polylint says nothing"
    assert all(finding.code.startswith("PLX2") for finding in found)
    fixed = fixed_text("run.sh", line + "\n", unsafe=True)
    if not findings("run.sh", fixed):
        assert_v1(fixed)


@pytest.mark.parametrize(("line", "code"), PARSED_BUT_CHANGED.items())
def test_lines_v1_parses_but_runs_differently_are_flagged(line: str, code: str) -> None:
    assert line in LINES and v1_parses(shlex.split(line)[1:]) is None
    assert [finding.code for finding in findings("run.sh", line + "\n")] == [code]
