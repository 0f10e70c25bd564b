"""tox.ini: the `commands`, `commands_pre` and `commands_post` of `[testenv...]` sections.

Each command line is a region. tox splits a line into an argv much as a shell does (it does not run a
shell, so `&&` and pipes are not tox's), and an indented line continues the setting; a trailing
backslash joins the next line, kept in the region as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
SECTION = r"^\[([^\]]*)\]"
SETTING = r"^(commands(?:_pre|_post)?)[ \t]*=[ \t]*"
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".ini"})


def claims(path: HostPath) -> bool:
    return path.name.lower() == "tox.ini"


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.source import Region

    in_testenv = False
    in_commands = False
    offset = 0
    for line in source.text.splitlines(keepends=True):
        start = offset
        offset += len(line)
        section = re.match(SECTION, line)
        if section:
            in_testenv = section.group(1).strip().startswith("testenv")
            in_commands = False
            continue
        setting = re.match(SETTING, line) if in_testenv else None
        if setting:
            in_commands = True
            body_start = setting.end()
        elif in_commands and line[:1] in (" ", "\t") and line.strip():
            body_start = len(line) - len(line.lstrip())
        else:
            in_commands = in_commands and line.strip() != "" and line[:1] in (" ", "\t")
            continue
        body = line[body_start:]
        if "polyaxon" in body and not body.lstrip().startswith("#"):
            yield Region.at("shell", body, start + body_start)
