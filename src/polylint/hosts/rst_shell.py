"""reStructuredText documentation (`*.rst`, `*.rest`), for shell: the commands of its literal blocks, code
directives and inline literals.

- `.. code-block:: bash` / `.. code:: sh` / `.. sourcecode:: console` (any shell language of the Markdown
  host, ``markdown_shell.SHELL_LANGUAGES``) and `.. prompt:: bash`: the directive's indented body, after its
  option lines (`:linenos:`), is one shell region (a transcript without its `$ ` prompts and output lines).
  Without a language, or with `text`/`none`, the body is read only when one of its lines reads as a v0 call.
- A literal block, the indented lines after a paragraph that ends with `::`: read when one of its lines reads
  as a v0 call (``hosts/_prose.py``: `polyaxon`, then a v0 command word), as docs use them for shell, Python
  and YAML alike.
- An inline literal, ````polyaxon init seg````, that reads as a v0 call and names a whole v0 command (not
  ````polyaxon experiment````, the group): rewritten in place, exactly, when the rewritten command parses and
  brings no backtick.

A body keeps its line breaks and loses its indentation (the least of its lines'), so each line maps back to
the file exactly.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Tuple, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SUFFIXES = (".rst", ".rest")
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
DIRECTIVE = r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>code-block|code|sourcecode|prompt)::[ \t]*(?P<language>\S*)"
OTHER_DIRECTIVE = r"^[ \t]*\.\.[ \t]"
OPTION = r"^[ \t]+:[\w-]+:"
# Languages whose body is read only when a line of it reads as a v0 call: none said, or plain text.
PLAIN = frozenset({"", "text", "none", "default"})
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._pieces import pieces_region
    from polylint.hosts._prose import call_start, inline_literals
    from polylint.hosts._shell_lines import console_pieces, has_prompts
    from polylint.hosts.markdown_shell import SHELL_LANGUAGES, TRANSCRIPTS
    from polylint.surfaces.shell import WHOLE_PATHS_ONLY

    lines: List[Tuple[int, str]] = []
    offset = 0
    for line in source.text.splitlines(keepends=True):
        lines.append((offset, line))
        offset += len(line)
    index = 0
    while index < len(lines):
        start, line = lines[index]
        index += 1
        directive = re.match(DIRECTIVE, line)
        literal = directive is None and not re.match(OTHER_DIRECTIVE, line) and line.rstrip().endswith("::")
        if directive is not None or literal:
            indent = _indent(line)
            if directive is not None:
                while index < len(lines) and re.match(OPTION, lines[index][1]):
                    index += 1
            body, index = _body(lines, index, indent)
            language = directive.group("language").lower() if directive is not None else ""
            if not body or (language not in SHELL_LANGUAGES and language not in PLAIN):
                continue
            if language in PLAIN and not any(call_start(piece) is not None for _, piece in body):
                continue
            if "polyaxon" not in "".join(piece for _, piece in body):
                continue
            # `.. prompt::` bodies are commands without their prompts; elsewhere `$ ` lines make a transcript.
            prompted = directive is not None and directive.group("name") == "prompt"
            transcript = language in TRANSCRIPTS or (not prompted and has_prompts(body))
            kind = directive.group("name") if directive is not None else "literal"
            yield pieces_region("shell", console_pieces(body) if transcript else body, meta={"rst": kind})
            continue
        for inline in inline_literals(line, start, "``"):
            command = call_start(inline.text)
            if command is not None:
                yield pieces_region("shell", [(inline.start + command, inline.text[command:])], forbidden="`\n",
                                    meta={"rst": "inline", WHOLE_PATHS_ONLY: True})


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _body(lines: List[Tuple[int, str]], index: int, indent: int) -> Tuple[List[Tuple[int, str]], int]:
    """The indented block from lines[index] on (after the blank lines that open it): its lines without the
    indentation they share, and the index of the line after it. Empty when no line is indented past
    ``indent``."""
    first = index
    while first < len(lines) and not lines[first][1].strip():
        first += 1
    end = first
    while end < len(lines) and (not lines[end][1].strip() or _indent(lines[end][1]) > indent):
        end += 1
    while end > first and not lines[end - 1][1].strip():
        end -= 1
    if first in (end, index):  # no block, or not after a blank line
        return [], max(index, end)
    cut = min(_indent(line) for _, line in lines[first:end] if line.strip())
    body: List[Tuple[int, str]] = []
    for start, line in lines[first:end]:
        removed = min(cut, len(line.rstrip("\r\n")))
        body.append((start + removed, line[removed:]))
    return body, end
