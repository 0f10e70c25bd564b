"""Host kinds: which files hold surface code, and how to cut a host into regions.

A host kind is a module in this package with three functions:

- ``claims(path: PurePath) -> bool``: by name alone (no I/O), could this file be one of mine?
- ``prefilter(data: bytes) -> bool``: could these bytes hold a finding? Cheap: no parse, no heavy import.
- ``regions(source: SourceFile) -> Iterator[Region | Diagnostic]``: the regions, or a ``PLX0xx``
  diagnostic in host offsets for what could not be parsed. Parsers are imported here, lazily.

Modules are found with ``pkgutil``; a new host kind is a new module.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import PurePath
from types import ModuleType
from typing import Tuple


@functools.lru_cache(maxsize=None)
def host_kinds() -> Tuple[ModuleType, ...]:
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if not info.name.startswith("_"):
            modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return tuple(modules)


@functools.lru_cache(maxsize=65536)
def claiming(path: str) -> Tuple[ModuleType, ...]:
    """The host kinds that claim a path, by its name alone (remembered: discovery and runner both ask)."""
    pure = PurePath(path)
    return tuple(kind for kind in host_kinds() if kind.claims(pure))
