"""The shell surface: bash parsed with tree-sitter-bash, and the `polyaxon` calls found in it.

tree-sitter is error tolerant, so a script with a construct it does not know (zsh syntax, a Jinja
placeholder) still yields the calls around it. A call is a command whose name is `polyaxon` or a path
ending in `/polyaxon`, wherever the command stands: a pipeline, a `&&` list, `$(...)`, a loop body, a
function. A word in a string, a comment or a heredoc is not a command, so it is never a call; nor is an
argument of `echo`. A call behind a wrapper (`sudo`, `env A=b`, `nohup`, `exec`, `time`, `command`,
`uv run`, `poetry run`, `pipenv run`) is still a call.

tree-sitter counts bytes (UTF-8); everything here speaks in characters of the region's text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from polylint.source import Region

SURFACE = "shell"
WRAPPERS = frozenset({"sudo", "env", "nohup", "exec", "time", "command", "builtin"})
RUNNERS = frozenset({"uv", "poetry", "pipenv", "pdm", "hatch", "rye"})
_STATIC_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\([$`"\\\n])')
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")


@dataclass(frozen=True)
class Word:
    """One shell word of a call, in region characters."""

    start: int
    end: int
    raw: str  # as written, quotes and all
    value: Optional[str]  # after quote removal; None when the word expands at run time ($X, $(...), globs)


@dataclass(frozen=True)
class Call:
    """A `polyaxon` command: its name word and argument words, and spans inside it that are not words
    (a redirection written between arguments) which an edit must not cross."""

    name: Word
    arguments: Tuple[Word, ...]
    barriers: Tuple[Tuple[int, int], ...] = ()


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    import tree_sitter_bash
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_bash.language()))


class _Offsets:
    """UTF-8 byte offsets -> character offsets of one text."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self._chars: Optional[List[int]] = None
        if len(self.data) != len(text):
            self._chars = [0] * (len(self.data) + 1)
            position = 0
            for index, char in enumerate(text):
                width = len(char.encode("utf-8"))
                for step in range(width):
                    self._chars[position + step] = index
                position += width
            self._chars[position] = len(text)

    def char(self, byte: int) -> int:
        return byte if self._chars is None else self._chars[byte]


def parse(text: str) -> Any:
    return _parser().parse(text.encode("utf-8"))


def error_count(text: str) -> int:
    """How many syntax errors tree-sitter found: a rewrite must not add any."""
    count = 0
    stack = [parse(text).root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            count += 1
        stack.extend(node.children)
    return count


def calls(region: Region) -> List[Call]:
    """The polyaxon calls of a shell region (parsed once, kept in region.tree)."""
    if region.tree is None:
        region.tree = list(find_calls(region.text))
    return list(region.tree)


def find_calls(text: str) -> Iterator[Call]:
    offsets = _Offsets(text)
    stack = [parse(text).root_node]
    while stack:
        node = stack.pop()
        if node.type == "command":
            call = _call(node, text, offsets)
            if call is not None:
                yield call
        stack.extend(reversed(node.children))


def _word(node: Any, text: str, offsets: _Offsets) -> Word:
    start, end = offsets.char(node.start_byte), offsets.char(node.end_byte)
    raw = text[start:end]
    return Word(start, end, raw, static_value(node, raw))


def static_value(node: Any, raw: str) -> Optional[str]:
    """The word's value when it is the same whatever the environment, else None."""
    kind = node.type
    if kind in ("word", "number"):
        if any(char in raw for char in "*?[$`") or raw.startswith("~"):
            return None
        return _STATIC_ESCAPE.sub(r"\1", raw)
    if kind == "raw_string":
        return raw[1:-1]
    if kind == "string":
        if any(child.type not in ('"', "string_content") for child in node.children):
            return None
        return _DOUBLE_QUOTED_ESCAPE.sub(r"\1", raw[1:-1]).replace("\\\n", "")
    if kind == "concatenation":
        pieces = []
        for child in node.children:
            piece = static_value(child, child.text.decode("utf-8"))
            if piece is None:
                return None
            pieces.append(piece)
        return "".join(pieces)
    return None


def _call(node: Any, text: str, offsets: _Offsets) -> Optional[Call]:
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return None
    # command_name wraps the word (or string, expansion...) that names the command.
    words = [_word(name_node.children[0] if name_node.children else name_node, text, offsets)]
    barriers: List[Tuple[int, int]] = []
    for child in node.children:
        if child.start_byte < name_node.end_byte:
            continue
        if child.type in ("file_redirect", "heredoc_redirect", "herestring_redirect"):
            barriers.append((offsets.char(child.start_byte), offsets.char(child.end_byte)))
        elif child.is_named and child.type != "comment":
            words.append(_word(child, text, offsets))
    # tree-sitter-bash reads `cmd > out arg` as one redirect with two destinations: bash passes `arg` to
    # cmd. Those words are the call's too, after a barrier that covers the redirection.
    parent = node.parent
    if parent is not None and parent.type == "redirected_statement":
        for redirect in parent.children_by_field_name("redirect"):
            destinations = redirect.children_by_field_name("destination")
            if len(destinations) > 1:
                barriers.append((offsets.char(redirect.start_byte), offsets.char(destinations[0].end_byte)))
                words.extend(_word(extra, text, offsets) for extra in destinations[1:])
    start = _polyaxon_at(words)
    if start is None:
        return None
    return Call(words[start], tuple(words[start + 1:]), tuple(barriers))


def is_polyaxon(word: Word) -> bool:
    return word.value is not None and (word.value == "polyaxon" or word.value.endswith("/polyaxon"))


def _polyaxon_at(words: Sequence[Word]) -> Optional[int]:
    """Where the polyaxon name is among the command's words: first, or behind a wrapper."""
    if is_polyaxon(words[0]):
        return 0
    name = (words[0].value or "").rsplit("/", 1)[-1]
    if name in RUNNERS and len(words) > 2 and words[1].value == "run" and is_polyaxon(words[2]):
        return 2
    if name not in WRAPPERS:
        return None
    for index in range(1, len(words)):
        value = words[index].value
        if value is None:
            return None
        if is_polyaxon(words[index]):
            return index
        if not (value.startswith("-") or (name == "env" and _ASSIGNMENT.match(value))):
            return None
    return None
