"""The v0 deployment config (Helm values / `polyaxon admin deploy -f`) and where each part went in v1.

Sources: polyaxon-deploy 0.6.1 `polyaxon_deploy/schemas/{deployment,persistence,root_user,intervals,
security_context}.py` (the v0 schema, sdist from PyPI); polyaxon 1.20.0 `polyaxon/deploy/schemas/
deployment.py` (the v1 schema, unknown keys rejected) and `polyaxon/connections/schemas/connections.py`;
v0-to-v1-mapping.md §2.4 (`persistence.data` -> connections, `persistence.outputs` -> one `artifactsStore`)
and §2.7 (in-cluster registry and git server gone); D1 `setup/connections/*`.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

# Top-level keys of the v0 schema that no other chart's values would have.
POLYAXON_ONLY = frozenset({
    "hpsearch", "eventsHandlers", "k8sEventsHandlers", "eventMonitors", "resourcesDaemon", "adminViewEnabled",
    "adminModels", "trackerBackend", "reposAccessToken", "polyaxonSecret", "internalToken", "encryptionSecret",
    "passwordLength", "globalReplicas", "globalConcurrency", "tablesHook", "limitResources",
})
# PersistenceSchema: logs, repos and upload are one volume each; data and outputs are named volumes.
PERSISTENCE_SINGLE = ("logs", "repos", "upload")
PERSISTENCE_NAMED = ("outputs", "data")
# PersistenceEntitySchema.store -> v1 V1ConnectionKind of a bucket.
STORE_KINDS = {"s3": "s3", "gcs": "gcs", "azure": "wasb"}

REGISTRY_KEY = "docker-registry"
# v0 ran Celery with RabbitMQ (broker) and Redis; v1 CE schedules without them (all off by default).
BROKER_KEYS = ("rabbitmq-ha", "redis", "broker")
ROOT_USER_KEY = "user"

# Keys the v1 schema does not have, with what became of them (path -> why). Unknown keys fail v1.
REMOVED: Dict[Tuple[str, ...], str] = {
    ("clusterId",): "v1 has no cluster id setting",
    ("serviceType",): "the service type moved to `gateway.service.type` (and `api.service`)",
    ("adminViewEnabled",): "v1 CE has no admin view",
    ("adminModels",): "v1 CE has no admin view",
    ("hpsearch",): "v1 CE runs grid/random searches client-side; the hpsearch workers are gone",
    ("eventsHandlers",): "v1 has no events handlers service",
    ("k8sEventsHandlers",): "v1 has no Kubernetes events handlers service (the operator and agent watch runs)",
    ("crons",): "v1 has no crons service",
    ("eventMonitors",): "v1 has no event monitors (the operator and agent watch runs)",
    ("resourcesDaemon",): "v1 has no resources daemon",
    ("reposAccessToken",): "code comes from `kind: git` connections, with their own secret",
    ("trackerBackend",): "v1 has no tracker backend setting",
    ("dirs",): "v1 mounts connections at their `schema.mountPath`",
    ("mountPaths",): "v1 mounts connections at their `schema.mountPath`",
    ("plugins",): "notebooks and tensorboards are components run from the hub in v1",
    ("intervals", "experimentsSync"): "v1 has no experiments sync interval",
    ("intervals", "clustersUpdateSystemInfo"): "v1 has no cluster info interval",
    ("intervals", "clustersUpdateSystemNodes"): "v1 has no cluster nodes interval",
    ("intervals", "pipelinesScheduler"): "v1 CE has no pipelines scheduler",
}
# Keys v1 spells differently (path -> v1 name of the last part).
RENAMED: Dict[Tuple[str, ...], str] = {
    ("timeZone",): "timezone",
    ("securityContext", "user"): "runAsUser",
    ("securityContext", "group"): "runAsGroup",
    ("intervals", "experimentsScheduler"): "runsScheduler",
}

# A YAML document with one of these at the top is a Polyaxonfile, a Kubernetes manifest or a compose file.
NOT_A_DEPLOY_CONFIG = frozenset({"kind", "apiVersion", "version", "services"})


def v0_persistence(value: Any) -> bool:
    """The v0 `persistence:` shape: only logs/repos/upload/outputs/data, each a mapping."""
    if not isinstance(value, Mapping) or not value:
        return False
    known = set(PERSISTENCE_SINGLE) | set(PERSISTENCE_NAMED)
    return all(key in known and (item is None or isinstance(item, Mapping)) for key, item in value.items())


def v0_markers(data: Any, named_for_polyaxon: bool = False) -> Tuple[str, ...]:
    """The top-level keys that make a mapping a v0 deployment config, or () when it is not one.

    A v0-only key (a v0-shaped `persistence`, `docker-registry`, a removed setting) must be there, and the
    document must be Polyaxon's: a key no other chart has (``POLYAXON_ONLY``), or a file name that says
    so (`polyaxon-config.yml`). Generic charts have `plugins:`, `serviceType:` or `docker-registry:` too.
    """
    if not isinstance(data, Mapping) or any(key in data for key in NOT_A_DEPLOY_CONFIG):
        return ()
    persistence = "persistence" in data and v0_persistence(data["persistence"])
    markers = [key for key in data if (key == "persistence" and persistence)
               or key == REGISTRY_KEY or (key,) in REMOVED]
    polyaxon = persistence or any(key in POLYAXON_ONLY for key in data)
    if markers and (polyaxon or named_for_polyaxon):
        return tuple(markers)
    return ()


def connection(name: str, entity: Any) -> Tuple[Optional[Dict[str, Any]], Tuple[str, ...]]:
    """A v0 PersistenceEntity as a v1 connection, and the keys of it that have no v1 place.

    None when it cannot be one: v1 needs a `mountPath` for a claim or a host path, and a bucket for a store.
    """
    if not isinstance(entity, Mapping):
        return None, ()
    known = {"existingClaim", "hostPath", "mountPath", "readOnly", "store", "bucket", "secret", "secretKey"}
    if any(key not in known for key in entity):
        return None, ()
    schema: Dict[str, Any] = {}
    result: Dict[str, Any] = {"name": name}
    left: Tuple[str, ...] = ()
    if entity.get("store") is not None:
        kind = STORE_KINDS.get(str(entity["store"]))
        if kind is None or not entity.get("bucket"):
            return None, ()
        result["kind"] = kind
        schema["bucket"] = str(entity["bucket"])
        result["schema"] = schema
        if entity.get("secret"):
            result["secret"] = {"name": str(entity["secret"])}
        if entity.get("secretKey"):
            left = ("secretKey",)
        return result, left
    if not entity.get("mountPath"):
        return None, ()
    if entity.get("existingClaim"):
        result["kind"] = "volume_claim"
        schema["volumeClaim"] = str(entity["existingClaim"])
    elif entity.get("hostPath"):
        result["kind"] = "host_path"
        schema["hostPath"] = str(entity["hostPath"])
    else:
        return None, ()
    schema["mountPath"] = str(entity["mountPath"])
    if entity.get("readOnly") is not None:
        schema["readOnly"] = bool(entity["readOnly"])
    result["schema"] = schema
    return result, left
