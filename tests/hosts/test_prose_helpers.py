"""The shared prose helper: which inline text reads as a v0 call, and where inline code spans are."""

from __future__ import annotations

import pytest

from polylint.hosts._prose import Literal, call_start, inline_literals


@pytest.mark.parametrize("text, start", [
    ("polyaxon init seg", 0), ("$ polyaxon experiment -xp 1 stop", 2), ("(venv) $ polyaxon upload", 9),
    ("polyaxon -v --offline project -p x git", 0), ("/opt/bin/polyaxon notebook start", 0),
    ("polyaxon run -f a.yml", 0),  # `run` is a v0 command too: the checks say whether this one is v0
])
def test_a_call_of_a_v0_command_path_starts_at_polyaxon(text: str, start: int) -> None:
    assert call_start(text) == start


@pytest.mark.parametrize("text", [
    "each polyaxon experiment logs its metrics", "polyaxon", "polyaxon-client", "polyaxonx upload",
    "polyaxon experimental", "pip install polyaxon", "$polyaxon upload",
])
def test_other_text_is_not_a_call(text: str) -> None:
    assert call_start(text) is None


def test_markdown_spans_close_on_a_run_as_long_and_lose_one_space_each_side() -> None:
    line = "- `polyaxon init seg`, `` `x` ``, ``a`b``, `` ` `` and `open\n"
    assert list(inline_literals(line, 100, "`+")) == [
        Literal(103, "polyaxon init seg"), Literal(126, "`x`"), Literal(136, "a`b"), Literal(146, "`")]
    for literal in inline_literals(line, 0, "`+"):
        assert line[literal.start:literal.start + len(literal.text)] == literal.text


def test_restructuredtext_literals_are_double_backticks_kept_as_written() -> None:
    line = "Run `` polyaxon upload `` or ``polyaxon init seg``.\n"
    assert [literal.text for literal in inline_literals(line, 0, "``")] == [" polyaxon upload ", "polyaxon init seg"]


def test_a_v1_call_that_names_runs_is_read_too() -> None:
    # So that a v0 id left in a rewritten `ops ... -uid 3` stays reported (PLX213).
    assert call_start("polyaxon ops logs -uid 3") == 0 and call_start("polyaxon run --hub tensorboard") == 0
