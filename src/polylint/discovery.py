"""From the paths given to the host files to check.

Folders are walked without following symbolic links (so never out of the tree, and never round a
loop); ``.gitignore`` and ``.polylintignore`` files are honoured where they stand, and the exclude
globs of the settings apply. Files named on the command line are checked even when a glob or an ignore
file would exclude them, as ruff does; links among them are still never followed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, List, Tuple

from polylint.config import Settings
from polylint.hosts import claiming

IGNORE_FILES = (".gitignore", ".polylintignore")


@dataclass
class Discovery:
    files: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)


if TYPE_CHECKING:
    import pathspec

_Ignore = Tuple[str, "pathspec.GitIgnoreSpec"]


def discover(paths: List[str], settings: Settings) -> Discovery:
    found = Discovery()
    seen = set()
    for given in paths:
        if os.path.islink(given):
            found.notes.append(f"{given}: skipped: a symbolic link is never followed")
        elif os.path.isdir(given):
            for path in map(os.path.normpath, _walk(given, settings, _inherited_ignores(given), found)):
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


def _load_ignores(folder: str) -> List[_Ignore]:
    specs = []
    for name in IGNORE_FILES:
        candidate = os.path.join(folder, name)
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        import pathspec  # only a tree with ignore files pays for it

        specs.append((os.path.abspath(folder), pathspec.GitIgnoreSpec.from_lines(lines)))
    return specs


def _inherited_ignores(start: str) -> List[_Ignore]:
    """Ignore files in the folders above start, up to the repository root (the folder holding .git)."""
    inherited: List[_Ignore] = []
    for parent in Path(os.path.abspath(start)).parents:
        inherited = _load_ignores(str(parent)) + inherited
        if (parent / ".git").exists():
            return inherited
    return []


def _ignored(path: str, is_dir: bool, ignores: List[_Ignore]) -> bool:
    absolute = os.path.abspath(path)
    for base, spec in ignores:
        relative = os.path.relpath(absolute, base)
        if relative.startswith(".."):
            continue
        if spec.match_file(PurePath(relative).as_posix() + ("/" if is_dir else "")):
            return True
    return False


def _walk(root: str, settings: Settings, ignores: List[_Ignore], found: Discovery) -> List[str]:
    files: List[str] = []
    exclusion = settings.exclusion()
    root_relative = _relative_to_root(root, settings)
    stack: List[Tuple[str, str, List[_Ignore]]] = [(root, root_relative, ignores + _load_ignores(root))]
    while stack:
        folder, relative_folder, active = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.notes.append(f"{folder}: skipped: cannot list folder: {error.strerror}")
            continue
        subfolders = []
        for entry in entries:
            path = entry.path
            relative = f"{relative_folder}/{entry.name}" if relative_folder else entry.name
            if exclusion.excludes(relative, entry.name):
                continue
            if entry.is_symlink():
                found.notes.append(f"{path}: skipped: a symbolic link is never followed")
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if active and _ignored(path, is_dir, active):
                continue
            if is_dir:
                subfolders.append((path, relative))
            elif entry.is_file(follow_symlinks=False) and claiming(path):
                files.append(path)
        for sub, relative in reversed(subfolders):
            stack.append((sub, relative, active + _load_ignores(sub)))
    return sorted(files, key=_natural_order)


def _relative_to_root(path: str, settings: Settings) -> str:
    relative = os.path.relpath(os.path.abspath(path), settings.root)
    return "" if relative == "." or relative.startswith("..") else Path(relative).as_posix()


def _natural_order(path: str) -> List[str]:
    return path.split(os.sep)
