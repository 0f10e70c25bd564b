"""YAML documents with positions, read by ruamel.yaml's round-trip loader.

The round-trip loader keeps comments, quoting and key order for the codemods, and constructs no
Python objects from tags (``!!python/object`` stays data). Aliases stay shared references, so walking
a document visits each node once (``walk``) and an alias bomb costs nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional, Set, Tuple

from polylint.source import LineIndex


class YamlParseError(Exception):
    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@dataclass
class TokenLines:
    """Where a whole stream's tokens lie, by 0-based line, as whoever reads or writes its comments needs it:

    - inside_scalar: the lines inside multi-line scalars (after their first), where a `#` is text;
    - inside_flow: the lines inside multi-line flow collections (after their first);
    - token_end: the column where each line's last token ends, after which ` #` starts a comment;
    - continued: the lines whose end a multi-line scalar or flow collection goes on past (a block
      scalar's last line too), where a comment at the end of the line or on a line after it could land
      inside that scalar or collection;
    - anchored: whether a node has an anchor (or is an alias).

    Gathered from ruamel's events while the stream is read, so that no reader of comments parses it again.
    """

    inside_scalar: Set[int] = field(default_factory=set)
    inside_flow: Set[int] = field(default_factory=set)
    token_end: Dict[int, int] = field(default_factory=dict)
    continued: Set[int] = field(default_factory=set)
    anchored: bool = False
    # (first line, flow style) of each collection open at the event being added.
    _open: List[Tuple[int, bool]] = field(default_factory=list, repr=False)

    def add(self, event: Any) -> None:
        begin, finish = event.start_mark, event.end_mark
        if self.token_end.get(finish.line, 0) < finish.column:
            self.token_end[finish.line] = finish.column
        # By name: an import of the event classes here would run for every event of every YAML file read.
        kind = type(event).__name__
        if kind == "ScalarEvent":
            if finish.line > begin.line:
                last = finish.line if finish.column > 0 else finish.line - 1
                self.inside_scalar.update(range(begin.line + 1, last + 1))
                self.continued.update(range(begin.line, finish.line))
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            self._open.append((begin.line, bool(event.flow_style)))
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            first, flow = self._open.pop()
            if flow:
                self.continued.update(range(first, finish.line))
                self.inside_flow.update(range(first + 1, finish.line + 1))
        if getattr(event, "anchor", None) is not None:
            self.anchored = True

    def recording(self, get_event: Callable[[], Any]) -> Callable[[], Any]:
        """get_event, adding each event it gives."""

        def get_and_add() -> Any:
            event = get_event()
            self.add(event)
            return event

        return get_and_add


@dataclass
class YamlDocument:
    data: Any
    index: int  # 0-based position in the stream
    start: int  # offset where the root node starts
    end: int  # offset where the root node ends
    lines: LineIndex
    token_lines: TokenLines  # the whole stream's, shared by its documents

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


def new_yaml(pyyaml_scalars: bool = False) -> Any:
    """A round-trip reader and writer. pyyaml_scalars: plain scalars mean what they mean to PyYAML."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    # v0 read files with PyYAML, where a repeated key silently wins; read them the same way.
    yaml.allow_duplicate_keys = True
    yaml.preserve_quotes = True
    if pyyaml_scalars:
        yaml.Resolver = pyyaml_resolver()
        yaml.Representer = _pyyaml_representer()
    return yaml


# PyYAML's rules for plain scalars (yaml/resolver.py of PyYAML 6.0), in the order it tries them: the tag, the
# pattern (re.X) and the first characters a scalar must start with. tests/surfaces/test_yaml.py compares them
# with the PyYAML installed. Copied, not imported: polylint never loads PyYAML, whose `load` can run code.
PYYAML_PLAIN_SCALARS: Tuple[Tuple[str, str, str], ...] = (
    ("bool", r"""^(?:yes|Yes|YES|no|No|NO
                  |true|True|TRUE|false|False|FALSE
                  |on|On|ON|off|Off|OFF)$""", "yYnNtTfFoO"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                  |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                  |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                  |[-+]?\.(?:inf|Inf|INF)
                  |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
                 |[-+]?0[0-7_]+
                 |[-+]?(?:0|[1-9][0-9_]*)
                 |[-+]?0x[0-9a-fA-F_]+
                 |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"""^(?: ~
                  |null|Null|NULL
                  | )$""", "~nN"),  # and the empty scalar
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                       |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                        (?:[Tt]|[ \t]+)[0-9][0-9]?
                        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
    ("yaml", r"^(?:!|&|\*)$", "!&*"),
)


@functools.cache
def pyyaml_resolver() -> Any:
    """ruamel's resolver with PyYAML's rules for plain scalars, which Polyaxon reads Polyaxonfiles with (v0
    through rhea's `yaml.safe_load`, v1 in `polyaxon.config_reader`): YAML 1.1, where `yes` and `off` are
    booleans and `0755` is octal, but stricter than ruamel's 1.1 about floats (`1e-3` and `1.5e3` are
    strings: PyYAML wants a dot and a signed exponent)."""
    from ruamel.yaml.resolver import VersionedResolver

    rules: Dict[Optional[str], List[Tuple[str, re.Pattern[str]]]] = {}
    for name, pattern, firsts in PYYAML_PLAIN_SCALARS:
        rule = (f"tag:yaml.org,2002:{name}", re.compile(pattern, re.X))
        for first in list(firsts) + ([""] if name == "null" else []):
            rules.setdefault(first, []).append(rule)

    class PyYamlResolver(VersionedResolver):
        # The version ruamel's constructors go by (`0755` is octal, `1:30` sexagesimal), and the rules.
        processing_version = (1, 1)
        versioned_resolver = rules

    return PyYamlResolver


@functools.cache
def _pyyaml_representer() -> Any:
    """ruamel's writer, but for octal numbers: written `0755` (YAML 1.1, which PyYAML reads), not `0o755`
    (YAML 1.2, a string to PyYAML)."""
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.scalarint import OctalInt

    class PyYamlRepresenter(RoundTripRepresenter):
        def represent_octal(self, data: OctalInt) -> Any:
            digits = f"{'-' if data < 0 else ''}0{abs(data):o}"
            return self.represent_scalar("tag:yaml.org,2002:int", digits, anchor=data.yaml_anchor(any=True))

    PyYamlRepresenter.add_representer(OctalInt, PyYamlRepresenter.represent_octal)
    return PyYamlRepresenter


def load_documents(text: str, lines: LineIndex, pyyaml_scalars: bool = False) -> List[YamlDocument]:
    """The documents of a stream; pyyaml_scalars: see new_yaml."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = new_yaml(pyyaml_scalars)
    documents: List[YamlDocument] = []
    token_lines = TokenLines()
    try:
        constructor, parser = yaml.get_constructor_parser(text)
        # The composer takes every event with get_event, but for the stream's end, which it only looks at.
        parser.get_event = token_lines.recording(parser.get_event)
        try:
            _begin_document(yaml)
            while constructor.check_data():
                node = constructor.composer.get_node()
                data = constructor.construct_document(node)
                documents.append(YamlDocument(
                    data, len(documents), node.start_mark.index, node.end_mark.index, lines, token_lines))
                _begin_document(yaml)
            token_lines.add(parser.peek_event())
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


def _begin_document(yaml: Any) -> None:
    """What `YAML.load_all` does before each document, which these documents are read without: since ruamel
    0.18 its scanner records a `%YAML` or `%TAG` directive in the last of these (and failed without one)."""
    if hasattr(yaml, "doc_infos"):
        from ruamel.yaml.docinfo import DocInfo, version

        yaml.doc_infos.append(DocInfo(requested_version=version(yaml.version)))


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
