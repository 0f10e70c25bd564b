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


# v0-surface §1.1 (`PolyaxonFile(filepaths)` deep-merges every `-f` file, in order, with `rhea.read`): the
# sections a partial file, merged with a main one, carries alone; and the keys each may hold.
V0_PARTIAL_SECTIONS = frozenset({"declarations", "params", "environment", "hptuning"})
V0_ENVIRONMENT_SECTION_KEYS = frozenset({"resources", "node_selector", "tolerations", "affinity", "labels",
                                         "annotations", "service_account", "image_pull_secrets", "max_restarts",
                                         "max_retries", "persistence", "data_refs", "artifact_refs",
                                         "secret_refs", "config_map_refs", "configmap_refs", "outputs",
                                         "replicas", "tensorflow", "pytorch", "horovod", "mxnet"})
V0_HPTUNING_KEYS = frozenset({"concurrency", "seed", "matrix", "grid_search", "random_search", "hyperband", "bo",
                              "early_stopping"})


def _is_partial(document: Mapping[str, Any]) -> bool:
    """`version: 1` and only some of declarations/params/environment/hptuning, each a mapping of its keys."""
    sections = set(document) - {"version"}
    if not sections or not sections <= V0_PARTIAL_SECTIONS:
        return False
    if not all(isinstance(document[name], Mapping) and document[name] for name in sections):
        return False
    known = {"environment": V0_ENVIRONMENT_SECTION_KEYS, "hptuning": V0_HPTUNING_KEYS}
    return all(set(document[name]) <= known[name] for name in sections if name in known)


def era(document: Any) -> Optional[str]:
    """'v0' or 'v1' for a Polyaxonfile document, 'v0-partial' for a v0 file meant to be merged into another
    with several `-f`, None for any other YAML (manifests, compose files...)."""
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
    if kind is None and version == 1.0 and _is_partial(document):
        return "v0-partial"
    return None

# v1-surface.md §2.10: names every v1 template sees without a declaration (contexts/sections.py).
V1_CONTEXT_ROOTS = frozenset({"globals", "params", "inputs", "outputs", "io", "artifacts", "connections", "ops",
                              "dag", "runs", "matrix", "upstream"})
# Jinja's own words, which are never variables.
JINJA_WORDS = frozenset({"if", "else", "elif", "and", "or", "not", "in", "is", "true", "false", "none", "True",
                         "False", "None", "for", "loop", "range"})
# K1 polyflow/operations: an operation that takes its component from elsewhere.
V1_COMPONENT_REFERENCES = ("pathRef", "hubRef", "urlRef", "dagRef")

# ---------------------------------------------------------------------------------------------------------
# The conversion tables read by codemods/polyaxonfile (PLX100's fix). Sources are named per table.

# mapping §2.3, S0 ops/run/cmd.py: the command v0 ran every `run.cmd` with.
V0_SHELL = ("/bin/bash", "-c")
# mapping §2.3, v0-surface §1.5: v0 baked the repository into `/code`; `polyaxon run -u` uploads it here.
V1_UPLOADS_WORKING_DIR = "{{ globals.run_artifacts_path }}/uploads"
# v1-surface §2.9: the kinds an input `type` may take; v0 IO types renamed (mapping §2.2).
V0_IO_TYPES = {"gcs_path": "gcs", "s3_path": "s3", "azure_path": "wasb"}
# v0-surface §1.4 IOSchema -> v1-surface §2.9 IOSchema.
V0_IO_KEYS = {"name": "name", "description": "description", "type": "type", "default": "value",
              "value": "value", "is_optional": "isOptional", "is_list": "isList", "is_flag": "isFlag",
              "options": "options"}
# v1-surface §2.9: names v1 reserves for its own contexts.
V1_RESERVED_INPUT_NAMES = frozenset({"globals", "params", "connections"})

# mapping §2.4, P0 polypod/templates/resources.py: v0 resource name -> (v1 k8s name, unit suffix).
V0_RESOURCES = {"cpu": ("cpu", ""), "memory": ("memory", "Mi"), "gpu": ("nvidia.com/gpu", ""),
                "tpu": ("cloud-tpus.google.com/v2", "")}
# mapping §2.4, K1 polyflow/environment: v0 `environment` keys that move to v1 `run.environment`.
V0_ENVIRONMENT_KEYS = {"node_selector": "nodeSelector", "tolerations": "tolerations", "affinity": "affinity",
                       "labels": "labels", "annotations": "annotations", "service_account": "serviceAccountName",
                       "image_pull_secrets": "imagePullSecrets"}
# mapping §2.4: v0 `environment` keys that became `termination` fields.
V0_TERMINATION_KEYS = {"max_restarts": "maxRetries", "max_retries": "maxRetries"}
# mapping §2.1, K1 polyflow/plugins: `logging.level` -> `plugins.logLevel`.
V0_LOGGING_LEVEL = "level"

