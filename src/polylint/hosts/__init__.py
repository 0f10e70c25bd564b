"""Host kinds: which files hold surface code, and how to cut a host into regions.

A host kind is a module in this package with three functions:

- ``claims(path: PurePath) -> bool``: by name alone (no I/O), could this file be one of mine?
- ``prefilter(data: bytes) -> bool``: could these bytes hold a finding? Cheap: no parse, no heavy import.
- ``regions(source: SourceFile) -> Iterator[Region | Diagnostic | Note]``: the regions, a ``Note`` for a
  part left unchecked on purpose (shown with ``-v``), or a ``PLX0xx``
  diagnostic in host offsets for what could not be parsed. Parsers are imported here, lazily.

Modules are found with ``pkgutil``; a new host kind is a new module.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import PurePath, PurePosixPath
from types import ModuleType
from typing import Tuple


@functools.cache
def host_kinds() -> Tuple[ModuleType, ...]:
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if not info.name.startswith("_"):
            modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return tuple(modules)


class HostPath(PurePosixPath):
    """The path every host kind's `claims` reads; computed once, since each of them asks for the name."""

    @functools.cached_property
    def name(self) -> str:
        return super().name

    @functools.cached_property
    def suffix(self) -> str:
        return super().suffix

    @functools.cached_property
    def parts(self) -> Tuple[str, ...]:
        return super().parts


@functools.lru_cache(maxsize=65536)
def claiming(path: str) -> Tuple[ModuleType, ...]:
    """The host kinds that claim a path, by its name alone (remembered: discovery and runner both ask)."""
    pure = HostPath(PurePath(path).as_posix())
    return tuple(kind for kind in host_kinds() if kind.claims(pure))
