"""PLX4xx: the Polyaxon v0 packages, wherever requirements are listed (see ``surfaces/requirements.py``)."""