# mapping §2.5 and S0 ops/group/hptuning.py: v0 search algorithm -> (v1 matrix kind, renamed keys).
V0_SEARCH_ALGORITHMS = {
    "grid_search": ("grid", {"n_experiments": "numRuns"}),
    "random_search": ("random", {"n_experiments": "numRuns"}),
    "hyperband": ("hyperband", {"max_iter": "maxIterations", "eta": "eta", "resource": "resource",
                                "metric": "metric", "resume": "resume"}),
    "bo": ("bayes", {"n_iterations": "maxIterations", "n_initial_trials": "numInitialRuns", "metric": "metric",
                     "utility_function": "utilityFunction"}),
}
# mapping §2.5: keys nested in `bo.utility_function` (and its `gaussian_process`), v0 -> v1.
V0_BO_UTILITY_KEYS = {"acquisition_function": "acquisitionFunction", "kappa": "kappa", "eps": "eps",
                      "n_warmup": "numWarmup", "n_iter": "numIterations", "gaussian_process": "gaussianProcess",
                      "kernel": "kernel", "length_scale": "lengthScale", "nu": "nu",
                      "n_restarts_optimizer": "numRestartsOptimizer"}
# mapping §2.5: v0 matrix value keys -> v1 hyper-parameter kinds.
V0_MATRIX_KINDS = {"values": "choice", "pvalues": "pchoice", "range": "range", "linspace": "linspace",
                   "logspace": "logspace", "geomspace": "geomspace", "uniform": "uniform", "quniform": "quniform",
                   "loguniform": "loguniform", "qloguniform": "qloguniform", "normal": "normal",
                   "qnormal": "qnormal", "lognormal": "lognormal", "qlognormal": "qlognormal"}
# v1-surface §2.11: the matrix kinds that take a `seed` (grid does not).
V1_SEEDED_MATRIX_KINDS = frozenset({"random", "hyperband", "bayes", "hyperopt"})
# mapping §2.5, K1 polyflow/early_stopping/policies.py: v0 policy kind -> v1 (None: no v1 equivalent).
V0_EARLY_STOPPING_POLICIES = {"median": "median", "truncation": "truncation", "average": None}
V0_EARLY_STOPPING_POLICY_KEYS = {"kind": "kind", "evaluation_interval": "evaluationInterval",
                                 "min_interval": "minInterval", "min_samples": "minSamples", "percent": "percent"}
# v0-surface §1.8: `optimization` defaults to maximize in v0 and is required in v1.
V0_DEFAULT_OPTIMIZATION = "maximize"

# mapping §2.6: the replica roles of each Kubeflow run kind, as (role, v0 count key or None for one replica,
# v0 per-replica environment key).
V1_DISTRIBUTED_ROLES = {
    "tfjob": (("chief", None, None), ("worker", "n_workers", "default_worker"), ("ps", "n_ps", "default_ps")),
    "pytorchjob": (("master", None, None), ("worker", "n_workers", "default_worker")),
    "mpijob": (("launcher", None, None), ("worker", "n_workers", "default_worker")),
    "mxjob": (("scheduler", None, None), ("server", "n_ps", "default_ps"), ("worker", "n_workers", "default_worker")),
}
# v0-surface §1.10: the 0.0.x-0.4.1 spellings inside `environment.<framework>`, as the 0.4.2 replica keys.
LEGACY_REPLICA_KEYS = {"n_workers": "n_workers", "n_ps": "n_ps", "default_worker": "default_worker",
                       "default_ps": "default_ps", "default_worker_resources": "default_worker",
                       "default_ps_resources": "default_ps"}

# mapping §2.1 and v1-surface §6: v0 service kinds -> public hub components.
V0_NOTEBOOK_HUB = {"notebook": "notebook", "lab": "jupyterlab"}
V0_TENSORBOARD_HUB = "tensorboard"
V0_BUILD_HUB = "kaniko"
# v0-surface §1.5 and §1.2: the build keys (nested `build:` or flat in `kind: build`).
V0_BUILD_KEYS = ("image", "dockerfile", "context", "ref", "build_steps", "env_vars", "lang_env", "commit",
                 "branch", "nocache", "backend", "environment")
# v0-surface §1.10: pre-0.1.1 `run:` build fields -> their later `build:` names.
PRE_06_RUN_BUILD_KEYS = {"image": "image", "steps": "build_steps", "build_steps": "build_steps",
                         "env_vars": "env_vars", "git": "git"}
# v0-surface §1.10: 0.0.x `settings:` keys -> their 0.1.1+ `hptuning` (or top-level) names.
PRE_06_SETTINGS_KEYS = {"concurrency": "concurrency", "concurrent_experiments": "concurrency", "seed": "seed",
                        "matrix": "matrix", "grid_search": "grid_search", "random_search": "random_search",
                        "hyperband": "hyperband", "bo": "bo", "early_stopping": "early_stopping"}
# mapping §2.1: pipeline `ops[]` keys -> v1 DAG operation keys.
V0_PIPELINE_OP_KEYS = {"name": "name", "description": "description", "tags": "tags",
                       "dependencies": "dependencies", "trigger": "trigger",
                       "skip_on_upstream_skip": "skipOnUpstreamSkip"}
