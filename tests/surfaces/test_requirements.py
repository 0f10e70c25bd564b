"""The PEP 508 scanner and the list-element removal the requirement fixes use."""

from __future__ import annotations

import re

import pytest

from polylint.diagnostics import apply_edits
from polylint.surfaces.requirements import element_removal, parse_requirement


@pytest.mark.parametrize(("text", "name", "extras", "clauses", "core"), [
    ("polyaxon-client==0.6.1", "polyaxon-client", "", (("==", "0.6.1"),), "polyaxon-client==0.6.1"),
    ("Polyaxon_Client[gcs, s3] >= 0.5 , <0.7 ; python_version>'3'", "Polyaxon_Client", "[gcs, s3]",
     ((">=", "0.5"), ("<", "0.7")), "Polyaxon_Client[gcs, s3] >= 0.5 , <0.7"),
    ("polyaxon (==0.6.1)", "polyaxon", "", (("==", "0.6.1"),), "polyaxon (==0.6.1)"),
    ("  hestia  # comment", "hestia", "", (), "hestia"),
    ("rhea~=0.5.5 --hash=sha256:abc", "rhea", "", (("~=", "0.5.5"),), "rhea~=0.5.5"),
    ("polyaxon===0.6.1", "polyaxon", "", (("===", "0.6.1"),), "polyaxon===0.6.1"),
])
def test_parse(text: str, name: str, extras: str, clauses: tuple, core: str) -> None:
    requirement = parse_requirement(text)
    assert requirement is not None
    assert (requirement.name, requirement.extras, requirement.clauses) == (name, extras, clauses)
    assert text[requirement.name_start:requirement.core_end] == core


def test_direct_reference() -> None:
    requirement = parse_requirement("polyaxon-client @ https://x/y.tar.gz ; os_name=='posix'")
    assert requirement is not None and requirement.url == "https://x/y.tar.gz"


@pytest.mark.parametrize("text", ["", "   ", "# only a comment", "-r other.txt", "polyaxon (==0.6.1"])
def test_not_a_requirement(text: str) -> None:
    assert parse_requirement(text) is None


@pytest.mark.parametrize(("text", "index", "expected"), [
    ('["a", "b", "c"]', 1, '["a", "c"]'),
    ('["a", "b", "c"]', 2, '["a", "b"]'),
    ('["a"]', 0, "[]"),
    ('["a", ]', 0, "[]"),
    ('[\n    "a",\n    "b",  # why\n    "c",\n]', 1, '[\n    "a",\n    "c",\n]'),
    ('[\n    "a",\n    "b"\n]', 1, '[\n    "a",\n]'),
])
def test_element_removal(text: str, index: int, expected: str) -> None:
    spans = [match.span() for match in re.finditer(r'"[^"]*"', text)]
    assert apply_edits(text, element_removal(text, spans, index)) == expected
