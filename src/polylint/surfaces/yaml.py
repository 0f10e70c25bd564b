"""YAML documents with positions: a reading view for the checks and a writing view for the codemods.

The checks read `read_documents`: libyaml's parser (PyYAML's C extension) gives the events with their marks,
and the documents are built here from them as plain mappings, lists and scalars that know where each key
and item stands. Nothing is constructed by PyYAML (no loader runs, so no tag can run code: `!!python/object`
stays data), and the scalars mean what they meant to the round-trip view the checks read before: PyYAML's
YAML 1.1 rules for Polyaxonfiles (as Polyaxon reads them), ruamel's YAML 1.2 ones for the other hosts.

The codemods write with `load_documents`, ruamel.yaml's round-trip loader, which keeps comments, quoting
and key order; it is imported only when a fix is written. In both, aliases stay shared references, so
walking a document visits each node once (``walk``) and an alias bomb costs nothing.
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
    # For a document of the reading view: its stream, which gives the round-trip documents (see `writing`).
    stream: Optional[Stream] = None

    def writing(self) -> YamlDocument:
        """This document as the codemods write it: ruamel's round-trip document of the same place in the stream,
        the whole stream read once however many of its documents are fixed. A fix builds on it, a check never."""
        return self if self.stream is None else self.stream.round_trip()[self.index]

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


class Stream:
    """The text of a stream the reading view read, to be read again by the round-trip loader when a fix is written
    (libyaml read it first: the round-trip loader reads it too)."""

    def __init__(self, text: str, lines: LineIndex, pyyaml_scalars: bool) -> None:
        self.text = text
        self.lines = lines
        self.pyyaml_scalars = pyyaml_scalars
        self._round_trip: Optional[List[YamlDocument]] = None

    def round_trip(self) -> List[YamlDocument]:
        if self._round_trip is None:
            self._round_trip = load_documents(self.text, self.lines, self.pyyaml_scalars)
        return self._round_trip


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


class LineCol:
    """Where the keys of a mapping or the items of a list stand, asked as of ruamel's round-trip containers
    (`mapping.lc.key(key)`): 0-based [key line, key column, value line, value column] by key, or [line,
    column] by index."""

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data: Dict[Any, List[int]] = {}

    def key(self, key: Any) -> Tuple[int, int]:
        found = self.data[key]
        return found[0], found[1]

    def value(self, key: Any) -> Tuple[int, int]:
        found = self.data[key]
        return found[2], found[3]

    def item(self, index: int) -> Tuple[int, int]:
        found = self.data[index]
        return found[0], found[1]

    def add_kv_line_col(self, key: Any, data: List[int]) -> None:
        self.data[key] = data


class Style:
    """Whether a collection was written in flow style (`{a: 1}`, `[1]`), asked as of ruamel's (`.fa`)."""

    __slots__ = ("flow",)

    def __init__(self, flow: Optional[bool] = None) -> None:
        self.flow = flow

    def flow_style(self) -> Optional[bool]:
        return self.flow

    def set_flow_style(self) -> None:
        self.flow = True

    def set_block_style(self) -> None:
        self.flow = False


class YamlMap(Dict[Any, Any]):
    """A mapping of the reading view: a dict that knows where its keys stand (`lc`) and its style (`fa`)."""

    __slots__ = ("fa", "lc", "tag")

    def __init__(self, flow: Optional[bool] = None, tag: Optional[str] = None) -> None:
        super().__init__()
        self.lc = LineCol()
        self.fa = Style(flow)
        self.tag = tag


class YamlSeq(List[Any]):
    """A sequence of the reading view: a list that knows where its items stand (`lc`) and its style (`fa`)."""

    __slots__ = ("fa", "lc", "tag")

    def __init__(self, flow: Optional[bool] = None, tag: Optional[str] = None) -> None:
        super().__init__()
        self.lc = LineCol()
        self.fa = Style(flow)
        self.tag = tag


class TaggedScalar:
    """A scalar with a tag the reading view does not construct (`!foo x`, `!!python/object:os.system x`, and,
    as ruamel's round-trip view has it, an explicit `!!str`): its text and tag, never more."""

    __slots__ = ("style", "tag", "value")

    def __init__(self, value: str, style: Optional[str], tag: str) -> None:
        self.value = value
        self.style = style
        self.tag = tag

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"TaggedScalar(value={self.value!r}, style={self.style!r}, tag={self.tag!r})"


