"""Python literals as the shell command lines they hold, for python_shell.py: a string (plain, an f-string, a
`.format` or `%` template) and an argv list (one list literal, or several that build one list), each a shell
region whose edits go back as exact edits of the literal.

A string is rewritten only where its text in the module is its value (no escapes, no implicit concatenation,
no `{{`), with nothing inserted that its quotes would read otherwise. A replacement field stays as written
(`{group}`, `{}`, `{0}`, `{xp!r}`, `%s`; any other field, an expression or a format spec, makes the string read
only). Why that is exact: such a field is a word of no shell syntax, and the v0 reading (codemods/shell.py
`parse_v0`) accepts a word it does not know only where v0 takes a value, an option's value or a positional
argument; in the command path, or where v0 takes no argument, it leaves the call without a rewrite. A rewrite
keeps such a word byte for byte (it re-spells option names and moves whole words), so filling the fields in and
then rewriting gives the text that rewriting and then filling in gives, for every value that is one word: what
an id, a project name or a path is, and what the shell rules take an unquoted `$XP` for too. An argv element
needs not even that: it is one argument whatever its value. A string element is a word; any other element
(`str(xp)`) is a variable word (`$xp`) that goes back as the element's own source text.

Either way a rewrite may move a field or an element but must keep all of them, once each and in their order:
the Python expressions are evaluated in the order written, and `{}` and `%s` are filled in by their order (with
two of those, none may move: they look the same).
"""

from __future__ import annotations

import ast
import re
import shlex
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.hosts._pieces import GuardedRegion, pieces_region
from polylint.source import Region, Segment, SourceFile

_OPENING = re.compile(r"([rRuUfFbB]{0,2})('''|\"\"\"|'|\")")
# A field the region text holds as written: a name or dotted attribute (f-string, `.format`), an index or
# nothing (`.format`), with an optional conversion; `%s`, `%d`, `%i` or `%r`. Each is one shell word of no
# shell syntax. Any other field (an expression, a format spec) makes the string read only.
_SIMPLE_BRACE_FIELD = re.compile(r"\{(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\d*)(?:![rsa])?\}")
_SIMPLE_PERCENT_FIELD = re.compile(r"%[sdir]")
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[A-Za-z%]")
# What the order of the fields is checked on: anything `.format` or `%` could fill in, whatever the string is
# later used for (a plain string may be formatted after it is built).
_MARKERS = re.compile(r"\{[^{}]*\}|" + _PERCENT_FIELD.pattern)
# The fields filled in by their order, not by what they say.
_POSITIONAL = re.compile(r"\{(?:![rsa])?\}|%(?!\()[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[A-Za-z]")
_SAFE_WORD = re.compile(r"^[A-Za-z0-9_./:=@%+,-]+$")


def span(source: SourceFile, node: ast.expr) -> Tuple[int, int]:
    """The character offsets of a node's source text."""
    end_line, end_column = node.end_lineno, node.end_col_offset  # set on every parsed node
    assert end_line is not None and end_column is not None
    return _offset(source, node.lineno, node.col_offset), _offset(source, end_line, end_column)


def _offset(source: SourceFile, line: int, byte_column: int) -> int:
    """The character offset of ast's 1-based line and UTF-8 byte column."""
    line_start = source.index.offset(line, 1)
    line_end = source.text.find("\n", line_start)
    line_text = source.text[line_start:] if line_end < 0 else source.text[line_start:line_end]
    return line_start + len(line_text.encode("utf-8")[:byte_column].decode("utf-8", errors="replace"))


def _markers(text: str) -> Tuple[object, ...]:
    return (*_MARKERS.findall(text), text.count("{"), text.count("}"), text.count("%"))


@dataclass
class TemplateRegion(GuardedRegion):
    """A string written as its value: an edit goes back as it is, unless it would bring a character the quotes
    read (`forbidden`) or lose, add or reorder a replacement field."""

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        from polylint.diagnostics import apply_edits

        if self.read_only or _markers(apply_edits(self.text, edits)) != _markers(self.text):
            return None
        # Two `{}` (or `%s`) look the same: moved, they would swap values unseen. With more than one, none moves.
        if len(_POSITIONAL.findall(self.text)) > 1 and any(
                _POSITIONAL.search(edit.content) or _POSITIONAL.search(self.text[edit.start:edit.end])
                for edit in edits):
            return None
        return super().host_edits(edits)


