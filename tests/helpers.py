"""The two helpers every rule test uses, after django-upgrade: ``check_noop`` and ``check_transformed``.

Both run the real pipeline (host kind -> regions -> checks -> fixes -> verify) on text in memory, named
as a file would be, so that the host kind is chosen by the name as it is on disk.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Sequence

from polylint import rules
from polylint.config import Settings
from polylint.diagnostics import Finding
from polylint.results import FileResult, Options
from polylint.checking import process_bytes


def run(name: str, text: str, *, fix: bool = False, unsafe: bool = False,
        settings: Optional[Settings] = None) -> FileResult:
    options = Options(settings or Settings(), fix=fix, unsafe_fixes=unsafe)
    result = process_bytes(name, text.encode("utf-8"), options)
    assert_fixed_as_stated(result.findings)
    return result


def assert_fixed_as_stated(found: Iterable[Finding]) -> None:
    """Each finding is fixed in one of the ways its rule states (``Rule.fixes``): what `polylint rule`,
    docs/rules.md and the report say of a rule's fixes is never contradicted by a fix it makes. Every rule
    test runs through here, so the whole suite holds the rules to it."""
    registry = rules.all_rules()
    for finding in found:
        rule = registry[finding.code]
        assert finding.applicability in rule.fixes, (
            f"{finding.code} reported a finding whose fix is {finding.applicability.value}, but the rule states "
            f"{' or '.join(level.value for level in rule.fixes)} only: give it a `fix_examples` entry for "
            f"{finding.applicability.value} ({finding.filename}: {finding.message})")


def findings(name: str, text: str, settings: Optional[Settings] = None) -> List[Finding]:
    return run(name, text, settings=settings).findings


def codes(name: str, text: str, settings: Optional[Settings] = None) -> List[str]:
    return [finding.code for finding in findings(name, text, settings)]


def fixed_text(name: str, text: str, *, unsafe: bool = False) -> str:
    result = run(name, text, fix=True, unsafe=unsafe)
    return result.new_data.decode("utf-8") if result.new_data is not None else text


def check_noop(name: str, text: str, *, unsafe: bool = True) -> None:
    """Nothing is reported and --fix (with unsafe fixes, by default) changes nothing."""
    assert findings(name, text) == []
    assert fixed_text(name, text, unsafe=unsafe) == text


def check_transformed(name: str, before: str, after: str, *, unsafe: bool = False,
                      remaining: Sequence[str] = ()) -> None:
    """--fix turns before into exactly after; a second --fix changes nothing (idempotence); what is
    left to report is exactly `remaining` (codes), and nothing of it is fixable any more."""
    assert fixed_text(name, before, unsafe=unsafe) == after
    assert fixed_text(name, after, unsafe=unsafe) == after
    left = run(name, after, unsafe=unsafe).findings
    assert [finding.code for finding in left] == list(remaining)
    options = Options(Settings(), fix=True, unsafe_fixes=unsafe)
    assert not [finding for finding in left if finding.fix and options.allows(finding.fix)]
