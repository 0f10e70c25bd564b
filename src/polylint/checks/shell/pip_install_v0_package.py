"""PLX402: `pip install` of a Polyaxon v0 package in a shell region (script, Dockerfile, CI, notebook).

v0 repositories install the client in build steps and images (`pip install polyaxon-client==0.6.1`,
`pip install polyaxon-helper`, real-world-patterns.md "YAML" and "Non-polyaxonfile artefacts"). v1 is the
one `polyaxon` package, and the old ones shadow its CLI (v0-to-v1-mapping.md §4). The fix writes one
`polyaxon` requirement (the `polyaxon-requirement` setting, quoted for the shell) in the place of the
first v0 argument of each install command and deletes the other v0 arguments.

pip goes by many names: a path to it (`env3.6/bin/pip`, `/opt/conda/bin/pip3`), `python3 -m pip`, `uv pip`,
`conda run -n x pip`, and a Makefile's variable set to one (`PIP = env3.6/bin/pip`, then `$(PIP) install`).

A small lexer splits each `pip install` command line into words with their spans (quotes, backslash escapes
and line continuations understood), so an edit replaces exactly one word. The shell surface says which
`pip install`s the shell runs (not those in a string, a comment, a heredoc or an `echo`) and finds the
scripts handed to a shell with `-c`, whose commands are read in the script's own text: an edit there
writes nothing that would end its quotes (`sh -c "pip install 'polyaxon>=1.20,<2'"`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Mapping, Optional, Tuple

from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.knowledge.packages import POLYAXON, V0_PACKAGES, normalize, replacement_plan, split_requirement
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces.requirements import Requirement, parse_requirement

RULE = Rule(
    code="PLX402",
    name="pip-install-v0-package",
    summary="`pip install` of a Polyaxon v0 package: install `polyaxon` (v1) instead",
    why=(
        "Build steps, Dockerfiles, CI jobs and notebooks of v0 projects install `polyaxon-client`, "
        "`polyaxon-cli`, `polyaxon-helper` (or `polyaxon` below 1.0). Polyaxon v1 is the one `polyaxon` "
        "package, with the CLI, the client and tracking. The v0 packages must not be installed next to it: "
        "`polyaxon-cli` brings its own `polyaxon` command, which shadows the v1 CLI (v0-to-v1-mapping.md §4; "
        "issues #821, #1271). In an existing environment, first run `pip uninstall -y polyaxon-cli "
        "polyaxon-client polyaxon-schemas polyaxon-helper polyaxon-dockerizer polyaxon-deploy polyaxon-k8s "
        "polystores hestia rhea`. The requirement written is the `polyaxon-requirement` setting "
        "(default `polyaxon>=1.20,<2`), quoted for the shell."
    ),
    example="pip install -U polyaxon-client==0.6.1 polyaxon-helper scikit-learn\n",
    fixed_example='pip install -U "polyaxon>=1.20,<2" scikit-learn\n',
    fix=Applicability.SAFE,
)

# pip by any name: `pip3`, `pipx`, a path to one (`env3.6/bin/pip`, `$(VENV)/bin/pip3`, `"$HOME"/.local/bin/pip`),
# and behind `python3 -m`, `uv`, `conda run -n x`: whatever stands before it, `pip install` is the command. Not
# `mypip install`.
_PIP = r"(?:pip[0-9.]*|pipx)"
_INSTALL_AFTER = r"[ \t]+(?:\\\r?\n[ \t]*)?install(?![\w-])"
_INSTALL = re.compile(r"(?<![\w.-])" + _PIP + _INSTALL_AFTER)
_PIP_NAME = re.compile(r"(?:[^\s;&|()<>`'\"]*/)?" + _PIP)
_TERMINATORS = frozenset(";&|()\n`")
_SPACE = frozenset(" \t")
# pip install options that take the next word as their value (`-r file`, `--index-url URL`...).
_VALUE_OPTIONS = frozenset({
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
    "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "--upgrade-strategy", "--platform",
    "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary", "--trusted-host",
    "--cache-dir", "--log", "--proxy", "--timeout", "--retries", "--exists-action", "--cert", "--client-cert",
    "--global-option", "--install-option", "--config-settings", "-C", "--progress-bar", "--python",
})
_SHORT_WITH_VALUE = frozenset("rceift")
_NEEDS_QUOTES = re.compile(r"[^A-Za-z0-9_.,=+:/@%-]")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    value: str  # after quote removal
    quote: str  # the quote wrapping the whole word ("'", '"'), or ""
    literal: bool  # no expansion ($, backquote) inside


def _words(text: str, position: int) -> List[Word]:
    """The words of one command, from position to the end of the command."""
    words: List[Word] = []
    length = len(text)
    redirect = False
    while position < length:
        while position < length and (text[position] in _SPACE or text.startswith("\\\n", position)
                                     or text.startswith("\\\r\n", position)):
            position += 3 if text.startswith("\\\r\n", position) else (2 if text[position] == "\\" else 1)
        if position >= length or text[position] in _TERMINATORS or text[position] == "#":
            break
        if text[position] in "<>":
            # `> log.txt`, `2>&1`: the operator and its target are not arguments; a bare fd number is not either.
            if words and words[-1].end == position and words[-1].value.isdigit():
                words.pop()
            while position < length and text[position] in "<>&":
                position += 1
            redirect = True
            continue
        start = position
        value: List[str] = []
        literal = True
        while position < length and text[position] not in _SPACE and text[position] not in _TERMINATORS \
                and text[position] not in "<>":
            char = text[position]
            if char in ("'", '"'):
                close = text.find(char, position + 1)
                if close < 0:
                    return words  # an unterminated quote: the rest is not ours to read
                inside = text[position + 1:close]
                literal = literal and (char == "'" or ("$" not in inside and "`" not in inside))
                value.append(inside)
                position = close + 1
            elif char == "\\" and position + 1 < length:
                if text[position + 1] == "\n":
                    break
                value.append(text[position + 1])
                position += 2
            else:
                literal = literal and char != "$"
                value.append(char)
                position += 1
        raw = text[start:position]
        whole = len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0] and raw.count(raw[0]) == 2
        quote = raw[0] if whole else ""
        if redirect:
            redirect = False
            continue
        words.append(Word(start, position, "".join(value), quote, literal))
    return words


def _requirement_words(words: List[Word]) -> List[Word]:
    found: List[Word] = []
    skip_next = False
    for word in words:
        if skip_next:
            skip_next = False
            continue
        if word.value.startswith("-"):
            option = word.value.split("=", 1)[0]
            short_cluster = not option.startswith("--") and len(option) > 1 and option[-1] in _SHORT_WITH_VALUE
            skip_next = "=" not in word.value and (option in _VALUE_OPTIONS or short_cluster)
            continue
        found.append(word)
    return found


def _quoted(requirement: str, quote: str, unwritable: str) -> Optional[str]:
    """The requirement as a shell word in the word's own quotes, else as plain as it can be, and without the
    unwritable characters; None when no such word exists."""
    if quote:
        choices = [f"{quote}{requirement}{quote}"]
    elif _NEEDS_QUOTES.search(requirement):
        choices = [f'"{requirement}"', f"'{requirement}'"]
    else:
        choices = [requirement]
    return next((word for word in choices if not any(char in unwritable for char in word)), None)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    variables: Mapping[str, str] = region.meta.get("variables", {})
    yield from _installs(region.text, 0, "", split_requirement(context.settings.polyaxon_requirement),
                         _install_pattern(variables), variables)


def _install_pattern(variables: Mapping[str, str]) -> re.Pattern[str]:
    """`pip install`, and `$(PIP) install` when the host knows that `$(PIP)` is a pip (a Makefile's variable)."""
    pips = [re.escape(name) for name, value in variables.items() if _PIP_NAME.fullmatch(value)]
    if not pips:
        return _INSTALL
    return re.compile(r"(?<![\w./-])(?:" + "|".join(pips) + "|" + _PIP + ")" + _INSTALL_AFTER)


def _installs(text: str, shift: int, unwritable: Optional[str], requirement: Tuple[str, str],
              pattern: re.Pattern[str], variables: Mapping[str, str]) -> Iterator[Diagnostic]:
    """The v0 packages that the `pip install` commands of text install, placed shift further on. Those in the
    quoted scripts it hands to a shell with `-c` are read in the scripts' own text, and their fixes write
    nothing that ends, or expands in, the script's quotes (unwritable; None: no fix)."""
    matches = list(pattern.finditer(text))
    if not matches:
        return
    from polylint.surfaces.shell import runs, scripts

    run = runs(text, [match.start() for match in matches])
    for match, ran in zip(matches, run):
        if ran:
            yield from _install(text, match, shift, unwritable, requirement)
    if not all(run):  # in a string, a comment, a heredoc or an echo: perhaps a `-c` script
        for script in scripts(text, variables):
            inner = None if unwritable is None or script.unwritable is None else unwritable + script.unwritable
            yield from _installs(script.text, shift + script.start, inner, requirement, pattern, variables)


def _install(text: str, match: re.Match[str], shift: int, unwritable: Optional[str],
             requirement: Tuple[str, str]) -> Iterator[Diagnostic]:
    name, specifier = requirement
    words = _words(text, match.end())
    parsed: List[Tuple[Word, Requirement]] = []
    for word in _requirement_words(words):
        found = parse_requirement(word.value)
        if found is None or found.url:
            continue
        complete = word.value[found.core_end:].strip()[:1] in ("", ";")
        # `polyaxon==$VERSION` may be either line; a v0 package name is v0 whatever its version, so its
        # whole word can be replaced or dropped.
        if (complete and word.literal) or (not word.literal and normalize(found.name) != POLYAXON):
            parsed.append((word, found))
    plan = replacement_plan([(found.name, found.clauses) for _word, found in parsed])
    previous_end = {id(word): (words[index - 1].end if index else match.end()) for index, word in enumerate(words)}
    changes = []  # (word, what, action, edit): edit None when no exact one exists
    for index, takes_place in plan.items():
        word, found = parsed[index]
        normalized = normalize(found.name)
        what = "`polyaxon` below 1" if normalized == POLYAXON else f"`{found.name}` ({V0_PACKAGES[normalized]})"
        if takes_place:
            new = f"{name}{found.extras}{specifier}"
            content = _quoted(new, word.quote, unwritable) if unwritable is not None else None
            edit = Edit(word.start + shift, word.end + shift, content) if content is not None else None
            changes.append((word, what, f"install `{new}` instead", edit))
        else:
            edit = Edit(previous_end[id(word)] + shift, word.end + shift, "") if unwritable is not None else None
            changes.append((word, what, f"drop it: the one `{name}` requirement of this command replaces every "
                                        "v0 package", edit))
    # The v0 packages are dropped only where the v1 requirement can be written in their place.
    whole = all(edit is not None for _word, _what, _action, edit in changes)
    for word, what, action, edit in changes:
        message = (f"`pip install` of {what}, a Polyaxon v0 package: {action}; uninstall the v0 packages, "
                   "they shadow the v1 CLI")
        fix = Fix(Applicability.SAFE, action[0].upper() + action[1:], (edit,)) if whole and edit else None
        yield Diagnostic(RULE.code, message, word.start + shift, word.end + shift, fix)
