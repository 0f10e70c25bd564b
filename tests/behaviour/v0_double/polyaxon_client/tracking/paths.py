"""polyaxon_client/tracking/paths.py of 0.6.1: the managed run's paths, read from its environment."""

import os


def get_data_paths():
    return {"data": os.environ["POLYAXON_RUN_DATA_PATH"]}


def get_base_outputs_path():
    return os.environ["POLYAXON_RUN_OUTPUTS_PATH"]


def get_outputs_path():
    return os.environ["POLYAXON_RUN_OUTPUTS_PATH"]


def get_outputs_refs_paths():
    return None


def get_log_level():
    return os.getenv("POLYAXON_LOG_LEVEL", None)
