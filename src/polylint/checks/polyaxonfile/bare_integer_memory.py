"""PLX113: a memory request or limit without a unit, which Kubernetes reads as bytes.

mapping §2.4 and §6: v0 memory numbers were MiB (the platform wrote `'{}Mi'.format(n)`); in a v1
container a bare `2048` is 2048 bytes, and the pod is killed or never scheduled.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from polylint.checks.polyaxonfile._document import at_key, containers, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces.yaml import value_position

RULE = Rule(
    code="PLX113",
    name="bare-integer-memory",
    summary="Memory without a unit: bytes in Kubernetes, MiB in v0",
    why=(
        "Polyaxon v0 read `memory: 2048` as MiB. Kubernetes reads a bare number as bytes, so a v0 value "
        "copied into a v1 container asks for 2 KB. `polyaxon check` does not notice. Write the unit. "
        "The fix appends `Mi`, v0's unit; it is unsafe because a file written for v1 may mean bytes."
    ),
    example=(
        "version: 1.1\n"
        "kind: component\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    resources:\n"
        "      requests: {memory: 2048}\n"
    ),
    fixed_example=(
        "version: 1.1\n"
        "kind: component\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    resources:\n"
        "      requests: {memory: 2048Mi}\n"
    ),
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: (
            'version: 1.1\n'
            'kind: component\n'
            'run:\n'
            '  kind: job\n'
            '  container:\n'
            '    image: python:3.8\n'
            '    resources:\n'
            '      requests: {memory: "2048"}\n'
        ),
    },
)

_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?=\s*(?:[,}\]#]|$))", re.MULTILINE)


def _bare_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (isinstance(value, str) and bool(re.fullmatch(r"\s*[0-9.]+\s*", value)))


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v1":
        return
    doc = document(region)
    for path, container in containers(doc.data):
        resources = container.get("resources")
        if not isinstance(resources, Mapping):
            continue
        for bound in ("requests", "limits"):
            amounts = resources.get(bound)
            if not isinstance(amounts, Mapping) or not _bare_number(amounts.get("memory")):
                continue
            message = (f"`{path}.resources.{bound}.memory: {amounts['memory']}` has no unit, so Kubernetes reads "
                       f"bytes (v0 meant MiB): write `{str(amounts['memory']).strip()}Mi`")
            fix = None
            position = value_position(amounts, "memory")
            if position is not None:
                start = doc.offset(*position)
                number = _PLAIN_NUMBER.match(region.text, start)
                if number is not None:
                    fix = Fix(Applicability.UNSAFE, "append v0's unit, Mi",
                              (Edit(number.end(), number.end(), "Mi"),))
            yield at_key(region, RULE.code, message, amounts, "memory", fix)
