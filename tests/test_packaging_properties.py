"""Hypothesis: the packaging and deploy host kinds never crash, never write a file that fails to parse, and
settle in one --fix, whatever is spliced into real fixture files (quotes, brackets, continuations...)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polylint.config import Settings
from polylint.results import Options
from polylint.checking import process_bytes

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted(path for area in ("requirements", "deploy") for path in (FIXTURES / area).glob("*/before/*"))
PIECES = ["\"", "'", "[", "]", "{", "}", "\\\n", "#", " # c", "polyaxon-client", "polyaxon==0.6.1", "==0.6.1",
          "\n", "  ", ",", ":", "- ", ";", "=", "\r\n", "persistence:\n  logs: {}\n", "\t", "$V", "@ http://x"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(FILES))
    text = path.read_text()
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(PIECES)) + text[position:]
    return path.name, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_no_crash_and_one_fix_settles(case: tuple[str, str]) -> None:
    name, text = case
    options = Options(Settings(), fix=True, unsafe_fixes=True)
    first = process_bytes(name, text.encode(), options)
    assert not [f for f in first.findings if f.code in ("PLX007", "PLX009")], first.findings
    once = first.new_data if first.new_data is not None else text.encode()
    second = process_bytes(name, once, options)
    assert second.new_data is None, (text, once.decode())
