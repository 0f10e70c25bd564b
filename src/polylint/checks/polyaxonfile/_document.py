"""What the Polyaxonfile checks share: reaching into a document and pointing at a key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from polylint.diagnostics import Diagnostic, Fix
from polylint.source import Region
from polylint.surfaces.yaml import YamlDocument


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