def string_region(source: SourceFile, node: ast.expr, template: str = "", read_only: bool = False,
                  forbidden: str = "") -> Optional[Region]:
    """The shell region of a str constant or an f-string; `template` is "format" or "percent" for the string a
    `.format` call or a `%` is given, whose fields are what they fill in. `read_only`: no edit goes back;
    `forbidden`: what an edit may not write besides what the quotes forbid."""
    if isinstance(node, ast.JoinedStr):
        constants = [str(part.value) for part in node.values if isinstance(part, ast.Constant)]
        fields_count = sum(1 for part in node.values if isinstance(part, ast.FormattedValue))
        value = "".join(str(part.value) if isinstance(part, ast.Constant) else "$VALUE" for part in node.values)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        value = node.value
    else:
        return None
    start, end = span(source, node)
    written = source.text[start:end]
    opening = _OPENING.match(written)
    # Where the string is not its written text (implicit concatenation, escapes, bytes), positions go to its start.
    unwritten = GuardedRegion("shell", value, (Segment(0, start, 0),), read_only=True)
    if opening is None or "b" in opening.group(1).lower():
        return unwritten
    quote = opening.group(2)
    body = written[opening.end():len(written) - len(quote)]
    if len(written) < opening.end() + len(quote) or not written.endswith(quote):
        return unwritten
    if isinstance(node, ast.JoinedStr):
        fields = _brace_fields(body)
        if fields is None or "\\" in body or len(fields) != fields_count or \
                [piece for piece in _between(body, fields) if piece] != constants:
            return unwritten
        simple = _SIMPLE_BRACE_FIELD
    else:
        if body != value:
            return unwritten
        fields = {"format": _brace_fields, "percent": _percent_fields}.get(template, lambda _: [])(body)
        if fields is None:
            return unwritten
        simple = _SIMPLE_PERCENT_FIELD if template == "percent" else _SIMPLE_BRACE_FIELD
    body_start = start + opening.end()
    if all(simple.fullmatch(body[first:last]) for first, last in fields):
        forbidden += quote[0] + "\\" + ("\n" if len(quote) == 1 else "")
        return TemplateRegion("shell", body, (Segment(0, body_start, len(body)),), forbidden=forbidden,
                              read_only=read_only)
    # A field the shell could not read as one plain word is a variable: what it holds is known at run time.
    pieces: List[Tuple[Optional[int], str]] = []
    last_end = 0
    for first, last in fields:
        pieces.append((body_start + last_end, body[last_end:first]))
        field = body[first:last]
        pieces.append((body_start + first, field) if simple.fullmatch(field) else (None, "$VALUE"))
        last_end = last
    pieces.append((body_start + last_end, body[last_end:]))
    return pieces_region("shell", pieces, read_only=True)


def _between(body: str, fields: Sequence[Tuple[int, int]]) -> List[str]:
    starts = [0] + [last for _, last in fields]
    ends = [first for first, _ in fields] + [len(body)]
    return [body[first:last] for first, last in zip(starts, ends)]


def _brace_fields(text: str) -> Optional[List[Tuple[int, int]]]:
    """The spans of `{...}` fields; None when the text has `{{`, `}}` or an unbalanced brace (then the text
    written is not the text formatted)."""
    fields = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "}":
            return None
        if char == "{":
            end = None if text.startswith("{{", index) else _field_end(text, index)
            if end is None:
                return None
            fields.append((index, end))
            index = end
        else:
            index += 1
    return fields


