"""Polyaxonfile facts: what makes a document v0 or v1, and what of v0 needs a human in v1.

Sources: v0-surface.md §1 (S0 ``specs/kinds.py``, ``specs/base.py``, §1.10 history), v0-to-v1-mapping.md
§2 and §6, v1-surface.md §2.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

# S0 specs/kinds.py, plus `plugin` (0.0.9-0.1.0 notebooks and tensorboards, §1.10).
V0_KINDS = frozenset({"experiment", "group", "job", "build", "notebook", "tensorboard", "pipeline", "plugin"})
# K1 polyaxonfile/specs/kinds.py.
V1_KINDS = frozenset({"component", "operation"})
# K1 pkg.py: MIN_VERSION = MAX_VERSION = 1.1.
V1_VERSION = 1.1
# Versions v1 never reads: v0's `1`/`1.0`, and `0.6`, Polyaxon's own pre-1.0 development format.
PRE_V1_VERSIONS = frozenset({1.0, 0.6})

# §1.10: top-level keys of the 0.0.x-0.1.0 eras, rejected by 0.6 already.
PRE_06_TOP_LEVEL = {
    "settings": "0.0.x-0.1.0 `settings:` (search, concurrency, logging) became `hptuning:`/`logging:` in 0.1.1",
    "project": "0.0.x `project:` named the project in the file; the project is chosen on the command line",
    "model": "polyaxon-lib `model:` graph sections were dropped in 0.4.4",
    "train": "polyaxon-lib `train:` graph sections were dropped in 0.4.4",
    "eval": "polyaxon-lib `eval:` graph sections were dropped in 0.4.4",
    "matrix": "0.0.x top-level `matrix:` moved under `hptuning:` in 0.1.1",
}
# §1.6/§1.10: build fields inside `run:` (<= 0.1.0).
PRE_06_RUN_KEYS = frozenset({"image", "steps", "build_steps", "env_vars", "git"})
# §1.10: distributed config under `environment.<framework>` (0.0.x-0.4.1).
LEGACY_FRAMEWORK_ENVIRONMENTS = frozenset({"tensorflow", "pytorch", "horovod", "mxnet"})
# §1.10: `build.git` was removed in 0.4 (abdc9c5).
PRE_06_BUILD_KEYS = frozenset({"git"})

# mapping §2.5/§2.7: search algorithms that are commercial in v1 (not in CE), with their v1 kind.
COMMERCIAL_ALGORITHMS = {"bo": "bayes", "hyperband": "hyperband"}

# mapping §2.4/§2.7: v0 environment keys that become v1 connections, with the v1 way to do it.
CONNECTION_KEYS = {
    "persistence": "data volumes become `run.connections: [name]` declared by the admin in the deployment "
                   "config; `persistence.outputs` has no per-run equivalent (one `artifactsStore`)",
    "data_refs": "list the data connections in `run.connections: [name]` (declared in the deployment config)",
    "artifact_refs": "v1 has a single `artifactsStore`; drop it, or mount the store as a connection",
    "secret_refs": "declare a connection with `secret:` and list it in `run.connections`, or use "
                   "`container.envFrom[].secretRef`",
    "config_map_refs": "declare a connection with `configMap:` and list it in `run.connections`, or use "
                       "`container.envFrom[].configMapRef`",
    "configmap_refs": "declare a connection with `configMap:` and list it in `run.connections`, or use "
                      "`container.envFrom[].configMapRef`",
}

# mapping §2.6: the Kubeflow run kind for each v0 distributed framework.
DISTRIBUTED_RUN_KINDS = {"tensorflow": "tfjob", "pytorch": "pytorchjob", "horovod": "mpijob", "mxnet": "mxjob",
                         "mpi": "mpijob"}

# The v1 run kinds that take a container (K1 polyflow/run/__init__.py).
V1_CONTAINER_RUN_KINDS = frozenset({"job", "service"})
V1_REPLICA_RUN_KINDS = {
    "tfjob": ("chief", "worker", "ps", "evaluator"),
    "pytorchjob": ("master", "worker"),
    "mpijob": ("launcher", "worker"),
    "mxjob": ("scheduler", "server", "worker", "tunerTracker", "tunerServer", "tuner"),
    "xgbjob": ("master", "worker"),
}
# v0 resource names inside a container (mapping §6: accepted by `polyaxon check` but wrong).
V0_RESOURCE_NAMES = frozenset({"cpu", "memory", "gpu", "tpu"})


def as_number(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _is_pre_01_shape(document: Mapping[str, Any]) -> bool:
    """The 0.0.x files with no `kind`: a `run:` holding the image or command, with the era's sections."""
    run = document.get("run")
    has_run = isinstance(run, Mapping) and ("cmd" in run or "image" in run)
    has_era_keys = any(key in document for key in ("project", "settings", "declarations", "matrix", "build"))
    return has_run and (has_era_keys or "version" in document)


def era(document: Any) -> Optional[str]:
    """'v0' or 'v1' for a Polyaxonfile document, None for any other YAML (manifests, compose files...)."""
    if not isinstance(document, Mapping):
        return None
    version = as_number(document.get("version"))
    kind = document.get("kind")
    if version == V1_VERSION and kind in V1_KINDS:
        return "v1"
    if version in PRE_V1_VERSIONS and isinstance(kind, str) and kind in V0_KINDS:
        return "v0"
    if kind is None and version in (None, 1.0) and _is_pre_01_shape(document):
        return "v0"
    return None

# v1-surface.md §2.10: names every v1 template sees without a declaration (contexts/sections.py).
V1_CONTEXT_ROOTS = frozenset({"globals", "params", "inputs", "outputs", "io", "artifacts", "connections", "ops",
                              "dag", "runs", "matrix", "upstream"})
# Jinja's own words, which are never variables.
JINJA_WORDS = frozenset({"if", "else", "elif", "and", "or", "not", "in", "is", "true", "false", "none", "True",
                         "False", "None", "for", "loop", "range"})
# K1 polyflow/operations: an operation that takes its component from elsewhere.
V1_COMPONENT_REFERENCES = ("pathRef", "hubRef", "urlRef", "dagRef")
