"""v0 `polyaxon` calls: parsed the way v0's click parsed them, and rewritten for v1 from the table.

``v0_calls(region)`` parses each call of a shell region against ``knowledge.cli`` and keeps the v0
ones; ``diagnostic(found)`` turns one into a diagnostic, with a fix when the row's strategy can
rewrite the call exactly. A rewrite is a new argv made of the call's own words (kept byte for byte,
quotes and all) and new words; it becomes the smallest edits that turn the old word list into the new
one, so whatever lies around and between the words (line continuations, redirections, pipes, `&&`,
heredocs) stays as it was. The result is parsed again and must not add a syntax error.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple, Union

from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix, apply_edits
from polylint.knowledge import cli
from polylint.source import Region
from polylint.surfaces import shell
from polylint.surfaces.shell import Call, Word

# A new argv item: an int is a word of the call kept as written, a str is new text.
Token = Union[int, str]

_TRUE = frozenset({"true", "1", "yes", "y", "t", "on"})
_FALSE = frozenset({"false", "0", "no", "n", "f", "off"})
_INLINE = re.compile(r"^(--[A-Za-z][A-Za-z0-9_-]*)=")
CONTINUED_GAP = re.compile(r"(?:[ \t]|\\\r?\n)+")
_SIMPLE_VARIABLE = re.compile(r"^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$")


@dataclass(frozen=True)
class GivenOption:
    """An option as given in a call: which one, at which level, and its words."""

    option: cli.Option
    group_level: bool
    word: int  # index of the option word in the call's arguments
    value_word: Optional[int]  # index of its value word when the value is a separate word
    inline_value: Optional[str]  # the raw text after `=` in `--name=value`

    @property
    def words(self) -> Tuple[int, ...]:
        return (self.word,) if self.value_word is None else (self.word, self.value_word)


@dataclass
class V0Call:
    """A call parsed against the v0 CLI, with the table row it matches."""

    call: Call
    command: cli.Command
    path_words: Tuple[int, ...]
    globals_: Tuple[int, ...]
    options: List[GivenOption] = field(default_factory=list)
    arguments: List[int] = field(default_factory=list)
    unknown: List[int] = field(default_factory=list)  # words that v0 would not parse the way we read them
    region_text: str = ""

    @property
    def words(self) -> Tuple[Word, ...]:
        return self.call.arguments

    def given(self, name: str) -> Optional[GivenOption]:
        return next((given for given in self.options if given.option.name == name), None)

    def raw_value(self, given: GivenOption) -> str:
        if given.inline_value is not None:
            return given.inline_value
        assert given.value_word is not None
        return self.words[given.value_word].raw

    def static_value(self, given: GivenOption) -> Optional[str]:
        if given.inline_value is not None:
            word = self.words[given.word]
            return None if word.value is None else word.value.split("=", 1)[1]
        assert given.value_word is not None
        return self.words[given.value_word].value

    def whole_path(self) -> bool:
        """Whether the words name a whole v0 command: `experiment logs`, not a group alone nor a group and a
        word that is none of its commands (`polyaxon experiment finished`)."""
        path = self.command.path
        return len(self.path_words) == len(path) and not (path[0] in cli.GROUPS and len(path) == 1)

    def triggered(self) -> bool:
        triggers = self.command.triggers
        if not triggers and not self.command.value_triggers:
            return True
        if "argument" in triggers:
            # `init -p mnist` is v1: an option v0 did not have may have taken the word as its value.
            return bool(self.arguments) and not self.unknown
        return bool(self.triggering())

    def triggering(self) -> List[GivenOption]:
        """The given options that make the call v0: those that do by their name, then those that do by their
        value."""
        by_value = []
        for given in self.options:
            pattern = self.command.value_triggers.get(given.option.name)
            value = self.static_value(given) if pattern is not None else None
            if pattern is not None and value is not None and re.match(pattern, value):
                by_value.append(given)
        return [given for given in self.options if given.option.name in self.command.triggers] + by_value


def _match(word: Word, options: Sequence[cli.Option]) -> Optional[Tuple[cli.Option, Optional[str]]]:
    """The option a word names (and the raw inline value of `--name=value`), or None."""
    raw = word.raw
    inline = _INLINE.match(raw)
    for option in options:
        if word.value in option.names:
            return option, None
        if inline and inline.group(1) in option.names and option.value:
            return option, raw[inline.end():]
    return None


def parse_v0(call: Call, text: str) -> Optional[V0Call]:
    """The call as v0 read it, when it is a v0 command of the table; None for anything else."""
    words = call.arguments
    index = 0
    globals_: List[int] = []
    while index < len(words) and _match(words[index], cli.GLOBAL_OPTIONS):
        globals_.append(index)
        index += 1
    if index >= len(words) or words[index].value is None:
        return None
    first = words[index].value
    path_words = [index]
    index += 1
    group_options: List[GivenOption] = []
    unknown: List[int] = []
    if first in cli.GROUPS:
        index = _options(words, index, cli.GROUP_OPTIONS.get(first or "", ()), True, group_options, unknown,
                         stop_at_argument=True)
        if index < len(words) and words[index].value is not None:
            path_words.append(index)
            index += 1
    path = tuple(words[i].value or "" for i in path_words)
    command = cli.command_for(path)
    if command is None:
        return None
    if len(command.path) < len(path):
        path_words = path_words[:len(command.path)]
        index = path_words[-1] + 1 if len(path) > len(command.path) else index
    found = V0Call(call, command, tuple(path_words), tuple(globals_), group_options, [], unknown, region_text=text)
    found_options: List[GivenOption] = []
    while index < len(words):
        index = _options(words, index, command.options, False, found_options, found.unknown)
        if index < len(words):
            if words[index].value == "--":
                found.arguments.extend(range(index + 1, len(words)))
                break
            # A word known only at run time ($PROJECT, $(XP) in a Makefile) stands where an argument is.
            found.arguments.append(index)
            index += 1
    found.options.extend(found_options)
    if len(found.arguments) > command.arguments:
        found.unknown.extend(found.arguments[command.arguments:])
    return found if found.triggered() else None


def _options(words: Sequence[Word], index: int, options: Sequence[cli.Option], group_level: bool,
             into: List[GivenOption], unknown: List[int], stop_at_argument: bool = False) -> int:
    """Read options from ``index`` up to the first word that is not one; returns where it stopped."""
    while index < len(words):
        word = words[index]
        matched = _match(word, options)
        if matched is None:
            if word.value is not None and word.value.startswith("-") and word.value not in ("-", "--"):
                unknown.append(index)
                index += 1
                continue
            return index
        option, inline = matched
        if option.value and inline is None:
            if index + 1 >= len(words):
                unknown.append(index)
                return index + 1
            into.append(GivenOption(option, group_level, index, index + 1, None))
            index += 2
        else:
            into.append(GivenOption(option, group_level, index, None, inline))
            index += 1
    return index


@dataclass
class Notes:
    """What a rewrite leaves to say: why it is unsafe, and what the user must still do for it to be right.
    A rewrite with a to-do is shown in the finding and not offered as a fix: after it, the line would be
    v1 with nothing left to tell that it is not finished (a variable that holds a v0 id)."""

    unsafe: List[str] = field(default_factory=list)
    todo: List[str] = field(default_factory=list)


@dataclass
class Rewrite:
    """A new argv for a call and what is left to say about it."""

    tokens: List[Token]
    notes: Notes


class NoRewrite(Exception):
    """The call cannot be rewritten exactly; the message says which part is in the way."""


def _run_id(found: V0Call, given: GivenOption, notes: Notes) -> None:
    """v1 names a run by uuid. A literal v0 id stays in the (unsafe) fix, where PLX213 then reports it;
    any other value (`$XP`) would leave a v1 line with nothing to report, so it is a to-do."""
    raw = found.raw_value(given)
    if cli.V0_RUN_ID.fullmatch(found.static_value(given) or ""):
        notes.unsafe.append(cli.UUID_NOTE.format(value=f"`{raw}`"))
    else:
        named = raw[1:-1] if len(raw) > 2 and raw[0] == raw[-1] == '"' else raw  # `$XP`, not `"$XP"`
        notes.todo.append(cli.UUID_TODO.format(value=f"`{named}`"))


def _mapped(found: V0Call, given: GivenOption, notes: Notes) -> List[Token]:
    """The tokens of one given option in v1, from the row's map (and the run id option's rule)."""
    mapping = found.command.maps.get(given.option.name)
    written = found.words[given.word].raw
    if mapping is None:
        raise NoRewrite(f"`{written}` has no exact v1 rewrite")
    if given.option.name in cli.RUN_ID_OPTIONS.values() and mapping.v1 == "-uid":
        _run_id(found, given, notes)
    if mapping.note and not (mapping.unless and found.given(mapping.unless)):
        notes.unsafe.append(mapping.note)
    if mapping.v1 is None:
        return []
    if mapping.v1 == cli.KEEP:
        return list(given.words)
    if given.inline_value is not None:
        return [f"{mapping.v1}={given.inline_value}"]
    return [mapping.v1] + ([given.value_word] if given.value_word is not None else [])


def _path_tokens(found: V0Call, v1: Sequence[str]) -> List[Token]:
    """The v1 path, reusing the v0 path words that stay the same."""
    tokens: List[Token] = []
    for position, word in enumerate(v1):
        old = found.path_words[position] if position < len(found.path_words) else None
        tokens.append(old if old is not None and found.words[old].value == word else word)
    return tokens


def _rest(found: V0Call, notes: Notes, replace: Optional[Dict[str, List[Token]]] = None,
          skip: Sequence[str] = ()) -> List[Token]:
    """Group options (moved after the command), then command options and arguments in their order."""
    replace = replace or {}
    tokens: List[Token] = []
    items: List[Tuple[int, Union[GivenOption, int]]] = [(given.word, given) for given in found.options]
    items += [(argument, argument) for argument in found.arguments]
    for _, item in sorted(items, key=lambda pair: (not (isinstance(pair[1], GivenOption) and pair[1].group_level),
                                                   pair[0])):
        if isinstance(item, int):
            tokens.append(item)
        elif item.option.name in replace:
            tokens.extend(replace[item.option.name])
        elif item.option.name not in skip:
            for token in _mapped(found, item, notes):
                if token not in tokens or isinstance(token, int):
                    tokens.append(token)
    return tokens


def _in_double_quotes(raw: str, prefix: str) -> str:
    """`"prefix<value>"` for a value written as raw shell text, when that can be done exactly."""
    if _SIMPLE_VARIABLE.match(raw) or re.match(r"^[A-Za-z0-9_.:/-]*$", raw):
        return f'"{prefix}{raw}"'
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return f'"{prefix}{raw[1:-1]}"'
    raise NoRewrite(f"`{raw}` cannot be put into a query exactly")


def rewrite(found: V0Call) -> Rewrite:
    """The v1 argv of a v0 call, following its row's strategy; NoRewrite when it cannot be exact."""
    command = found.command
    if command.rewrite == cli.MANUAL:
        raise NoRewrite("")
    if found.unknown:
        raise NoRewrite(f"`{found.words[found.unknown[0]].raw}` has no exact v1 rewrite")
    notes = Notes([command.unsafe] if command.unsafe else [])
    head: List[Token] = list(found.globals_)
    if command.rewrite == cli.PATH:
        return Rewrite(head + _path_tokens(found, command.v1) + _rest(found, notes), notes)
    if command.rewrite == cli.INIT:
        if len(found.arguments) != 1:
            raise NoRewrite("")
        argument = found.arguments[0]
        tokens = _path_tokens(found, command.v1)
        for token in _rest(found, notes):
            tokens.extend(["-p", token] if token == argument else [token])
        return Rewrite(head + tokens, notes)
    if command.rewrite == cli.TENSORBOARD:
        experiment = found.given(cli.EXPERIMENT.name)
        if experiment is None or found.given(cli.GROUP.name) or found.given(cli.FILE.name):
            raise NoRewrite("")
        _run_id(found, experiment, notes)
        board: List[Token] = [*command.v1, "-P", "uuid=" + found.raw_value(experiment)]
        return Rewrite(head + board + _rest(found, notes, skip=(cli.EXPERIMENT.name,)), notes)
    if command.rewrite == cli.CHILDREN:
        group = found.given(cli.GROUP.name)
        if group is None or found.given(cli.QUERY.name) or found.given(cli.PAGE.name):
            raise NoRewrite("")
        _run_id(found, group, notes)
        query = _in_double_quotes(found.raw_value(group), "pipeline: ")
        tokens = [*command.v1, "-q", query]
        return Rewrite(head + tokens + _rest(found, notes, skip=(cli.GROUP.name,)), notes)
    if command.rewrite == cli.CONFIG_SET:
        host = found.given("--host")
        host_value = found.static_value(host) if host is not None else None
        if host is not None and (host_value is None or re.match(cli.NO_SCHEME, host_value)) \
                and not any(found.given(name) for name in ("--port", "--http_port", "--use_https")):
            notes.unsafe.append(cli.HOST_ONLY_NOTE)
        return Rewrite(head + _path_tokens(found, command.v1) + _rest(
            found, notes, replace={"--host": [_host_url(found)]},
            skip=("--port", "--http_port", "--use_https")), notes)
    raise AssertionError(f"unknown rewrite {command.rewrite!r}")


