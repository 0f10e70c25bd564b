"""From the paths given to the host files to check.

Folders are walked without following symbolic links (so never out of the tree, and never round a
loop); ``.gitignore`` and ``.polylintignore`` files are honoured where they stand, and the exclude
globs of the settings apply. Files named on the command line are checked even when a glob or an ignore
file would exclude them, as ruff does; links among them are still never followed.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Protocol, Tuple

from polylint.config import Exclusion, Settings, posix
from polylint.hosts import claiming

IGNORE_FILES = (".gitignore", ".polylintignore")
# A modification time this close to now may share its clock tick with a change still to come (git's
# "racy" entries): such a stamp proves nothing, so neither a folder listing nor a file's result is
# trusted on it next time.
RACY_NANOSECONDS = 2_000_000_000


def is_racy(mtime_ns: int) -> bool:
    return mtime_ns >= time.time_ns() - RACY_NANOSECONDS


class Discovery:
    """The files to check, what was skipped and why, and the paths given that do not exist."""

    def __init__(self) -> None:
        self.files: List[str] = []
        self.notes: List[str] = []
        self.missing: List[str] = []


if TYPE_CHECKING:
    import pathspec

_Ignore = Tuple[str, "pathspec.GitIgnoreSpec"]


def discover(paths: List[str], settings: Settings, memory: Optional[FolderMemory] = None) -> Discovery:
    found = Discovery()
    seen = set()
    for given in paths:
        if os.path.islink(given):
            found.notes.append(f"{given}: skipped: a symbolic link is never followed")
        elif os.path.isdir(given):
            above = _folders_above(given)
            for path in _walk(given, settings, above, found, memory):
                if path not in seen:
                    seen.add(path)
                    found.files.append(path)
        elif os.path.isfile(given):
            if given not in seen and claiming(given):
                seen.add(given)
                found.files.append(given)
        else:
            found.missing.append(given)
    return found


def _load_ignores(folder: str, names: Iterable[str]) -> List[_Ignore]:
    specs = []
    for name in names:
        candidate = os.path.join(folder, name)
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        import pathspec  # only a tree with ignore files pays for it

        specs.append((os.path.abspath(folder), pathspec.GitIgnoreSpec.from_lines(lines)))
    return specs


def _folders_above(start: str) -> List[str]:
    """The folders above start up to the repository root (the folder holding .git), outermost first;
    none outside a repository."""
    above: List[str] = []
    folder = os.path.abspath(start)
    while os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
        above.insert(0, folder)
        if os.path.exists(os.path.join(folder, ".git")):
            return above
    return []



def _ignored(path: str, is_dir: bool, ignores: List[_Ignore]) -> bool:
    absolute = os.path.abspath(path)
    for base, spec in ignores:
        relative = os.path.relpath(absolute, base)
        if relative.startswith(".."):
            continue
        if spec.match_file(posix(relative) + ("/" if is_dir else "")):
            return True
    return False


class FolderMemory(Protocol):
    """Where a walk keeps what it found in each folder, to trust it next time (the cache, in a CLI run)."""

    def folder(self, path: str) -> Optional[Dict[str, Any]]: ...

    def remember_folder(self, path: str, record: Dict[str, Any]) -> None: ...


def _ignore_stamps(folder: str, names: Iterable[str]) -> List[List[Any]]:
    stamps: List[List[Any]] = []
    for name in names:
        try:
            info = os.stat(os.path.join(folder, name))
        except OSError:
            stamps.append([name, None, None])
        else:
            stamps.append([name, info.st_size, info.st_mtime_ns])
    return stamps


def _walk(root: str, settings: Settings, above: List[str], found: Discovery,
          memory: Optional[FolderMemory] = None) -> List[str]:
    """The claimed files below root. With memory, a folder whose modification time and ignore files are
    as they were (and whose parents' ignore files are too) is not listed again: what was found in it last
    time stands. Editing a file does not change its folder, but adding, removing or renaming one does."""
    files: List[str] = []
    root = os.path.normpath(root)
    exclusion = settings.exclusion()
    root_relative = _relative_to_root(root, settings)
    loaded: Dict[str, List[_Ignore]] = {}

    def own_ignores(folder: str, names: Iterable[str] = IGNORE_FILES) -> List[_Ignore]:
        """The folder's ignore files; names: those it may have (all, unless its listing was seen)."""
        if folder not in loaded:
            loaded[folder] = _load_ignores(folder, names)
        return loaded[folder]

    # Ignore files above the root apply too: memory is trusted only while they are as they were.
    above_stamps = [stamp for folder in above for stamp in _ignore_stamps(folder, IGNORE_FILES)]
    trusted_above = memory is not None and memory.folder("above:" + os.path.abspath(root)) == {"ignores": above_stamps}
    if memory is not None:
        memory.remember_folder("above:" + os.path.abspath(root), {"ignores": above_stamps})
    # (folder, its path from the settings' root, the folders whose ignore files apply, trust memory)
    stack: List[Tuple[str, str, List[str], bool]] = [(root, root_relative, [*above, root], trusted_above)]
    while stack:
        folder, relative_folder, ignore_folders, trusted = stack.pop()
        record = memory.folder(os.path.abspath(folder)) if memory is not None and trusted else None
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError as error:
            found.notes.append(f"{folder}: skipped: cannot list folder: {error.strerror}")
            continue
        if record is not None and record["mtime"] == mtime and \
                record["ignores"] == _ignore_stamps(folder, (stamp[0] for stamp in record["ignores"])):
            prefix = "" if folder == os.curdir else folder + os.sep
            files.extend(prefix + name for name in record["files"])
            found.notes.extend(record["notes"])
            subfolders = [(prefix + name, name) for name in record["dirs"]]
            children_trusted = True
        else:
            subfolders, children_trusted = _list_folder(folder, relative_folder, ignore_folders, exclusion,
                                                        own_ignores, files, found, memory, mtime)
        for sub, name in reversed(subfolders):
            relative = f"{relative_folder}/{name}" if relative_folder else name
            stack.append((sub, relative, ignore_folders + [sub], children_trusted))
    return sorted(files, key=_natural_order)


def _list_folder(folder: str, relative_folder: str, ignore_folders: List[str], exclusion: Exclusion,
                 own_ignores: Callable[[str, Iterable[str]], List[_Ignore]], files: List[str], found: Discovery,
                 memory: Optional[FolderMemory], mtime: int) -> Tuple[List[Tuple[str, str]], bool]:
    """List one folder for real; remember what it holds. Returns its subfolders, and whether memory may be
    trusted below it (not when one of its own ignore files changed since it was remembered)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        found.notes.append(f"{folder}: skipped: cannot list folder: {error.strerror}")
        return [], False
    names = {entry.name for entry in entries}
    ignore_names = [name for name in IGNORE_FILES if name in names]
    own_ignores(folder, ignore_names)
    active = [ignore for base in ignore_folders for ignore in own_ignores(base, IGNORE_FILES)]
    kept_files: List[str] = []
    subfolders: List[Tuple[str, str]] = []
    notes: List[str] = []
    # folder is normal (the walk starts from a normalised root), so its entries' paths are too.
    prefix = "" if folder == os.curdir else folder + os.sep
    for entry in entries:
        path = prefix + entry.name
        relative = f"{relative_folder}/{entry.name}" if relative_folder else entry.name
        if exclusion.excludes(relative, entry.name):
            continue
        if entry.is_symlink():
            notes.append(f"{path}: skipped: a symbolic link is never followed")
            continue
        is_dir = entry.is_dir(follow_symlinks=False)
        if active and _ignored(path, is_dir, active):
            continue
        if is_dir:
            subfolders.append((path, entry.name))
        elif entry.is_file(follow_symlinks=False) and claiming(path):
            kept_files.append(entry.name)
            files.append(path)
    found.notes.extend(notes)
    stamps = _ignore_stamps(folder, ignore_names)
    trusted = True
    if memory is not None and not is_racy(mtime):
        previous = memory.folder(os.path.abspath(folder))
        trusted = previous is not None and previous["ignores"] == stamps
        memory.remember_folder(os.path.abspath(folder), {
            "mtime": mtime, "ignores": stamps, "files": kept_files,
            "dirs": [name for _path, name in subfolders], "notes": notes})
    return subfolders, trusted


def _relative_to_root(path: str, settings: Settings) -> str:
    relative = os.path.relpath(os.path.abspath(path), settings.root)
    return "" if relative == "." or relative.startswith("..") else posix(relative)


def _natural_order(path: str) -> List[str]:
    return path.split(os.sep)
