"""Markdown shell fences: ```` ```bash ````, `sh`, `shell`, `zsh`, `console`, `shell-session`, and fences with no
language, which READMEs often use for commands (a YAML or Python snippet in one holds no shell call).

A console block (or any shell fence whose lines start with a `$ ` prompt, as READMEs often write them)
is a transcript: the commands are the prompt lines without `$ `, plus the lines continuing them; the
other lines are output and are skipped. Each fence is one shell region mapped line by line to the file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath
from polylint.hosts._markdown import MARKDOWN_SUFFIXES

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession"})
UNTAGGED = ""
TRANSCRIPTS = frozenset({"console", "shell-session", "shellsession"})
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(MARKDOWN_SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(MARKDOWN_SUFFIXES)


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._markdown import fences
    from polylint.hosts._pieces import pieces_region
    from polylint.hosts._shell_lines import console_pieces, has_prompts

    for fence in fences(source.text, SHELL_LANGUAGES | {UNTAGGED}):
        if "polyaxon" not in fence.body:
            continue
        lines = [(line.host_start, line.text) for line in fence.lines]
        if fence.language in TRANSCRIPTS or has_prompts(lines):
            yield pieces_region("shell", console_pieces(lines), meta={"fence": fence.language})
        else:
            yield pieces_region("shell", lines, meta={"fence": fence.language})
