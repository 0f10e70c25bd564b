"""What a v0 run sent to the API, one JSON line per call."""

import json
import os


def record(kind, **values):
    with open(os.environ["V0_RECORD"], "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": kind, **values}, sort_keys=True, default=repr) + "\n")


def missing(name):
    raise NotImplementedError(f"the v0 stand-in has no {name}")
