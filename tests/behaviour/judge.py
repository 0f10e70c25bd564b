"""Behaviour is the judge: run a v0 script and its rewrite for real and compare what they record.

The v0 script runs against a recording stand-in of the v0 packages (v0_double/, a managed run); the
rewritten script runs under the real polyaxon 1.20 in its offline mode (``POLYAXON_IS_OFFLINE``: a run is
a folder under ``POLYAXON_OFFLINE_ROOT`` whose ``events/metric/<name>.plx`` holds the metrics logged).
Both run in a subprocess, in a folder of their own. This is the test suite's doing only: polylint
itself never runs user code.

What counts as the same behaviour: the same metrics (each name's values, in order, with the step v0
sent as a metric called ``step``, which v1 takes as the step), the same params (v1 inputs), at most one
v1 run (v0 trackers in a managed run all wrote to the cluster's one experiment, so two v1 runs split
what v0 kept together), and the same exception, if the script ended with one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

HERE = Path(__file__).resolve().parent
DOUBLE = HERE / "v0_double"
RUNNER = HERE / "run_script.py"
Metrics = Dict[str, List[Tuple[Optional[float], float]]]  # name -> [(step, value)] in the order logged
Modules = Mapping[str, str]  # the script's own modules beside it: file name -> text


@dataclass
class Behaviour:
    metrics: Metrics = field(default_factory=dict)
    params: Dict[str, Any] = field(default_factory=dict)
    runs: int = 0
    error: str = ""
    stderr: str = ""

    def same_as(self, other: Behaviour) -> bool:
        return (self.metrics, self.params, self.error) == (other.metrics, other.params, other.error)


def _run(era: str, source: str, folder: Path, env: Dict[str, str], modules: Modules) -> Tuple[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "train.py"
    script.write_text(source, encoding="utf-8")
    for name, text in modules.items():
        (folder / name).write_text(text, encoding="utf-8")
    error_file = folder / "error.txt"
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("POLYAXON") and key not in ("PYTHONPATH", "V0_RECORD")}
    environment.update(HOME=str(folder), **env)
    done = subprocess.run([sys.executable, str(RUNNER), str(script), str(error_file), era], cwd=folder,
                          env=environment, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not error_file.exists():
        raise AssertionError(f"the {era} run itself failed ({done.returncode}):\n{done.stderr}")
    return error_file.read_text(encoding="utf-8"), done.stderr


def run_v0(source: str, folder: Path, modules: Modules = {}) -> Behaviour:
    """What the v0 script sent to the v0 API in a managed run."""
    record = folder / "v0.jsonl"
    outputs = folder / "outputs"
    error, stderr = _run("v0", source, folder, {
        "PYTHONPATH": str(DOUBLE), "V0_RECORD": str(record), "POLYAXON_RUN_OUTPUTS_PATH": str(outputs),
        "POLYAXON_RUN_DATA_PATH": str(folder / "data")}, modules)
    if error == "NotImplementedError":
        raise AssertionError(f"the v0 stand-in cannot run this script:\n{stderr}")
    behaviour = Behaviour(error=error, stderr=stderr)
    lines = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
    for line in lines:
        entry = json.loads(line)
        behaviour.runs = 1
        if entry["kind"] == "metrics":
            values = dict(entry["metrics"])
            step = values.pop("step", None)
            for name, value in values.items():
                behaviour.metrics.setdefault(name, []).append(
                    (float(step) if step is not None else None, float(value)))
        elif entry["kind"] == "params":
            if entry["reset"]:
                behaviour.params = {}
            behaviour.params.update(entry["params"])
    return behaviour


def run_v1(source: str, folder: Path, modules: Modules = {}) -> Behaviour:
    """What the rewritten script recorded under polyaxon 1.20, offline."""
    root = folder / "offline"
    error, stderr = _run("v1", source, folder, {
        "POLYAXON_IS_OFFLINE": "true", "POLYAXON_OFFLINE_ROOT": str(root), "POLYAXON_NO_API": "true"}, modules)
    behaviour = Behaviour(error=error, stderr=stderr)
    runs = sorted((root / "runs").iterdir()) if (root / "runs").is_dir() else []
    behaviour.runs = len(runs)
    for run in runs:
        for plx in sorted((run / "events" / "metric").glob("*.plx")):
            rows = plx.read_text(encoding="utf-8").splitlines()[1:]
            for row in rows:
                step, _, value = row.split("|")
                behaviour.metrics.setdefault(plx.stem, []).append(
                    (float(step) if step else None, float(value)))
        data = json.loads((run / "run.plx.json").read_text(encoding="utf-8"))
        behaviour.params.update(data.get("inputs") or {})
    return behaviour


def assert_same(before: str, after: str, folder: Path, modules_before: Modules = {},
                modules_after: Modules = {}) -> None:
    v0 = run_v0(before, folder / "v0", modules_before)
    v1 = run_v1(after, folder / "v1", modules_after)
    assert v1.runs <= 1, f"the rewrite made {v1.runs} v1 runs where v0 had one experiment:\n{after}"
    assert v1.same_as(v0), (f"the rewrite does not do what the v0 script did\nv0: {v0}\nv1: {v1}\n"
                            f"--- rewritten ---\n{after}")
