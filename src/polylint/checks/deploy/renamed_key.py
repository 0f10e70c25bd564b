"""PLX506: v0 deployment keys that v1 spells differently (`timeZone` -> `timezone`, ...).

From the two schemas side by side (polyaxon-deploy 0.6.1, polyaxon 1.20.0 `deploy/schemas/`); the table is
knowledge/deploy.py `RENAMED`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

from polylint.checks.deploy._convert import at_key, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.knowledge.deploy import RENAMED
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX506",
    name="deploy-renamed-key",
    summary="v0 deployment key that v1 names differently",
    why=(
        "A few v0 settings kept their meaning under a new name in v1: `timeZone` is `timezone`, "
        "`securityContext.user`/`group` are `securityContext.runAsUser`/`runAsGroup`, and "
        "`intervals.experimentsScheduler` is `intervals.runsScheduler`. v1 rejects the old names."
    ),
    example=(
        "timeZone: Europe/Berlin\n"
        "securityContext:\n"
        "  enabled: true\n"
        "  user: 1000\n"
        "  group: 1000\n"
    ),
    fixed_example=(
        "timezone: Europe/Berlin\n"
        "securityContext:\n"
        "  enabled: true\n"
        "  runAsUser: 1000\n"
        "  runAsGroup: 1000\n"
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: (
            'hpsearch: {}\n'
            'timeZone: UTC\n'
            'timezone: UTC\n'
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    for path, new in RENAMED.items():
        mapping = data
        for part in path[:-1]:
            mapping = mapping.get(part) if isinstance(mapping, Mapping) else None
        old = path[-1]
        if not isinstance(mapping, Mapping) or old not in mapping:
            continue
        start, end = document(region).key_span(mapping, old)
        fix = None
        # Only a key written plainly is renamed; with the new name there already, a human picks.
        if region.text[start:end] == old and new not in mapping:
            fix = Fix(Applicability.SAFE, f"Rename to `{new}`", (Edit(start, end, new),))
        dotted = ".".join(path)
        yield at_key(region, RULE.code, f"v0 `{dotted}` is `{new}` in v1", mapping, old, fix)
