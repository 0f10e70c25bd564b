import pytest

from polylint.rules import all_rules, closest_selector, selectors


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
