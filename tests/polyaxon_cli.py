"""Does an argv parse under the real v1 CLI? polyaxon 1.20.0's click tree is the judge.

``v1_parses(argv)`` walks ``polyaxon.main:cli`` group by group with ``make_context`` (the callbacks never
run, nothing touches the network) and returns the click error message, or None when click accepts the
whole line. ``v1_calls(text)`` finds the `polyaxon` calls of a shell text with polylint's own shell
surface, so a test can check every call a rewrite produced.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shlex
from typing import Any, List, Optional, Sequence

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

    command = _cli()
    name = "polyaxon"
    args: List[str] = list(argv)
    parent = None
    # --help and a group without a command print help; keep the test output clean.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return _walk(command, name, args, parent)


def _walk(command: Any, name: str, args: List[str], parent: Any) -> Optional[str]:
    import click

    try:
        while True:
            if isinstance(command, click.Group) and not args:
                return "a command group needs a command"
            context = command.make_context(name, args, parent=parent, resilient_parsing=False)
            if not isinstance(command, click.Group):
                return None
            rest = [*getattr(context, "_protected_args", []), *context.args]
            if not rest:
                return "a command group needs a command"
            name, command, args = command.resolve_command(context, rest)
            parent = context
    except click.exceptions.Exit:
        return None
    except click.ClickException as error:
        return error.format_message()


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


def assert_v1(text: str) -> None:
    """Every polyaxon call in ``text`` parses under polyaxon 1.20's CLI."""
    for argv in polyaxon_argvs(text):
        error = v1_parses(argv)
        assert error is None, f"v1 rejects `polyaxon {shlex.join(argv)}`: {error}"


def assert_not_v1(argv: Sequence[str]) -> None:
    assert v1_parses(argv) is not None, f"v1 accepts `polyaxon {shlex.join(argv)}`"
