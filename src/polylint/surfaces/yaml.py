"""YAML documents with positions, read by ruamel.yaml's round-trip loader.

The round-trip loader keeps comments, quoting and key order for the codemods, and constructs no
Python objects from tags (``!!python/object`` stays data). Aliases stay shared references, so walking
a document visits each node once (``walk``) and an alias bomb costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Tuple

from polylint.source import LineIndex


class YamlParseError(Exception):
    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@dataclass
class YamlDocument:
    data: Any
    index: int  # 0-based position in the stream
    start: int  # offset where the root node starts
    end: int  # offset where the root node ends
    lines: LineIndex

    def offset(self, line: int, column: int) -> int:
        """Offset of ruamel's 0-based line and column."""
        return self.lines.offset(line + 1, column + 1)

    def key_span(self, mapping: Any, key: Any) -> Tuple[int, int]:
        """The span of a key in the text; the document's start when ruamel did not record it."""
        position = key_position(mapping, key)
        if position is None:
            return self.start, self.start
        start = self.offset(*position)
        return start, start + len(str(key))

    def item_span(self, sequence: Any, index: int) -> Tuple[int, int]:
        position = item_position(sequence, index)
        if position is None:
            return self.start, self.start
        start = self.offset(*position)
        return start, start + 1


_DOCUMENT_MARKER = re.compile(r"(?m)^(?:---|\.\.\.)(?=[ \t\r\n]|$)")


def document_extent(text: str, document: YamlDocument) -> Tuple[int, int]:
    """The whole text span of a document: from the line after its `---` (or the stream's start), which
    takes in the comments above its root node, to the next `---`/`...` line (or the stream's end), which
    takes in the comments after it."""
    start = text.rfind("\n", 0, document.start) + 1
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous:start].strip()
        if line and not line.startswith("#"):
            break
        start = previous
    marker = _DOCUMENT_MARKER.search(text, document.end)
    return start, marker.start() if marker else len(text)


def new_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    # v0 read files with PyYAML, where a repeated key silently wins; read them the same way.
    yaml.allow_duplicate_keys = True
    yaml.preserve_quotes = True
    return yaml


def load_documents(text: str, lines: LineIndex) -> List[YamlDocument]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = new_yaml()
    documents: List[YamlDocument] = []
    try:
        constructor, parser = yaml.get_constructor_parser(text)
        try:
            while constructor.check_data():
                node = constructor.composer.get_node()
                data = constructor.construct_document(node)
                documents.append(
                    YamlDocument(data, len(documents), node.start_mark.index, node.end_mark.index, lines))
        finally:
            parser.dispose()
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        offset = lines.offset(mark.line + 1, mark.column + 1) if mark is not None else 0
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise YamlParseError(reason or str(error), offset) from error
    except YAMLError as error:
        raise YamlParseError(str(error).splitlines()[0], 0) from error
    except RecursionError as error:
        raise YamlParseError("nested too deeply to read", 0) from error
    return documents


def key_position(mapping: Any, key: Any) -> Optional[Tuple[int, int]]:
    """0-based (line, column) of a key in a round-trip mapping, when ruamel recorded it."""
    try:
        line, column = mapping.lc.key(key)
    except (AttributeError, KeyError, TypeError):
        return None
    return line, column


def value_position(mapping: Any, key: Any) -> Optional[Tuple[int, int]]:
    try:
        line, column = mapping.lc.value(key)
    except (AttributeError, KeyError, TypeError):
        return None
    return line, column


def item_position(sequence: Any, index: int) -> Optional[Tuple[int, int]]:
    try:
        line, column = sequence.lc.item(index)
    except (AttributeError, KeyError, TypeError, IndexError):
        return None
    return line, column


def walk(node: Any, path: Tuple[Any, ...] = ()) -> Iterator[Tuple[Tuple[Any, ...], Any, Any]]:
    """(path, parent, value) for every value below node; each shared (aliased) node is entered once."""
    seen = set()
    stack: List[Tuple[Tuple[Any, ...], Any, Any]] = [(path, None, node)]
    while stack:
        here, parent, value = stack.pop()
        yield here, parent, value
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            children = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in reversed(list(children)):
                stack.append((here + (key,), value, child))
