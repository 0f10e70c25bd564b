"""Python surface helpers: the byte prefilter, parsing with libcst, and a token-level scan for what cannot parse.

This module must import cheaply: host kinds call ``prefilter`` on every ``.py`` file, so libcst is imported
only inside the functions that parse. The analysis of a parsed region (which v0 names it uses, and how to
rewrite them) lives in ``surfaces/python_usage.py`` and ``codemods/python/migrate.py``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional, Tuple


if TYPE_CHECKING:
    import libcst

    from polylint.diagnostics import Diagnostic

SURFACE = "python"
V0_IMPORT_CODE = "PLX301"  # checks/python/v0_import.py; named here so that hosts need not import the checks

# The needles are built from the knowledge tables on first use, so that a run with no Python file never
# loads those tables (the host kinds import this module at start-up).
@functools.cache
def _needles() -> Tuple[Tuple[bytes, ...], re.Pattern[bytes]]:
    """The environment variables that do not name polyaxon, and the v0 REST endpoints."""
    from polylint.knowledge.platform import ENVIRONMENT, REST_ENTITIES

    names = tuple(sorted(name.encode() for name in ENVIRONMENT if not name.startswith("POLYAXON")))
    endpoints = re.compile(rb"/api/v1/[^/\s'\"]+/[^/\s'\"]+/(?:"
                           + b"|".join(entity.encode() for entity in REST_ENTITIES) + rb")\b")
    return names, endpoints


@functools.cache
def _import_line() -> re.Pattern[str]:
    from polylint.knowledge.client import V0_PACKAGES

    v0_module = "|".join(sorted(V0_PACKAGES))
    # `import polyaxon_client.tracking as t`, `from polyaxon_helper import x`: the v0 module is group 1 or 2.
    # A package name ends at a word boundary: `polyaxon_cli` is not the start of `polyaxon_client`.
    return re.compile(
        rf"^[ \t]*(?:from[ \t]+((?:{v0_module})\b(?:\.\w+)*)[ \t]+import\b|import[ \t]+(?:[\w.]+[ \t]*"
        rf"(?:as[ \t]+\w+)?[ \t]*,[ \t]*)*((?:{v0_module})\b(?:\.\w+)*))", re.MULTILINE)


def could_hold_findings(data: bytes) -> bool:
    # `polyaxon` in any case covers the packages and every POLYAXON_* variable; the endpoints catch v0
    # REST calls in files that never name polyaxon otherwise. A substring test on the lowered bytes is
    # many times faster than a case-insensitive regex scan.
    if b"polyaxon" in data.lower():
        return True
    names, endpoints = _needles()
    return any(name in data for name in names) or (b"/api/v1/" in data and endpoints.search(data) is not None)


class PythonParseError(Exception):
    """libcst could not parse the text: its reason and the 0-based offset of the line and column it named."""

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason, offset)
        self.reason = reason
        self.offset = offset


# libcst holds a node for every token with its whitespace: a multi-megabyte file (minified or generated
# code, one line of it) took gigabytes. Such files are not hand-written v0 client code; they are skipped
# with a note rather than allowed to stall a run.
MAX_PARSED_CHARACTERS = 1_000_000


def too_large(text: str) -> Optional[str]:
    """Why text is not parsed, or None."""
    if len(text) > MAX_PARSED_CHARACTERS:
        return (f"{len(text)} characters is more than the Python checks parse ({MAX_PARSED_CHARACTERS}); "
                "only v0 imports were looked for")
    return None


@functools.cache
def remember_visitor_methods() -> None:
    """Make libcst look up a batchable visitor's methods once per class instead of once per instance.

    libcst's `BatchableCSTVisitor.get_visitors` runs `inspect.getmembers` over the several hundred
    attributes of each metadata provider every time a module's metadata is resolved through a
    `MetadataWrapper` (as libcst's import visitors do, for the module-level imports the codemod leaves to
    them): about 10 ms a provider. The names depend on the class alone (the providers add no methods at run
    time), so they are found once and bound to each instance; the mapping returned is the same
    (tests/surfaces/test_python.py compares the two). Left alone if libcst's layout differs.
    """
    try:
        from libcst._batched_visitor import BatchableCSTVisitor
    except ImportError:
        return
    original = BatchableCSTVisitor.get_visitors
    names: Dict[type, Tuple[str, ...]] = {}

    def get_visitors(self: Any) -> Dict[str, Any]:
        cls = type(self)
        if cls not in names:
            names[cls] = tuple(original(self))
        return {name: getattr(self, name) for name in names[cls]}

    get_visitors.original = original  # type: ignore[attr-defined]
    BatchableCSTVisitor.get_visitors = get_visitors  # type: ignore[method-assign]


def parse(text: str) -> libcst.Module:
    """The libcst module, or PythonParseError at the parser's position."""
    import libcst

    remember_visitor_methods()
    # CPython's parser first: it refuses nesting deeper than 200 brackets, on which libcst's native parser
    # overflows its stack and kills the whole process (a fuzz crash). Parsing to an AST runs nothing.
    compiler_error = _compiler_position(text)
    if compiler_error is not None:
        raise compiler_error
    try:
        return libcst.parse_module(text)
    except libcst.ParserSyntaxError as error:
        first_line = error.message.strip().splitlines()[0] if error.message.strip() else "syntax error"
        found = PythonParseError(first_line, offset_of(text, error.raw_line, error.raw_column))
    except (RecursionError, ValueError) as error:
        found = PythonParseError(f"{type(error).__name__}: {error}", 0)
    raise found


