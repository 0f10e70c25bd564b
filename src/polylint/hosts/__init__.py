"""Host kinds: which files hold surface code, and how to cut a host into regions.

A host kind is a module in this package with three functions:

- ``claims(path: HostPath) -> bool``: by name alone (no I/O), could this file be one of mine?
- ``prefilter(data: bytes) -> bool``: could these bytes hold a finding? Cheap: no parse, no heavy import.
- ``regions(source: SourceFile) -> Iterator[Region | Diagnostic | Note]``: the regions, a ``Note`` for a
  part left unchecked on purpose (shown with ``-v``), or a ``PLX0xx``
  diagnostic in host offsets for what could not be parsed. Parsers are imported here, lazily.

A kind declares ``CLAIMED_SUFFIXES`` (the final suffixes, lower case, of every name it claims) or, when it
claims names whatever their suffix, ``CLAIMED_NAME_WORDS`` (one of which every name it claims holds): a file
is put only to the kinds that could claim it. Modules are found by listing the package; a new host kind is a new
module.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import os
import re
from types import ModuleType
from typing import Callable, Dict, Optional, Tuple

from polylint.config import posix


@functools.cache
def host_kinds() -> Tuple[ModuleType, ...]:
    # The package's folder listed directly: pkgutil.iter_modules would import inspect, a tenth of a
    # pre-commit run's start-up.
    names = sorted({entry.name[:-3] for folder in __path__ for entry in os.scandir(folder)
                    if entry.name.endswith(".py") and not entry.name.startswith("_")})
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


class HostPath:
    """A file's path as host kinds read it in `claims`: `name`, `suffix`, `parts`, `parent`, as in pathlib.

    Plain string work: `claims` runs for every file of every tree, and a PurePath costs more to build than
    all of the host kinds' tests on it together.
    """

    __slots__ = ("_path", "name", "suffix")

    def __init__(self, path: str) -> None:
        self._path = posix(path)
        self.name = self._path.rstrip("/").rsplit("/", 1)[-1]
        dot = self.name.rfind(".")
        self.suffix = self.name[dot:] if 0 < dot < len(self.name) - 1 else ""

    @property
    def parts(self) -> Tuple[str, ...]:
        return tuple(part for part in self._path.split("/") if part and part != ".")

    @property
    def parent(self) -> HostPath:
        head = self._path.rstrip("/").rpartition("/")[0]
        return HostPath(head or ".")

    def as_posix(self) -> str:
        return self._path

    def __str__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"HostPath({self._path!r})"


@functools.lru_cache(maxsize=65536)
def claiming(path: str) -> Tuple[ModuleType, ...]:
    """The host kinds that claim a path, by its name alone (remembered: the runner asks when it reads a file,
    and the checks again when it is a candidate)."""
    host_path = HostPath(path)
    by_suffix, name_words = _claims_table()
    asked = by_suffix.get(host_path.suffix.lower(), by_suffix[None])
    # Which of the two lists: with the kinds that claim by a word of the name, or without them.
    candidates = asked[1] if name_words is not None and name_words.search(host_path.name.lower()) else asked[0]
    return tuple([kind for kind, claims in candidates if claims(host_path)])


_Claims = Tuple[Tuple[ModuleType, Callable[[HostPath], bool]], ...]


@functools.cache
def _claims_table() -> Tuple[Dict[Optional[str], Tuple[_Claims, _Claims]], Optional[re.Pattern[str]]]:
    """For each final suffix a host kind declares (`CLAIMED_SUFFIXES`, lower case, "" for none), the kinds
    worth asking, in module order; key None: the kinds that declare no suffix, which claim by other means.
    Each entry has two lists: without and with the kinds that declare `CLAIMED_NAME_WORDS` (a file is put
    to those only when its lower-cased name holds one of their words). The pattern finds any such word.

    Claims run for every file of every tree: a `.py` file is put to two kinds rather than to all of them."""
    kinds = host_kinds()
    suffixes = {suffix for kind in kinds for suffix in getattr(kind, "CLAIMED_SUFFIXES", ())}
    words = sorted({word for kind in kinds for word in getattr(kind, "CLAIMED_NAME_WORDS", ())})
    table: Dict[Optional[str], Tuple[_Claims, _Claims]] = {}
    for key in [None, *sorted(suffixes)]:
        fitting = [kind for kind in kinds if not hasattr(kind, "CLAIMED_SUFFIXES") or key in kind.CLAIMED_SUFFIXES]
        table[key] = (tuple((kind, kind.claims) for kind in fitting if not hasattr(kind, "CLAIMED_NAME_WORDS")),
                      tuple((kind, kind.claims) for kind in fitting))
    return table, re.compile("|".join(re.escape(word) for word in words)) if words else None


def passing(kinds: Tuple[ModuleType, ...], data: bytes) -> Tuple[ModuleType, ...]:
    """The host kinds whose prefilter lets these bytes through."""
    # Prefilters look for ASCII words, which UTF-16 spells with NULs between the letters.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    return tuple([kind for kind in kinds if kind.prefilter(data)])
