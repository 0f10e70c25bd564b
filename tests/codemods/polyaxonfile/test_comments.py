"""Putting the v0 comments back: what a placement cannot change is not read back to be compared; what
it might change is, and a change stops the conversion."""

from __future__ import annotations

from typing import Any, List, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from polylint.codemods.polyaxonfile import comments
from polylint.codemods.polyaxonfile.comments import SourceComment, render
from polylint.codemods.polyaxonfile.context import Conversion, ConversionError
from polylint.codemods.polyaxonfile.convert import convert_document
from polylint.source import LineIndex
from polylint.surfaces.yaml import YamlParseError, load_documents, new_yaml


def _decisions(monkeypatch: pytest.MonkeyPatch) -> List[Tuple[str, bool]]:
    """(dumped text, whether the placement was found plainly safe) of every placement made from now."""
    made: List[Tuple[str, bool]] = []
    surely_unchanged = comments._surely_unchanged

    def recording(dumped: str, *args: Any) -> bool:
        made.append((dumped, surely_unchanged(dumped, *args)))
        return made[-1][1]

    monkeypatch.setattr(comments, "_surely_unchanged", recording)
    return made


def _render(value: Any) -> str:
    conversion = Conversion()
    tree = conversion.new_map()
    conversion.put(tree, "a", value, 5)
    conversion.put(tree, "b", 1, 7)
    return render(tree, conversion, [SourceComment(5, "# about a", True), SourceComment(6, "# about b", False)])


def test_comments_beside_plain_values_are_not_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _decisions(monkeypatch)
    assert _render("plain") == "a: plain  # about a\n# about b\nb: 1\n"
    assert [safe for _dumped, safe in made] == [True]


def test_comments_beside_a_block_scalar_are_read_back_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _decisions(monkeypatch)
    assert _render(LiteralScalarString("x\ny\n")) == "a: |  # about a\n  x\n  y\n# about b\nb: 1\n"
    assert [safe for _dumped, safe in made] == [False]


def test_a_comment_that_would_land_inside_a_value_stops_the_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _decisions(monkeypatch)
    # `a: 'x  # about a` would put the comment into the quoted scalar, which goes on over two lines.
    with pytest.raises(ConversionError, match="comments could not be placed"):
        _render(SingleQuotedScalarString("x\ny"))
    assert [safe for _dumped, safe in made] == [False]


VALUES = ["0.1", "relu", "'q'", "2", "true", "|\n    one\n    two  # text\n", "|+\n    kept\n\n", ">-\n    a\n    b\n",
          "'multi\n    line # x'", "\"dq\n    line\"", "[a,\n    b]", "{x: 1,\n    y: [2,\n      3]}", "plain\n    more",
          "&anchor {a: 1}", "'# quoted'", "\"a\\u2028b\"", "yes", "0x1F", "1:20", "~", "''", "[]",
          "\n    - a\n    - b  # in the list\n    # between\n    - c", "\n    k: v  # c\n    # mid\n    j: [1,\n      2]"]
COMMENTS = ["# c", "#", "# a: b", "# - x", "# |", "#\tt", "# '\"", "# ---", "# \u2028 not a newline", "# \r"]


@st.composite
def commented_polyaxonfiles(draw: Any) -> str:
    def comment(indent: int) -> str:
        blank = draw(st.sampled_from(["", "", "\n", "\n\n", " \n"]))
        return blank + (" " * indent + draw(st.sampled_from(COMMENTS)) + "\n" if draw(st.booleans()) else "")

    def end() -> str:
        return draw(st.sampled_from(["", "", "  # eol", " #e", "\t# tab", "  # \u2028"]))

    def value() -> str:
        return str(draw(st.sampled_from(VALUES)))

    return "".join([
        comment(0), "version: 1", end(), "\nkind: experiment", end(), "\n", comment(0),
        "params:\n", comment(2), "  a: ", value(), end(), "\n", comment(4), "  b: ", value(), "\n",
        "build:\n", comment(2), "  image: python:3.8", end(), "\n", "  build_steps: ", value(), "\n", comment(0),
        "run:\n  cmd: ", draw(st.sampled_from(VALUES[5:13] + ["python t.py"])), end(), "\n",
        "environment:\n", comment(2), "  node_selector: ", value(), "\n", "  kept: ", value(), end(), "\n",
        comment(0),
    ])


@pytest.mark.filterwarnings("ignore::ruamel.yaml.error.ReusedAnchorWarning")
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(commented_polyaxonfiles())
def test_a_placement_found_plainly_safe_reads_back_equal(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    made = _decisions(monkeypatch)
    made.clear()
    try:
        [document] = load_documents(text, LineIndex(text), pyyaml_scalars=True)
        converted = convert_document(text, document)
    except (YamlParseError, ConversionError):
        return
    for dumped, safe in made:
        if safe:
            assert new_yaml(pyyaml_scalars=True).load(converted.text) == new_yaml(pyyaml_scalars=True).load(dumped)


def _converted(text: str) -> str:
    [document] = load_documents(text, LineIndex(text), pyyaml_scalars=True)
    return convert_document(text, document).text


def test_blank_lines_between_top_level_sections_are_kept_once() -> None:
    # The one before `build` is not: it went inside `run.container`.
    text = ("version: 1\n\n\nkind: experiment\n\n# the rate\nparams: {lr: 0.1}\n\nbuild:\n  image: a\n"
            "\nrun:\n  cmd: b\n\n")
    assert _converted(text) == (
        "version: 1.1\n\nkind: component\n\n# the rate\ninputs:\n- name: lr\n  type: float\n  value: 0.1\n"
        "  isOptional: true\n\nrun:\n  kind: job\n  container:\n    image: a\n"
        "    workingDir: '{{ globals.run_artifacts_path }}/uploads'\n    command: [/bin/bash, -c]\n    args:\n"
        "    - b\n")


def test_a_blank_line_that_would_end_a_kept_block_scalar_is_left_out() -> None:
    # v1 writes the description before the tags: a blank line there would be the scalar's own.
    text = "version: 1\nkind: experiment\n\ntags: [a]\ndescription: |+\n  text\n\nbuild: {image: a}\nrun: {cmd: b}\n"
    converted = _converted(text)
    assert "description: |+\n  text\n\ntags: [a]\n" in converted
    assert new_yaml(pyyaml_scalars=True).load(converted)["description"] == "text\n\n"
