"""Shell scripts: `*.sh`, `*.bash`, `*.zsh`, `*.ksh`, and files without an extension that start with a
shell shebang (`#!/bin/bash`, `#!/usr/bin/env sh`...). The whole file is one shell region."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SUFFIXES = (".sh", ".bash", ".zsh", ".ksh")
# Extensionless files other host kinds own, or that are never scripts.
OTHER_KINDS = frozenset({"makefile", "gnumakefile", "dockerfile", "jenkinsfile", "containerfile"})
SHEBANG = re.compile(rb"\A(?:\xef\xbb\xbf)?#![ \t]*(?:/usr)?(?:/local)?/bin/(?:env[ \t]+(?:-S[ \t]+)?)?"
                     rb"(?:ba|z|k|da|a)?sh\b")
POLYAXON = re.compile(rb"polyaxon")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(SUFFIXES) | {""}


def claims(path: HostPath) -> bool:
    name = path.name.lower()
    return name.endswith(SUFFIXES) or ("." not in name and name not in OTHER_KINDS)


def prefilter(data: bytes) -> bool:
    # Extensionless files are claimed by name, so a binary one must not get this far and be reported as
    # binary: a script is text.
    return POLYAXON.search(data) is not None and (SHEBANG.match(data) is not None or b"\x00" not in data[:8192])


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.source import Region

    if source.path.lower().endswith(SUFFIXES) or SHEBANG.match(source.data):
        yield Region("shell", source.text)
