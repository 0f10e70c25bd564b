from polyaxon_client.tracking.experiment import Experiment  # noqa: F401
from polyaxon_client.tracking.job import Job  # noqa: F401
from polyaxon_client.tracking.paths import *  # noqa: F403
