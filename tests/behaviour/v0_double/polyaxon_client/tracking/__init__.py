from polyaxon_client.tracking.experiment import Experiment
from polyaxon_client.tracking.job import Job
from polyaxon_client.tracking.paths import *  # noqa: F403
