"""The YAML loader: the token lines it gathers while reading agree with a separate parse of the stream."""

from __future__ import annotations

from typing import Dict, Set, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polylint.source import LineIndex
from polylint.surfaces.yaml import load_documents, new_yaml, pyyaml_resolver

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


# Plain scalars where YAML 1.1 and 1.2, and ruamel's 1.1 and PyYAML's, part ways.
SCALARS = ["yes", "No", "off", "ON", "y", "0755", "-012", "0o17", "0x1F", "0b101", "1_000", "1:30", "1:10:2",
           "0:10:2", "190:20:30.15", "1e-6", "1.5e3", "1.5e+3", ".5", "1.", ".inf", "~", "null", "", "2001-12-14",
           "2001-12-14 21:59:43.10 -5", "True", "1.1", "v1"]


def _pyyaml(text: str) -> object:
    import yaml

    return yaml.safe_load(text)


def _same(ours: object, theirs: object) -> bool:
    # `True == 1`: the types must agree too (ruamel's own types are subclasses of Python's); `.nan` is no number
    # it equals.
    if isinstance(ours, float) and isinstance(theirs, float) and ours != ours and theirs != theirs:
        return True
    return ours == theirs and (isinstance(ours, bool) == isinstance(theirs, bool))


def test_the_rules_for_plain_scalars_are_pyyaml_s() -> None:
    import re

    import yaml

    def table(rules: dict) -> dict:
        # re.X patterns: the same once their layout is gone.
        return {first: [(tag, re.sub(r"\s", "", pattern.pattern)) for tag, pattern in found]
                for first, found in rules.items()}

    assert table(pyyaml_resolver().versioned_resolver) == table(yaml.resolver.Resolver.yaml_implicit_resolvers)


@pytest.mark.parametrize("scalar", SCALARS)
def test_pyyaml_scalars_read_as_pyyaml_reads_them(scalar: str) -> None:
    text = f"key: {scalar}\n"
    [document] = load_documents(text, LineIndex(text), pyyaml_scalars=True)
    assert _same(document.data["key"], _pyyaml(text)["key"])


def test_by_default_scalars_are_yaml_1_2() -> None:
    text = "a: yes\nb: 0755\n"
    [document] = load_documents(text, LineIndex(text))
    assert document.data == {"a": "yes", "b": 755}


@pytest.mark.parametrize("scalar", SCALARS)
def test_what_pyyaml_scalars_write_pyyaml_reads_back(scalar: str) -> None:
    import io

    text = f"key: {scalar}\n"
    yaml = new_yaml(pyyaml_scalars=True)
    read = yaml.load(text)
    for value in (read["key"], scalar):  # the value read, and the text itself as a string
        stream = io.StringIO()
        yaml.dump({"key": value}, stream)
        assert _same(_pyyaml(stream.getvalue())["key"], value), stream.getvalue()


@settings(max_examples=500)
@given(st.text(alphabet="0123456789:._-+eExobfalsTruNyn~ ", min_size=1, max_size=12))
def test_any_plain_scalar_reads_as_pyyaml_reads_it(scalar: str) -> None:
    from ruamel.yaml.error import YAMLError as RuamelError
    from yaml import YAMLError as PyYamlError

    text = f"key: {scalar}\n"
    try:
        theirs = _pyyaml(text)
    except PyYamlError:
        return  # not a plain scalar PyYAML reads (`key: :`): nothing to agree on
    try:
        [document] = load_documents(text, LineIndex(text), pyyaml_scalars=True)
    except RuamelError:
        pytest.fail(f"PyYAML reads {text!r}, polylint does not")
    assert _same(document.data["key"], theirs["key"])


@pytest.mark.parametrize("pyyaml_scalars", [False, True])
def test_directives_are_read(pyyaml_scalars: bool) -> None:
    # ruamel's scanner records them in the reader's document information, which polylint's loop keeps too.
    text = "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n...\n%YAML 1.2\n---\nb: on\n"
    first, second = load_documents(text, LineIndex(text), pyyaml_scalars=pyyaml_scalars)
    assert list(first.data) == ["a"]
    assert second.data == {"b": True if pyyaml_scalars else "on"}
