"""A run: read each file, put it to the cheap byte prefilters, and check those they let through.

Files are independent, so a run that lasts spreads them over a process pool, and gives the results back
in the order the files were found. This module stays light: the checks, the rules and the
parsers (checking.py) load only when a file may hold a finding.
"""

from __future__ import annotations

import errno
import itertools
import os
import stat
from typing import TYPE_CHECKING, Deque, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from polylint.hosts import claiming, host_kinds, passing
from polylint.results import Candidate, Clean, FileResult, Known, Options, Outcome, whole_file_finding
from polylint.writer import digest

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from polylint.cache import Cache


# A run works through its files in this process first. Once that has taken this long, the files left are
# spread over a pool of workers forked from this process (with the parsers it has loaded meanwhile), while
# this process goes on finding files; a run that ends sooner (a pre-commit hook's handful of files) never
# pays for a pool. Measured on the benchmark's trees: 0.1 s left a third of a 20,000-file scan serial.
SPREAD_AFTER_SECONDS = 0.02
# Files in one task for a worker: enough to pay for the round trip (128 cost a tenth more on a no-hit scan),
# few enough to keep the workers even.
TASK_FILES = 512
# Tasks given out and not yet collected, per worker: memory stays flat however large the tree.
TASKS_PER_JOB = 4
# The last files of a run go out in this many smaller tasks per worker (of at least so many files).
TAIL_TASKS_PER_JOB = 4
MIN_TAIL_TASK_FILES = 32


def run(paths: Iterable[str], options: Options, jobs: int, cache: Optional[Cache] = None,
        every_file: bool = True) -> Iterator[FileResult]:
    """Results in the order of paths (which may be found meanwhile: discovery's paths are); every_file:
    False leaves out the files with nothing to say (the CLI prints none of them).

    Each file is read and put to the cheap byte prefilters; only the files they let through are parsed
    and checked. A tree with nothing to find never loads a parser; files the cache vouches for are only
    stat-ed. With jobs > 1, a run that lasts spreads its files over `jobs` workers (SPREAD_AFTER_SECONDS).
    """
    for path, result in _results(paths, options, jobs, cache):
        if result is not None:
            yield result
        elif every_file:
            yield FileResult(path)


def _results(paths: Iterable[str], options: Options, jobs: int,
             cache: Optional[Cache]) -> Iterator[Tuple[str, Optional[FileResult]]]:
    import time

    deadline = None  # the clock starts at the first file the cache does not vouch for
    remaining = iter(paths)
    for path in remaining:
        if deadline is not None and jobs > 1 and time.perf_counter() > deadline:
            yield from _spread(itertools.chain([path], remaining), options, jobs, cache)
            return
        known = cache.known(path, options) if cache is not None else None
        if known is not None and known[0]:
            yield path, known[2]
            continue
        if deadline is None:
            host_kinds()  # loaded before the clock starts: a pool would not share that work
            deadline = time.perf_counter() + SPREAD_AFTER_SECONDS
        yield path, _result(path, outcome(path, known[1] if known is not None else None, options), cache)


def outcome(path: str, known_digest: Optional[str], options: Options) -> Outcome:
    """Check one file. known_digest: the hash of the bytes the cache remembers a result for, if any."""
    read = _read(path, options, known_digest)
    if isinstance(read, Candidate):
        from polylint.checking import check_candidate

        return check_candidate(read, options)
    return read


def outcomes(work: Sequence[Tuple[str, Optional[str]]], options: Options) -> List[Outcome]:
    """A worker's task: the outcomes of some files (each with the hash the cache knows), in order."""
    return [outcome(path, known_digest, options) for path, known_digest in work]


def _result(path: str, found: Outcome, cache: Optional[Cache]) -> Optional[FileResult]:
    """The file's result, remembered by the cache; None for a file with nothing to say."""
    if not isinstance(found, FileResult):
        if cache is not None:
            cache.remember(path, *found)
        return None
    result = cache.update(found) if cache is not None else found
    return result if result.findings or result.notes or result.fixed or result.new_data is not None else None


# Files as a run spreads them: (path, what the cache knows), TASK_FILES at a time.
_Chunk = List[Tuple[str, Optional[Known]]]
# Files as a worker is sent them: (path, the hash the cache knows).
_Task = List[Tuple[str, Optional[str]]]


def _spread(paths: Iterator[str], options: Options, jobs: int,
            cache: Optional[Cache]) -> Iterator[Tuple[str, Optional[FileResult]]]:
    """This process finds the files and stats those the cache vouches for (a stat costs less than sending
    it); the workers read and check the others."""
    from collections import deque

    workers = _Workers(jobs)
    tasks = _tasks(paths, jobs)
    pending: Deque[Tuple[_Chunk, _Task, Optional[Future[List[Outcome]]]]] = deque()
    try:
        while True:
            chunk: _Chunk = [(path, cache.known(path, options) if cache is not None else None)
                             for path in next(tasks, [])]
            if not chunk:
                break
            task: _Task = [(path, known[1] if known is not None else None) for path, known in chunk
                           if known is None or not known[0]]
            pending.append((chunk, task, workers.submit(task, options) if task else None))
            while pending and (pending[0][2] is None or pending[0][2].done() or len(pending) > jobs * TASKS_PER_JOB):
                yield from _collect(*pending.popleft(), workers, options, cache)
        while pending:
            yield from _collect(*pending.popleft(), workers, options, cache)
    finally:
        workers.shutdown()


