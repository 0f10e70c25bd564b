"""PLX503: the v0 `persistence` volumes, which v1 replaces with an `artifactsStore` and `connections`.

v0 had five volume kinds (polyaxon-deploy 0.6.1 `schemas/persistence.py`): `logs`, `repos` and `upload`
(one volume each) and named `outputs` and `data` volumes or buckets. v1 (polyaxon 1.20.0
`deploy/schemas/deployment.py`) has one `artifactsStore` connection for outputs, logs and uploads, and
`connections` for everything else (v0-to-v1-mapping.md §2.4; D1 `setup/connections/artifacts.md`). The
repos volume served v0's in-cluster git server, which is gone: code comes from `kind: git` connections.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

from polylint.checks.deploy._convert import VOLUME_FATE, at_key, document, persistence_rewrite
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.rules import Rule
from polylint.source import Region

MESSAGES = {
    "outputs": "v0 `persistence.outputs`: v1 keeps outputs, logs and uploads in one `artifactsStore` "
               "connection (the first outputs volume); other outputs volumes become `connections`",
    "data": "v0 `persistence.data`: each data volume or bucket becomes a v1 connection (`connections:`), "
            "mounted by runs that list it in `connections: [name]`",
    "logs": f"v0 `persistence.logs`: {VOLUME_FATE['logs']}",
    "upload": f"v0 `persistence.upload`: {VOLUME_FATE['upload']}",
    "repos": f"v0 `persistence.repos`: {VOLUME_FATE['repos']}",
}
RULE = Rule(
    code="PLX503",
    name="deploy-persistence",
    summary="v0 `persistence` volumes: v1 has one `artifactsStore` and `connections`",
    why=(
        "A v0 deployment declared `persistence.logs`, `persistence.repos`, `persistence.upload` (one volume "
        "each) and named `persistence.outputs` and `persistence.data` volumes or buckets. v1 rejects "
        "`persistence`: it writes outputs, logs and uploads to a single `artifactsStore` connection, and "
        "every other volume or bucket is a named connection (`kind: volume_claim`, `host_path`, `s3`, `gcs` "
        "or `wasb`, with `schema.mountPath`) that runs request with `connections: [name]`. v0's in-cluster "
        "git server is gone too, so the repos volume has no successor: code comes from `kind: git` "
        "connections. The fix (unsafe) writes the `artifactsStore` (from the first outputs volume) and the "
        "`connections`, and keeps the logs, repos and upload volumes, and anything that cannot be converted "
        "exactly, as comments reported by PLX509."
    ),
    example=(
        "persistence:\n"
        "  outputs:\n"
        "    outputs:\n"
        "      existingClaim: polyaxon-pvc-outputs\n"
        "      mountPath: /outputs\n"
        "  data:\n"
        "    data1:\n"
        "      hostPath: /mnt/data\n"
        "      mountPath: /data\n"
        "      readOnly: true\n"
    ),
    fixed_example=(
        "artifactsStore:\n"
        "  name: outputs\n"
        "  kind: volume_claim\n"
        "  schema:\n"
        "    volumeClaim: polyaxon-pvc-outputs\n"
        "    mountPath: /outputs\n"
        "connections:\n"
        "  - name: data1\n"
        "    kind: host_path\n"
        "    schema:\n"
        "      hostPath: /mnt/data\n"
        "      mountPath: /data\n"
        "      readOnly: true\n"
    ),
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: ('{rbac: {}, persistence: {outputs: {outputs: '
                               '{hostPath: /data/outputs, mountPath: /outputs}}}}\n'),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    persistence = data.get("persistence")
    if "persistence" not in region.meta.get("markers", ()) or not isinstance(persistence, Mapping):
        return
    edits = persistence_rewrite(region)
    fix = None
    if edits:
        fix = Fix(Applicability.UNSAFE, "Write the v1 `artifactsStore` and `connections`", edits)
    for key in persistence:
        yield at_key(region, RULE.code, MESSAGES[key], persistence, key, fix)
