"""Results of earlier runs, so that a warm re-run reads only what changed.

One JSON file per (polylint version and code, settings) under ``.polylint_cache/`` in the settings'
root. An entry is trusted without reading the file while its size and mtime are the same; when they
differ the file is read again, and if its bytes hash to the entry's content hash the old result stands.
JSON, not pickle: a cache file inside a repository is data that must never run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import polylint
from polylint.config import Settings
from polylint.discovery import is_racy
from polylint.results import FileResult, Known, Options

if TYPE_CHECKING:
    from polylint.diagnostics import Finding

CACHE_FOLDER = ".polylint_cache"
_CACHE_NAME = re.compile(r"[0-9a-f]{16}-[0-9a-f]{16}\.json")
# Findings that describe the run, not the file's bytes, are never remembered.
TRANSIENT_CODES = frozenset({"PLX006", "PLX008", "PLX009"})


def _code_fingerprint() -> str:
    """Changes when polylint's code does, so a development checkout never trusts stale results."""
    package = os.path.dirname(polylint.__file__)
    stamps = []
    for folder, _folders, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                stamps.append((os.path.relpath(os.path.join(folder, name), package), info.st_size, info.st_mtime_ns))
    stamps.sort()
    return hashlib.sha256(repr((polylint.__version__, sys.version_info[:2], stamps)).encode()).hexdigest()[:16]


def _settings_fingerprint(settings: Settings) -> str:
    relevant = {name: getattr(settings, name) for name in Settings._fields if name != "source"}
    return hashlib.sha256(repr(sorted(relevant.items(), key=lambda item: item[0])).encode()).hexdigest()[:16]


# Findings are turned to and from JSON only for the files that have some, as arrays (they load faster than
# objects): [code, message, location, end location, fix, cell, place in the cell], a position as [row, column],
# a fix as [applicability, message, [[content, location, end location], ...]]. The file is the entry's.
def _finding_to_json(finding: Finding) -> List[Any]:
    fix = None
    if finding.fix is not None:
        fix = [finding.fix.applicability.value, finding.fix.message,
               [[edit.content, list(edit.location), list(edit.end_location)] for edit in finding.fix.edits]]
    inside = finding.cell_location
    return [finding.code, finding.message, list(finding.location), list(finding.end_location), fix, finding.cell,
            list(inside) if inside is not None else None]


def _finding_from_json(path: str, data: List[Any]) -> Finding:
    from polylint.diagnostics import Applicability, Finding, LocatedEdit, LocatedFix, Position

    code, message, location, end_location, fix, cell, inside = data
    located = None
    if fix is not None:
        applicability, fix_message, edits = fix
        located = LocatedFix(Applicability(applicability), fix_message, tuple(
            LocatedEdit(content, Position(*start), Position(*end)) for content, start, end in edits))
    return Finding(path, code, message, Position(*location), Position(*end_location), located, cell,
                   Position(*inside) if inside is not None else None)


# An entry: [size, mtime_ns, content hash, racy stamp], and [notes, findings] after them for a file that had
# something to say (lists: a warm run loads one per file, and the fewer objects, the faster JSON loads).
_SIZE, _MTIME, _DIGEST, _RACY, _NOTES, _FINDINGS = range(6)


def _new_entry(stamp: Tuple[int, int], digest: str, notes: List[str], findings: List[List[Any]]) -> List[Any]:
    entry = [stamp[0], stamp[1], digest, is_racy(stamp[1])]
    return entry + [notes, findings] if notes or findings else entry


_RESULT_ENTRY_TYPES = (int, int, str, bool, list, list)


# What a path holds where it may not be normal.
_DOT_PART, _EMPTY_PART = os.sep + ".", os.sep * 2