def _tasks(paths: Iterator[str], jobs: int) -> Iterator[List[str]]:
    """The paths, TASK_FILES at a time but for the last ones (jobs * TASK_FILES or a few more), cut into
    TAIL_TASKS_PER_JOB smaller tasks per worker so that the workers finish together (where most files hold
    findings, a task of 512 files takes a second)."""
    from collections import deque

    ahead: Deque[str] = deque()
    for path in paths:
        ahead.append(path)
        if len(ahead) == (jobs + 1) * TASK_FILES:
            yield [ahead.popleft() for _ in range(TASK_FILES)]
    size = max(MIN_TAIL_TASK_FILES, -(-len(ahead) // (jobs * TAIL_TASKS_PER_JOB)))
    while ahead:
        yield [ahead.popleft() for _ in range(min(size, len(ahead)))]


def _collect(chunk: _Chunk, task: _Task, future: Optional[Future[List[Outcome]]], workers: _Workers,
             options: Options, cache: Optional[Cache]) -> Iterator[Tuple[str, Optional[FileResult]]]:
    found: List[Outcome] = []
    if future is not None:
        try:
            found = future.result()
        except Exception:  # a worker died (a parser crashing its process): find the file, check the others
            found = [_alone(path, known_digest, workers, options) for path, known_digest in task]
    checked = iter(found)
    for path, known in chunk:
        if known is not None and known[0]:
            yield path, known[2]
        else:
            yield path, _result(path, next(checked), cache)


def _alone(path: str, known_digest: Optional[str], workers: _Workers, options: Options) -> Outcome:
    try:
        return workers.submit([(path, known_digest)], options).result()[0]
    except Exception as error:
        from polylint.read_errors import INTERNAL_ERROR

        message = (f"internal error: the worker checking this file failed ({type(error).__name__}: {error}); "
                   "please report it")
        if not options.settings.is_enabled(INTERNAL_ERROR.code, path):
            return FileResult(path, notes=[f"{path}: skipped: {message}"])
        return FileResult(path, findings=[whole_file_finding(path, INTERNAL_ERROR.code, message)])


class _Workers:
    """A process pool, replaced by a new one when a worker dies, so that a file that crashes its worker
    fails alone."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: Optional[ProcessPoolExecutor] = None

    def submit(self, task: _Task, options: Options) -> Future[List[Outcome]]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is not None:
            try:
                return self._pool.submit(outcomes, task, options)
            except BrokenProcessPool:
                self._pool.shutdown(cancel_futures=True)
        import gc

        # Workers are forked from this process. Frozen, the objects it holds now are never visited by their
        # collections, so those pages stay shared instead of being copied into each worker (as the gc
        # module's documentation advises).
        gc.freeze()
        self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self._pool.submit(outcomes, task, options)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def process_path(path: str, options: Options, known_digest: Optional[str] = None) -> FileResult:
    """Read and check one file. known_digest: the content hash the cache holds for it, if any; when the
    bytes still hash to it, the result says `unchanged` and nothing is checked."""
    found = outcome(path, known_digest, options)
    return found if isinstance(found, FileResult) else FileResult(path, stamp=found[0], digest=found[1])


def _content_hash(data: bytes) -> str:
    """What the cache knows a file's bytes by: 128 bits tell its versions apart, and load faster than 256."""
    return digest(data)[:32]


def _read(path: str, options: Options, known_digest: Optional[str]) -> Union[FileResult, Candidate, Clean]:
    """A file's bytes when a prefilter lets them through; for a file with nothing to say (most of them), its
    stamp and hash; else its final result: a stated skip, a read error, or bytes unchanged since the cache's
    run."""
    kinds = claiming(path)
    if not kinds:
        return None, None  # no host kind's file: not even read
    try:
        descriptor = os.open(path, _FOLLOW_FLAGS if path in options.linked_files else _READ_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return FileResult(path, notes=[f"{path}: skipped: a symbolic link is never followed"])
        return _unreadable(path, error, options)
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
        return _unreadable(path, error, options)
    finally:
        os.close(descriptor)
    stamp = (info.st_size, info.st_mtime_ns)
    content = _content_hash(data) if known_digest is not None or options.cache else None
    if known_digest is not None and content == known_digest:
        return FileResult(path, digest=content, stamp=stamp, unchanged=True)
    kinds = passing(kinds, data)
    if not kinds:
        return stamp, content
    return Candidate(path, data, stamp, content, kinds)


# O_NOFOLLOW: a link is never followed; O_NONBLOCK: a FIFO does not hang the run.
_FOLLOW_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS = _FOLLOW_FLAGS | getattr(os, "O_NOFOLLOW", 0)


def _read_all(descriptor: int, size: int) -> bytes:
    """The whole file, in as few system calls as its size allows (one, unless it grows meanwhile)."""
    data = os.read(descriptor, size + 1)
    if len(data) == size:
        return data  # all the bytes fstat saw, and not one more: the end of the file
    chunks = [data]
    while chunks[-1]:
        chunks.append(os.read(descriptor, 1 << 20))
    return b"".join(chunks)



def _unreadable(path: str, error: OSError, options: Options) -> FileResult:
    from polylint.read_errors import UNREADABLE

    message = f"could not read file: {error.strerror}"
    if not options.settings.is_enabled(UNREADABLE.code, path):
        return FileResult(path, notes=[f"{path}: skipped: {message}"])
    return FileResult(path, findings=[whole_file_finding(path, UNREADABLE.code, message)])
