"""v0 distributed experiments -> Kubeflow run kinds (mapping §2.6).

`framework: tensorflow` -> `tfjob` (chief, worker, ps), `pytorch` -> `pytorchjob` (master, worker),
`horovod` or `backend: mpi` -> `mpijob` (launcher, worker), `mxnet` -> `mxjob` (scheduler, server, worker).
The first role is v0's master: it gets the experiment's environment. `default_worker`/`default_ps` become
their role's resources and environment. Both the 0.4.2+ `environment.replicas` and the older
`environment.<framework>` blocks are read. Always unsafe: v1 needs the Kubeflow operator, and the
cluster is described to the processes by the operator, not by Polyaxon's native backend.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.codemods.polyaxonfile.environment import Environment, convert_environment
from polylint.knowledge.polyaxonfile import DISTRIBUTED_RUN_KINDS, LEGACY_REPLICA_KEYS, V1_DISTRIBUTED_ROLES

_PER_INDEX = ("v0 per-index replica overrides (`worker: [{index: ...}]`) have no v1 equivalent: every replica of "
              "a role shares one spec")


def distributed_kind(framework: Any, backend: Any, environment: Environment) -> Optional[str]:
    if not environment.distributed:
        return None
    if backend == "mpi":
        return "mpijob"
    if isinstance(framework, str) and framework.lower() in DISTRIBUTED_RUN_KINDS:
        return DISTRIBUTED_RUN_KINDS[framework.lower()]
    for key in environment.distributed:
        if key in DISTRIBUTED_RUN_KINDS:
            return DISTRIBUTED_RUN_KINDS[key]
    return None


def _role_spec(conversion: Conversion, environment: Environment, path: Tuple[Any, ...]) -> Tuple[Any, Optional[int]]:
    """The replica spec ({n_workers, default_worker...}) and its v0 line, from either era's spelling."""
    for key, (line, value) in environment.distributed.items():
        if not isinstance(value, dict):
            conversion.keep(line, path + (key,), value, f"`environment.{key}` must be a mapping")
            continue
        if key == "replicas":
            return value, line
        legacy: Any = conversion.new_map()
        positions = value.lc.data if isinstance(value, CommentedMap) else {}
        for name, setting in value.items():
            if name in LEGACY_REPLICA_KEYS:
                if name.endswith("_resources"):  # 0.0.x: the resources alone, not an environment
                    wrapped: Any = CommentedMap(resources=setting)
                    wrapped.lc.add_kv_line_col("resources", list(positions[name]))
                    setting = wrapped
                legacy[LEGACY_REPLICA_KEYS[name]] = setting
                legacy.lc.add_kv_line_col(LEGACY_REPLICA_KEYS[name], list(positions[name]))
            else:
                conversion.keep(line_of(value, name), path + (key, name), setting,
                                f"`{name}` has no v1 equivalent (the Kubeflow operator configures the cluster)")
        return legacy, line
    return {}, conversion.default_line


def _with_resources(conversion: Conversion, container: CommentedMap, resources: Any,
                    command: bool) -> CommentedMap:
    copy = conversion.new_map()
    for key, value in container.items():
        if command or key not in ("command", "args", "workingDir"):
            # Each replica gets its own copy: a shared node would be dumped as a YAML anchor and alias.
            conversion.put(copy, key, conversion.copy(value), conversion.origin_of(container, key),
                           conversion.absorbed.get((id(container), key), ()))
    if resources is not None:
        conversion.put(copy, "resources", resources, conversion.origin_of(resources, "requests"))
    return copy


def distributed_run(conversion: Conversion, kind: str, container: CommentedMap, master: Environment,
                    path: Tuple[Any, ...]) -> CommentedMap:
    run = conversion.new_map()
    conversion.put(run, "kind", kind, conversion.default_line)
    spec, spec_line = _role_spec(conversion, master, path)
    used = set()
    for role, count_key, environment_key in V1_DISTRIBUTED_ROLES[kind]:
        if count_key is None:
            replicas, role_environment, line = 1, master, conversion.default_line  # type: Any, Environment, Optional[int]
        else:
            used.update({count_key, environment_key})
            if not spec.get(count_key):
                continue
            replicas, line = spec[count_key], line_of(spec, count_key)
            role_environment = convert_environment(conversion, spec.get(environment_key),
                                                   path + ("replicas", environment_key))
            if role_environment.environment is None and master.environment is not None:
                role_environment.environment = conversion.copy(master.environment)
        replica = conversion.new_map()
        conversion.put(replica, "replicas", replicas, line)
        if role_environment.environment is not None:
            conversion.put(replica, "environment", role_environment.environment,
                           conversion.origin_of(role_environment.environment, next(iter(role_environment.environment))))
        # An MPI worker only hosts the processes the launcher starts (mpijob launcher runs `mpirun`).
        runs_command = not (kind == "mpijob" and role == "worker")
        conversion.put(replica, "container",
                       _with_resources(conversion, container, role_environment.resources, runs_command), line)
        conversion.put(run, role, replica, line)
    for key, value in spec.items():
        if key in used:
            continue
        reason = _PER_INDEX if key in ("worker", "ps") else f"`replicas.{key}` has no v1 equivalent"
        conversion.keep(line_of(spec, key, spec_line), path + ("replicas", key), value, reason)
    conversion.unsafe(f"v1 runs distributed training through the Kubeflow operator (`{kind}`), which must be "
                      "installed; it, not Polyaxon, now sets up the cluster for the processes")
    return run