def _host_url(found: V0Call) -> str:
    """`--host=http(s)://HOST[:PORT]` from v0's host, port and use_https options."""
    host = found.given("--host")
    if host is None:
        raise NoRewrite("v1 needs the whole URL in `--host`")
    port = found.given("--port") or found.given("--http_port")
    https = found.given("--use_https")
    scheme = "http://"
    if https is not None:
        value = (found.static_value(https) or "").lower()
        if value not in _TRUE | _FALSE:
            raise NoRewrite(f"`--use_https {found.raw_value(https)}` is not known before the script runs")
        scheme = "https://" if value in _TRUE else scheme
    host_raw = found.raw_value(host)
    host_value = found.static_value(host)
    if host_value is not None and "://" in host_value:
        scheme = ""
    return "--host=" + scheme + host_raw + (":" + found.raw_value(port) if port is not None else "")


def render(found: V0Call, tokens: Sequence[Token]) -> str:
    words = found.words
    return " ".join(["polyaxon"] + [words[t].raw if isinstance(t, int) else t for t in tokens])


def edits(found: V0Call, tokens: Sequence[Token]) -> List[Edit]:
    """The smallest edits turning the call's argument words into ``tokens``."""
    words = found.words
    old: List[Token] = list(range(len(words)))
    matcher = difflib.SequenceMatcher(a=old, b=list(tokens), autojunk=False)
    result: List[Edit] = []

    def text(items: Sequence[Token]) -> str:
        return " ".join(words[t].raw if isinstance(t, int) else t for t in items)

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            result.append(Edit(words[i1].start, words[i2 - 1].end, text(tokens[j1:j2])))
        elif tag == "insert":
            if i1 > 0:
                result.append(Edit(words[i1 - 1].end, words[i1 - 1].end, " " + text(tokens[j1:j2])))
            else:
                anchor = words[0].start if words else found.call.name.end
                content = text(tokens[j1:j2])
                result.append(Edit(anchor, anchor, content + " " if words else " " + content))
        else:
            result.append(_deletion(found, i1, i2))
    return result