def _field_end(text: str, start: int) -> Optional[int]:
    """Where the field opened at start ends: its `}`, past nested brackets and quoted strings."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char in "'\"":
            closing = text.find(char, index + 1)
            if closing < 0:
                return None
            index = closing
        elif char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return index + 1 if char == "}" else None
        index += 1
    return None


def _percent_fields(text: str) -> Optional[List[Tuple[int, int]]]:
    """The spans of `%` conversions; None when the text has `%%` or a lone `%`."""
    fields = []
    index = text.find("%")
    while index >= 0:
        match = _PERCENT_FIELD.match(text, index)
        if match is None or match.group().endswith("%"):
            return None
        fields.append(match.span())
        index = text.find("%", match.end())
    return fields


@dataclass(frozen=True)
class ArgvWord:
    """One element of an argv list as a word of the region."""

    start: int  # region offsets
    end: int
    host_start: int  # host offsets of the element's source text
    host_end: int
    inner: bool  # the region text is the element's value, one character after its opening quote
    group: int  # which list literal holds it: an edit stays inside one
    editable: bool  # False for the argument of `.append(...)`: one element, not a list to insert into


@dataclass
class ArgvRegion(Region):
    """An argv list as shell words: a plain string element is its value (shell-quoted when it is not a plain
    word), any other element a variable word that stands for it. An edit goes back as a list edit: the words it
    inserts become string elements (a variable word: the element it stands for, moved), the spaces around them
    the list's separators."""

    words: Tuple[ArgvWord, ...] = ()
    variables: Dict[str, str] = field(default_factory=dict)  # variable word -> the element's source text
    quote: str = '"'
    read_only: bool = False
    joined: bool = False  # the words are joined with spaces into one command line: each must stay a plain word

    def host_offset(self, offset: int) -> int:
        previous = self.words[0].host_start
        for word in self.words:
            if offset < word.start:
                return previous
            if offset <= word.end:
                if offset in (word.start, word.end) or not word.inner:
                    return word.host_start if offset < word.end else word.host_end
                return word.host_start + 1 + offset - word.start
            previous = word.host_end
        return previous

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        from polylint.diagnostics import apply_edits

        if self.read_only:
            return None
        try:
            after = shlex.split(apply_edits(self.text, edits))
        except ValueError:
            return None
        if [word for word in after if word in self.variables] != [word for word in shlex.split(self.text)
                                                                    if word in self.variables]:
            return None
        mapped = []
        for edit in edits:
            start, end = self._edge(edit.start), self._edge(edit.end)
            content = self._elements(edit.content)
            if start is None or end is None or start[0] != end[0] or content is None:
                return None
            mapped.append(Edit(start[1], end[1], content))
        return mapped

    def _edge(self, offset: int) -> Optional[Tuple[int, int]]:
        """(group, host offset) of a word's edge; None inside a word or at a word no edit may touch."""
        for word in self.words:
            if offset in (word.start, word.end):
                if not word.editable:
                    return None
                return word.group, word.host_start if offset == word.start else word.host_end
        return None

    def _elements(self, content: str) -> Optional[str]:
        """Shell words as list elements, a leading or trailing space a separator to the neighbouring element."""
        if not content:
            return ""
        try:
            words = shlex.split(content)
        except ValueError:
            return None
        elements = []
        for word in words:
            element = self.variables.get(word)
            if element is None:
                if any(char in word for char in self.quote + "\\\n$") or (self.joined and not _SAFE_WORD.match(word)):
                    return None
                element = self.quote + word + self.quote
            elements.append(element)
        lead = ", " if content[:1] == " " else ""
        trail = ", " if content[-1:] == " " else ""
        return lead + ", ".join(elements) + trail


def argv_region(source: SourceFile, groups: Sequence[Tuple[Sequence[ast.expr], bool]],
                read_only: bool = False, joined: bool = False) -> ArgvRegion:
    """The region of an argv built from groups of elements: each a list literal's elements (editable) or the
    one argument of `.append(...)` (not). `joined`: the words are joined with spaces into a command line."""
    words: List[ArgvWord] = []
    texts: List[str] = []
    variables: Dict[str, str] = {}
    literal_values = set()
    quote = '"'
    total = 0
    for group, (elements, editable) in enumerate(groups):
        for element in elements:
            host_start, host_end = span(source, element)
            written = source.text[host_start:host_end]
            value = _plain_string(element, written)
            if value is not None:
                text = value if _SAFE_WORD.match(value) else shlex.quote(value)
                inner = text == value
                literal_values.add(value)
                read_only = read_only or (joined and not inner)  # the shell would split it
                if not words:
                    quote = written[0]
            else:
                text = _variable_word(element, variables)
                variables[text] = written
                inner = False
                read_only = read_only or isinstance(element, ast.Starred)  # it stands for any number of words
            words.append(ArgvWord(total, total + len(text), host_start, host_end, inner, group, editable))
            texts.append(text)
            total += len(text) + 1
        if len(elements) > 1:
            first, last = span(source, elements[0])[0], span(source, elements[-1])[1]
            # A comment between elements would go with a deleted element.
            read_only = read_only or "#" in _outside(source.text[first:last], source, elements, first)
    read_only = read_only or bool(literal_values & set(variables))
    return ArgvRegion("shell", " ".join(texts), (Segment(0, words[0].host_start, 0),), words=tuple(words),
                      variables=variables, quote=quote, read_only=read_only, joined=joined)


def _outside(text: str, source: SourceFile, elements: Sequence[ast.expr], first: int) -> str:
    """The text between the elements (their separators), from the text that holds them all."""
    kept = []
    last = 0
    for element in elements:
        start, end = span(source, element)
        kept.append(text[last:start - first])
        last = end - first
    return "".join(kept)


def _plain_string(element: ast.expr, written: str) -> Optional[str]:
    """The value of a string element written as its value between single-character quotes, else None."""
    if not (isinstance(element, ast.Constant) and isinstance(element.value, str)):
        return None
    value = element.value
    if len(written) >= 2 and written[0] in "'\"" and written[-1] == written[0] and written[1:-1] == value \
            and written[0] not in value and "\\" not in value and "\n" not in value:
        return value
    return None


def _variable_word(element: ast.expr, taken: Dict[str, str]) -> str:
    """A shell variable word for an element known only at run time, named after it (`str(xp)` -> `$xp`)."""
    node = element
    while True:
        if isinstance(node, ast.Starred):
            node = node.value
        elif isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
            node = node.args[0]
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            break
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else "VALUE"
    word = "$" + name
    number = 2
    while word in taken:
        word, number = f"${name}{number}", number + 1
    return word
