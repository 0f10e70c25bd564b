"""conda environment files: the `pip:` list inside `dependencies:` (any YAML file of that shape).

v0's native builder copied `polyaxon_conda_env.yml` or `conda_env.yml` into the image
(v0-surface.md §1.5); other repositories call it `environment.yml`. The shape decides, not the name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.requirements import Pin, PinGroup

SURFACE = "requirements"
SUFFIXES = (".yml", ".yaml")
_PIP_LIST = re.compile(rb"(?m)^[ \t]*-[ \t]+pip[ \t]*:")
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
_ITEM_INDENT = r"[ \t]*-[ \t]+"
_COMMENT_ONLY = r"\s*(#.*)?"
_PLAIN_END = r"(?m)[ \t]+#|[ \t]*$"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    return _PIP_LIST.search(data) is not None and MENTIONS_V0_PACKAGE.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._yaml import yaml_documents
    from polylint.source import Region
    from polylint.surfaces.requirements import PinGroup
    from polylint.surfaces.yaml import item_position

    documents = yield from yaml_documents(source)
    if documents is None:
        return
    groups: List[PinGroup] = []
    for document in documents:
        dependencies = document.data.get("dependencies") if isinstance(document.data, dict) else None
        if not isinstance(dependencies, list):
            continue
        for item in dependencies:
            if isinstance(item, dict) and isinstance(item.get("pip"), list):
                pins = []
                for index, value in enumerate(item["pip"]):
                    position = item_position(item["pip"], index)
                    if position is None or not isinstance(value, str):
                        continue
                    pin = _pin(source.text, document.offset(*position), value, _flow(item["pip"]))
                    if pin is not None:
                        pins.append(pin)
                groups.append(PinGroup("the conda `pip:` list", tuple(pins)))
    if groups:
        yield Region(SURFACE, source.text, tree=tuple(groups))


def _flow(sequence: Any) -> bool:
    try:
        return bool(sequence.fa.flow_style())
    except AttributeError:
        return False


def _scalar(text: str, start: int, value: str, flow: bool) -> Optional[Tuple[int, int]]:
    """The inside of the scalar at start, when it reads exactly as value (plain or quoted, one line)."""
    if text[start:start + 1] in ("'", '"'):
        close = start + 1 + len(value)
        return (start + 1, close) if text[start + 1:close] == value and text[close:close + 1] == text[start] else None
    if flow:
        return (start, start + len(value)) if text[start:start + len(value)] == value else None
    plain_end = re.compile(_PLAIN_END).search(text, start)
    stop = plain_end.start() if plain_end is not None else len(text)
    return (start, stop) if text[start:stop] == value else None


def _pin(text: str, start: int, value: str, flow: bool) -> Optional[Pin]:
    from polylint.diagnostics import Edit
    from polylint.surfaces.requirements import Pin, line_span, parse_requirement

    inside = _scalar(text, start, value, flow)
    requirement = parse_requirement(value)
    if inside is None or requirement is None or value[requirement.core_end:].strip()[:1] not in ("", ";"):
        return None
    requirement = requirement.shifted(inside[0])
    scalar_end = inside[1] + (inside[0] - start)  # past a closing quote
    line_start = text.rfind("\n", 0, start) + 1
    removal = None
    line_end = text.find("\n", scalar_end)
    after = text[scalar_end:len(text) if line_end < 0 else line_end]
    if re.fullmatch(_ITEM_INDENT, text[line_start:start]) and re.fullmatch(_COMMENT_ONLY, after):
        removal = (Edit(*line_span(text, start, scalar_end), ""),)
    # In a flow list `[a, b]` the commas of a new specifier would split the item: report, do not rewrite.
    frozen = "a flow-style `[...]` list is not rewritten" if flow else None
    return Pin(requirement, requirement.name_start, requirement.core_end, removal, core=requirement.core,
               frozen=frozen)
