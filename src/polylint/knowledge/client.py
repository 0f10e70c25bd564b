"""Python client and tracking facts: every v0 name a user's code can touch, and what v1 has instead.
(The environment variables and REST paths a v0 deployment gave runs are in ``platform.py``.)

One row per v0 name, read by the Python checks (to flag) and by the Python codemod (to rewrite).
Sources: v0-surface.md §3 (C0 ``polyaxon_client`` 0.6.1, ``polyaxon_helper`` 0.5.0, ``polyaxon_schemas``);
v1-surface.md §5 (K1 ``polyaxon`` 1.20.0 client, tracking and contrib,
verified with ``inspect.signature``); v0-to-v1-mapping.md §4.

Safety follows the runner's words: ``SAFE`` keeps the meaning, ``UNSAFE`` may shift it (an integer v0 id
passed where v1 wants a uuid, a v1 call that returns an SDK object where v0 returned a dict, a v1 tracking
function that needs ``tracking.init()`` first), ``MANUAL`` has no mechanical rewrite: its text says the v1
way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple

from polylint.diagnostics import Applicability

SAFE = Applicability.SAFE
UNSAFE = Applicability.UNSAFE
MANUAL = Applicability.MANUAL

# The v0 distributions, by top-level module (v0-surface.md §3; mapping §4: all become `pip install polyaxon`).
V0_PACKAGES: Mapping[str, str] = {
    "polyaxon_client": "the v1 client is `from polyaxon.client import RunClient, ProjectClient, PolyaxonClient` "
                       "and tracking is `from polyaxon import tracking`",
    "polyaxon_helper": "use `from polyaxon import tracking` (`tracking.init()`, `tracking.log_metrics`, "
                       "`tracking.get_outputs_path`)",
    "polyaxon_schemas": "v1 specifications are read with `from polyaxon.polyaxonfile import check_polyaxonfile, "
                        "get_specification` and built from `polyaxon.polyflow` (`V1Component`, `V1Operation`)",
    "polyaxon_cli": "the v1 CLI is the `polyaxon` command (`pip install polyaxon`); from Python, use "
                    "`polyaxon.client.RunClient` instead of calling CLI internals",
}


@dataclass(frozen=True)
class Arguments:
    """How a v0 call's arguments become the v1 call's.

    ``params``: the v0 parameter names in order, to name positional arguments. ``keep``: how many leading
    positional arguments stay positional (same place in v1). ``rename``: v0 keyword -> v1 keyword.
    ``unsupported``: v0 keywords v1 has no place for (their presence makes the call manual).
    ``add``: v1 keywords to add, with their source code, when the v0 call relied on a default v1 lacks.
    ``star``: whether ``*args``/``**kwargs`` may be passed through unchanged.
    """

    params: Tuple[str, ...] = ()
    keep: int = 0
    rename: Mapping[str, str] = field(default_factory=dict)
    unsupported: Tuple[str, ...] = ()
    add: Tuple[Tuple[str, str], ...] = ()
    star: bool = True


SAME = Arguments(keep=99)


@dataclass(frozen=True)
class Row:
    """One v0 name. ``v1``: the v1 name the codemod writes (None when there is none); ``equivalent``:
    False when v1 has nothing like it (PLX308); ``advice``: the v1 way, in words, for messages."""

    v1: Optional[str]
    safety: Applicability
    advice: str
    arguments: Arguments = SAME
    equivalent: bool = True
    reason: str = ""  # why a rewrite is unsafe, for the fix message


def _manual(advice: str) -> Row:
    return Row(None, MANUAL, advice)


def _none(advice: str) -> Row:
    return Row(None, MANUAL, advice, equivalent=False)


NEEDS_INIT = "v1 tracking functions act on the run `tracking.init()` creates; call it first"
# The v1 calls that set the run the `tracking.*` functions act on (`tracking.Run()` makes a run but does not).
V1_TRACKING_INITS = ("polyaxon.tracking.init", "polyaxon.tracking.get_or_create_run", "traceml.tracking.init",
                     "traceml.tracking.get_or_create_run")
# What polylint writes so that a `tracking.*` rewrite has its run: an init where the module's own code runs
# first, and where it cannot tell what runs first, the run `get_or_create_run()` returns (it makes one only
# when none was made, so that every tracker of the module shares one run, as v0's did in a managed run).
V1_INIT = "tracking.init"
V1_GET_OR_CREATE = "tracking.get_or_create_run"
UNORDERED_REASON = ("nothing in this module makes the run before it: the rewrite takes the run "
                    "`tracking.get_or_create_run()` returns, which makes one if none exists, so a "
                    "`tracking.init()` that runs later, in another module, would make a second run")

# v1 imports the codemod may add: local name -> (module, name). The local name is what rewritten code uses.
V1_IMPORTS: Mapping[str, Tuple[str, str]] = {
    "tracking": ("polyaxon", "tracking"),
    "RunClient": ("polyaxon.client", "RunClient"),
    "ProjectClient": ("polyaxon.client", "ProjectClient"),
    "PolyaxonClient": ("polyaxon.client", "PolyaxonClient"),
    "ClientConfig": ("polyaxon.schemas.cli.client_config", "ClientConfig"),
}

# --- tracking (v0-surface.md §3.2; mapping §4.2) ----------------------------------------------------------

# The tracker classes, by the qualified names they are imported under.
TRACKER_CLASSES: Mapping[str, Row] = {
    "Experiment": Row(
        "tracking.init", SAFE, "`tracking.init()` (it returns the v1 `Run` and sets the run that the "
        "`tracking.*` functions and the framework callbacks use)",
        Arguments(params=("project", "experiment_id", "group_id", "client", "track_logs", "track_code",
                          "track_env", "outputs_store"),
                  rename={"project": "project", "client": "client", "track_code": "track_code",
                          "track_env": "track_env"},
                  unsupported=("experiment_id", "group_id", "track_logs", "outputs_store"), star=False)),
    "Job": Row(
        "tracking.init", SAFE, "`tracking.init()`: v1 jobs are runs like experiments",
        Arguments(params=("project", "job_id", "client", "track_logs", "track_code", "track_env",
                          "outputs_store"),
                  rename={"project": "project", "client": "client", "track_code": "track_code",
                          "track_env": "track_env"},
                  unsupported=("job_id", "track_logs", "outputs_store"), star=False)),
    "Group": _manual("v1 has no experiment groups: a `matrix` operation is a pipeline run; use "
                     "`RunClient(owner, project, run_uuid=<pipeline uuid>)` and `list_children()`"),
    "BuildJob": _manual("v1 has no build jobs: build with the `kaniko` hub component "
                        "(`RunClient().create_from_hub(\"kaniko\", params={...})`)"),
}
TRACKER_MODULES = ("polyaxon_client.tracking", "polyaxon_client.tracking.experiment",
                   "polyaxon_client.tracking.job", "polyaxon_client.tracking.group",
                   "polyaxon_client.tracking.build", "polyaxon_client.tracking.base")

# Methods of a tracker object (BaseTracker, Experiment, Job). A method not listed keeps its name in v1
# (`log_metrics`, `log_tags`, `set_name`, `set_description`, `log_code_ref`, `start`, `log_succeeded`,
# `log_stopped`, `get_outputs_path`, `get_log_level`), as `Run` has them.
TRACKER_METHODS: Mapping[str, Row] = {
    "log_params": Row("log_inputs", SAFE, "`log_inputs(**params)`: v1 calls params inputs"),
    "log_data_ref": Row(
        "log_data_ref", SAFE, "`log_data_ref(content=..., name=...)`",
        Arguments(params=("data", "data_name", "reset"), rename={"data": "content", "data_name": "name"},
                  unsupported=("reset",), add=(("name", '"data"'),), star=False)),
    "log_output": Row("log_artifact", UNSAFE, "`log_artifact(path)`", reason="v1 moves the file into the "
                      "run's outputs and records its lineage"),
    "log_artifact": Row("log_artifact", SAFE, "`log_artifact(path)`"),
    "log_outputs": Row("upload_artifacts_dir", UNSAFE, "`upload_artifacts_dir(dirpath)` (v1 `log_outputs` "
                       "logs output values, not files)", reason="v1 uploads the folder to the artifacts store"),
    "log_artifacts": Row("upload_artifacts_dir", UNSAFE, "`upload_artifacts_dir(dirpath)`",
                         reason="v1 uploads the folder to the artifacts store"),
    "succeeded": Row("log_succeeded", SAFE, "`log_succeeded()`", Arguments(star=False)),
    "stop": Row("log_stopped", SAFE, "`log_stopped()` (v1 `stop()` stops the run on the server)",
                Arguments(star=False)),
    "failed": Row("log_failed", SAFE, "`log_failed(message=...)`",
                  Arguments(params=("message", "traceback"), rename={"message": "message"},
                            unsupported=("traceback",), star=False)),
    "log_failed": Row("log_failed", SAFE, "`log_failed(message=...)`: v1's first parameter is `reason`",
                      Arguments(params=("message", "traceback"), rename={"message": "message"},
                                unsupported=("traceback",), star=False)),
    "log_status": Row("log_status", SAFE, "`log_status(status, message=...)`: v1's second parameter is `reason`",
                      Arguments(params=("status", "message", "traceback"), keep=1,
                                rename={"status": "status", "message": "message"},
                                unsupported=("traceback",), star=False)),
    "get_params": Row("get_inputs", UNSAFE, "`get_inputs()`", Arguments(star=False),
                      reason="v1 reads the inputs from the API, not from `POLYAXON_PARAMS`"),
    "get_declarations": Row("get_inputs", UNSAFE, "`get_inputs()`", Arguments(star=False),
                            reason="v1 reads the inputs from the API, not from `POLYAXON_PARAMS`"),
    "create": _manual("`tracking.init(owner=..., project=..., is_new=True, name=..., description=..., "
                      "tags=...)` creates and starts tracking a new run in one call"),
    "end": _manual("`log_succeeded()`, `log_failed(message=...)` or `log_stopped()`; v1 `end()` only stops "
                   "tracking"),
    "log_framework": _manual("`log_meta(framework=...)`"),
    "log_backend": _manual("`log_meta(backend=...)`"),
    "log_build": _manual("v1 runs have no build id; builds are separate runs (`kaniko` hub component)"),
    "log_run_env": _manual("v1 records the environment when `tracking.init(track_env=True)` (the default) "
                           "or with `log_env()`"),
    "send_logs": _manual("v1 collects the container's logs itself; use Python `logging`"),
    "set_outputs_store": _manual("v1 has one artifacts store; write under `tracking.get_outputs_path()`"),
    "outputs_store": _manual("write files under `tracking.get_outputs_path()`, or use "
                             "`upload_artifact(path)` / `download_artifacts()` on the run"),
    "get_entity_data": _manual("`refresh_data()` then `run_data` on the v1 run"),
    "get_experiment_info": _none("v1 sets `POLYAXON_RUN_INSTANCE` (`owner.project.runs.uuid`); the run's "
                                 "`owner`, `project` and `run_uuid` properties carry it"),
    "get_job_info": _none("v1 sets `POLYAXON_RUN_INSTANCE` (`owner.project.runs.uuid`); the run's `owner`, "
                          "`project` and `run_uuid` properties carry it"),
    "get_notebook_job_info": _none("v1 notebooks are services started from the `jupyterlab` hub component"),
    "is_notebook_job": _none("v1 notebooks are services started from the `jupyterlab` hub component"),
    "get_data_paths": _none("v1 mounts data as connections: list them in `run.connections` and read the "
                            "connection's `mountPath`"),
    "get_outputs_refs_paths": _none("pass upstream outputs as inputs with `ref: runs.<uuid>` or an "
                                    "`init: [{artifacts: ...}]` section"),
    "get_cluster_def": _none("v1 runs distributed jobs with Kubeflow operators (`tfjob`, `pytorchjob`, "
                             "`mpijob`), which set `TF_CONFIG` and friends themselves"),
    "get_task_info": _none("the Kubeflow operator sets `TF_CONFIG`/`RANK` for each replica"),
    "get_tf_config": _none("a v1 `tfjob` sets `TF_CONFIG` itself; read `os.environ[\"TF_CONFIG\"]`"),
    "log_dockerfile": _none("v1 builds are `kaniko` hub component runs"),
    "create_experiment": _manual("run a `matrix` operation, or loop "
                                 "`RunClient(owner=..., project=...).create_from_polyaxonfile(...)`"),
}

# The v1 names a tracker or client is built with: their objects are followed too, so that v0 calls left on
# a partly migrated object (`run = tracking.init(); run.log_params(...)`) are still found.
V1_TRACKER_FACTORIES = ("polyaxon.tracking.init", "polyaxon.tracking.Run", "polyaxon.tracking.run.Run",
                        "traceml.tracking.init", "traceml.tracking.Run")
V1_CLIENT_CLASSES = ("polyaxon.client.PolyaxonClient", "polyaxon.client.client.PolyaxonClient")
# The tracker methods v1's `Run` does not have (checked against polyaxon 1.20 by the test suite): on a v1 run
# object only these are certainly v0. `log_data_ref` counts when called with v0's `data=`/`data_name=`.
V0_ONLY_TRACKER_METHODS = frozenset(name for name in TRACKER_METHODS if name not in {
    "log_data_ref", "log_artifact", "log_outputs", "stop", "log_failed", "log_status", "end", "create"})
V0_DATA_REF_KEYWORDS = ("data", "data_name")

# Module functions of `polyaxon_client.tracking` (tracking/paths.py), by name.
TRACKING_FUNCTIONS: Mapping[str, Row] = {
    "get_outputs_path": Row("tracking.get_outputs_path", UNSAFE, "`tracking.get_outputs_path()`",
                            Arguments(star=False), reason=NEEDS_INIT),
    "get_log_level": Row("tracking.get_log_level", UNSAFE, "`tracking.get_log_level()`", Arguments(star=False),
                         reason=NEEDS_INIT),
    "get_base_outputs_path": _manual("`tracking.get_artifacts_path()` (the run's artifacts root)"),
    "get_data_paths": TRACKER_METHODS["get_data_paths"],
    "get_outputs_refs_paths": TRACKER_METHODS["get_outputs_refs_paths"],
    "ensure_is_managed": _none("v1 runs in the cluster when `POLYAXON_RUN_INSTANCE` is set"),
    "ensure_in_custer": _none("v1 runs in the cluster when `POLYAXON_RUN_INSTANCE` is set"),
}

# --- polyaxon_helper (v0-surface.md §3.3) ------------------------------------------------------------------
HELPER_FUNCTIONS: Mapping[str, Row] = {
    "send_metrics": Row("tracking.log_metrics", UNSAFE, "`tracking.log_metrics(**metrics)`", reason=NEEDS_INIT),
    "get_outputs_path": TRACKING_FUNCTIONS["get_outputs_path"],
    "get_log_level": TRACKING_FUNCTIONS["get_log_level"],
    "get_params": _manual("declare inputs in the Polyaxonfile and read them with argparse (`{{ lr }}` in "
                          "`args`), or `tracking.init().get_inputs()`"),
    "get_declarations": _manual("declare inputs in the Polyaxonfile and read them with argparse (`{{ lr }}` "
                                "in `args`), or `tracking.init().get_inputs()`"),
    "get_data_paths": TRACKER_METHODS["get_data_paths"],
    "get_data_path": TRACKER_METHODS["get_data_paths"],
    "get_outputs_refs_paths": TRACKER_METHODS["get_outputs_refs_paths"],
    "get_cluster_def": TRACKER_METHODS["get_cluster_def"],
    "get_tf_config": TRACKER_METHODS["get_tf_config"],
    "get_task_info": TRACKER_METHODS["get_task_info"],
    "get_experiment_info": TRACKER_METHODS["get_experiment_info"],
    "get_job_info": TRACKER_METHODS["get_job_info"],
    "experiment": _manual("the helper's module-level `experiment`: create the run with `tracking.init()`"),
    "get_api": _none("v1 reads the server from `POLYAXON_HOST`; use `polyaxon.client.PolyaxonClient()`"),
    "get_internal_token": _none("v1 reads the token from `POLYAXON_AUTH_TOKEN`"),
}

# --- contrib callbacks (v0-surface.md §3.2 Contrib; v1-surface.md §5.5) -------------------------------------
# v0 qualified name -> row whose v1 is "module:Name".
CONTRIB: Mapping[str, Row] = {
    "polyaxon_client.tracking.contrib.keras.PolyaxonKeras": Row(
        "polyaxon.tracking.contrib.keras:PolyaxonCallback", SAFE, "`polyaxon.tracking.contrib.keras."
        "PolyaxonCallback(run=..., metrics=...)`",
        Arguments(params=("experiment", "metrics"), keep=2, rename={"experiment": "run", "metrics": "metrics"})),
    "polyaxon_client.tracking.contrib.keras.PolyaxonModelCheckpoint": _none(
        "`polyaxon.tracking.contrib.keras.PolyaxonCallback(log_model=True)` logs the best model; or keep a "
        "Keras `ModelCheckpoint` writing under `tracking.get_outputs_path()`"),
    "polyaxon_client.tracking.contrib.fastai.PolyaxonFastai": Row(
        "polyaxon.tracking.contrib.fastai_v1:PolyaxonCallback", SAFE, "`polyaxon.tracking.contrib.fastai_v1."
        "PolyaxonCallback(learn, run=..., monitor=..., mode=...)` (fastai v1; fastai v2 has "
        "`polyaxon.tracking.contrib.fastai.PolyaxonCallback`)",
        Arguments(params=("learn", "experiment", "monitor", "mode"), keep=1,
                  rename={"experiment": "run", "monitor": "monitor", "mode": "mode"})),
    "polyaxon_client.tracking.contrib.logging_tensor_hook.PolyaxonLoggingTensorHook": _manual(
        "`polyaxon.tracking.contrib.tensorflow.PolyaxonCallback(summary_op=..., steps_per_log=..., run=...)`, "
        "a `SessionRunHook` that logs summaries, not tensors"),
}

# --- the API client (v0-surface.md §3.1; mapping §4.1) ----------------------------------------------------
CLIENT_CLASS = ("polyaxon_client.PolyaxonClient", "polyaxon_client.client.PolyaxonClient")
CLIENT_CONSTRUCTOR = Row(
    "PolyaxonClient", SAFE, "`PolyaxonClient(config=ClientConfig(host=\"https://host:port\"), token=...)` "
    "(`polyaxon.client`, `polyaxon.schemas.cli.client_config`); with no arguments it reads `POLYAXON_HOST` "
    "and `POLYAXON_AUTH_TOKEN`")
# The v0 keywords the constructor rewrite can carry; any other makes it manual.
CLIENT_KEYWORDS = ("host", "token", "port", "http_port", "use_https", "verify_ssl", "timeout")

# Service methods: "service.method" -> row. The v1 name is "RunClient.method" or "ProjectClient.method".
# Entity methods take (username, project_name, <id>) first; those ids become v1's owner/project/run_uuid.
_RUN_IDS = {"experiment": "experiment_id", "job": "job_id", "build_job": "job_id",
            "experiment_group": "group_id"}
ENTITY_ID_REASON = "v0 ids are integers and v1 wants the run's uuid"
RESULT_REASON = "v1 returns SDK objects where v0 returned dicts"


def _run_method(v1: str, advice: str, arguments: Arguments = SAME) -> Row:
    return Row(f"RunClient.{v1}", UNSAFE, advice, arguments, reason=ENTITY_ID_REASON)


def _entity_rows(service: str) -> Dict[str, Row]:
    noun = {"experiment": "experiment", "job": "job", "build_job": "build",
            "experiment_group": "experiment_group"}[service]
    rows = {
        f"{service}.stop": _run_method("stop", "`RunClient(owner, project, run_uuid=...).stop()`",
                                       Arguments(star=False, unsupported=("pending",))),
        f"{service}.delete_{noun}": _run_method("delete", "`RunClient(owner, project, run_uuid=...).delete()`",
                                                Arguments(star=False)),
        f"{service}.update_{noun}": _run_method("update", "`RunClient(owner, project, run_uuid=...).update(data)`",
                                                Arguments(params=("patch_dict", "background"), keep=1,
                                                          unsupported=("background",), star=False)),
        f"{service}.get_statuses": _run_method(
            "get_statuses", "`RunClient(owner, project, run_uuid=...).get_statuses()` (returns "
            "`(status, conditions)`)", Arguments(params=("page",), unsupported=("page",), star=False)),
        f"{service}.create_status": _run_method(
            "log_status", "`RunClient(owner, project, run_uuid=...).log_status(status, message=...)`",
            Arguments(params=("status", "message", "traceback"), keep=1,
                      rename={"message": "message"}, unsupported=("traceback",), star=False)),
    }
    rows[f"{service}.get_{noun}"] = _manual(
        "`rc = RunClient(owner=..., project=..., run_uuid=...)`, `rc.refresh_data()`, then `rc.run_data` "
        "(and `rc.get_inputs()`, `rc.get_outputs()`)")
    for name in ("bookmark", "unbookmark", "resources", "get_heartbeat_url"):
        rows[f"{service}.{name}"] = _none("v1 has no such endpoint for runs")
    for name in ("start_tensorboard", "stop_tensorboard"):
        rows[f"{service}.{name}"] = _manual(
            "`RunClient(owner=..., project=...).create_from_hub(\"tensorboard:single-run\", "
            "params={\"uuid\": ...})`, and `stop()` on that run")
    if service in ("experiment", "job"):
        rows[f"{service}.restart"] = _run_method(
            "restart", "`RunClient(owner, project, run_uuid=...).restart()`",
            Arguments(params=("content", "update_code"), unsupported=("content", "update_code"), star=False))
        rows[f"{service}.resume"] = _run_method(
            "resume", "`RunClient(owner, project, run_uuid=...).resume()`",
            Arguments(params=("content",), unsupported=("content",), star=False))
        rows[f"{service}.copy"] = _run_method(
            "restart", "`RunClient(owner, project, run_uuid=...).restart(copy=True)`",
            Arguments(params=("content", "update_code"), unsupported=("content", "update_code"),
                      add=(("copy", "True"),), star=False))
    if service != "experiment_group":
        rows[f"{service}.logs"] = _run_method(
            "get_logs", "`RunClient(owner, project, run_uuid=...).get_logs()` or `watch_logs()`",
            Arguments(params=("stream", "message_handler"), unsupported=("stream", "message_handler"),
                      star=False))
        rows[f"{service}.download_outputs"] = _run_method(
            "download_artifacts", "`RunClient(owner, project, run_uuid=...).download_artifacts()`",
            Arguments(star=False))
        rows[f"{service}.send_logs"] = TRACKER_METHODS["send_logs"]
        rows[f"{service}.get_code_reference"] = _manual("`RunClient(...).get_artifacts_lineage()` lists "
                                                        "the code reference")
        rows[f"{service}.create_code_reference"] = _manual("`RunClient(...).log_code_ref()`")
    return rows


CLIENT_METHODS: Dict[str, Row] = {}
for _service in _RUN_IDS:
    CLIENT_METHODS.update(_entity_rows(_service))
CLIENT_METHODS.update({
    "experiment.get_metrics": _manual("`RunClient(owner, project, run_uuid=...).get_events(kind=\"metric\", "
                                      "names=[...])`"),
    "experiment.create_metric": _manual("`tracking.log_metrics(**values)` inside the run"),
    "experiment.list_jobs": _none("v1 runs have no experiment jobs; a distributed run is one run"),
    "experiment_group.list_experiments": _manual(
        "`RunClient(owner=..., project=...).list(query=\"pipeline: <group run uuid>\")`"),
    "project.list_experiments": Row(
        "RunClient.list", UNSAFE, "`RunClient(owner=..., project=...).list(query=..., sort=...)`",
        Arguments(params=("independent", "group", "metrics", "params", "query", "sort", "page"),
                  rename={"query": "query", "sort": "sort"},
                  unsupported=("independent", "group", "metrics", "params", "page"), star=False),
        reason=RESULT_REASON),
    "project.list_jobs": _manual("`RunClient(owner=..., project=...).list(query=\"kind: job\")`"),
    "project.list_builds": _manual("`RunClient(owner=..., project=...).list(query=...)`; builds are runs"),
    "project.list_experiment_groups": _manual("`RunClient(owner=..., project=...).list(query=\"kind: "
                                              "matrix\")`"),
    "project.create_experiment": Row(
        "RunClient.create", UNSAFE, "`RunClient(owner=..., project=...).create(content=<V1Operation or "
        "dict>)`, or `create_from_polyaxonfile(path, params={...})`",
        Arguments(params=("experiment_config", "group"), rename={"experiment_config": "content"},
                  unsupported=("group",), star=False),
        reason="`content` must now be a v1 operation, not a v0 ExperimentConfig"),
    "project.create_job": Row(
        "RunClient.create", UNSAFE, "`RunClient(owner=..., project=...).create(content=<V1Operation or "
        "dict>)`, or `create_from_polyaxonfile(path, params={...})`",
        Arguments(params=("job_config",), rename={"job_config": "content"}, star=False),
        reason="`content` must now be a v1 operation, not a v0 JobConfig"),
    "project.create_build": _manual("`RunClient(owner=..., project=...).create_from_hub(\"kaniko\", "
                                    "params={...})`"),
    "project.create_experiment_group": _manual(
        "`RunClient(owner=..., project=...).create_from_polyaxonfile(path, matrix=...)`"),
    "project.get_project": _manual("`pc = ProjectClient(owner=..., project=...)`, `pc.refresh_data()`, then "
                                   "`pc.project_data`"),
    "project.list_projects": Row("ProjectClient.list", UNSAFE, "`ProjectClient(owner=...).list()`",
                                 Arguments(params=("page",), unsupported=("page",), star=False),
                                 reason=RESULT_REASON),
    "project.create_project": _manual("`ProjectClient(owner=...).create({\"name\": ...})`"),
    "project.update_project": Row("ProjectClient.update", UNSAFE,
                                  "`ProjectClient(owner=..., project=...).update(data)`",
                                  Arguments(params=("patch_dict", "background"), keep=1,
                                            unsupported=("background",), star=False), reason=RESULT_REASON),
    "project.delete_project": Row("ProjectClient.delete", UNSAFE,
                                  "`ProjectClient(owner=..., project=...).delete()`",
                                  Arguments(params=("background",), unsupported=("background",), star=False),
                                  reason=RESULT_REASON),
    "project.start_notebook": _manual("`RunClient(owner=..., project=...).create_from_hub(\"jupyterlab\")`"),
    "project.stop_notebook": _manual("`stop()` on the notebook's `RunClient(..., run_uuid=...)`"),
    "project.start_tensorboard": _manual("`RunClient(owner=..., project=...).create_from_hub("
                                         "\"tensorboard:single-run\", params={\"uuid\": ...})`"),
    "project.stop_tensorboard": _manual("`stop()` on the tensorboard's `RunClient(..., run_uuid=...)`"),
})
for _name in ("enable_ci", "disable_ci", "set_repo", "sync_repo", "bookmark", "unbookmark", "invalidate_builds",
              "list_tensorboards"):
    CLIENT_METHODS[f"project.{_name}"] = _none("v1 projects have no such endpoint; git repositories are "
                                               "`init: [{git: ...}]` connections of the run")
for _name in ("upload_repo", "download_repo"):
    CLIENT_METHODS[f"project.{_name}"] = _manual("`polyaxon run -u` uploads the working folder; or use "
                                                 "`RunClient(...).upload_artifacts_dir(path)`")
# Whole services with no v1 counterpart: any method on them.
SERVICES_WITHOUT_EQUIVALENT: Mapping[str, str] = {
    "cluster": "v1 has no cluster service; inspect nodes with `kubectl`",
    "user": "v1 CE has no user management; Polyaxon Cloud/EE manage members in the UI",
    "bookmark": "v1 has no bookmarks service",
    "experiment_job": "a v1 distributed run is one run: use `RunClient(owner, project, run_uuid=...)` "
                      "(`get_statuses()`, `get_logs()`)",
    "auth": "v1 CE has no login; set `POLYAXON_AUTH_TOKEN` (Cloud/EE) or `polyaxon login --token`",
    "version": "`polyaxon version` on the command line",
}
# The v0 parameters naming the entity, per service.
SERVICE_IDS: Mapping[str, Tuple[str, ...]] = {
    "experiment": ("username", "project_name", "experiment_id"),
    "job": ("username", "project_name", "job_id"),
    "build_job": ("username", "project_name", "job_id"),
    "experiment_group": ("username", "project_name", "group_id"),
    "project": ("username", "project_name"),
}
# Methods that name fewer entities than their service's other methods.
METHOD_IDS: Mapping[str, Tuple[str, ...]] = {"project.list_projects": ("username",)}
# v1 constructor keywords for those ids.
V1_ID_KEYWORDS = ("owner", "project", "run_uuid")

# Names that moved module and kept their meaning: v0 qualified name -> (v1 module, v1 name).
RENAMED_NAMES: Mapping[str, Tuple[str, str]] = {
    f"polyaxon_client.exceptions.{name}": ("polyaxon.exceptions", name)
    for name in ("PolyaxonClientException", "PolyaxonHTTPError", "PolyaxonShouldExitError")
}

def qualified_tail(name: str, modules: Tuple[str, ...]) -> Optional[str]:
    """The last part of `name` when it is `<one of modules>.<last part>`, else None."""
    module, _, tail = name.rpartition(".")
    return tail if module in modules else None
