"""Shell in Python modules: the command line a module hands to `os.system`, `os.popen` or `subprocess`.

ML repositories drive the CLI from Python: `os.system` given "polyaxon experiment -xp 3 logs"
(real-world-patterns.md). A plain one-line string literal is a shell region of its own text, rewritten in
place with nothing its quotes or Python's escapes would read otherwise; an argv list, an f-string, or a
literal with a prefix, escapes or several parts is read (what is known only when the module runs, as a
variable) and reported at its place, never rewritten. The module is read with `ast`: libcst is for the
modules whose Python itself changes (python_module.py), and a module that does not parse is reported there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Set, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".py"})
# The functions whose first argument is a command line, by module.
RUNNERS = {
    "os": frozenset({"system", "popen"}),
    "subprocess": frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput",
                             "getstatusoutput"}),
}


def claims(path: HostPath) -> bool:
    return path.suffix == ".py"


def prefilter(data: bytes) -> bool:
    return b"polyaxon" in data and (b"system" in data or b"subprocess" in data or b"popen" in data)


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    import ast

    try:
        tree = ast.parse(source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    imported = _imported_runners(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and _runs_a_command(node.func, imported):
            region = _command_region(source, node.args[0])
            if region is not None:
                yield region


def _imported_runners(tree: Any) -> Set[str]:
    """The names that `from os import system` and the like bind to a runner."""
    import ast

    return {alias.asname or alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module in RUNNERS
            for alias in node.names if alias.name in RUNNERS[node.module]}


def _runs_a_command(function: Any, imported: Set[str]) -> bool:
    import ast

    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        return function.attr in RUNNERS.get(function.value.id, ())
    return isinstance(function, ast.Name) and function.id in imported


def _command_region(source: SourceFile, argument: Any) -> Union[Region, None]:
    import ast
    import shlex

    from polylint.hosts._pieces import GuardedRegion, pieces_region
    from polylint.source import Segment

    start = _offset(source, argument.lineno, argument.col_offset)
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        command = argument.value
        end_line, end_column = argument.end_lineno, argument.end_col_offset  # set on every parsed node
        written = "" if end_line is None or end_column is None else \
            source.text[start:_offset(source, end_line, end_column)]
        in_place = (written[:1] in ("'", '"') and written[1:-1] == command and written[-1:] == written[:1]
                    and not written.startswith(written[0] * 3) and "\\" not in written and "\n" not in written)
    elif isinstance(argument, ast.JoinedStr):
        # An f-string: what it holds only when the module runs reads as a variable.
        command = "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "$VALUE"
                          for part in argument.values)
        in_place = False
    elif isinstance(argument, (ast.List, ast.Tuple)) and argument.elts:
        # What the shell would see, a word an element; one known only when the module runs is a variable.
        command = " ".join(shlex.quote(element.value)
                           if isinstance(element, ast.Constant) and isinstance(element.value, str) else "$VALUE"
                           for element in argument.elts)
        in_place = False
    else:
        return None
    if "polyaxon" not in command:
        return None
    if in_place:
        return pieces_region("shell", [(start + 1, command)], forbidden=written[0] + "\\")
    # Every position is the argument's, and no edit goes back.
    return GuardedRegion("shell", command, (Segment(0, start, 0),), read_only=True)


def _offset(source: SourceFile, line: int, byte_column: int) -> int:
    """The character offset of ast's 1-based line and UTF-8 byte column."""
    line_start = source.index.offset(line, 1)
    line_end = source.text.find("\n", line_start)
    line_text = source.text[line_start:] if line_end < 0 else source.text[line_start:line_end]
    return line_start + len(line_text.encode("utf-8")[:byte_column].decode("utf-8", errors="replace"))
