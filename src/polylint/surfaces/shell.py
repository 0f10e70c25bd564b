"""The shell surface: bash parsed with tree-sitter-bash, and the `polyaxon` calls found in it.

tree-sitter is error tolerant, so a script with a construct it does not know (zsh syntax, a Jinja
placeholder) still yields the calls around it. A call is a command whose name is `polyaxon` or a path
ending in `/polyaxon`, wherever the command stands: a pipeline, a `&&` list, `$(...)`, a loop body, a
function. A word in a string, a comment or a heredoc is not a command, so it is never a call; nor is an
argument of `echo`. A call behind a wrapper (`sudo`, `env A=b`, `nohup`, `exec`, `time`, `command`,
`uv run`, `poetry run`, `pipenv run`) is still a call, and so is one in a quoted script a command hands to a
shell with `-c` (`bash -c '...'`, `docker exec box sh -c "cd /x && polyaxon ..."`).

tree-sitter counts bytes (UTF-8); everything here speaks in characters of the region's text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, List, NamedTuple, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from polylint.source import Region

SURFACE = "shell"
WRAPPERS = frozenset({"sudo", "env", "nohup", "exec", "time", "command", "builtin"})
RUNNERS = frozenset({"uv", "poetry", "pipenv", "pdm", "hatch", "rye"})
_STATIC_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\([$`"\\\n])')
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})
# Commands whose arguments are text to print, not to run.
PRINTERS = frozenset({"echo", "printf"})
# What a rewrite may not write inside a quoted `-c` script (Script.unwritable), by the node that quotes it.
_UNWRITABLE_IN = {"raw_string": "'", "string": '"$`\\'}


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
    # The characters an edit of this call may not write ("" but in a quoted `-c` script); None when no edit
    # may be made (a double-quoted script with a backslash: its text is not the one the inner shell runs).
    unwritable: Optional[str] = ""

    def shifted(self, by: int, unwritable: Optional[str]) -> Call:
        """This call of a script, placed where the script stands in its host's text."""
        def move(word: Word) -> Word:
            return Word(word.start + by, word.end + by, word.raw, word.value)

        kept = None if unwritable is None or self.unwritable is None else unwritable + self.unwritable
        return Call(move(self.name), tuple(move(word) for word in self.arguments),
                    tuple((start + by, end + by) for start, end in self.barriers), kept)


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


def _commands(text: str) -> Iterator[Tuple[Any, List[Any], List[Word], _Offsets]]:
    """Each command of text that has words, in order: its node, its word nodes, those words read, and the
    offsets they were read with."""
    offsets = _Offsets(text)
    stack = [parse(text).root_node]
    while stack:
        node = stack.pop()
        if node.type == "command":
            word_nodes = _word_nodes(node)
            if word_nodes:
                yield node, word_nodes, [_word(word, text, offsets) for word in word_nodes], offsets
        stack.extend(reversed(node.children))


def find_calls(text: str) -> Iterator[Call]:
    for node, word_nodes, words, offsets in _commands(text):
        call = _call(node, words, text, offsets)
        if call is not None:
            yield call
        else:
            yield from _script_calls(word_nodes, words)


class Script(NamedTuple):
    """A quoted script that a command hands to a shell with `-c`."""

    text: str  # what is between the quotes
    start: int  # where that starts in the text the command is in
    # The characters an edit of the script may not write: those that end, or expand in, its quotes; None when
    # no edit may be made (a double-quoted script with a backslash: its text is not the one the shell runs).
    unwritable: Optional[str]


def scripts(text: str) -> Iterator[Script]:
    """The `-c` scripts of the commands of text (not those of the scripts themselves)."""
    for _node, word_nodes, words, _offsets in _commands(text):
        script = _script(word_nodes, words)
        if script is not None:
            yield script


def _script_calls(word_nodes: Sequence[Any], words: Sequence[Word]) -> Iterator[Call]:
    """The calls in the quoted script a command (its word nodes, and those words read) hands to a shell, in the
    host's offsets."""
    script = _script(word_nodes, words)
    if script is not None:
        for call in find_calls(script.text):
            yield call.shifted(script.start, script.unwritable)


def _script(word_nodes: Sequence[Any], words: Sequence[Word]) -> Optional[Script]:
    """The quoted script a command hands to a shell with `-c`, wherever the shell stands among its words
    (`bash -lc '...'`, `docker exec box sh -c "..."`)."""
    values = [word.value for word in words]
    if (values[0] or "").rsplit("/", 1)[-1] in PRINTERS:
        return None
    shell = next((index for index, value in enumerate(values)
                  if value is not None and value.rsplit("/", 1)[-1] in SHELLS), None)
    if shell is None:
        return None
    dash_c = False
    for node, word in zip(word_nodes[shell + 1:], words[shell + 1:]):
        value = word.value
        if value is not None and value.startswith("-") and not value.startswith("--"):
            dash_c = dash_c or "c" in value
        elif value is None or not value.startswith("--"):  # the first operand: with -c, the script
            if not dash_c or node.type not in _UNWRITABLE_IN:
                return None
            script = word.raw[1:-1]
            backslashed = node.type == "string" and "\\" in script
            return Script(script, word.start + 1, None if backslashed else _UNWRITABLE_IN[node.type])
    return None


# What is not a command's own text, whatever it holds (a command substitution inside one is).
_NOT_COMMAND_TEXT = frozenset({"string", "raw_string", "ansi_c_string", "translated_string", "comment",
                               "heredoc_body", "heredoc_content"})


def runs(text: str, offsets: Sequence[int]) -> List[bool]:
    """Whether the shell runs what stands at each offset of text as a command or its arguments: not in a
    quoted string, a comment or a heredoc, nor among the words echo or printf print, unless in a command
    inside those (`"$(pip install x)"`)."""
    root = parse(text).root_node
    found = []
    for offset in offsets:
        byte = len(text[:offset].encode("utf-8"))
        node = root.descendant_for_byte_range(byte, byte)
        while node is not None and node.type not in _NOT_COMMAND_TEXT and node.type != "command":
            node = node.parent
        if node is None:
            found.append(True)
        elif node.type == "command":
            name = node.child_by_field_name("name")
            found.append(name is None or name.text.decode("utf-8").rsplit("/", 1)[-1] not in PRINTERS)
        else:
            found.append(False)
    return found


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


def _word_nodes(node: Any) -> List[Any]:
    """A command's word nodes: its name, then its arguments (not its redirections)."""
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return []
    # command_name wraps the word (or string, expansion...) that names the command.
    words = [name_node.children[0] if name_node.children else name_node]
    return words + [child for child in node.children if child.start_byte >= name_node.end_byte
                    and child.is_named and child.type != "comment" and not child.type.endswith("_redirect")]


def _call(node: Any, command_words: Sequence[Word], text: str, offsets: _Offsets) -> Optional[Call]:
    """The polyaxon call a command (with its words, read) is, if it is one."""
    words = list(command_words)
    barriers: List[Tuple[int, int]] = []
    name_end = node.child_by_field_name("name").end_byte
    for child in node.children:
        if child.start_byte < name_end:
            continue
        if child.type in ("file_redirect", "heredoc_redirect", "herestring_redirect"):
            barriers.append((offsets.char(child.start_byte), offsets.char(child.end_byte)))
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
