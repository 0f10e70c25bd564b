"""The shell surface: bash parsed with tree-sitter-bash, and the `polyaxon` calls found in it.

tree-sitter is error tolerant, so a script with a construct it does not know (zsh syntax, a Jinja
placeholder) still yields the calls around it. A call is a command whose name is `polyaxon` or a path
ending in `/polyaxon`, wherever the command stands: a pipeline, a `&&` list, `$(...)`, a loop body, a
function. A word in a string, a comment or a heredoc is not a command, so it is never a call; nor is an
argument of `echo`. A call behind a wrapper that hands its command on (`sudo -u bob`, `env A=b`, `nohup`,
`time`, `timeout 60`, `uv run`, `conda run -n x`, `docker exec -it box`, `kubectl exec pod --`, `ssh host`,
`watch -n 5`; see ``WRAPPERS``) is still a call, wrappers stacked in any order, and so is one in a quoted script
a command hands to a shell with `-c` (`bash -c '...'`, `docker exec box sh -c "cd /x && polyaxon ..."`) or to a
remote shell (`ssh host 'cd /x && polyaxon ...'`).

tree-sitter counts bytes (UTF-8); everything here speaks in characters of the region's text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from polylint.source import Region

SURFACE = "shell"
_NO_VARIABLES: Mapping[str, str] = {}
_STATIC_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\([$`"\\\n])')
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})
# Commands whose arguments are text to print, not to run.
PRINTERS = frozenset({"echo", "printf"})
# What a rewrite may not write inside a quoted `-c` script (Script.unwritable), by the node that quotes it.
_UNWRITABLE_IN = {"raw_string": "'", "string": '"$`\\'}
# What a rewrite may not write in the words of a command that a wrapper joins into one line for a shell to read
# again (`ssh host polyaxon ...`, `watch polyaxon ...`): the local shell would take out the quotes and
# escapes, expand the `$`, and read the operators, so the remote shell would not see what was written.
_REJOINED_UNWRITABLE = "'\"\\$`;&|<>()#*?[]~"


@dataclass(frozen=True)
class Wrapper:
    """A command that runs another one given in its own words: `sudo -u bob CMD`, `docker exec -it box CMD`."""

    value_options: frozenset[str] = frozenset()  # options whose value is the next word
    subcommands: Tuple[str, ...] = ()  # words that must follow the name for it to wrap (`exec`, `run`)
    operands: int = 0  # words before the command (a container, a host, a duration)
    assignments: bool = False  # NAME=value words may stand before the command
    after_dashdash: bool = False  # the command is the words after `--` (kubectl exec)
    # The words are joined into one line that a shell parses again (ssh's remote shell, watch's `sh -c`).
    rejoins: bool = False
    not_running: frozenset[str] = frozenset()  # options that make it run no command (`command -v`)


def _wrapper(value_options: str = "", **fields: Any) -> Wrapper:
    return Wrapper(frozenset(value_options.split()), **fields)


_SUDO = _wrapper("-u -g -h -p -C -D -R -T -U -r -t --user --group --host --prompt --chdir --close-from "
                 "--role --type --other-user --chroot", assignments=True,
                 not_running=frozenset({"-l", "--list", "-e", "--edit", "-v", "--validate", "-K"}))
_RUN = _wrapper("--with --python -p --project --directory --env-file --extra --group --package", subcommands=("run",))
_CONDA_RUN = _wrapper("-n --name -p --prefix --cwd", subcommands=("run",))
_CONTAINER_EXEC = _wrapper("-e --env --env-file -u --user -w --workdir --detach-keys --index", operands=1)
_DOCKER_RUN = _wrapper(
    "-e --env --env-file -u --user -w --workdir -v --volume -p --publish --name --network --net --gpus --mount "
    "-m --memory --shm-size --ipc --runtime -h --hostname -l --label --cpus --add-host --device --cap-add "
    "--cap-drop --security-opt --ulimit --platform --pull --restart --log-driver --log-opt --cidfile --dns "
    "--link --expose --group-add --tmpfs --volumes-from --pid --userns --memory-swap --cpu-shares "
    "--cpuset-cpus --stop-signal --stop-timeout -a --attach --entrypoint", operands=1)
_SSH = _wrapper("-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B", operands=1, rejoins=True)
WRAPPERS: Dict[str, Tuple[Wrapper, ...]] = {
    "sudo": (_SUDO,),
    "doas": (_wrapper("-u -C"),),
    "env": (_wrapper("-u --unset -C --chdir", assignments=True),),
    "nohup": (_wrapper(),),
    "exec": (_wrapper("-a"),),
    "time": (_wrapper("-f --format -o --output"),),
    "command": (_wrapper(not_running=frozenset({"-v", "-V"})),),
    "builtin": (_wrapper(),),
    "nice": (_wrapper("-n --adjustment"),),
    "ionice": (_wrapper("-c --class -n --classdata"),),
    "stdbuf": (_wrapper("-i -o -e --input --output --error"),),
    "timeout": (_wrapper("-s --signal -k --kill-after", operands=1),),
    "watch": (_wrapper("-n --interval", rejoins=True),),
    "ssh": (_SSH,),
    **{runner: (_RUN,) for runner in ("uv", "poetry", "pipenv", "pdm", "hatch", "rye")},
    **{conda: (_CONDA_RUN,) for conda in ("conda", "mamba", "micromamba")},
    # `docker exec`, `docker compose exec SERVICE`, `docker-compose run SERVICE`, `docker run IMAGE`...
    **{engine: (replace(_CONTAINER_EXEC, subcommands=("exec",)),
                replace(_CONTAINER_EXEC, subcommands=("compose", "exec")),
                replace(_DOCKER_RUN, subcommands=("run",)),
                replace(_DOCKER_RUN, subcommands=("compose", "run")))
       for engine in ("docker", "podman", "nerdctl")},
    "docker-compose": (replace(_CONTAINER_EXEC, subcommands=("exec",)), replace(_DOCKER_RUN, subcommands=("run",))),
    **{kubectl: (_wrapper(subcommands=("exec",), after_dashdash=True),) for kubectl in ("kubectl", "oc")},
}


# A region fact a host kind sets on a string a Python module builds (hosts/python_shell.py), which may be a
# message that only starts like a command (`polyaxon experiment finished`): only calls that name a whole v0
# command count there.
WHOLE_PATHS_ONLY = "whole_paths_only"


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
        region.tree = list(find_calls(region.text, region.meta.get("variables", {})))
    return list(region.tree)


def _commands(text: str, variables: Mapping[str, str] = _NO_VARIABLES,
              ) -> Iterator[Tuple[Any, List[Any], List[Word], _Offsets]]:
    """Each command of text that has words, in order: its node, its word nodes, those words read (a word written
    as one of `variables` has its value), and the offsets they were read with."""
    offsets = _Offsets(text)
    stack = [parse(text).root_node]
    while stack:
        node = stack.pop()
        if node.type == "command":
            word_nodes = _word_nodes(node)
            if word_nodes:
                yield node, word_nodes, [_word(word, text, offsets, variables) for word in word_nodes], offsets
        stack.extend(reversed(node.children))


def find_calls(text: str, variables: Mapping[str, str] = _NO_VARIABLES) -> Iterator[Call]:
    """The polyaxon calls of text; `variables` are the words whose value the host knows (a Makefile's `$(PLX)`)."""
    for node, word_nodes, words, offsets in _commands(text, variables):
        call = _call(node, words, text, offsets, variables)
        if call is not None:
            yield call
        else:
            yield from _script_calls(word_nodes, words, variables)


class Script(NamedTuple):
    """A quoted script that a command hands to a shell with `-c`."""

    text: str  # what is between the quotes
    start: int  # where that starts in the text the command is in
    # The characters an edit of the script may not write: those that end, or expand in, its quotes; None when
    # no edit may be made (a double-quoted script with a backslash: its text is not the one the shell runs).
    unwritable: Optional[str]


def scripts(text: str, variables: Mapping[str, str] = _NO_VARIABLES) -> Iterator[Script]:
    """The `-c` scripts of the commands of text (not those of the scripts themselves)."""
    for _node, word_nodes, words, _offsets in _commands(text, variables):
        script = _script(word_nodes, words)
        if script is not None:
            yield script


def _script_calls(word_nodes: Sequence[Any], words: Sequence[Word], variables: Mapping[str, str]) -> Iterator[Call]:
    """The calls in the quoted script a command (its word nodes, and those words read) hands to a shell, in the
    host's offsets."""
    script = _script(word_nodes, words)
    if script is not None:
        for call in find_calls(script.text, variables):
            yield call.shifted(script.start, script.unwritable)


def _script(word_nodes: Sequence[Any], words: Sequence[Word]) -> Optional[Script]:
    """The quoted script a command hands to a shell with `-c`, wherever the shell stands among its words
    (`bash -lc '...'`, `docker exec box sh -c "..."`)."""
    values = [word.value for word in words]
    if (values[0] or "").rsplit("/", 1)[-1] in PRINTERS:
        return None
    links = list(chain(words))
    last = links[-1]
    if last.rejoined_here and last.at == len(words) - 1 and word_nodes[last.at].type in _UNWRITABLE_IN:
        return _quoted_script(word_nodes[last.at], words[last.at])  # `ssh host 'cd /x && polyaxon ...'`
    # A shell wherever it stands (`docker exec box sh -c`, `xvfb-run bash -c`), but not in words a wrapper
    # joins for a shell to parse again: `ssh host bash -c 'a b'` runs `bash -c a b` there.
    rejoined_from = next((link.at for link in links if link.rejoined), len(words))
    shell = next((index for index, value in enumerate(values[:rejoined_from])
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
            return _quoted_script(node, word)
    return None


def _quoted_script(node: Any, word: Word) -> Script:
    """The script a quoted word (its node, and the word read) holds."""
    script = word.raw[1:-1]
    backslashed = node.type == "string" and "\\" in script
    return Script(script, word.start + 1, None if backslashed else _UNWRITABLE_IN[node.type])


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


def _word(node: Any, text: str, offsets: _Offsets, variables: Mapping[str, str] = _NO_VARIABLES) -> Word:
    start, end = offsets.char(node.start_byte), offsets.char(node.end_byte)
    raw = text[start:end]
    return Word(start, end, raw, variables[raw] if raw in variables else static_value(node, raw))


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


def _call(node: Any, command_words: Sequence[Word], text: str, offsets: _Offsets,
          variables: Mapping[str, str]) -> Optional[Call]:
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
                words.extend(_word(extra, text, offsets, variables) for extra in destinations[1:])
    link = _polyaxon_at(words)
    if link is None:
        return None
    return Call(words[link.at], tuple(words[link.at + 1:]), tuple(barriers),
                _REJOINED_UNWRITABLE if link.rejoined else "")


def is_polyaxon(word: Word) -> bool:
    return word.value is not None and (word.value == "polyaxon" or word.value.endswith("/polyaxon"))


class Link(NamedTuple):
    """A command a wrapper (or the shell) runs: where its name stands among the words, and how its words reach it."""

    at: int
    rejoined: bool  # a wrapper on the way joins the words into a line that a shell parses again
    rejoined_here: bool  # the wrapper just before is that one: these are the first words of the line


def chain(words: Sequence[Word]) -> Iterator[Link]:
    """The commands a command's words run, outermost first: itself, then what each wrapper hands on
    (`sudo docker exec -it box polyaxon ...`: sudo, docker, polyaxon)."""
    index: Optional[int] = 0
    rejoined = rejoined_here = False
    while index is not None and index < len(words):
        yield Link(index, rejoined, rejoined_here)
        value = words[index].value
        if value is None:
            return
        found = next(((wrapper, after) for wrapper in WRAPPERS.get(value.rsplit("/", 1)[-1], ())
                      for after in [_handed_on(wrapper, words, index)] if after is not None), None)
        if found is None:
            return
        wrapper, index = found
        rejoined_here = wrapper.rejoins
        rejoined = rejoined or rejoined_here


def _handed_on(wrapper: Wrapper, words: Sequence[Word], index: int) -> Optional[int]:
    """Where the command that the wrapper named at words[index] runs begins, or None when it runs none (`command
    -v`, no words left) or not as its own words (`kubectl exec` without `--`)."""
    index += 1
    for subcommand in wrapper.subcommands:
        if index >= len(words) or words[index].value != subcommand:
            return None
        index += 1
    operands = wrapper.operands
    while index < len(words):
        value = words[index].value
        if wrapper.after_dashdash:
            if value == "--":
                return index + 1
        elif value is None:  # `$BOX`: an operand whatever it holds, else the command
            if not operands:
                return index
            operands -= 1
        elif value == "--":
            index += 1
        elif value.startswith("-") and value != "-":
            if value.split("=", 1)[0] in wrapper.not_running:
                return None
            if "=" not in value and value in wrapper.value_options:
                index += 1
        elif wrapper.assignments and _ASSIGNMENT.match(value):
            pass
        elif operands:
            operands -= 1
        else:
            return index
        index += 1
    return None


def _polyaxon_at(words: Sequence[Word]) -> Optional[Link]:
    """Where the polyaxon name is among the command's words: first, or behind wrappers."""
    return next((link for link in chain(words) if is_polyaxon(words[link.at])), None)
