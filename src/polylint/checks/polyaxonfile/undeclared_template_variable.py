"""PLX110: a `{{ var }}` in a v1 file that no input, output or param declares.

mapping §2.2 and §6 (VAL): v1 renders an undeclared name as an empty string, so `--lr={{ lr }}` runs as
`--lr=`, and `polyaxon check` passes. v0 rendered it empty too, which hid typos for years.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Iterator, Set

from polylint.checks.polyaxonfile._document import document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import JINJA_WORDS, V1_COMPONENT_REFERENCES, V1_CONTEXT_ROOTS
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces.yaml import walk

RULE = Rule(
    code="PLX110",
    name="undeclared-template-variable",
    summary="`{{ var }}` names no declared input or output: v1 renders it empty",
    why=(
        "Polyaxon v1 renders templates with Jinja and gives an undeclared name the empty string, so "
        "`--lr={{ lr }}` runs as `--lr=` and the program sees a missing value. `polyaxon check` accepts the "
        "file. Every name a template uses must be an input or output of the component (or a param of the "
        "operation); the contexts `globals`, `params`, `inputs`, `outputs`, `connections`... are always there."
    ),
    example=(
        "version: 1.1\n"
        "kind: component\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    command: [python, train.py, \"--lr={{ lr }}\"]\n"
    ),
    fixed_example=(
        "version: 1.1\n"
        "kind: component\n"
        "inputs:\n"
        "- {name: lr, type: float, value: 0.01, isOptional: true}\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    command: [python, train.py, \"--lr={{ lr }}\"]\n"
    ),
    fix=Applicability.MANUAL,
)

_TEMPLATE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_STRING_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
# A name that starts a variable: not after a dot (an attribute), a pipe (a filter) or a name (`x is defined`).
_ROOT_NAME = re.compile(r"(?<![\w.|])\s*([A-Za-z_]\w*)")


def declared_names(data: Mapping[str, Any]) -> Set[str]:
    """Every name the document declares anywhere: inputs and outputs of the component and of inline
    components (a DAG's operations each carry one), params of operations, and matrix parameters."""
    names: Set[str] = set()
    for path, _parent, value in walk(data):
        key = path[-1] if path else None
        if key in ("inputs", "outputs") and isinstance(value, list):
            names |= {entry["name"] for entry in value
                      if isinstance(entry, Mapping) and isinstance(entry.get("name"), str)}
        elif key == "params" and isinstance(value, Mapping):
            names |= {str(name) for name in value}
        elif key == "values" and isinstance(value, list) and len(path) >= 2 and path[-2] == "matrix":
            names |= {str(name) for row in value if isinstance(row, Mapping) for name in row}
    return names


def template_roots(expression: str) -> Iterator[str]:
    """The root variable names an expression reads (`lr` in `{{ lr | default(1) }}`)."""
    without_strings = _STRING_LITERAL.sub("''", expression)
    without_filters = re.sub(r"\|\s*\w+", "|", without_strings)
    for match in _ROOT_NAME.finditer(without_filters):
        name = match.group(1)
        rest = without_filters[match.end():].lstrip()
        if name in JINJA_WORDS or rest.startswith("("):
            continue
        yield name


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v1":
        return
    doc = document(region)
    data = doc.data
    if data.get("kind") == "operation" and any(ref in data for ref in V1_COMPONENT_REFERENCES):
        return  # the inputs are declared in a component this file does not hold
    known = declared_names(data) | V1_CONTEXT_ROOTS
    search_from = doc.start
    reported = set()
    for _path, _parent, value in walk(data):
        if not isinstance(value, str) or "{{" not in value:
            continue
        for template in _TEMPLATE.finditer(value):
            for name in template_roots(template.group(1)):
                if name in known or (name, template.group(0)) in reported:
                    continue
                reported.add((name, template.group(0)))
                start = region.text.find(template.group(0), search_from, doc.end)
                start = start if start >= 0 else doc.start
                yield Diagnostic(RULE.code,
                                 f"`{template.group(0)}` uses `{name}`, which no input, output or param declares: "
                                 "Polyaxon v1 renders it as an empty string; declare an input "
                                 f"`{{name: {name}, type: ..., isOptional: true}}`",
                                 start, start + len(template.group(0)))
