"""From the paths given to the files to put to the host kinds (which of them a kind claims is the runner's
question, asked where the file is read: in a worker, on a run that spreads).

Folders are walked without following symbolic links (so never out of the tree, and never round a
loop); ``.gitignore`` and ``.polylintignore`` files are honoured where they stand, and the exclude
globs of the settings apply. Files named on the command line are checked even when a glob or an ignore
file would exclude them, as ruff does; a path named there that is a link (a CI workspace is often a link
to the checkout) is followed, and its files keep the name the user gave.
"""

from __future__ import annotations

import os
import stat
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Protocol, Tuple, Union

from polylint.config import Exclusion, Settings, posix, relative_posix

IGNORE_FILES = (".gitignore", ".polylintignore")
# A modification time this close to now may share its clock tick with a change still to come (git's
# "racy" entries): such a stamp proves nothing, so neither a folder listing nor a file's result is
# trusted on it next time.
RACY_NANOSECONDS = 2_000_000_000


def is_racy(mtime_ns: int) -> bool:
    return mtime_ns >= time.time_ns() - RACY_NANOSECONDS


class Discovery:
    """The files to check, found as they are iterated (a run starts on the first before the walk ends);
    what was skipped and why, complete once `files` is exhausted; why a path given cannot be checked (it
    does not exist, or is not a file or folder); and the files given that are links, to read through."""

    def __init__(self) -> None:
        self.files: Iterator[str] = iter(())
        self.notes: List[str] = []
        self.errors: List[Tuple[str, str]] = []  # (path, why it cannot be checked)
        self.linked_files: List[str] = []


if TYPE_CHECKING:
    import pathspec

# An ignore file's absolute folder and its patterns.
_Ignore = Tuple[str, "pathspec.GitIgnoreSpec"]
# A folder to list: (its path, its absolute path, its path from the settings' root, the absolute folders whose
# ignore files apply, whether memory may be trusted there).
_Folder = Tuple[str, str, str, List[str], bool]


def discover(paths: List[str], settings: Settings, memory: Optional[FolderMemory] = None) -> Discovery:
    found = Discovery()
    given_files: List[Tuple[str, bool]] = []  # (path, is a folder to walk)
    for given in paths:
        try:
            mode = os.stat(given).st_mode
        except OSError as error:
            found.errors.append((given, _stat_error(given, error)))
            continue
        if stat.S_ISDIR(mode):
            given_files.append((given, True))
        elif stat.S_ISREG(mode):
            given_files.append((given, False))
            if os.path.islink(given):
                found.linked_files.append(given)
        else:
            found.errors.append((given, f"{_file_type(mode)}, not a file or folder"))
    found.files = _files(given_files, settings, found, memory)
    return found


MISSING = "no such file or folder"


def _stat_error(path: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "a symbolic link to nothing (its target does not exist)" if os.path.islink(path) \
            else MISSING
    return f"cannot read: {error.strerror}"


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"


def _files(given: List[Tuple[str, bool]], settings: Settings, found: Discovery,
           memory: Optional[FolderMemory]) -> Iterator[str]:
    if len(given) == 1:  # one path walked never gives a file twice
        path, is_folder = given[0]
        yield from _walk(path, settings, _folders_above(path), found, memory) if is_folder else [path]
        return
    seen = set()
    for path, is_folder in given:
        for file in _walk(path, settings, _folders_above(path), found, memory) if is_folder else [path]:
            if file not in seen:
                seen.add(file)
                yield file


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

        specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))
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



