"""PLX501: the v0 chart's in-cluster `docker-registry`, which v1 does not have.

v0 built images with its own registry inside the cluster; v1 builds with kaniko (a hub component) and
pushes to an external registry declared as a `kind: registry` connection (v0-to-v1-mapping.md §2.7;
polyaxon 1.20.0 `deploy/schemas/deployment.py` has no `docker-registry`, and rejects unknown keys).
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.deploy._convert import at_key, comment_out, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.deploy import REGISTRY_KEY
from polylint.rules import Rule
from polylint.source import Region

WHY = ("v1 has no in-cluster registry: declare an external one as a `kind: registry` connection "
       "(`schema.url`, a docker-config `secret`) and push to it from a kaniko build")
RULE = Rule(
    code="PLX501",
    name="deploy-docker-registry",
    summary="The v0 in-cluster `docker-registry` is gone: use an external registry connection",
    why=(
        "The v0 chart deployed a Docker registry inside the cluster (`docker-registry:`) for the images its "
        "native builder made. Polyaxon v1 has neither: images are built by the kaniko hub component and "
        "pushed to a registry you run elsewhere, declared once as a connection of `kind: registry`. The v1 "
        "deployment schema rejects the `docker-registry` key. The fix (unsafe) keeps the block as a comment "
        "for reference (reported by PLX509 until you remove it)."
    ),
    example=(
        "docker-registry:\n"
        "  enabled: true\n"
    ),
    fixed_example=(
        "connections:\n"
        "  - name: docker-registry\n"
        "    kind: registry\n"
        "    schema:\n"
        "      url: registry.example.com/team\n"
        "    secret:\n"
        "      name: docker-conf\n"
        "      mountPath: /kaniko/.docker\n"
    ),
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: '{adminViewEnabled: true, docker-registry: {enabled: true}}\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    if REGISTRY_KEY not in data:
        return
    edits = comment_out(region, data, REGISTRY_KEY, REGISTRY_KEY, WHY)
    fix = Fix(Applicability.UNSAFE, "Keep `docker-registry` as a comment", edits) if edits else None
    yield at_key(region, RULE.code, f"v0 `{REGISTRY_KEY}`: {WHY}", data, REGISTRY_KEY, fix)