def _compiler_position(text: str) -> Optional[PythonParseError]:
    """CPython's own message and position for a syntax error, when it has one: libcst's parser reports
    where it gave up, which for Python 2 code is often a line late ("Missing parentheses in call to
    'print'" is what the user needs). Parsing to an AST runs nothing."""
    import ast

    try:
        ast.parse(text)
    except SyntaxError as error:
        line, column = error.lineno or 1, max((error.offset or 1) - 1, 0)
        return PythonParseError(error.msg, offset_of(text, line, column))
    except (ValueError, RecursionError, MemoryError):
        return None
    return None


def offset_of(text: str, line: int, column: int) -> int:
    """Offset of a 1-based line and 0-based column (clamped to the text)."""
    position = 0
    for _ in range(max(line, 1) - 1):
        found = text.find("\n", position)
        if found < 0:
            return len(text)
        position = found + 1
    end = text.find("\n", position)
    return min(position + max(column, 0), len(text) if end < 0 else end)


def scan_v0_imports(text: str) -> Iterator[Tuple[str, int, int]]:
    """(module, start, end) of each line-level import of a v0 package, for text that does not parse.

    A regular expression over lines, not a parse: it finds `import`/`from` statements at the start of a
    line, which is what Python 2 modules and broken cells still have in common with Python 3.
    """
    for match in _import_line().finditer(text):
        group = 1 if match.group(1) else 2
        yield match.group(group), match.start(group), match.end(group)


def unparsed_diagnostics(text: str, error: PythonParseError, host_start: int) -> Iterator[Diagnostic]:
    """PLX002 for text libcst cannot parse, and PLX301 for each v0 import a line scan finds in it (host
    offsets: `text` starts at `host_start` in its host, contiguously)."""
    from polylint.read_errors import PYTHON_PARSE_ERROR
    from polylint.diagnostics import Diagnostic

    offset = host_start + error.offset
    yield Diagnostic(PYTHON_PARSE_ERROR.code, f"could not parse Python 3: {error.reason}; only v0 imports "
                     "were looked for, and nothing is rewritten", offset, offset)
    yield from scanned_imports(text, host_start, "the code does not parse")


def scanned_imports(text: str, host_start: int, why: str) -> Iterator[Diagnostic]:
    """PLX301 for each v0 import a line scan finds, for code that is not parsed."""
    from polylint.diagnostics import Diagnostic
    from polylint.knowledge.client import V0_PACKAGES

    for module, start, end in scan_v0_imports(text):
        package = module.split(".")[0]
        yield Diagnostic(V0_IMPORT_CODE, f"v0 import of `{module}`: {V0_PACKAGES[package]} (not rewritten: {why})",
                         host_start + start, host_start + end)
