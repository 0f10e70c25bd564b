"""The state of one document's conversion: the v1 tree being built and where each of its keys came from.

Every key the converters write records the v0 line it came from (its origin), so that the comments of
the v0 file can be put back beside the key they described. What has no v1 equivalent is recorded as a
leftover (kept as a comment block), and every change of behaviour as an unsafe reason: together they
decide the fix's applicability.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Hashable, List, Optional, Sequence, Tuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from polylint.surfaces.yaml import item_position, key_position


class ConversionError(Exception):
    """The document cannot be converted at all (not a mapping, an unknown kind...)."""


@dataclass(frozen=True)
class Leftover:
    """A v0 value with no v1 equivalent, kept as a comment block beside the key that follows it."""

    line: int  # 0-based source line of the v0 key
    path: Tuple[Any, ...]  # where it stood in the v0 document
    value: Any
    reason: str  # what to do in v1, for the user


@dataclass
class Conversion:
    # Line used as origin for keys that have no v0 key of their own (`kind: job`, `workingDir`...).
    default_line: int = 0
    origins: Dict[Tuple[int, Hashable], int] = field(default_factory=dict)
    # More v0 lines a key stands for, when several v0 values became one (a `cmd` list -> one `args` item).
    absorbed: Dict[Tuple[int, Hashable], List[int]] = field(default_factory=dict)
    leftovers: List[Leftover] = field(default_factory=list)
    unsafe_reasons: List[str] = field(default_factory=list)
    # Containers are keyed by id() in `origins`: keep them alive so that no id is reused.
    _alive: List[Any] = field(default_factory=list)

    def new_map(self, flow: bool = False) -> CommentedMap:
        mapping = CommentedMap()
        if flow:
            mapping.fa.set_flow_style()
        self._alive.append(mapping)
        return mapping

    def new_seq(self, items: Any = (), flow: bool = False) -> CommentedSeq:
        sequence = CommentedSeq(items)
        if flow:
            sequence.fa.set_flow_style()
        self._alive.append(sequence)
        return sequence

    def put(self, target: Any, key: Hashable, value: Any, origin: Optional[int],
            absorbs: Sequence[Optional[int]] = ()) -> Any:
        """target[key] = value (a map key or a list append when key is None), remembering its v0 line(s)."""
        if isinstance(target, list):
            key = len(target)
            target.append(value)
        else:
            target[key] = value
        if origin is not None:
            self.origins[(id(target), key)] = origin
        lines = [line for line in absorbs if line is not None]
        if lines:
            self.absorbed[(id(target), key)] = lines
        return value

    def origin_of(self, target: Any, key: Hashable) -> Optional[int]:
        return self.origins.get((id(target), key))

    def lines_of(self, target: Any, key: Hashable) -> List[int]:
        """Every v0 line the key stands for: its origin first."""
        origin = self.origin_of(target, key)
        return ([origin] if origin is not None else []) + self.absorbed.get((id(target), key), [])

    def copy(self, value: Any) -> Any:
        """A deep copy of a v0 value into fresh containers (no comments), keeping scalars, quoting, flow
        style and the v0 line of every nested key."""
        if isinstance(value, dict):
            mapping = self.new_map(flow=is_flow(value))
            for key, child in value.items():
                self.put(mapping, key, self.copy(child), line_of(value, key))
            return mapping
        if isinstance(value, list):
            sequence = self.new_seq(flow=is_flow(value))
            for index, child in enumerate(value):
                self.put(sequence, None, self.copy(child), item_line(value, index))
            return sequence
        return value

    def keep(self, line: Optional[int], path: Tuple[Any, ...], value: Any, reason: str) -> None:
        self.leftovers.append(Leftover(self.default_line if line is None else line, path, value, reason))

    def unsafe(self, reason: str) -> None:
        if reason not in self.unsafe_reasons:
            self.unsafe_reasons.append(reason)


def is_flow(container: Any) -> bool:
    try:
        return bool(container.fa.flow_style())
    except AttributeError:
        return False


def line_of(mapping: Any, key: Any, default: Optional[int] = None) -> Optional[int]:
    """The 0-based v0 line of a key (default when ruamel did not record one)."""
    position = key_position(mapping, key)
    return position[0] if position is not None else default


def item_line(sequence: Any, index: int) -> Optional[int]:
    position = item_position(sequence, index)
    return position[0] if position is not None else None


def item_lines(value: Any) -> List[Optional[int]]:
    return [item_line(value, index) for index in range(len(value))] if isinstance(value, list) else []