def _deletion(found: V0Call, first: int, stop: int) -> Edit:
    """Delete words [first, stop) and one gap beside them, preferring a gap of plain blanks."""
    words = found.words
    before = found.call.name.end if first == 0 else words[first - 1].end
    start, end = words[first].start, words[stop - 1].end
    after = words[stop].start if stop < len(words) else None
    if after is not None and _blank(found, end, after):
        return Edit(start, after, "")
    if _blank(found, before, start):
        return Edit(before, end, "")
    # A gap of blanks and line continuations goes with the words when nothing follows them: the
    # command still ends where it ended.
    if after is None and CONTINUED_GAP.fullmatch(found.region_text[before:start]):
        return Edit(before, end, "")
    return Edit(start, end, "")


def _blank(found: V0Call, start: int, end: int) -> bool:
    gap = found.region_text[start:end]
    return bool(gap) and all(char in " \t" for char in gap)


def v0_calls(region: Region) -> List[V0Call]:
    """The v0 calls of a region, read once: each PLX2xx rule module asks for them."""
    if "v0_calls" not in region.meta:
        parsed = (parse_v0(call, region.text) for call in shell.calls(region))
        whole = region.meta.get(shell.WHOLE_PATHS_ONLY, False)
        region.meta["v0_calls"] = [found for found in parsed if found is not None and (found.whole_path() or not whole)]
    found: List[V0Call] = region.meta["v0_calls"]
    return found


