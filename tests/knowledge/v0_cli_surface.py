"""Write every command line of polyaxon-cli 0.6.1's own click tree, one a line, to stdout.

Not run by the test suite: it needs the v0 package, which does not install next to polyaxon 1.20. Run it in a
venv of its own, and commit its output as ``v0_cli_surface.txt`` beside it::

    python3 -m venv /tmp/v0cli
    /tmp/v0cli/bin/pip install polyaxon-cli==0.6.1 markupsafe==2.0.1
    /tmp/v0cli/bin/python tests/knowledge/v0_cli_surface.py > tests/knowledge/v0_cli_surface.txt

(markupsafe 2.0.1: the jinja2 that polyaxon-schemas 0.6.1 pins imports a name later markupsafes dropped.)

For each leaf command: the command with its required arguments; then once with each spelling of each option
of its group (a run selector long, `--experiment=2`, and short, `-xp 2`) and of its own options, with a value
of the option's type. ``test_cli.py`` judges each line with polyaxon 1.20's click tree.
"""

import collections
import collections.abc
import shlex
import sys
from typing import Any, Iterator, List

# polyaxon-schemas 0.6.1 and its pins import the abstract collections from `collections`, as Python 2 had them.
for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable", "Set", "MutableSet",
              "MutableSequence"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

import click  # noqa: E402
from polyaxon_cli.main import cli  # noqa: E402

# A value for an option or argument, by its name; else by its click type.
VALUES = {
    "project": "mnist", "experiment": "2", "group": "3", "job": "4", "build": "5", "username": "alice",
    "name": "n", "description": "d", "tags": "a,b", "url": "https://github.com/org/repo.git",
    "query": "status:running", "sort": "-created_at", "params": "lr=0.1", "token": "TOKEN", "password": "secret",
    "host": "localhost", "conda_env": "env", "commit": "abc123", "file": "polyaxonfile.yml",
    "manager_path": "manager", "keys": "host", "shell": "bash", "node": "1",
}


def value(param: Any) -> str:
    if param.name in VALUES:
        return VALUES[param.name]
    if isinstance(param.type, click.types.IntParamType):
        return "2"
    if isinstance(param.type, click.types.BoolParamType):
        return "true"
    raise SystemExit(f"no value for {param.name} ({param.type})")


def option_words(option: Any, spelling: str) -> List[str]:
    return [spelling] if option.is_flag else [spelling, value(option)]


def options(command: Any) -> List[Any]:
    return [param for param in command.params if isinstance(param, click.Option)]


def required(command: Any) -> List[str]:
    return [value(param) for param in command.params if isinstance(param, click.Argument) and param.required]


def lines(command: Any, path: List[str], group_options: List[Any]) -> Iterator[List[str]]:
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from lines(sub, [*path, name], options(command) if path else [])
        return
    group, leaf = path[:-1], path[-1:]
    tail = required(command)
    yield [*group, *leaf, *tail]
    for option in group_options:
        for spelling in option.opts + option.secondary_opts:
            yield [*group, *option_words(option, spelling), *leaf, *tail]
            if spelling.startswith("--") and not option.is_flag:
                yield [*group, f"{spelling}={value(option)}", *leaf, *tail]
    for option in options(command):
        for spelling in option.opts + option.secondary_opts:
            yield [*group, *leaf, *tail, *option_words(option, spelling)]


def main() -> None:
    for option in options(cli):
        for spelling in option.opts:
            sys.stdout.write(f"polyaxon {spelling} version\n")
    for words in lines(cli, [], []):
        sys.stdout.write(f"polyaxon {shlex.join(words)}\n")


if __name__ == "__main__":
    main()
