"""PLX505: v0 deployment keys without a place in v1 (services, intervals and settings v1 dropped).

polyaxon 1.20.0 `deploy/schemas/deployment.py` rejects unknown keys, so each of these makes `polyaxon admin
deploy` fail; the table with what became of each is knowledge/deploy.py `REMOVED`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

from polylint.checks.deploy._convert import at_key, comment_out, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.deploy import REMOVED
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX505",
    name="deploy-removed-key",
    summary="v0 deployment key with no place in v1",
    why=(
        "The v1 deployment schema has no `hpsearch`, `eventsHandlers`, `k8sEventsHandlers`, `crons`, "
        "`eventMonitors`, `resourcesDaemon`, `clusterId`, `serviceType`, `adminViewEnabled`, `adminModels`, "
        "`reposAccessToken`, `trackerBackend`, `dirs`, `mountPaths` or `plugins`, and only `runsScheduler` "
        "and the retry delays are left of `intervals`; it rejects unknown keys, so `polyaxon admin deploy` "
        "fails on them. The fix (unsafe) keeps each as a comment saying what replaced it (reported by "
        "PLX509)."
    ),
    example=(
        "hpsearch:\n"
        "  replicas: 2\n"
        "eventMonitors:\n"
        "  replicas: 1\n"
    ),
    fixed_example="(nothing: v1 has no such services)\n",
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: '{adminViewEnabled: true, user: {username: root, password: s3cret}}\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    for path, why in REMOVED.items():
        mapping = data
        for part in path[:-1]:
            mapping = mapping.get(part) if isinstance(mapping, Mapping) else None
        if not isinstance(mapping, Mapping) or path[-1] not in mapping:
            continue
        dotted = ".".join(path)
        edits = comment_out(region, mapping, path[-1], dotted, why)
        fix = Fix(Applicability.UNSAFE, f"Keep `{dotted}` as a comment", edits) if edits else None
        yield at_key(region, RULE.code, f"v0 `{dotted}` has no place in v1: {why}", mapping, path[-1], fix)
