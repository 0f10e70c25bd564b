"""The YAML loader: the token lines it gathers while reading agree with a separate parse of the stream."""

from __future__ import annotations

from typing import Dict, Set, Tuple

import pytest

from polylint.source import LineIndex
from polylint.surfaces.yaml import load_documents, new_yaml

STREAMS = [
    "a: 1  # one\nb: [x, y]\n",
    "run:\n  cmd: |\n    echo 1  # inside\n    # also inside\n  image: 'a # b'\n",
    "k: \"two\n  lines\"\nplain: one\n  two\n",
    "folded: >-\n  a\n\n  b\nlast: x  # no newline at the end",
    "a: 1\n...\n# c",
    "# top\n---\na: &x {b: 1}\nc: *x\n...\n---\n- !tag v\n- ? complex\n  : value\n",
    "",
    "# only a comment\n",
]


def _parsed_again(text: str) -> Tuple[Set[int], Dict[int, int]]:
    inside: Set[int] = set()
    ends: Dict[int, int] = {}
    for event in new_yaml().parse(text):
        begin, finish = event.start_mark, event.end_mark
        if finish.column:
            ends[finish.line] = max(ends.get(finish.line, 0), finish.column)
        if type(event).__name__ == "ScalarEvent" and finish.line > begin.line:
            inside.update(range(begin.line + 1, (finish.line if finish.column else finish.line - 1) + 1))
    return inside, ends


@pytest.mark.parametrize("text", STREAMS)
def test_token_lines_are_those_of_every_event_of_the_stream(text: str) -> None:
    documents = load_documents(text, LineIndex(text))
    token_lines = documents[0].token_lines if documents else None
    inside, ends = _parsed_again(text)
    if token_lines is None:
        assert not inside and not ends
        return
    assert (token_lines.inside_scalar, token_lines.token_end) == (inside, ends)
    assert all(document.token_lines is token_lines for document in documents)


def test_the_stream_end_counts_for_the_last_line() -> None:
    # The composer never takes the stream's end event, which ends a last line without a newline.
    text = "a: 1\n...\n# c"
    [document] = load_documents(text, LineIndex(text))
    assert document.token_lines.token_end == {0: 4, 1: 3, 2: 3}


def test_lines_that_a_scalar_or_flow_collection_goes_on_past() -> None:
    text = "a: [1,\n  2]\nb: |\n  x\n  y\nc: 'p\n  q'\nd: {e: [1, 2]}\nf: plain\n"
    [document] = load_documents(text, LineIndex(text))
    # The flow list (line 0), the block scalar from its header to its last line (2-4), the quoted one (5).
    assert document.token_lines.continued == {0, 2, 3, 4, 5}
    assert not document.token_lines.anchored


def test_an_anchor_or_alias_is_noted() -> None:
    for text in ("a: &x 1\nb: *x\n", "a: &x {b: 1}\n"):
        [document] = load_documents(text, LineIndex(text))
        assert document.token_lines.anchored
