"""PLX111: `container.command` written as a string in a v1 file.

mapping §6: `polyaxon check` accepts it, but Kubernetes wants a list, so the run fails only when it is
scheduled. v0's `run.cmd` was a string run by bash; in a container that is `command: [/bin/bash, -c]`
with the string as the one argument.
"""

from __future__ import annotations

import re
from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, containers, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX111",
    name="string-container-command",
    summary="`container.command` is a string: Kubernetes wants a list",
    why=(
        "A Kubernetes container's `command` and `args` are lists of strings. `polyaxon check` lets a plain "
        "string through, and the run then fails when it is scheduled. A v0 `run.cmd` string was run by "
        "`/bin/bash -c`; keep that meaning with `command: [/bin/bash, -c]` and the string in `args`, or "
        "split a plain command line into its words."
    ),
    example=(
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    command: python train.py --epochs 10\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    command: [/bin/bash, -c]\n"
        "    args: [python train.py --epochs 10]\n"
    ),
    fix=Applicability.MANUAL,
)


# A whole-value template such as "{{ params.as_args }}" renders to a list before Kubernetes sees it.
_WHOLE_TEMPLATE = re.compile(r"\s*\{\{.*\}\}\s*", re.DOTALL)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v1":
        return
    for path, container in containers(document(region).data):
        for key in ("command", "args"):
            value = container.get(key)
            if isinstance(value, str) and not _WHOLE_TEMPLATE.fullmatch(value):
                yield at_key(region, RULE.code,
                             f"`{path}.{key}` is a string, which Kubernetes rejects at run time; write a list: "
                             "`command: [/bin/bash, -c]` with the command line in `args: [...]`",
                             container, key)
