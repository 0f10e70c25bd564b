"""Dockerfiles: `RUN` in shell form, and `RUN`/`CMD`/`ENTRYPOINT` in exec form (a JSON array).

Shell form: the instruction's text after `RUN` (and its `--mount=...` style flags), continued by lines
ending in the escape character. Docker drops comment lines inside a continued instruction before the
shell sees it, so the region leaves them out (its pieces map line by line). A here-document that BuildKit
runs as the script (`RUN <<EOF`, `RUN bash <<EOF`) is a region of its own. Exec form: the array is an
argv, not shell; its region is the argv written as shell words, and an edit goes back as JSON array
edits (``ExecFormRegion``). `CMD`/`ENTRYPOINT` in shell form run at container start, the same as `RUN`
for our purpose, so they are regions too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
INSTRUCTION = r"(?i)^[ \t]*(RUN|CMD|ENTRYPOINT)\b[ \t]*((?:--[\w-]+(?:=\S*)?[ \t]+)*)"
ESCAPE_DIRECTIVE = r"(?im)^#[ \t]*escape[ \t]*=[ \t]*(\S)"
# A BuildKit here-document (`RUN <<EOF`): `<<` or `<<-`, and a word, perhaps quoted.
HEREDOC = r"<<(-?)[ \t]*([\"']?)([A-Za-z_][\w.-]*)\2"
COMMENT_LINE = r"^[ \t]*#"
POLYAXON = re.compile(rb"polyaxon")


# Words one of which the lower-cased name of every file `claims` accepts holds, whatever its suffix.
CLAIMED_NAME_WORDS = ("dockerfile", "containerfile")


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    return name.startswith(("dockerfile", "containerfile")) or name.endswith((".dockerfile", ".containerfile"))


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._exec_form import exec_form
    from polylint.hosts._pieces import pieces_region

    text = source.text
    head = re.match(ESCAPE_DIRECTIVE, text)
    escape = head.group(1) if head else "\\"
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    index = 0
    while index < len(lines):
        instruction = re.match(INSTRUCTION, lines[index])
        first = index
        pieces: List[Tuple[Optional[int], str]] = []
        index += 1
        if instruction is None:
            continue
        body_start = starts[first] + instruction.end()
        pieces.append((body_start, lines[first][instruction.end():]))
        continued = _continues(lines[first], escape)
        while continued and index < len(lines):
            line = lines[index]
            index += 1
            if re.match(COMMENT_LINE, line) or not line.strip():
                continue
            pieces.append((starts[index - 1], line))
            continued = _continues(line, escape)
        body = "".join(piece for _, piece in pieces)
        if not body.lstrip().startswith("[") and re.search(HEREDOC, body):
            script, index = _heredocs(body, lines, starts, index)
            if script is not None and "polyaxon" in "".join(piece for _, piece in script):
                yield pieces_region("shell", script, meta={"instruction": instruction.group(1).upper()})
        if "polyaxon" not in body:
            continue
        if body.lstrip().startswith("["):
            region = exec_form(text, body_start + len(body) - len(body.lstrip()))
            if region is not None:
                yield region
        elif escape == "\\":
            yield pieces_region("shell", pieces, meta={"instruction": instruction.group(1).upper()})


def _heredocs(body: str, lines: List[str], starts: List[int],
              index: int) -> Tuple[Optional[List[Tuple[Optional[int], str]]], int]:
    """The here-documents that follow an instruction from lines[index]: the pieces of the one the shell runs
    as its script (None when it is another program's input: `RUN python3 <<EOF`), and the line after them.

    BuildKit runs a here-document as the script when the instruction has no command but here-documents, or
    hands it to a shell (`RUN bash <<EOF`)."""
    from polylint.surfaces.shell import SHELLS

    # `<<EOF` in quotes is text (an even number of quotes before it is the test).
    markers = [marker for marker in re.finditer(HEREDOC, body)
               if body.count("'", 0, marker.start()) % 2 == 0 and body.count('"', 0, marker.start()) % 2 == 0]
    # The first command, here-documents left out: none, or a shell given no script (`bash -e <<EOF && ...`).
    command = re.split(r"[;&|]", re.sub(HEREDOC, " ", body), maxsplit=1)[0].split()
    runs_script = not command or (command[0].rsplit("/", 1)[-1] in SHELLS and all(
        word.startswith("-") and "c" not in word for word in command[1:]))
    script: Optional[List[Tuple[Optional[int], str]]] = None
    position = index
    for number, marker in enumerate(markers):
        pieces: List[Tuple[Optional[int], str]] = []
        while True:
            if position == len(lines):
                return None, index  # no line ends it: not a here-document after all
            line = lines[position]
            position += 1
            content = line.rstrip("\r\n")
            if (content.lstrip("\t") if marker.group(1) else content) == marker.group(3):
                break
            pieces.append((starts[position - 1], line))
        if number == 0 and runs_script:
            script = pieces
    return script, position


def _continues(line: str, escape: str) -> bool:
    return line.rstrip().endswith(escape)
