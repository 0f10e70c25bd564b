"""pip requirements files: `requirements*.txt`, pip-tools `*.in`, constraints, `polyaxon_requirements.txt`.

One ``PinGroup`` per file. Logical lines follow pip: a trailing backslash continues a line, `#` at the
start of a line or after whitespace starts a comment, lines starting with `-` are options (`-r`/`-c`
includes are left alone; the included file is checked on its own). An editable or URL requirement whose
`#egg=` names a v0 package is reported without a fix, and so is every entry of a file that pins
`--hash`es: a lock file must be regenerated, not edited.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.requirements import Pin

SURFACE = "requirements"
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
_CONTINUATION = r"\\\r?\n"
_COMMENT = re.compile(r"(^|\s)#")
_EGG = r"#egg=([A-Za-z0-9._-]+)"
# What may follow a requirement on its line: its marker, or per-requirement options.
_REST = re.compile(r"\s*($|;|--)")
_HASH = r"(^|\s)--hash[=\s]"
_NOT_REQUIREMENTS_IN = frozenset({"manifest.in", "makefile.in", "configure.in"})
LOCKED = "this file pins `--hash`es (a lock file): regenerate it (e.g. `pip-compile`) from its source"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".txt", ".in"})


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    if name.endswith(".txt"):
        return "requirements" in name or name.startswith("constraints") or path.parent.name == "requirements"
    # pip-tools inputs (`requirements.in`, `dev.in`), not autotools templates (`Makefile.in`, `config.h.in`).
    return name.endswith(".in") and "." not in name[:-3] and name not in _NOT_REQUIREMENTS_IN


def prefilter(data: bytes) -> bool:
    return MENTIONS_V0_PACKAGE.search(data) is not None


def logical_lines(text: str) -> Iterator[Tuple[int, str]]:
    """(start offset, line) with continuations blanked to spaces, so offsets in the line are host offsets."""
    blanked = re.sub(_CONTINUATION, lambda match: " " * len(match.group(0)), text)
    start = 0
    for line in blanked.splitlines(keepends=True):
        yield start, line.rstrip("\r\n")
        start += len(line)


def _without_comment(line: str) -> str:
    match = _COMMENT.search(line)
    return line if match is None else line[: match.start()]


def _url_pin(text: str, start: int, body: str) -> Optional[Pin]:
    """An editable or URL requirement, identified by its `#egg=` fragment; never rewritten."""
    from polylint.diagnostics import Edit
    from polylint.surfaces.requirements import Pin, Requirement, line_span

    egg = re.search(_EGG, body)
    if egg is None:
        return None
    name_start = start + egg.start(1)
    requirement = Requirement(egg.group(1), name_start, "", (), "", start + egg.end(1), url=body.strip())
    span = line_span(text, start, start + len(body))
    return Pin(requirement, name_start, name_start + len(egg.group(1)), (Edit(*span, ""),),
               frozen="a URL or editable requirement is not rewritten")


def pins(text: str) -> List[Pin]:
    from polylint.diagnostics import Edit
    from polylint.surfaces.requirements import Pin, line_span, parse_requirement

    lines = list(logical_lines(text))
    locked = any(re.search(_HASH, _without_comment(line)) for _, line in lines)
    found: List[Pin] = []
    for start, line in lines:
        body = _without_comment(line)
        stripped = body.strip()
        if not stripped:
            continue
        if stripped.startswith("-") and re.match(r"\s*(-e|--editable)(=|\s|$)", body) is None:
            continue
        requirement = None if stripped.startswith("-") else parse_requirement(body)
        if requirement is None or not _REST.match(body, requirement.core_end):
            pin = _url_pin(text, start, body)
            if pin is not None:
                found.append(pin)
            continue
        shifted = requirement.shifted(start)
        core = shifted.core
        removal = (Edit(*line_span(text, start, start + len(line)), ""),)
        frozen = LOCKED if locked else ("a URL requirement is not rewritten" if requirement.url else None)
        found.append(Pin(shifted, core[0], core[1], removal, core=core, frozen=frozen))
    return found


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.source import Region
    from polylint.surfaces.requirements import PinGroup

    group = PinGroup("this file", tuple(pins(source.text)))
    yield Region(SURFACE, source.text, tree=(group,))
