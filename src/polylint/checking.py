"""Checking one host file: bytes -> regions -> checks -> (fixes -> splice -> verify -> write).

Only files that a prefilter let through come here (see runner.py), so this module and what it imports
(the rules, the diagnostics, the parsers behind the host kinds) load only in a run that has such a file.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from types import ModuleType
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple

from polylint import rules
from polylint import read_errors
from polylint.config import Settings
from polylint.context import CheckContext
from polylint.diagnostics import (
    Diagnostic,
    Edit,
    Finding,
    Fix,
    LocatedEdit,
    LocatedFix,
    Position,
    apply_edits,
)
from polylint.hosts import claiming, passing
from polylint.results import Candidate, FileResult, Options, whole_file_finding
from polylint.source import Note, Region, SourceFile, UndecodableError
from polylint.suppression import Suppressions, skips_file
from polylint.writer import WriteError, digest, write_atomically

MAX_FIX_ROUNDS = 10
BINARY_SNIFF_BYTES = 8192
READ_ERROR_CODES = frozenset(rule.code for rule in read_errors.RULES)


@dataclass(frozen=True)
class _Hit:
    """A diagnostic in host offsets: the working form here, before positions are computed."""

    code: str
    message: str
    start: int
    end: int
    fix: Optional[Fix] = None
    cell: Optional[int] = None
    cell_location: Optional[Position] = None


def check_candidate(candidate: Candidate, options: Options) -> FileResult:
    result = _check_bytes(candidate.path, candidate.data, candidate.kinds, options,
                          write=options.fix and not options.diff)
    result.digest, result.stamp = candidate.digest, candidate.stamp
    return result


def process_bytes(path: str, data: bytes, options: Options, write: bool = False) -> FileResult:
    kinds = passing(claiming(path), data)
    if not kinds:
        return FileResult(path)
    return _check_bytes(path, data, kinds, options, write)


def _check_bytes(path: str, data: bytes, kinds: Tuple[ModuleType, ...], options: Options, write: bool) -> FileResult:
    """Check bytes that the prefilters of kinds let through."""
    settings = options.settings
    if b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not settings.is_enabled(read_errors.BINARY.code, path):
            return FileResult(path, notes=[f"{path}: skipped: binary file (NUL bytes)"])
        return FileResult(path, findings=[whole_file_finding(path, read_errors.BINARY.code,
                                                              "binary file (NUL bytes); not checked")])
    try:
        source = SourceFile.from_bytes(path, data)
    except UndecodableError as error:
        if not settings.is_enabled(read_errors.UNDECODABLE.code, path):
            return FileResult(path, notes=[f"{path}: skipped: could not decode file: {error.reason}"])
        where = Position(error.row, error.column)
        return FileResult(path, findings=[Finding(path, read_errors.UNDECODABLE.code,
                                                  f"could not decode file: {error.reason}", where, where)])
    if skips_file(source.text):
        return FileResult(path, notes=[f"{path}: skipped: `polylint: skip-file`"])
    return _check_and_fix(source, kinds, options, write)


def _check_and_fix(source: SourceFile, kinds: Tuple[ModuleType, ...], options: Options, write: bool) -> FileResult:
    original = source
    notes: List[str] = []
    hits = analyse(source, kinds, options.settings, notes)
    dropped: List[_Hit] = []
    refused: Set[Tuple[str, Tuple[Edit, ...]]] = set()
    fixed = 0
    for _ in range(MAX_FIX_ROUNDS if options.rewrites else 0):
        candidates = [hit for hit in hits
                      if hit.fix and options.allows(hit.fix) and (hit.code, hit.fix.edits) not in refused]
        if not candidates:
            break
        source, hits, applied, failures = _apply_round(source, hits, candidates, kinds, options.settings)
        for hit, reason in failures:
            assert hit.fix is not None
            refused.add((hit.code, hit.fix.edits))
            dropped.append(_Hit(read_errors.FIX_DROPPED.code,
                                f"fix for {hit.code} dropped: {reason}; the file keeps its old text there",
                                hit.start, hit.start, cell=hit.cell, cell_location=hit.cell_location))
        fixed += applied
        if not applied and not failures:
            break
    result = FileResult(original.path, fixed=fixed, notes=notes)
    if source.text != original.text:
        result.new_data = source.data
        if options.diff:
            import difflib

            result.diff = "".join(difflib.unified_diff(
                original.text.splitlines(keepends=True), source.text.splitlines(keepends=True),
                fromfile=f"a/{original.path}", tofile=f"b/{original.path}"))
        if write:
            try:
                write_atomically(original.path, source.data, digest(original.data))
            except WriteError as error:
                result.fixed = 0
                source = original
                hits = analyse(original, kinds, options.settings)
                dropped.append(_Hit(read_errors.NOT_WRITTEN.code, f"fixes not written: {error}", 0, 0))
    # A dropped fix points at where it was meant to go in the text that was kept.
    located: Dict[int, LocatedFix] = {}
    result.findings = [_locate(source, hit, located) for hit in _reported(source, hits + dropped, options.settings)]
    result.findings.sort(key=Finding.sort_key)
    return result


def _apply_round(source: SourceFile, hits: List[_Hit], candidates: List[_Hit], kinds: Tuple[ModuleType, ...],
                 settings: Settings) -> Tuple[SourceFile, List[_Hit], int, List[Tuple[_Hit, str]]]:
    """Apply every non-overlapping candidate fix at once; when the result does not verify, retry one by one."""
    chosen = _non_overlapping(candidates)
    new_source, new_hits, error = _try(source, hits, chosen, kinds, settings)
    if error is None:
        # Diagnostics that share a fix (a Python module is rewritten as a whole) are all fixed by it.
        used = {hit.fix.edits for hit in chosen if hit.fix}
        return new_source, new_hits, sum(1 for hit in candidates if hit.fix and hit.fix.edits in used), []
    if len(chosen) == 1:
        return source, hits, 0, [(chosen[0], error)]
    failures: List[Tuple[_Hit, str]] = []
    applied = 0
    current, current_hits = source, hits
    for hit in chosen:
        # Offsets moved with every accepted fix: find this fix again in the current diagnostics.
        again = [h for h in current_hits if h.code == hit.code and h.fix and h.message == hit.message]
        if not again:
            continue
        attempt, attempt_hits, error = _try(current, current_hits, [again[0]], kinds, settings)
        if error is None:
            current, current_hits, applied = attempt, attempt_hits, applied + 1
        else:
            failures.append((again[0], error))
    return current, current_hits, applied, failures


def _try(source: SourceFile, hits: List[_Hit], chosen: List[_Hit], kinds: Tuple[ModuleType, ...],
         settings: Settings) -> Tuple[SourceFile, List[_Hit], Optional[str]]:
    edits = [edit for hit in chosen if hit.fix for edit in hit.fix.edits]
    try:
        new_source = source.with_text(apply_edits(source.text, edits, source.newline))
    except UnicodeEncodeError as error:
        return source, [], f"the result cannot be written in the file's encoding ({source.encoding}: {error.reason})"
    # The read errors source had already (hits keeps every one, enabled or not): only new ones count.
    before = {hit.message for hit in hits if hit.code in READ_ERROR_CODES}
    new_hits = analyse(new_source, kinds, settings)
    broken = [hit for hit in new_hits if hit.code in READ_ERROR_CODES and hit.message not in before]
    if broken:
        return source, [], f"the result did not verify ({broken[0].message})"
    return new_source, new_hits, None


def _non_overlapping(candidates: Iterable[_Hit]) -> List[_Hit]:
    chosen: List[_Hit] = []
    taken: List[Tuple[int, int]] = []
    for hit in sorted(candidates, key=lambda h: (h.fix.edits[0].start if h.fix and h.fix.edits else h.start)):
        assert hit.fix is not None
        spans = [(edit.start, edit.end) for edit in hit.fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        chosen.append(hit)
        taken.extend(spans)
    return chosen


def _overlaps(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    # Two insertions at one point, or an edit touching another's end, would make the order matter.
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def analyse(source: SourceFile, kinds: Tuple[ModuleType, ...], settings: Settings,
            notes: Optional[List[str]] = None) -> List[_Hit]:
    """Every enabled, unsuppressed diagnostic of one host, in host offsets, and every read error (see
    `_reported`); the host kinds' stated skips go to notes when it is given."""
    context = CheckContext(source.path, settings)
    suppressions = Suppressions(source.text)
    hits: List[_Hit] = []
    for kind in kinds:
        try:
            for item in kind.regions(source):
                if isinstance(item, Diagnostic):
                    hits.append(_Hit(item.code, item.message, item.start, item.end, item.fix))
                elif isinstance(item, Note):
                    if notes is not None:
                        position = source.position(item.offset)
                        notes.append(f"{source.path}:{position.row}:{position.column}: skipped: {item.message}")
                else:
                    hits.extend(_check_region(item, context))
        except Exception as error:  # a bug of ours must not stop the run over the other files
            hits.append(_internal_error(kind.__name__, error))
    kept = []
    # Several host kinds may claim one file and read it with the same parser: one parse error is one finding.
    for hit in dict.fromkeys(hits):
        if hit.code in READ_ERROR_CODES:
            kept.append(hit)
            continue
        if not settings.is_enabled(hit.code, source.path):
            continue
        if suppressions.suppresses(hit.code, [source.position(hit.start).row]):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda hit: (hit.start, hit.code, hit.message))


