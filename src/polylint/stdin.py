"""What standard input holds when no ``--stdin-filename`` names it.

The host kinds are chosen by file name; standard input has none. Its content says which surface it is in
the common cases (a Polyaxonfile, a Python module, a shell script, and the requirements files and
Dockerfiles piped as often); when it does not, the CLI asks for a name instead of passing text it did not
check.
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

_SHELLS = re.compile(r"(?:ba|da|z|k|a)?sh$")
_PYTHON_STATEMENT = re.compile(
    r"^(?:import\s+[\w.]+|from\s+\.*[\w.]*\s+import\b|(?:async\s+)?def\s+\w+\s*\(|class\s+\w+)", re.MULTILINE)
# The first line of a YAML mapping: a key at the margin (a Python annotation `x: int` would be one too,
# but a module that imports nothing and defines nothing holds nothing the Python rules look for).
_YAML_KEY = re.compile(r"""^(?:[\w.-]+|"[^"]*"|'[^']*')\s*:(?:\s|$)""")
_REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*(?P<version>[<>=!~]=|===?|[<>]|;|$)")
_PACKAGE = re.compile(r"^polyaxon[-_.]", re.IGNORECASE)
_PIP_OPTION = re.compile(r"^(?:-r|-c|-e|--\w[\w-]*)(?:\s|=|$)")
_DOCKERFILE = re.compile(r"^(?:FROM|ARG)\s", re.IGNORECASE)
_COMMAND = re.compile(r"^[\w./${}-]+(?:\s|$)")

# The names the content is checked under, so that the host kinds that would claim such a file do.
STAND_INS = {"Python": "-.py", "shell": "-.sh", "YAML": "-.yml", "requirements": "requirements.txt",
             "Dockerfile": "Dockerfile"}


def detect(data: bytes) -> Optional[Tuple[str, str]]:
    """(what standard input holds, the name to check it under), or None when the content does not say."""
    program = _interpreter(data)
    if program.startswith("python"):
        return _named("Python")
    if _SHELLS.match(program):
        return _named("shell")
    text = data.decode("utf-8", errors="replace")
    if _PYTHON_STATEMENT.search(text):  # also Python 2, which does not parse, but imports v0 packages
        return _named("Python")
    lines = [line for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#") and line.strip() != "---"
             and not line.startswith("%")]
    if not lines:
        return None
    if _YAML_KEY.match(lines[0]):
        return _named("YAML")
    options = [line for line in lines if _PIP_OPTION.match(line.strip())]
    requirements = [_REQUIREMENT.match(line.strip()) for line in lines if not _PIP_OPTION.match(line.strip())]
    # Bare names alone could be commands (`ls`): a version, a pip option or a polyaxon package's name
    # (the command is `polyaxon`; `polyaxon-cli` and `polyaxon_client` are packages) says requirements.
    if all(requirements) and (options or any(match.group("version") or _PACKAGE.match(match.group(0))
                                             for match in requirements if match)):
        return _named("requirements")
    if _DOCKERFILE.match(lines[0]):
        return _named("Dockerfile")
    if _COMMAND.match(lines[0].lstrip()):
        return _named("shell")
    return None


def _interpreter(data: bytes) -> str:
    """The program a `#!` line names (through `env`), or ""."""
    if not data.startswith(b"#!"):
        return ""
    words = [word.rsplit("/", 1)[-1] for word in data[2:].split(b"\n", 1)[0].decode("utf-8", "replace").split()]
    if words and words[0] == "env":
        words = [word for word in words[1:] if not word.startswith("-") and "=" not in word]
    return words[0] if words else ""


def _named(surface: str) -> Tuple[str, str]:
    return surface, STAND_INS[surface]
