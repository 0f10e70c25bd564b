"""What "done" means in a report: findings gone since the first report, kept in ``.polylint_cache``.

A file that has no finding now may never have had one, so a count of clean files says nothing about
progress. Instead each report records, for every file and rule, the most findings it has ever seen
there (``.polylint_cache/report/baseline.json`` in the project root, the folder of the
configuration file or of the first path). *Done* is the sum over files and rules of that peak minus
what is found now. A (file, rule) pair counts only while it is in scope: the rule is enabled for the
file and the file is checked now, or it was deleted from a folder being reported on. A file excluded
since, or a rule ignored since, is neither done nor remaining. Findings silenced by a suppression
comment count as done: someone decided about them.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Optional, Sequence, Set, Tuple

from polylint.cache import CACHE_FOLDER
from polylint.config import Settings
from polylint.diagnostics import Applicability, Finding
from polylint.rules import all_rules

# A folder of its own: the check cache treats every JSON file at the top of the cache folder as its own.
BASELINE = Path("report") / "baseline.json"
FORMAT_VERSION = 1

Key = Tuple[str, str]  # (file relative to the root, in POSIX form; rule code)


@dataclass
class Progress:
    safe: int  # fixed by --fix
    unsafe: int  # fixed only with --unsafe-fixes
    manual: int
    done: int
    since: str  # the date of the first report
    first: bool  # this report started the baseline
    baseline: str  # where the baseline is kept
    done_by_family: Dict[str, int] = field(default_factory=dict)
    problem: Optional[str] = None  # why an unreadable baseline was started again

    @property
    def fixable(self) -> int:
        return self.safe + self.unsafe

    @property
    def total(self) -> int:
        return self.done + self.fixable + self.manual

    @property
    def percent_done(self) -> int:
        """Whole percent, rounded down so that 100 means nothing is left."""
        return 100 if self.total == 0 else self.done * 100 // self.total


def baseline_path(settings: Settings) -> Path:
    return Path(settings.root, CACHE_FOLDER, BASELINE)


def key_path(filename: str, root: str) -> str:
    relative = os.path.relpath(os.path.abspath(filename), root)
    return Path(filename if relative.startswith("..") else relative).as_posix()


def progress(findings: Sequence[Finding], checked: Iterable[str], reported: Sequence[str], settings: Settings,
             today: str) -> Progress:
    """Compare findings with the stored peaks, raise the peaks to what is found now, and save them."""
    path = baseline_path(settings)
    peaks, since, problem = _load(path)
    first = since is None
    root = settings.root
    current = Counter((key_path(finding.filename, root), finding.code) for finding in findings)
    checked_keys = {key_path(name, root) for name in checked}
    known = all_rules()
    done_by_family: Counter[str] = Counter()
    for (name, code), peak in peaks.items():
        if code in known and _in_scope(name, code, checked_keys, reported, settings):
            gone = peak - current.get((name, code), 0)
            if gone > 0:
                done_by_family[code[3]] += gone
    for key, count in current.items():
        peaks[key] = max(peaks.get(key, 0), count)
    since = since or today
    _save(path, peaks, since)
    by_fix = Counter(finding.applicability for finding in findings)
    return Progress(safe=by_fix[Applicability.SAFE], unsafe=by_fix[Applicability.UNSAFE],
                    manual=by_fix[Applicability.MANUAL], done=sum(done_by_family.values()), since=since,
                    first=first, baseline=_shown(path), done_by_family=dict(done_by_family), problem=problem)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return Path(str(path) if relative.startswith("..") else relative).as_posix()


def _in_scope(name: str, code: str, checked: Set[str], reported: Sequence[str], settings: Settings) -> bool:
    absolute = os.path.join(settings.root, name)
    if not settings.is_enabled(code, absolute):
        return False
    if name in checked:
        return True
    if os.path.lexists(absolute):
        return False  # excluded, or outside the paths of this report
    return any(_under(absolute, os.path.abspath(given)) for given in reported)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _load(path: Path) -> Tuple[Dict[Key, int], Optional[str], Optional[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None, None
    except (OSError, ValueError) as error:
        return {}, None, f"{_shown(path)} could not be read ({error}); a new baseline was started"
    try:
        if data["version"] != FORMAT_VERSION:
            raise ValueError(f"format version {data['version']!r}")
        peaks = {(str(name), str(code)): int(count)
                 for name, codes in data["peaks"].items() for code, count in codes.items()}
        return peaks, str(data["since"]), None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return {}, None, f"{_shown(path)} is not a baseline polylint can read ({error}); a new baseline was started"


def _save(path: Path, peaks: Dict[Key, int], since: str) -> None:
    nested: Dict[str, Dict[str, int]] = {}
    for (name, code), count in sorted(peaks.items()):
        nested.setdefault(name, {})[code] = count
    text = json.dumps({"version": FORMAT_VERSION, "since": since, "peaks": nested}, indent=1) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent.parent / ".gitignore"
    if not ignore.exists():
        # As ruff does for its cache: the folder is local state, never committed.
        ignore.write_text("# Automatically created by polylint.\n*\n", encoding="utf-8")
    handle, temporary = tempfile.mkstemp(prefix=".baseline-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
