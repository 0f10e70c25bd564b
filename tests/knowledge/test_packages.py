"""The v0 package table and the 'pinned below 1' test, with `packaging` as the oracle."""

from __future__ import annotations

import pytest
from packaging.specifiers import SpecifierSet

from polylint.knowledge.packages import (
    V0_PACKAGES,
    is_v0_package,
    normalize,
    pins_below_v1,
    replacement_plan,
    split_requirement,
)

V1_VERSIONS = ("1.0.0rc1", "1.0", "1.0.1", "1.1.9", "1.20.0", "2.0", "10.1")


@pytest.mark.parametrize("specifier", [
    "==0.6.1", "<1", "<1.0", "<=0.9", "~=0.6", "~=0.6.1", "==0.*", ">=0.5,<0.7", "===0.6.1", "<0.6",
    ">=0.5", "<1.0.1", "!=0.6.1", "<2", "~=1.2", ">0.6", "==1.20.0", "<=1.0", "", ">=0.4,!=0.5",
])
def test_pins_below_v1_agrees_with_packaging(specifier: str) -> None:
    clauses = [(clause.operator, clause.version) for clause in SpecifierSet(specifier)]
    admits_v1 = any(SpecifierSet(specifier).contains(version, prereleases=True) for version in V1_VERSIONS)
    assert pins_below_v1(clauses) == (not admits_v1)


def test_names_are_pep_503_normalized() -> None:
    assert normalize("Polyaxon_Client") == normalize("polyaxon.client") == "polyaxon-client"
    assert all(is_v0_package(name.upper().replace("-", "_")) for name in V0_PACKAGES)
    assert not is_v0_package("polyaxon") and not is_v0_package("polyaxon-sdk")


def test_replacement_plan() -> None:
    assert replacement_plan([("numpy", ()), ("polyaxon-cli", ()), ("rhea", ())]) == {1: True, 2: False}
    assert replacement_plan([("polyaxon-cli", ()), ("polyaxon", ((">=", "1.0"),))]) == {0: False}
    assert replacement_plan([("polyaxon", (("==", "0.6.1"),)), ("hestia", ())]) == {0: True, 1: False}
    assert replacement_plan([("numpy", ())]) == {}


def test_split_requirement() -> None:
    assert split_requirement("polyaxon>=1.20,<2") == ("polyaxon", ">=1.20,<2")
    assert split_requirement(" polyaxon == 1.18.2 ") == ("polyaxon", "== 1.18.2")
