"""Does an argv parse under the real v1 CLI? polyaxon 1.20.0's click tree is the judge.

``v1_parses(argv)`` walks ``polyaxon.main:cli`` group by group with ``make_context`` (the callbacks never
run, nothing touches the network) and returns the click error message, or None when click accepts the
whole line; ``v1_params(argv)`` gives the values the command would run with, so a test can check what
a rewritten call does (`ops logs` follows), not only that it parses. ``polyaxon_argvs(text)`` finds the
`polyaxon` calls of a shell text with polylint's own shell surface, so a test can check every call a
rewrite produced.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shlex
from typing import Any, Dict, List, Optional, Sequence, Tuple

os.environ.setdefault("POLYAXON_NO_API", "true")


@functools.lru_cache(maxsize=1)
def _cli() -> Any:
    import click
    from polyaxon.main import cli

    # Whether `-f preset.yml` exists is the file system's business, not the command line's: the test
    # process reads paths as plain strings, so the rest of the line is still checked.
    stack = [cli]
    while stack:
        command = stack.pop()
        for param in command.params:
            if isinstance(param.type, click.Path):
                param.type.exists = False
        if isinstance(command, click.Group):
            stack.extend(command.commands.values())
    return cli


def v1_parses(argv: Sequence[str]) -> Optional[str]:
    """None when polyaxon 1.20's CLI accepts ``polyaxon <argv>``, else click's error message."""

    return _parse(argv)[0]


def v1_params(argv: Sequence[str]) -> Dict[str, Any]:
    """The parameters polyaxon 1.20's click gives the command that ``polyaxon <argv>`` runs."""
    error, context = _parse(argv)
    assert error is None and context is not None, f"v1 rejects `polyaxon {shlex.join(argv)}`: {error}"
    params: Dict[str, Any] = context.params
    return params


def given_true_flags(argv: Sequence[str]) -> List[str]:
    """The flags defaulting to true that ``argv`` gives its command (`ops logs --follow`): click < 8.3
    reads such a flag, when given, as false and click >= 8.3 as true, so no rewrite may give one."""
    import click

    error, context = _parse(argv)
    assert error is None, f"v1 rejects `polyaxon {shlex.join(argv)}`: {error}"
    if context is None:  # --help
        return []
    spellings = {spelling for param in context.command.params
                 if isinstance(param, click.Option) and param.is_flag and param.default is True
                 and not param.secondary_opts for spelling in param.opts}
    return [word for word in argv if word in spellings]


def _parse(argv: Sequence[str]) -> Tuple[Optional[str], Any]:
    """Click's error message (None when it accepts the line) and the context of the command it runs."""
    # --help and a group without a command print help; keep the test output clean.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return _walk(_cli(), "polyaxon", list(argv), None)


def _walk(command: Any, name: str, args: List[str], parent: Any) -> Tuple[Optional[str], Any]:
    import click

    try:
        while True:
            if isinstance(command, click.Group) and not args:
                return "a command group needs a command", None
            context = command.make_context(name, args, parent=parent, resilient_parsing=False)
            if not isinstance(command, click.Group):
                return None, context
            rest = [*getattr(context, "_protected_args", []), *context.args]
            if not rest:
                return "a command group needs a command", None
            name, command, args = command.resolve_command(context, rest)
            parent = context
    except click.exceptions.Exit:
        return None, None
    except click.ClickException as error:
        return error.format_message(), None


def polyaxon_argvs(text: str) -> List[List[str]]:
    """The argv (after `polyaxon`) of every polyaxon call in a shell text; words must be static or
    simple variables (replaced by a placeholder value, as the shell would expand them)."""
    from polylint.surfaces.shell import find_calls

    argvs = []
    for call in find_calls(text):
        argv = []
        for word in call.arguments:
            if word.value is not None:
                argv.append(word.value)
            else:
                # Expand variables to a stand-in value, as the shell would before polyaxon sees them.
                expanded = os.path.expandvars(word.raw)
                argv.extend(shlex.split(expanded.replace("$", "X")) or ["X"])
        argvs.append(argv)
    return argvs


def python_argvs(module: str) -> List[List[str]]:
    """The argv (after `polyaxon`) of every polyaxon command line a Python module builds, as it would run: a
    string that starts with `polyaxon ` or a list whose first element is `"polyaxon"`; a replacement field
    (`{xp}`, `{}`, `%s`) or an element known only at run time stands for one word, `X`."""
    import ast
    import re

    def words(node: ast.AST) -> List[str]:
        assert isinstance(node, (ast.List, ast.Tuple))
        return [element.value if isinstance(element, ast.Constant) else "X" for element in node.elts]

    tree = ast.parse(module)
    pieces = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    argvs: List[List[str]] = []
    # `args = ["polyaxon", ...]` then `args += [...]` or `args.extend([...])` in the same block: one argv.
    built = set()
    for block in [node.body for node in ast.walk(tree) if isinstance(getattr(node, "body", None), list)]:
        growing: dict = {}
        for statement in block:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and \
                    isinstance(statement.targets[0], ast.Name) and isinstance(statement.value, ast.List) and \
                    statement.value.elts and isinstance(statement.value.elts[0], ast.Constant) and \
                    statement.value.elts[0].value == "polyaxon":
                growing[statement.targets[0].id] = words(statement.value)[1:]
                argvs.append(growing[statement.targets[0].id])
                built.add(id(statement.value))
            elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name) and \
                    statement.target.id in growing and isinstance(statement.value, ast.List):
                growing[statement.target.id].extend(words(statement.value))
                built.add(id(statement.value))
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
                    isinstance(statement.value.func, ast.Attribute) and statement.value.func.attr == "extend" and \
                    isinstance(statement.value.func.value, ast.Name) and statement.value.func.value.id in growing \
                    and statement.value.args and isinstance(statement.value.args[0], ast.List):
                growing[statement.value.func.value.id].extend(words(statement.value.args[0]))
                built.add(id(statement.value.args[0]))
    for node in ast.walk(tree):
        if id(node) in built:
            continue
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts and isinstance(node.elts[0], ast.Constant) \
                and node.elts[0].value == "polyaxon":
            argvs.append(words(node)[1:])
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant) and \
                str(node.values[0].value).startswith("polyaxon "):
            text = "".join(str(part.value) if isinstance(part, ast.Constant) else "X" for part in node.values)
            argvs.append(shlex.split(text)[1:])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in pieces \
                and node.value.startswith("polyaxon "):
            argvs.append(shlex.split(re.sub(r"\{[^{}]*\}|%[sdir]", "X", node.value))[1:])
    return argvs


def assert_v1(text: str) -> None:
    """Every polyaxon call in ``text`` parses under polyaxon 1.20's CLI."""
    for argv in polyaxon_argvs(text):
        error = v1_parses(argv)
        assert error is None, f"v1 rejects `polyaxon {shlex.join(argv)}`: {error}"
        assert not given_true_flags(argv), f"`polyaxon {shlex.join(argv)}` means one thing or another by click version"


def assert_not_v1(argv: Sequence[str]) -> None:
    assert v1_parses(argv) is not None, f"v1 accepts `polyaxon {shlex.join(argv)}`"
