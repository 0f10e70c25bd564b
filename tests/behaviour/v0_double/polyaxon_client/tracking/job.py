from polyaxon_client.tracking.base import BaseTracker


class Job(BaseTracker):
    def __init__(self, project=None, job_id=None, client=None, track_logs=True, track_code=True,
                 track_env=True, outputs_store=None):
        super().__init__(project=project, client=client, track_logs=track_logs,
                                  track_code=track_code, track_env=track_env, outputs_store=outputs_store)
