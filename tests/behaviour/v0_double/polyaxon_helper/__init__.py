"""polyaxon_helper 0.5.0: its module-level experiment is made when it is imported, as the real one's is."""

from polyaxon_client.exceptions import PolyaxonClientException
from polyaxon_client.tracking import Experiment, get_log_level, get_outputs_path  # noqa: F401

try:
    experiment = Experiment()
except PolyaxonClientException:
    experiment = None


def send_metrics(**metrics):
    experiment.log_metrics(**metrics)