# ruamel's YAML 1.2 rules for plain scalars (resolver.py of ruamel.yaml 0.18), the round-trip view's default,
# as PYYAML_PLAIN_SCALARS above are PyYAML's; tests/surfaces/test_yaml.py compares them with the ruamel
# installed.
RUAMEL_1_2_PLAIN_SCALARS: Tuple[Tuple[str, str, str], ...] = (
    ("bool", r"""^(?:true|True|TRUE|false|False|FALSE)$""", "tTfF"),
    ("float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"""^(?: ~
                  |null|Null|NULL
                  | )$""", "~nN"),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                       |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                        (?:[Tt]|[ \t]+)[0-9][0-9]?
                        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
    ("yaml", r"^(?:!|&|\*)$", "!&*"),
)

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = f"{_TAG}str", f"{_TAG}map", f"{_TAG}seq"
_BOOLEANS = {"yes": True, "no": False, "y": True, "n": False, "true": True, "false": False, "on": True,
             "off": False}


@functools.cache
def _plain_rules(pyyaml_scalars: bool) -> Dict[str, List[Tuple[str, re.Pattern[str]]]]:
    """The rules for plain scalars by first character ("" for the empty scalar)."""
    rules: Dict[str, List[Tuple[str, re.Pattern[str]]]] = {}
    for name, pattern, firsts in PYYAML_PLAIN_SCALARS if pyyaml_scalars else RUAMEL_1_2_PLAIN_SCALARS:
        rule = (f"{_TAG}{name}", re.compile(pattern, re.X))
        for first in list(firsts) + ([""] if name == "null" else []):
            rules.setdefault(first, []).append(rule)
    return rules


def _resolve(value: str, rules: Dict[str, List[Tuple[str, re.Pattern[str]]]]) -> str:
    for tag, pattern in rules.get(value[:1], ()):
        if pattern.match(value):
            return tag
    return _STR


def _integer(text: str, yaml_1_1: bool) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    if yaml_1_1 and len(digits) > 1 and digits[0] == "0":
        return sign * int(digits, 8)
    if yaml_1_1 and ":" in digits:
        whole = 0
        for part in digits.split(":"):
            whole = whole * 60 + int(part)
        return sign * whole
    return sign * int(digits)


def _float(text: str, yaml_1_1: bool) -> float:
    digits = text.replace("_", "").lower()
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    if yaml_1_1 and ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)  # `1:30.5` is 90.5 (YAML 1.1's base 60)
        return sign * value
    return sign * float(digits)


def _timestamp(text: str) -> Any:
    import yaml

    return _timestamps().construct_yaml_timestamp(yaml.ScalarNode(f"{_TAG}timestamp", text))


@functools.cache
def _timestamps() -> Any:
    """PyYAML's constructor, for its timestamp rules only: they read a scalar's text and build a date."""
    import yaml

    return yaml.constructor.SafeConstructor()


def _binary(text: str) -> bytes:
    import base64

    return base64.decodebytes(text.encode("ascii"))


def _scalar(event: Any, rules: Dict[str, List[Tuple[str, re.Pattern[str]]]], yaml_1_1: bool) -> Any:
    """A scalar's value as the round-trip view gives it (ruamel's construction on ruamel's or PyYAML's rules)."""
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        tag = _resolve(value, rules) if event.implicit[0] else _STR
        if tag == _STR:
            return value
    elif tag == _STR:
        return TaggedScalar(value, event.style or None, tag)
    if tag == f"{_TAG}int":
        return _integer(value, yaml_1_1)
    if tag == f"{_TAG}float":
        return _float(value, yaml_1_1)
    if tag == f"{_TAG}bool":
        return _BOOLEANS[value.lower()]
    if tag == f"{_TAG}null":
        return None
    if tag == f"{_TAG}timestamp":
        return _timestamp(value)
    if tag == f"{_TAG}binary":
        return _binary(value)
    if tag == f"{_TAG}merge":
        return _MERGE
    return TaggedScalar(value, event.style or None, tag)


class _Merge:
    """The `<<` key of a merge."""


_MERGE = _Merge()


def read_documents(text: str, lines: LineIndex, pyyaml_scalars: bool = False) -> List[YamlDocument]:
    """The documents of a stream, as the checks read them; pyyaml_scalars: plain scalars mean what they mean to
    PyYAML (YAML 1.1), else what they mean to ruamel (YAML 1.2). A stream libyaml does not read is read by the
    round-trip loader, whose error the user is told (the checks' message did not change with the parser)."""
    import yaml

    rules = _plain_rules(pyyaml_scalars)
    documents: List[YamlDocument] = []
    token_lines = TokenLines()
    stream = Stream(text, lines, pyyaml_scalars)
    # libyaml's parser where PyYAML was built with it (its wheels are), else PyYAML's own: the same events.
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        while True:
            event = parser.get_event()
            token_lines.add(event)
            kind = type(event).__name__
            if kind == "StreamEndEvent":
                break
            if kind == "DocumentStartEvent":
                documents.append(_document(parser, token_lines, rules, pyyaml_scalars, len(documents), stream))
    except (yaml.YAMLError, _Unreadable):
        return load_documents(text, lines, pyyaml_scalars)
    except RecursionError as error:
        raise YamlParseError("nested too deeply to read", 0) from error
    finally:
        parser.dispose()
    return documents


class _Unreadable(Exception):
    """What libyaml's events say cannot be a document the round-trip loader would build."""


def _document(parser: Any, token_lines: TokenLines, rules: Dict[str, List[Tuple[str, re.Pattern[str]]]],
              yaml_1_1: bool, index: int, stream: Stream) -> YamlDocument:
    """The document whose DocumentStartEvent was the last event taken, through its DocumentEndEvent."""
    anchors: Dict[str, Any] = {}
    # The collections being filled: (the collection, the key waiting for its value or _NO_KEY, its
    # position, the maps of a merge).
    stack: List[List[Any]] = []
    root: Any = None
    start = end = 0
    while True:
        event = parser.get_event()
        kind = type(event).__name__
        # An empty scalar has no text to end a line's tokens (libyaml marks it after its `:`, ruamel at a token
        # it then records anyway).
        if kind != "ScalarEvent" or event.value or event.style or not event.implicit[0]:
            token_lines.add(event)
        if kind == "DocumentEndEvent":
            break
        begin = event.start_mark
        if kind == "ScalarEvent":
            node: Any = _scalar(event, rules, yaml_1_1)
        elif kind == "AliasEvent":
            if event.anchor not in anchors:
                raise _Unreadable(f"found undefined alias {event.anchor!r}")
            node, begin = anchors[event.anchor]
            if any(node is open_[0] for open_ in stack):
                # A collection inside itself: the round-trip view builds it its own way (or fails to).
                raise _Unreadable(f"alias {event.anchor!r} inside its own node")
        elif kind == "MappingStartEvent":
            node = YamlMap(event.flow_style, event.tag if event.tag not in (None, "!", _MAP) else None)
        elif kind == "SequenceStartEvent":
            node = YamlSeq(event.flow_style, event.tag if event.tag not in (None, "!", _SEQ) else None)
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            finished, _key, _where, merges = stack.pop()
            if merges:
                _merge(finished, merges)
            if not finished and finished.tag is None:
                finished.fa.flow = None  # as the round-trip view has it: an empty collection has no style
            if not stack:
                end = event.end_mark.index
            continue
        else:
            raise _Unreadable(kind)
        anchor = getattr(event, "anchor", None)
        if anchor is not None and kind != "AliasEvent":
            anchors[anchor] = (node, begin)
        if stack:
            _add(stack[-1], node, begin)
        else:
            root, start = node, begin.index
            if kind in ("ScalarEvent", "AliasEvent"):
                end = event.end_mark.index
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            stack.append([node, _NO_KEY, None, []])
    return YamlDocument(root, index, start, end, stream.lines, token_lines, stream)


_NO_KEY: Any = object()


def _add(top: List[Any], node: Any, begin: Any) -> None:
    """node, which starts at begin, into the collection being filled."""
    collection = top[0]
    if isinstance(collection, YamlSeq):
        if collection.tag is None:  # the round-trip view does not place the items of a sequence of its own tag
            collection.lc.data[len(collection)] = [begin.line, begin.column]
        collection.append(node)
        return
    if top[1] is _NO_KEY:
        if isinstance(node, list):
            node = tuple(node)  # a list is no key; a tuple, as in ruamel's view, is
        elif isinstance(node, dict):
            raise _Unreadable("a mapping as a key")
        top[1], top[2] = node, begin
        return
    key, where = top[1], top[2]
    top[1] = _NO_KEY
    if key is _MERGE:
        top[3].extend(node if isinstance(node, list) else [node])
        return
    if key in collection:
        return  # a repeated key: the first one stands, as in the round-trip view
    collection.lc.data[key] = [where.line, where.column, begin.line, begin.column]
    collection[key] = node


def _merge(mapping: Dict[Any, Any], merges: List[Any]) -> None:
    """The keys of the maps merged in (`<<: *base`), after the mapping's own, the first map's first."""
    for merged in merges:
        if not isinstance(merged, dict):
            raise _Unreadable("a merge of something else than a mapping")
        for key, value in merged.items():
            if key not in mapping:
                mapping[key] = value
