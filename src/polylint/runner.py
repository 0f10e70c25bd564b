"""A run: read each file, put it to the cheap byte prefilters, and check those they let through.

Hosts are independent, so a run spreads the files that need checking over a process pool and gives the
results back in the order the files were found. This module stays light: the checks, the rules and the
parsers (checking.py) load only when a file may hold a finding.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Deque, Iterator, List, Optional, Sequence, Tuple, Union

from polylint.config import Settings
from polylint.hosts import claiming
from polylint.writer import digest

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from polylint.cache import Cache
    from polylint.diagnostics import Finding, Fix, LocatedFix


@dataclass(frozen=True)
class Options:
    settings: Settings
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    cache: bool = False

    @property
    def rewrites(self) -> bool:
        return self.fix or self.diff

    def allows(self, fix: Union[Fix, LocatedFix]) -> bool:
        from polylint.diagnostics import Applicability

        return fix.applicability is Applicability.SAFE or (
            fix.applicability is Applicability.UNSAFE and self.unsafe_fixes
        )


@dataclass
class FileResult:
    path: str
    findings: List[Finding] = field(default_factory=list)
    fixed: int = 0
    diff: str = ""
    new_data: Optional[bytes] = None
    notes: List[str] = field(default_factory=list)
    # For the cache: the hash and (size, mtime) of the bytes that were checked.
    digest: Optional[str] = None
    stamp: Optional[Tuple[int, int]] = None
    unchanged: bool = False


# Candidate files checked in worker processes at once, at most, per process: enough to keep them busy,
# few enough that memory does not grow with the tree.
IN_FLIGHT_PER_JOB = 32
# A run checks its first candidate files in this process. Once that has taken this long, the parsers and
# checks are loaded, and workers forked from this process start with them instead of importing them
# anew each; before, a pool would cost more than it saves (a pre-commit hook's handful of files).
POOL_AFTER_SECONDS = 0.25


@dataclass(frozen=True)
class _Candidate:
    """A file that a prefilter let through: its bytes, to be parsed and checked (in a worker, maybe)."""

    path: str
    data: bytes
    stamp: Tuple[int, int]
    digest: Optional[str]


def run(paths: Sequence[str], options: Options, jobs: int, cache: Optional[Cache] = None) -> Iterator[FileResult]:
    """Results in the order of paths.

    This process reads every file and runs the cheap byte prefilters; only the files they let through are
    parsed and checked: here at first, then by a pool of `jobs` processes (see POOL_AFTER_SECONDS). A tree
    with nothing to find never loads a parser; files the cache vouches for are not even read.
    """
    import time
    from collections import deque

    pending: Deque[Tuple[str, Union[FileResult, Future[FileResult]], bool]] = deque()
    pool: Optional[ProcessPoolExecutor] = None
    checked_here = 0.0
    try:
        for path in paths:
            hit = cache.lookup(path, options) if cache else None
            if hit is not None:
                pending.append((path, hit, False))
                continue
            read = _read(path, options, cache.digest(path) if cache else None)
            if isinstance(read, FileResult):
                pending.append((path, read, True))
            elif pool is None and (jobs == 1 or checked_here < POOL_AFTER_SECONDS):
                from polylint.checking import check_candidate

                started = time.perf_counter()
                pending.append((path, check_candidate(read, options), True))
                checked_here += time.perf_counter() - started
            else:
                pool, future = _submit(pool, jobs, read, options)
                pending.append((path, future, True))
            while pending and (isinstance(pending[0][1], FileResult) or pending[0][1].done()
                               or len(pending) > jobs * IN_FLIGHT_PER_JOB):
                yield _finish(*pending.popleft(), cache, options)
        while pending:
            yield _finish(*pending.popleft(), cache, options)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _submit(pool: Optional[ProcessPoolExecutor], jobs: int, candidate: _Candidate,
            options: Options) -> Tuple[ProcessPoolExecutor, Future[FileResult]]:
    """Check candidate in a worker: the pool's, or a new pool's when there is none or it broke."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from polylint.checking import check_candidate

    if pool is not None:
        try:
            return pool, pool.submit(check_candidate, candidate, options)
        except BrokenProcessPool:  # a worker died on an earlier file: go on with new workers
            pass
    pool = ProcessPoolExecutor(max_workers=jobs)
    return pool, pool.submit(check_candidate, candidate, options)


