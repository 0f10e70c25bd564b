"""The rule registry.

A rule lives in one module under ``polylint.checks.<surface>`` that declares ``RULE = Rule(...)`` and a
``check(region, context)`` generator; the registry finds those modules with ``pkgutil``, so adding a rule
is adding a module. The ``PLX0xx`` read errors are declared as ``RULES`` in ``polylint.read_errors``, below the
checks, because the host kinds and the runner report them too.
Surfaces are imported only when a region of theirs turns up, so a run over plain files loads no parser.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Dict, FrozenSet, Iterable, Iterator, List, Mapping, Optional, Tuple

from polylint.diagnostics import Applicability, Diagnostic

if TYPE_CHECKING:
    from polylint.context import CheckContext
    from polylint.source import Region

CheckFunction = Callable[["Region", "CheckContext"], Iterable[Diagnostic]]

CODE_PATTERN = re.compile(r"^PLX\d{3}$")
DOCS_URL = "https://github.com/polylint/polylint/blob/main/docs/rules.md"

# The hundreds digit of a code names what it is about; stable, like the codes.
FAMILIES = {
    "0": "files that could not be read or parsed",
    "1": "Polyaxonfiles",
    "2": "CLI calls in shell",
    "3": "Python client and tracking",
    "4": "package pins",
    "5": "deployment config",
}

# The language of each family's examples, for fenced code in the docs.
FAMILY_LANGUAGES = {"0": "text", "1": "yaml", "2": "shell", "3": "python", "4": "text", "5": "yaml"}


@dataclass(frozen=True)
class Rule:
    """Everything a user reads about a rule: `polylint rule CODE` and docs/rules.md print these fields.

    ``fix`` is how the diagnostic on ``example`` is fixed (one of the ways, for an example fixed in several);
    ``fix_examples`` holds, for each other way the rule's diagnostics can be fixed, a whole input on which
    they are all fixed that way. ``fixes``, read by every
    surface that shows a rule's safety, is made of the two, and the tests hold both to the fixes made:
    each example is fixed as stated, and no diagnostic of the rule is ever fixed in a way not stated.
    """

    code: str
    name: str
    summary: str
    why: str
    example: str
    fixed_example: str
    fix: Applicability
    fix_examples: Mapping[Applicability, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"bad rule code {self.code!r}")
        if self.fix in self.fix_examples:
            raise ValueError(f"{self.code}: `example` already shows a {self.fix.value} fix")

    @property
    def fixes(self) -> Tuple[Applicability, ...]:
        """Every way this rule's diagnostics can be fixed, in the order safe, unsafe, manual."""
        return tuple(level for level in Applicability if level is self.fix or level in self.fix_examples)

    @property
    def family(self) -> str:
        return FAMILIES[self.code[3]]

    @property
    def language(self) -> str:
        return FAMILY_LANGUAGES[self.code[3]]

    @property
    def heading(self) -> str:
        """The title of the rule's section in docs/rules.md."""
        return f"{self.code} {self.name}"

    @property
    def url(self) -> str:
        return f"{DOCS_URL}#{heading_anchor(self.heading)}"


def heading_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading: lower case, punctuation dropped, spaces made hyphens.

    `## PLX106 pre-0.6-form` is `#plx106-pre-06-form` there, so a link built any other way would miss.
    """
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _modules(package: str) -> Iterator[ModuleType]:
    root = importlib.import_module(package)
    yield root
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda info: info.name):
        if info.name.startswith("_"):
            continue
        yield from _modules(f"{package}.{info.name}") if info.ispkg else [
            importlib.import_module(f"{package}.{info.name}")
        ]


def _declared(module: ModuleType) -> Tuple[Rule, ...]:
    if hasattr(module, "RULE"):
        return (module.RULE,)
    return tuple(getattr(module, "RULES", ()))


@functools.cache
def checks_for(surface: str) -> Tuple[Tuple[Rule, CheckFunction], ...]:
    """The (rule, check) pairs of one surface, in code order."""
    found: List[Tuple[Rule, CheckFunction]] = []
    for module in _modules(f"polylint.checks.{surface}"):
        if hasattr(module, "RULE"):
            found.append((module.RULE, module.check))
    return tuple(sorted(found, key=lambda pair: pair[0].code))


@functools.cache
def all_rules() -> Dict[str, Rule]:
    rules: Dict[str, Rule] = {}
    for module in [importlib.import_module("polylint.read_errors"), *_modules("polylint.checks")]:
        for rule in _declared(module):
            if rule.code in rules:
                raise RuntimeError(f"{rule.code} is declared twice")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


@functools.cache
def selectors() -> FrozenSet[str]:
    """What `select` and `ignore` accept: ALL, and every rule code and every prefix of one (PLX, PLX1, PLX10)."""
    return frozenset(["ALL"] + [code[:end] for code in all_rules() for end in range(3, len(code) + 1)])


def closest_selector(selector: str) -> Optional[str]:
    """The real selector nearest to a mistyped one, to name in the error: the same letters in another case,
    the digits under the PLX prefix (E501 -> PLX501), else the most similar selector of the same length,
    the numerically nearest among equals (PLX999 -> the last PLX5xx code)."""
    import difflib

    wanted = selector.upper()
    digits = "".join(char for char in wanted if char.isdigit())
    if not wanted.startswith("PLX") and digits:
        wanted = "PLX" + digits
    known = selectors()
    if wanted in known:
        return wanted
    pool = [other for other in known if len(other) == len(wanted) and other != "ALL"] or sorted(known)

    def distance(other: str) -> Tuple[float, int]:
        similarity = difflib.SequenceMatcher(None, wanted, other).ratio()
        return -similarity, abs(int(other[3:] or 0) - int(digits or 0)) if other.startswith("PLX") else 0

    return min(pool, key=lambda other: (distance(other), other)) if pool else None
