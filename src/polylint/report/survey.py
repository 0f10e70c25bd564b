"""The facts a report is made of: the same run as ``polylint check``, plus dry runs of ``--fix``.

A check run (``Options(fix=False)``) gives the findings. For the files holding a fixable finding, two dry
runs (``diff=True``: the runner rewrites in memory and writes nothing) say what ``--fix`` would change and
what ``--fix --unsafe-fixes`` would change; the difference of the two is what ``--unsafe-fixes`` adds.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from polylint import read_errors
from polylint.config import Settings
from polylint.diagnostics import Applicability, Finding
from polylint.discovery import discover
from polylint.hosts import claiming
from polylint.results import FileResult, Options
from polylint.runner import run
from polylint.source import SourceFile, UndecodableError

FIXABLE = (Applicability.SAFE, Applicability.UNSAFE)


@dataclass(frozen=True)
class Rewrite:
    """What one fixing mode would do to one file: the fixes applied and the unified diff."""

    fixed: int
    diff: str


@dataclass(frozen=True)
class FileFixes:
    path: str
    with_fix: Rewrite  # polylint check --fix
    unsafe_adds: Rewrite  # what --unsafe-fixes changes on top of --fix
    dropped: List[Finding] = field(default_factory=list)  # fixes that would not verify (PLX007)


@dataclass
class Survey:
    files: List[str]
    findings: List[Finding]
    fixes: List[FileFixes]
    notes: List[str]
    errors: List[Tuple[str, str]]  # (path given, why it cannot be checked)


def survey(paths: Sequence[str], settings: Settings, jobs: int, leave_out: Optional[str] = None) -> Survey:
    """Check paths as `polylint check` would; leave_out is the report's own file, never a finding of itself."""
    found = discover(list(paths), settings)
    files = [path for path in found.files if claiming(path)
             and (leave_out is None or os.path.abspath(path) != os.path.abspath(leave_out))]
    linked = frozenset(found.linked_files)
    results = list(run(files, Options(settings, linked_files=linked), jobs))
    findings = sorted((finding for result in results for finding in result.findings), key=Finding.sort_key)
    fixable = [result.path for result in results
               if any(finding.applicability in FIXABLE for finding in result.findings)]
    notes = found.notes + [note for result in results for note in result.notes]
    return Survey(files, findings, dry_run(fixable, settings, jobs, linked), notes, found.errors)


def dry_run(paths: List[str], settings: Settings, jobs: int, linked: FrozenSet[str] = frozenset()) -> List[FileFixes]:
    safe = run(paths, Options(settings, fix=True, unsafe_fixes=False, diff=True, linked_files=linked), jobs)
    every = run(paths, Options(settings, fix=True, unsafe_fixes=True, diff=True, linked_files=linked), jobs)
    return [_file_fixes(with_fix, with_unsafe) for with_fix, with_unsafe in zip(safe, every)]


def _file_fixes(with_fix: FileResult, with_unsafe: FileResult) -> FileFixes:
    if with_fix.new_data is None:
        adds = Rewrite(with_unsafe.fixed, with_unsafe.diff)
    elif with_unsafe.new_data is None or with_unsafe.new_data == with_fix.new_data:
        adds = Rewrite(max(0, with_unsafe.fixed - with_fix.fixed), "")
    else:
        adds = Rewrite(max(0, with_unsafe.fixed - with_fix.fixed),
                       _diff(with_fix.path, with_fix.new_data, with_unsafe.new_data))
    dropped = {finding for result in (with_fix, with_unsafe) for finding in result.findings
               if finding.code == read_errors.FIX_DROPPED.code}
    return FileFixes(with_fix.path, Rewrite(with_fix.fixed, with_fix.diff), adds,
                     sorted(dropped, key=Finding.sort_key))


def _diff(path: str, before: bytes, after: bytes) -> str:
    try:
        old, new = SourceFile.from_bytes(path, before).text, SourceFile.from_bytes(path, after).text
    except UndecodableError:  # the runner decoded both already; this cannot happen short of a race
        return ""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{path} (after --fix)", tofile=f"b/{path}"))


def by_file(findings: Sequence[Finding]) -> Dict[str, List[Finding]]:
    grouped: Dict[str, List[Finding]] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        grouped.setdefault(finding.filename, []).append(finding)
    return grouped
