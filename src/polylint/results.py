"""What a run passes around: its options, the files the prefilters let through, and each file's result.

Below the runner, the cache and the checking that all read them, so that none of those need import another
for its types. Named tuples and plain classes: no dataclass machinery to import on a pre-commit run.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, FrozenSet, List, NamedTuple, Optional, Tuple, Union

from polylint.config import Settings

if TYPE_CHECKING:
    from polylint.diagnostics import Finding, Fix, LocatedFix


class Options(NamedTuple):
    """What a run does besides checking."""

    settings: Settings
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    cache: bool = False
    # Files named on the command line that are symbolic links: read through (any other link never is).
    linked_files: FrozenSet[str] = frozenset()

    @property
    def rewrites(self) -> bool:
        return self.fix or self.diff

    def allows(self, fix: Union[Fix, LocatedFix]) -> bool:
        from polylint.diagnostics import Applicability

        return fix.applicability is Applicability.SAFE or (
            fix.applicability is Applicability.UNSAFE and self.unsafe_fixes
        )


class FileResult:
    """What a run found in one file, and what it did to it."""

    __slots__ = ("diff", "digest", "findings", "fixed", "new_data", "notes", "path", "stamp", "unchanged")

    def __init__(self, path: str, findings: Optional[List[Finding]] = None, fixed: int = 0, diff: str = "",
                 new_data: Optional[bytes] = None, notes: Optional[List[str]] = None, digest: Optional[str] = None,
                 stamp: Optional[Tuple[int, int]] = None, unchanged: bool = False) -> None:
        self.path = path
        self.findings: List[Finding] = findings if findings is not None else []
        self.fixed = fixed
        self.diff = diff
        self.new_data = new_data
        self.notes: List[str] = notes if notes is not None else []
        # For the cache: the hash and (size, mtime) of the bytes that were checked, and whether they are
        # the bytes the cache remembers.
        self.digest = digest
        self.stamp = stamp
        self.unchanged = unchanged

    def __repr__(self) -> str:
        return f"FileResult({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


class Candidate(NamedTuple):
    """A file that a prefilter let through: its bytes, to be parsed and checked."""

    path: str
    data: bytes
    stamp: Tuple[int, int]
    digest: Optional[str]
    kinds: Tuple[ModuleType, ...]  # the host kinds whose prefilter let it through


# A file with nothing to say: its (size, mtime) stamp and the hash of its bytes (None, None when no host kind
# claims it, so that it is not read).
Clean = Tuple[Optional[Tuple[int, int]], Optional[str]]
# What the cache knows of a file: whether its remembered result stands for this run (the file still has the
# size and modification time the result was made under, and this run would not rewrite it), the hash of the
# bytes it was computed from, and that result (None when the file had nothing to say). Workers are sent only
# the hash.
Known = Tuple[bool, str, Optional[FileResult]]
# A file's outcome as a worker sends it back, small to send: its result, or Clean.
Outcome = Union[FileResult, Clean]


def whole_file_finding(path: str, code: str, message: str) -> Finding:
    from polylint.diagnostics import Finding, Position

    return Finding(path, code, message, Position(1, 1), Position(1, 1))
