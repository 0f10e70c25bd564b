"""What the Polyaxonfile checks share: reaching into a document and pointing at a key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterator, Optional, Tuple

from polylint.diagnostics import FIX_OPTIONS, Applicability, Diagnostic, Fix
from polylint.source import Region
from polylint.surfaces.yaml import YamlDocument, walk


def document(region: Region) -> YamlDocument:
    tree: YamlDocument = region.tree
    return tree


def section(mapping: Any, *keys: str) -> Optional[Mapping[str, Any]]:
    """mapping[keys[0]][keys[1]]..., when every step is a mapping."""
    current = mapping
    for key in keys:
        if not isinstance(current, Mapping):
            return None
        current = current.get(key)
    return current if isinstance(current, Mapping) else None


def at_key(region: Region, code: str, message: str, mapping: Any, key: Any, fix: Optional[Fix] = None) -> Diagnostic:
    start, end = document(region).key_span(mapping, key)
    return Diagnostic(code, message, start, end, fix)


def containers(data: Any) -> Iterator[Tuple[str, Mapping[str, Any]]]:
    """Every Kubernetes container section of a v1 document (run, replicas, runPatch, inline components)."""
    for path, _parent, value in walk(data):
        if path and path[-1] == "container" and isinstance(value, Mapping):
            yield ".".join(str(step) for step in path), value


def fix_option(fix: Fix) -> str:
    """The option a conversion's fix needs, for its message: an unsafe one asks for a review."""
    option = f"`{FIX_OPTIONS[fix.applicability]}`"
    return option if fix.applicability is Applicability.SAFE else f"{option}, then review the result"