def _ignored(absolute: str, is_dir: bool, ignores: List[_Ignore]) -> bool:
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
          memory: Optional[FolderMemory] = None) -> Iterator[str]:
    """The files below root, in the order of their paths' parts. With memory, a folder whose
    modification time and ignore files are as they were (and whose parents' ignore files are too) is not
    listed again: what was found in it last time stands. Editing a file does not change its folder, but
    adding, removing or renaming one does."""
    root = os.path.normpath(root)
    exclusion = settings.exclusion()
    root_relative = _relative_to_root(root, settings)
    loaded: Dict[str, List[_Ignore]] = {}

    def own_ignores(folder: str, names: Iterable[str] = IGNORE_FILES) -> List[_Ignore]:
        """The ignore files of an absolute folder; names: those it may have (all, unless its listing was seen)."""
        if folder not in loaded:
            loaded[folder] = _load_ignores(folder, names)
        return loaded[folder]

    # Ignore files above the root apply too: memory is trusted only while they are as they were.
    above_stamps = [stamp for folder in above for stamp in _ignore_stamps(folder, IGNORE_FILES)]
    absolute_root = os.path.abspath(root)
    trusted_above = memory is not None and memory.folder("above:" + absolute_root) == {"ignores": above_stamps}
    if memory is not None:
        memory.remember_folder("above:" + absolute_root, {"ignores": above_stamps})
    # A file to give, or a folder to list: (folder, its absolute path, its path from the settings' root, the
    # absolute folders whose ignore files apply, trust memory). Absolute paths are built from the root's,
    # once: os.path.abspath asks the system for the working folder each time. A folder's files and
    # subfolders go on in name order, so that a subfolder's files come where its name does.
    stack: List[Union[str, _Folder]] = [(root, absolute_root, root_relative, [*above, absolute_root], trusted_above)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        folder, absolute, relative_folder, ignore_folders, trusted = item
        record = memory.folder(absolute) if memory is not None and trusted else None
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError as error:
            found.notes.append(f"{folder}: skipped: cannot list folder: {error.strerror}")
            continue
        prefix = "" if folder == os.curdir else folder + os.sep
        if record is not None and record["mtime"] == mtime and \
                record["ignores"] == _ignore_stamps(folder, (stamp[0] for stamp in record["ignores"])):
            names, subfolders = record["files"], record["dirs"]
            found.notes.extend(record["notes"])
            children_trusted = True
        else:
            names, subfolders, children_trusted = _list_folder(folder, absolute, relative_folder, ignore_folders,
                                                               exclusion, own_ignores, found, memory, mtime)
        if not subfolders:  # most folders: their files go out now, as they would come off the stack
            yield from [prefix + name for name in sorted(names)]
            continue
        entries = sorted([(name, False) for name in names] + [(name, True) for name in subfolders], reverse=True)
        for name, is_folder in entries:
            if is_folder:
                relative = f"{relative_folder}/{name}" if relative_folder else name
                sub = os.path.join(absolute, name)
                stack.append((prefix + name, sub, relative, ignore_folders + [sub], children_trusted))
            else:
                stack.append(prefix + name)


def _list_folder(folder: str, absolute: str, relative_folder: str, ignore_folders: List[str], exclusion: Exclusion,
                 own_ignores: Callable[[str, Iterable[str]], List[_Ignore]], found: Discovery,
                 memory: Optional[FolderMemory], mtime: int) -> Tuple[List[str], List[str], bool]:
    """List one folder for real; remember what it holds. Returns the names of its files and of its
    subfolders, and whether memory may be trusted below it (not when one of its own ignore files changed
    since it was remembered)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        found.notes.append(f"{folder}: skipped: cannot list folder: {error.strerror}")
        return [], [], False
    names = {entry.name for entry in entries}
    ignore_names = [name for name in IGNORE_FILES if name in names]
    own_ignores(absolute, ignore_names)
    active = [ignore for base in ignore_folders for ignore in own_ignores(base, IGNORE_FILES)]
    kept_files: List[str] = []
    subfolders: List[str] = []
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
        if active and _ignored(os.path.join(absolute, entry.name), is_dir, active):
            continue
        if is_dir:
            subfolders.append(entry.name)
        elif entry.is_file(follow_symlinks=False):
            kept_files.append(entry.name)
    found.notes.extend(notes)
    stamps = _ignore_stamps(folder, ignore_names)
    trusted = True
    if memory is not None and not is_racy(mtime):
        previous = memory.folder(absolute)
        trusted = previous is not None and previous["ignores"] == stamps
        memory.remember_folder(absolute, {
            "mtime": mtime, "ignores": stamps, "files": kept_files,
            "dirs": subfolders, "notes": notes})
    return kept_files, subfolders, trusted


def _relative_to_root(path: str, settings: Settings) -> str:
    relative = relative_posix(path, settings.root)
    return "" if relative is None or relative == "." else relative
