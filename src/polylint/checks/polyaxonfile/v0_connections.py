"""PLX104: data, artifact, secret and config-map references, which v1 turns into connections.

mapping §2.4/§2.7: `persistence`, `data_refs`, `artifact_refs`, `secret_refs`, `config_map_refs` (and
the deprecated `configmap_refs`) named catalog entries of the v0 deployment. v1 declares connections in
the deployment config and a run lists them in `run.connections`; there is one `artifactsStore`.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import CONNECTION_KEYS
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX104",
    name="v0-connections",
    summary="v0 data, artifact, secret and config-map references become v1 connections",
    why=(
        "v0 runs mounted volumes and secrets that the admin registered in the v0 deployment "
        "(`persistence`, `data_refs`, `artifact_refs`, `secret_refs`, `config_map_refs`). v1 replaces "
        "them with connections: the admin declares each one (`kind: volume_claim|host_path|s3|gcs|wasb|"
        "git|registry`, with `schema.mountPath`, `secret` or `configMap`) in the deployment config, and a "
        "run lists the names it needs in `run.connections`. Outputs go to the single `artifactsStore`. "
        "The names may carry over, but the deployment config has to declare them first."
    ),
    example=(
        "environment:\n"
        "  data_refs: [imagenet]\n"
        "  secret_refs: [aws-credentials]\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: job\n"
        "  connections: [imagenet, aws-credentials]\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    # A top-level `persistence:` is misplaced, but users did commit it (real-world-patterns.md).
    for holder, prefix in ((section(data, "environment"), "environment."), (data, "")):
        if holder is None:
            continue
        for key, v1_way in CONNECTION_KEYS.items():
            if key in holder:
                yield at_key(region, RULE.code, f"`{prefix}{key}` has no v1 field: {v1_way}", holder, key)
