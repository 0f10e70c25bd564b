"""What a v0 deployment put around user code: the environment variables its runs got, and its REST paths.

Read by the Python checks (PLX306, PLX307) and, as plain words, by the Python prefilter: this module is
data only, so that putting a `.py` file to the prefilter costs no more than reading these names.
"""

from __future__ import annotations

from typing import Mapping

# --- environment variables (v0-surface.md §4.1, §4.2; v1-surface.md §5.5) -----------------------------------
_V1_RUN = "v1 sets `POLYAXON_RUN_INSTANCE` (`owner.project.runs.uuid`); `tracking.init()` reads it"
ENVIRONMENT: Mapping[str, str] = {
    "POLYAXON_PARAMS": "declare inputs in the Polyaxonfile and pass them as arguments (`{{ lr }}`) or with "
                       "`toEnv: LR`; `tracking.init().get_inputs()` reads them from the API",
    "POLYAXON_DECLARATIONS": "declare inputs in the Polyaxonfile and pass them as arguments (`{{ lr }}`) or "
                             "with `toEnv: LR`",
    "POLYAXON_RUN_OUTPUTS_PATH": "`tracking.get_outputs_path()` after `tracking.init()` (or `{{ globals."
                                 "run_outputs_path }}` in the Polyaxonfile)",
    "POLYAXON_BASE_OUTPUTS_PATH": "`tracking.get_artifacts_path()` after `tracking.init()`",
    "POLYAXON_RUN_DATA_PATHS": "v1 mounts data as connections: read the connection's `mountPath`",
    "POLYAXON_DATA_PATHS": "v1 mounts data as connections: read the connection's `mountPath`",
    "POLYAXON_REFS_OUTPUTS_PATHS": "pass upstream outputs as inputs with `ref: runs.<uuid>`",
    "POLYAXON_EXPERIMENT_INFO": _V1_RUN,
    "POLYAXON_JOB_INFO": _V1_RUN,
    "POLYAXON_NOTEBOOK_INFO": _V1_RUN,
    "POLYAXON_TENSORBOARD_INFO": _V1_RUN,
    "POLYAXON_CLUSTER": "Kubeflow operators set `TF_CONFIG` (tfjob) or `MASTER_ADDR`/`RANK` (pytorchjob)",
    "POLYAXON_TASK_INFO": "Kubeflow operators set `TF_CONFIG` (tfjob) or `MASTER_ADDR`/`RANK` (pytorchjob)",
    "POLYAXON_LOGS_PATH": "v1 collects logs itself; artifacts go under `tracking.get_outputs_path()`",
    "POLYAXON_IN_CLUSTER": _V1_RUN + "; test for it to know a run is managed",
    "POLYAXON_IS_MANAGED": _V1_RUN + "; test for it to know a run is managed",
    "POLYAXON_API_HOST": "`POLYAXON_HOST`, a full URL (`https://host:port`)",
    "POLYAXON_API_HTTP_HOST": "`POLYAXON_HOST`, a full URL (`https://host:port`)",
    "POLYAXON_API_WS_HOST": "`POLYAXON_HOST`; v1 has no separate websocket host",
    "POLYAXON_HTTP_PORT": "`POLYAXON_HOST`, a full URL with the port",
    "POLYAXON_WS_PORT": "`POLYAXON_HOST`; v1 has no separate websocket port",
    "POLYAXON_USE_HTTPS": "`POLYAXON_HOST` with an `https://` scheme",
    "POLYAXON_API": "`POLYAXON_HOST`, a full URL (`https://host:port`)",
    "POLYAXON_SECRET_USER_TOKEN": "`POLYAXON_AUTH_TOKEN`",
    "POLYAXON_SECRET_EPHEMERAL_TOKEN": "`POLYAXON_AUTH_TOKEN`",
    "POLYAXON_SECRET_INTERNAL_TOKEN": "`POLYAXON_AUTH_TOKEN`",
    "POLYAXON_INTERNAL_SECRET_TOKEN": "`POLYAXON_AUTH_TOKEN`",
    "POLYAXON_AUTHENTICATION_TYPE": "v1 sends `POLYAXON_AUTH_TOKEN` with `POLYAXON_AUTHENTICATION_TYPE` "
                                    "only in EE; CE has no auth",
    "POLYSTORES_RUN_STORES_ACCESS_KEYS": "v1 reads store credentials from the artifacts-store connection's "
                                         "secret",
}

# v0 REST paths (v0-surface.md §3.1: `/api/v1/<user>/<project>/<entity>`); v1 has `/api/v1/<owner>/<project>/runs`.
REST_ENTITIES = ("experiments", "groups", "jobs", "builds", "tensorboards", "notebooks")
REST_ADVICE = ("v1 serves runs at `/api/v1/{owner}/{project}/runs/{uuid}`; prefer "
               "`RunClient(owner=..., project=..., run_uuid=...)` over raw requests")