def diagnostic(region: Region, found: V0Call) -> Diagnostic:
    """The diagnostic for one v0 call: on its v0 words, with a fix when an exact rewrite exists."""
    command = found.command
    words = found.words
    path = " ".join(words[i].raw for i in found.path_words)
    span = _span(found)
    what = f"v0 `polyaxon {path}`"
    try:
        rewritten = rewrite(found)
    except NoRewrite as reason:
        detail = f" ({reason})" if str(reason) else ""
        return Diagnostic(command.code, f"{what}: {command.manual}{detail}", *span)
    v1 = render(found, rewritten.tokens)
    if rewritten.notes.todo:
        return Diagnostic(command.code, f"{what}: v1 is `{v1}` " + "; ".join(rewritten.notes.todo), *span)
    new_edits = edits(found, rewritten.tokens)
    if (any(_crosses(edit, found.call.barriers) or not _writable(edit, found.call.unwritable) for edit in new_edits)
            or not _verifies(region.text, new_edits)):
        return Diagnostic(command.code, f"{what}: {command.manual}", *span)
    applicability = Applicability.UNSAFE if rewritten.notes.unsafe else Applicability.SAFE
    # Why the fix is unsafe is in the finding itself, so the text output says it too.
    said = "".join(f"; {note}" for note in rewritten.notes.unsafe)
    return Diagnostic(command.code, f"{what}: v1 is `{v1}`{said}", *span,
                      fix=Fix(applicability, f"rewrite as `{v1}`{said}", tuple(new_edits)))


def _span(found: V0Call) -> Tuple[int, int]:
    words = found.words
    triggers = found.command.triggers
    if "argument" in triggers and found.arguments:
        first = last = found.arguments[0]
    elif triggers or found.command.value_triggers:
        hit = found.triggering()
        first, last = hit[0].words[0], hit[0].words[-1]
    else:
        first, last = found.path_words[0], found.path_words[-1]
    return words[first].start, words[last].end


def _writable(edit: Edit, unwritable: Optional[str]) -> bool:
    """Whether the edit may be made in the call's place (in a quoted `sh -c` script, some characters may not)."""
    return unwritable is not None and not any(char in edit.content for char in unwritable)


def _crosses(edit: Edit, barriers: Sequence[Tuple[int, int]]) -> bool:
    return any(edit.start < end and start < edit.end for start, end in barriers)


def _verifies(text: str, new_edits: Sequence[Edit]) -> bool:
    return shell.error_count(apply_edits(text, new_edits)) <= shell.error_count(text)
