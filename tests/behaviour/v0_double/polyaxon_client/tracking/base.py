"""BaseTracker of 0.6.1 (polyaxon_client/tracking/base.py), recording what it would send."""

import os

from polyaxon_client.tracking import paths
from polyaxon_client.tracking._record import missing, record


class BaseTracker:
    def __init__(self, project=None, client=None, track_logs=True, track_code=True, track_env=True,
                 outputs_store=None):
        record("tracker", cls=type(self).__name__)

    def __getattr__(self, name):
        missing(f"{type(self).__name__}.{name}")

    def log_status(self, status, message=None, traceback=None):
        record("status", status=status, message=message)

    def start(self):
        record("status", status="running", message=None)

    def end(self, status, message=None, traceback=None):
        record("status", status=status, message=message)

    def succeeded(self):
        record("status", status="succeeded", message=None)

    def log_succeeded(self):
        record("status", status="succeeded", message=None)

    def stop(self):
        record("status", status="stopped", message=None)

    def log_stopped(self):
        record("status", status="stopped", message=None)

    def failed(self, message=None, traceback=None):
        record("status", status="failed", message=message)

    def log_failed(self, message=None, traceback=None):
        record("status", status="failed", message=message)

    def log_tags(self, tags, reset=False):
        record("tags", tags=list(tags) if not isinstance(tags, str) else [tags], reset=reset)

    def log_params(self, reset=False, **params):
        record("params", params=params, reset=reset)

    def set_description(self, description):
        record("description", description=description)

    def set_name(self, name):
        record("name", name=name)

    def log_metrics(self, **metrics):
        record("metrics", metrics=metrics)

    def get_outputs_path(self):
        return paths.get_outputs_path()

    def get_log_level(self):
        return paths.get_log_level()

    def log_data_ref(self, data, data_name='data', reset=False):
        record("data_ref", name=data_name, reset=reset)

    # The outputs store of a managed run uploaded the file or folder from the run's own disk.
    def log_output(self, filename, **kwargs):
        record("output", path=_existing(filename))

    def log_outputs(self, dirname, **kwargs):
        record("output", path=_existing(dirname))

    def log_artifact(self, file_path):
        record("output", path=_existing(file_path))

    def log_artifacts(self, dir_path):
        record("output", path=_existing(dir_path))


def _existing(path):
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return path