def _finish(path: str, item: Union[FileResult, Future[FileResult]], fresh: bool, cache: Optional[Cache],
            options: Options) -> FileResult:
    if isinstance(item, FileResult):
        result = item
    else:
        try:
            result = item.result()
        except Exception as error:  # a worker that died (a parser crashing the process) fails its file only
            from polylint.checks.read_errors import INTERNAL_ERROR

            return FileResult(path, findings=[whole_file_finding(
                path, INTERNAL_ERROR.code,
                f"internal error: the worker checking this file failed ({type(error).__name__}: {error}); "
                "please report it")])
    if fresh and cache is not None:
        result = cache.update(result, options)
    return result


def process_path(path: str, options: Options, known_digest: Optional[str] = None) -> FileResult:
    """Read and check one file. known_digest: the content hash the cache holds for it, if any; when the
    bytes still hash to it, the result says `unchanged` and nothing is checked."""
    read = _read(path, options, known_digest)
    if isinstance(read, FileResult):
        return read
    from polylint.checking import check_candidate

    return check_candidate(read, options)


def _read(path: str, options: Options, known_digest: Optional[str]) -> Union[FileResult, _Candidate]:
    """A file's bytes when a prefilter lets them through, else its final result: nothing to check, a
    stated skip, a read error, or bytes unchanged since the cache's run."""
    kinds = claiming(path)
    if not kinds:
        return FileResult(path)
    try:
        # O_NOFOLLOW: a link is never followed; O_NONBLOCK: a FIFO does not hang the run.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return FileResult(path, notes=[f"{path}: skipped: a symbolic link is never followed"])
        return _unreadable(path, error)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return FileResult(path, notes=[f"{path}: skipped: not a regular file"])
        if info.st_size > options.settings.max_file_size:
            limit = options.settings.max_file_size
            return FileResult(path, notes=[
                f"{path}: skipped: {info.st_size} bytes is over max-file-size ({limit})"])
        data = _read_all(descriptor, info.st_size)
    except OSError as error:
        return _unreadable(path, error)
    finally:
        os.close(descriptor)
    stamp = (info.st_size, info.st_mtime_ns)
    content = digest(data) if known_digest is not None or options.cache else None
    if known_digest is not None and content == known_digest:
        return FileResult(path, digest=content, stamp=stamp, unchanged=True)
    if not passing(kinds, data):
        return FileResult(path, digest=content, stamp=stamp)
    return _Candidate(path, data, stamp, content)


def passing(kinds: Tuple[ModuleType, ...], data: bytes) -> Tuple[ModuleType, ...]:
    """The host kinds whose prefilter lets these bytes through."""
    # Prefilters look for ASCII words, which UTF-16 spells with NULs between the letters.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    return tuple(kind for kind in kinds if kind.prefilter(data))


def _read_all(descriptor: int, size: int) -> bytes:
    """The whole file, in as few system calls as its size allows (one, unless it grows meanwhile)."""
    data = os.read(descriptor, size + 1)
    if len(data) == size:
        return data  # all the bytes fstat saw, and not one more: the end of the file
    chunks = [data]
    while chunks[-1]:
        chunks.append(os.read(descriptor, 1 << 20))
    return b"".join(chunks)



def _unreadable(path: str, error: OSError) -> FileResult:
    from polylint.checks.read_errors import UNREADABLE

    return FileResult(path, findings=[whole_file_finding(path, UNREADABLE.code,
                                                         f"could not read file: {error.strerror}")])


def whole_file_finding(path: str, code: str, message: str) -> Finding:
    from polylint.diagnostics import Finding, Position

    return Finding(path, code, message, Position(1, 1), Position(1, 1))