def _reported(source: SourceFile, hits: List[_Hit], settings: Settings) -> List[_Hit]:
    """The hits to report. `analyse` keeps every read error, enabled or not, because a fix's result is
    verified by them; like any other finding, one is reported only when enabled and not suppressed."""
    suppressions = None
    kept = []
    for hit in hits:
        if hit.code in READ_ERROR_CODES:
            if not settings.is_enabled(hit.code, source.path):
                continue
            suppressions = suppressions or Suppressions(source.text)
            if suppressions.suppresses(hit.code, [source.position(hit.start).row]):
                continue
        kept.append(hit)
    return kept


def _check_region(region: Region, context: CheckContext) -> Iterator[_Hit]:
    # Diagnostics may share one fix (a Python module is rewritten as a whole): carry each fix back once.
    # Each entry keeps the original fix alive too, so that its id cannot be reused by another one.
    carried: Dict[int, Tuple[Fix, Optional[Fix]]] = {}
    for rule, check in rules.checks_for(region.surface):
        if not context.settings.is_enabled(rule.code, context.path):
            continue
        for diagnostic in check(region, context):
            fix = diagnostic.fix
            if fix is not None:
                if id(fix) not in carried:
                    edits = region.host_edits(fix.edits)
                    carried[id(fix)] = (fix, Fix(fix.applicability, fix.message, tuple(edits))
                                        if edits is not None else None)
                fix = carried[id(fix)][1]
            in_cell = region.cell_position(diagnostic.start)
            cell, cell_location = in_cell if in_cell is not None else (region.cell, None)
            yield _Hit(diagnostic.code, diagnostic.message, region.host_offset(diagnostic.start),
                       region.host_offset(diagnostic.end), fix, cell, cell_location)


def _internal_error(where: str, error: Exception) -> _Hit:
    import traceback

    frame = traceback.extract_tb(error.__traceback__)[-1]
    return _Hit(read_errors.INTERNAL_ERROR.code,
                f"internal error in {where}: {type(error).__name__}: {error} "
                f"({os.path.basename(frame.filename)}:{frame.lineno}); please report it", 0, 0)


def _locate(source: SourceFile, hit: _Hit, located: Dict[int, LocatedFix]) -> Finding:
    """The finding with its positions; `located` remembers the fixes already placed, by identity (the
    hits, alive meanwhile, hold every fix, so no id is reused)."""
    fix = None
    if hit.fix is not None:
        if id(hit.fix) not in located:
            located[id(hit.fix)] = LocatedFix(hit.fix.applicability, hit.fix.message, tuple(
                LocatedEdit(edit.content, source.position(edit.start), source.position(edit.end))
                for edit in hit.fix.edits))
        fix = located[id(hit.fix)]
    return Finding(source.path, hit.code, hit.message, source.position(hit.start), source.position(hit.end),
                   fix, hit.cell, hit.cell_location)
