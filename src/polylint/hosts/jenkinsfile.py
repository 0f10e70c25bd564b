"""Jenkinsfiles (best effort): the string given to a pipeline `sh` step, in any Groovy quoting.

`sh 'cmd'`, `sh "cmd"`, triple-quoted strings of either kind and `sh(script: '...')` are found with
a pattern, not a Groovy parser. A string with a backslash or (in double quotes) a `$` is not the shell
text as written: Groovy unescapes and interpolates it first, so its findings come without a fix, and a
fix never brings a quote of the string's own kind into it.
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
SH_STEP = r"""\bsh\b\s*\(?\s*(?:script\s*:\s*)?(?P<quote>'''|\"\"\"|'|")"""
POLYAXON = re.compile(rb"polyaxon")


# Words one of which the lower-cased name of every file `claims` accepts holds, whatever its suffix.
CLAIMED_NAME_WORDS = ("jenkinsfile",)


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    return name == "jenkinsfile" or name.startswith("jenkinsfile.") or name.endswith(".jenkinsfile")


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._pieces import pieces_region

    text = source.text
    for step in re.finditer(SH_STEP, text):
        quote = step.group("quote")
        start = step.end()
        end = _closing(text, start, quote)
        if end < 0:
            continue
        body = text[start:end]
        if "polyaxon" not in body:
            continue
        interpolated = quote.startswith('"') and "$" in body
        exact = "\\" not in body and not interpolated
        yield pieces_region("shell", [(start, body)], forbidden=quote[0] + "\\$", read_only=not exact,
                            meta={"jenkins": quote})


def _closing(text: str, start: int, quote: str) -> int:
    position = start
    while True:
        found = text.find(quote, position)
        if found < 0 or (len(quote) == 1 and "\n" in text[start:found]):
            return -1
        if text[found - 1] != "\\":
            return found
        position = found + 1
