"""The rule registry: its selectors, and what a rule says of its fixes is what its fixes are.

``Rule.fixes`` is the one statement `polylint rule`, docs/rules.md and the report print. It is held to the
fixes made from both sides: every way stated is shown by an example that is fixed exactly that way, and no
finding, on any example, fixture or (through ``tests.helpers.run``) any input of the whole suite, is fixed
in a way its rule does not state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from polylint.diagnostics import Applicability
from polylint.ruledoc import fix_availability
from polylint.rules import Rule, all_rules, checks_for, closest_selector, selectors
from tests.helpers import findings

SAFE, UNSAFE, MANUAL = Applicability.SAFE, Applicability.UNSAFE, Applicability.MANUAL
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The file an example of each surface is checked as.
SURFACE_FILES = {"polyaxonfile": "polyaxonfile.yml", "shell": "run.sh", "python": "train.py",
                 "requirements": "requirements.txt", "deploy": "values.yaml"}
# A deploy rule's example is a piece of a values file; this line makes it one (a key only v0 values have).
DEPLOY_FILE = "adminViewEnabled: true\n"


def surfaces() -> Dict[str, str]:
    return {rule.code: surface for surface in SURFACE_FILES for rule, _ in checks_for(surface)}


SURFACES = surfaces()
CHECKED = [rule for code, rule in all_rules().items() if code in SURFACES]
FIX_EXAMPLES = [(rule, level, text) for rule in CHECKED for level, text in rule.fix_examples.items()]


def levels(rule: Rule, text: str) -> Set[Applicability]:
    """How the rule's findings on text are fixed (empty: text, a piece of a file, is not flagged)."""
    name = SURFACE_FILES[SURFACES[rule.code]]
    found = {finding.applicability for finding in findings(name, text) if finding.code == rule.code}
    if not found and SURFACES[rule.code] == "deploy":
        found = {finding.applicability for finding in findings(name, DEPLOY_FILE + text)
                 if finding.code == rule.code}
    return found


def shown(rule: Rule) -> Set[Applicability]:
    return levels(rule, rule.example) | set(rule.fix_examples)


def test_every_rule_of_a_surface_is_checked_here() -> None:
    read_errors = {code for code in all_rules() if code.startswith("PLX0")}
    assert set(all_rules()) == set(SURFACES) | read_errors
    # PLX0xx are reported by the runner about a file it could not read: never with a fix.
    assert {all_rules()[code].fixes for code in read_errors} == {(MANUAL,)}


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_the_example_is_fixed_as_stated(rule: Rule) -> None:
    # An example with several calls may be fixed in several ways; `fix` is one of them. An example that is
    # a piece of a file (a Polyaxonfile section) is not flagged alone.
    found = levels(rule, rule.example)
    assert not found or rule.fix in found <= set(rule.fixes), found


@pytest.mark.parametrize(("rule", "level", "text"), FIX_EXAMPLES,
                         ids=[f"{rule.code}-{level.value}" for rule, level, _ in FIX_EXAMPLES])
def test_each_fix_example_is_fixed_as_stated(rule: Rule, level: Applicability, text: str) -> None:
    assert levels(rule, text) == {level}


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_every_fix_stated_is_shown_by_an_example(rule: Rule) -> None:
    # "No automatic fix" is a statement that nothing is fixed: every finding of the suite checks it.
    stated = set(rule.fixes) if rule.fixes != (MANUAL,) else set()
    assert stated <= shown(rule), f"{rule.code}: no example is fixed as {sorted(stated - shown(rule))}"


def fixture_inputs() -> List[Tuple[str, str]]:
    """The v0 side of every fixture pair on disk."""
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.rglob("*"))
            if path.is_file() and "after" not in path.parts and ".v1." not in path.name]


def test_no_fixture_is_fixed_in_a_way_its_rule_does_not_state() -> None:
    seen: Dict[str, Set[Applicability]] = {}
    for name, text in fixture_inputs():
        for finding in findings(name, text):  # tests.helpers.run fails on a fix not stated
            seen.setdefault(finding.code, set()).add(finding.applicability)
    # The fixtures are not a vacuous sweep: they hold fixes of all three kinds.
    assert {level for found in seen.values() for level in found} == {SAFE, UNSAFE, MANUAL}
    assert all(found <= set(all_rules()[code].fixes) for code, found in seen.items())