class Cache:
    def __init__(self, file: str, entries: Dict[str, List[Any]],
                 folders: Optional[Dict[str, Dict[str, Any]]] = None) -> None:
        self.file = file
        self.entries = entries
        # What discovery found in each folder (discovery.FolderMemory), so a warm run need not list them.
        self.folders: Dict[str, Dict[str, Any]] = folders or {}
        self.changed = False
        # Files are keyed by their path from the folder the cache serves (shorter to load, and the same from
        # any working folder in it); a file outside it, by its absolute path.
        self._cwd = os.getcwd()
        self._root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(file))), "")
        working = os.path.join(self._cwd, "")
        # What joins a normal relative path to make its key; None when the working folder is outside.
        self._prefix = working[len(self._root):] if working.startswith(self._root) else None

    @classmethod
    def load(cls, settings: Settings) -> Cache:
        name = f"{_code_fingerprint()}-{_settings_fingerprint(settings)}.json"
        file = os.path.join(settings.root, CACHE_FOLDER, name)
        try:
            with open(file, encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError, RecursionError):
            stored = None
        if not (isinstance(stored, dict) and isinstance(stored.get("files"), dict)
                and isinstance(stored.get("folders"), dict)):
            return cls(file, {})
        return cls(file, stored["files"], stored["folders"])

    def folder(self, path: str) -> Optional[Dict[str, Any]]:
        return self.folders.get(path)

    def remember_folder(self, path: str, record: Dict[str, Any]) -> None:
        if self.folders.get(path) != record:
            self.folders[path] = record
            self.changed = True

    def _key(self, path: str) -> str:
        # Discovery's paths are relative and normal already: those only need the prefix.
        if self._prefix is not None and not (path.startswith((os.sep, ".")) or os.altsep or _DOT_PART in path
                                             or _EMPTY_PART in path):
            return self._prefix + path
        absolute = os.path.normpath(os.path.join(self._cwd, path))
        return absolute[len(self._root):] if absolute.startswith(self._root) else absolute

    @staticmethod
    def _result(path: str, entry: List[Any]) -> FileResult:
        result = FileResult(path, digest=entry[_DIGEST], stamp=(entry[_SIZE], entry[_MTIME]))
        if len(entry) > _NOTES:
            result.findings = [_finding_from_json(path, item) for item in entry[_FINDINGS]]
            result.notes = list(entry[_NOTES])
        return result

    @staticmethod
    def _usable(findings: List[Finding], options: Options) -> bool:
        # A remembered result stands in for a run only when that run would not rewrite the file.
        return not options.rewrites or not any(f.fix and options.allows(f.fix) for f in findings)

    def known(self, path: str, options: Options) -> Optional[Known]:
        """What is remembered of path (see results.Known), or None: also for a result this run would rewrite,
        which cannot stand in for it, whatever the bytes. The file is stat-ed only when its result may stand: a
        stamp that was racy when stored proves nothing. The result is decoded only for a file that had
        something to say."""
        entry: Any = self.entries.get(self._key(path))  # read from a file: any JSON at all
        if type(entry) is not list or len(entry) not in (_NOTES, _FINDINGS + 1):
            return None
        stands = not entry[_RACY]
        remembered = None
        # A clean file's entry is only compared and handed on, which no JSON value of a wrong type can make
        # fail (and a warm run asks this of every file); one with a result is decoded: its types are checked.
        if len(entry) > _NOTES:
            if tuple(map(type, entry)) != _RESULT_ENTRY_TYPES:
                return None
            try:
                remembered = self._result(path, entry)
            except (KeyError, TypeError, ValueError, AttributeError):  # not written by polylint: not trusted
                return None
            if not self._usable(remembered.findings, options):
                return None
        if stands:
            try:
                info = os.lstat(path)
            except OSError:
                return None
            stands = info.st_size == entry[_SIZE] and info.st_mtime_ns == entry[_MTIME]
        return stands, entry[_DIGEST], remembered

    def remember(self, path: str, stamp: Optional[Tuple[int, int]], digest: Optional[str]) -> None:
        """Remember that a file had nothing to say (a file no host kind claims has no stamp: nothing)."""
        key = self._key(path)
        entry = None if stamp is None or digest is None else _new_entry(stamp, digest, [], [])
        if self.entries.get(key) != entry:
            if entry is None:
                del self.entries[key]
            else:
                self.entries[key] = entry
            self.changed = True

    def update(self, result: FileResult) -> FileResult:
        """Remember a fresh result, or bring back the remembered one for bytes that did not change (`known`
        gave their hash only for a result that can stand in for this run)."""
        key = self._key(result.path)
        if result.unchanged:
            entry = self.entries[key]
            assert result.stamp is not None  # the bytes were read
            entry[_SIZE], entry[_MTIME] = result.stamp
            entry[_RACY] = is_racy(result.stamp[1])
            self.changed = True
            return self._result(result.path, entry)
        if result.fixed or result.new_data is not None or result.digest is None or result.stamp is None:
            self.entries.pop(key, None)
        elif not any(finding.code in TRANSIENT_CODES for finding in result.findings):
            self.entries[key] = _new_entry(result.stamp, result.digest, result.notes,
                                           [_finding_to_json(finding) for finding in result.findings])
        self.changed = True
        return result

    def save(self) -> None:
        if not self.changed:
            return
        folder = os.path.dirname(self.file)
        try:
            os.makedirs(folder, exist_ok=True)
            ignore = os.path.join(folder, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("# Created by polylint: nothing here belongs in version control.\n*\n")
            temporary = f"{self.file[:-len('.json')]}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(json.dumps({"files": self.entries, "folders": self.folders}))
            os.replace(temporary, self.file)
            # Results for other code or settings: only files of the cache's own naming.
            for name in os.listdir(folder):
                if name != os.path.basename(self.file) and _CACHE_NAME.fullmatch(name):
                    os.unlink(os.path.join(folder, name))
        except OSError:
            pass  # a cache that cannot be written only costs time