def test_rule_command_and_docs_say_what_the_fixes_are(polylint) -> None:  # type: ignore[no-untyped-def]
    docs = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    for code, rule in all_rules().items():
        sentence = fix_availability(rule)
        assert sentence in polylint("rule", code).out
        assert f"\n## {rule.heading}\n\n{sentence}\n" in docs
    # The two rules whose fixes were once shown as safe while they were not.
    for code in ("PLX100", "PLX201"):
        assert polylint("rule", code).out.splitlines()[2] == (
            "Fix is sometimes available: safe or unsafe (see Fix safety).")
    assert polylint("rule", "PLX502").out.splitlines()[2] == (
        "Fix is always available, and unsafe: only `polylint check --fix --unsafe-fixes` applies it, as the "
        "meaning can shift: review the result.")
    assert polylint("rule", "PLX402").out.splitlines()[2] == (
        "Fix is always available, and safe: `polylint check --fix` applies it, and the file keeps its meaning.")
    # PLX205 is safe, but a project inside a -c script in escaped quotes has no exact edit.
    assert polylint("rule", "PLX205").out.splitlines()[2] == (
        "Fix is sometimes available, and safe: `polylint check --fix` applies it, and the file keeps its meaning.")
    assert polylint("rule", "PLX207").out.splitlines()[2] == (
        "No automatic fix: the diagnostic says what to do in v1.")
    index = {line.split()[0]: line for line in polylint("rule", "--all").out.splitlines()}
    assert " safe, unsafe or manual " in index["PLX100"] and " unsafe " in index["PLX502"]


def test_selectors_are_all_and_every_code_and_prefix_of_one():
    assert {"ALL", "PLX", "PLX1", "PLX10", "PLX100"} <= selectors()
    assert set(all_rules()) <= selectors()
    assert all(any(code.startswith(selector) for code in all_rules()) for selector in selectors() - {"ALL"})
    assert not {"PLX9", "PLX999", "PLX60", "PLX1000", "E501"} & selectors()


@pytest.mark.parametrize("typo, closest", [
    ("plx100", "PLX100"),  # only the case is wrong
    ("E501", "PLX501"),  # another linter's code with polylint's digits
    ("PLX9", "PLX5"),
    ("PLX60", "PLX50"),
    ("PLX1000", "PLX100"),
])
def test_the_closest_selector_is_a_real_one_near_the_typo(typo, closest):
    assert closest_selector(typo) == closest


def test_a_code_past_the_last_one_is_near_the_last_code():
    assert closest_selector("PLX999") == max(all_rules())


def test_a_message_naming_an_option_names_the_one_its_fix_needs() -> None:
    inputs = [(SURFACE_FILES[SURFACES[rule.code]], text) for rule in CHECKED
              for text in (rule.example, *rule.fix_examples.values())] + fixture_inputs()
    named = []
    for name, text in inputs:
        for finding in findings(name, text):
            says_fix = "`--fix`" in finding.message
            says_unsafe = "--unsafe-fixes" in finding.message
            if says_fix or says_unsafe:
                named.append(finding.code)
                assert (says_fix, says_unsafe) == (finding.applicability is SAFE,
                                                   finding.applicability is UNSAFE), finding
    assert "PLX100" in named


@pytest.mark.parametrize(("level", "advice"), [
    (SAFE, "convert it (`--fix`)"),
    (UNSAFE, "convert it (`--fix --unsafe-fixes`, then review the result)"),
    (MANUAL, "convert it by hand: polylint could not convert this document"),
])
def test_plx100_names_the_option_its_conversion_needs(level: Applicability, advice: str) -> None:
    rule = all_rules()["PLX100"]
    text = rule.example if level is rule.fix else rule.fix_examples[level]
    [finding] = [finding for finding in findings("polyaxonfile.yml", text) if finding.code == "PLX100"]
    assert finding.applicability is level and advice in finding.message
