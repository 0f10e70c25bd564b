"""The speed benchmark: polylint against baselines timed in the same run, as ratios.

    python bench/run.py [--sizes 5000,10000,20000] [--repeat 3] [--out bench/results]

It generates seeded, reproducible trees in a temporary folder and measures, side by side:

(a) N files of ordinary Python, YAML, shell and Markdown with no Polyaxon at all, against
    `grep -rl polyaxon` (the I/O floor);
(b) the same tree with 1% v0 files of every surface, against (a)'s time and a libcst parse of only the
    hit files (the parse floor), and `ruff check` on the same tree when ruff is installed;
(c) one 5,000-line Python file and one 2,000-document YAML stream of v0 content;
(d) the pre-commit case: 5 files, against `python -c pass`;
a warm re-run of (a) and (b) with the cache (and `find` stating every file, the floor a warm run
cannot go under); --jobs 1 against --jobs 2 on a hit-heavy tree; and peak memory for each. The commands a
ratio compares take turns, a run of each per round, and each time is the best of its rounds. It writes a
Markdown table to bench/results/ (and a PNG chart with matplotlib).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# polylint runs from this checkout's sources; an installed polylint runs from bytecode that pip compiled
# at install time, so the benchmark compiles the sources first (into its scratch folder), even where
# PYTHONDONTWRITEBYTECODE would have every run compile them anew.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT / "src")

ORDINARY_PY = '''"""Module {n}."""
import os
import sys


def handler_{n}(value, scale={n}):
    total = 0
    for index in range(value):
        total += index * scale
    return {{"name": "item-{n}", "total": total, "path": os.path.join("data", str(value))}}


class Worker{n}:
    def __init__(self, size):
        self.size = size

    def run(self):
        return [handler_{n}(step) for step in range(self.size)]
'''
ORDINARY_YAML = "name: service-{n}\nversion: '3.{n}'\nreplicas: {n}\nimage: registry/app:{n}\nenv:\n  - KEY_{n}=value\n"
ORDINARY_SH = ("#!/bin/bash\nset -euo pipefail\nfor f in data/*.csv; do\n"
               "  python process.py --input \"$f\" --id {n}\ndone\n")
ORDINARY_MD = "# Notes {n}\n\nRun the job:\n\n```bash\npython train.py --epochs {n}\n```\n"

V0_YAML = ("version: 1\nkind: experiment\nbuild:\n  image: python:3.8\n"
           "  build_steps: [pip install -r requirements.txt]\n"
           "environment:\n  resources: {{gpu: {{requests: 1, limits: 1}}, memory: {{requests: 2048}}}}\n"
           "params:\n  lr: 0.0{n}\nrun:\n  cmd: python train.py --lr={{{{ lr }}}}\n")
V0_PY = ("from polyaxon_client.tracking import Experiment, get_outputs_path\n\nexperiment = Experiment()\n"
         "experiment.log_params(lr=0.{n})\nexperiment.log_metrics(loss=0.{n})\nprint(get_outputs_path())\n")
V0_SH = "#!/bin/bash\npolyaxon experiment -xp {n} logs\npolyaxon run -f polyaxonfile.yml -u\n"
V0_MD = "# Run\n\n```bash\npolyaxon notebook start -f notebook.yml\npolyaxon experiment -xp {n} stop\n```\n"
V0_REQ = "numpy==1.21\npolyaxon-client==0.6.1\n"

ORDINARY = [(".py", ORDINARY_PY), (".yml", ORDINARY_YAML), (".sh", ORDINARY_SH), (".md", ORDINARY_MD)]
V0 = [(".yml", V0_YAML), (".py", V0_PY), (".sh", V0_SH), (".md", V0_MD), ("requirements.txt", V0_REQ)]


def big_python_module(functions: int) -> str:
    """A long v0 module as people write them: one import block, one tracker, calls all over (6 lines each)."""
    lines = ["import os", "from polyaxon_client.tracking import Experiment, get_outputs_path", "",
             "experiment = Experiment()", "experiment.log_params(lr=0.01, batch_size=32)", ""]
    for n in range(functions):
        lines += [f"def step_{n}(value):", f"    loss = value * {n} + 1",
                  f"    experiment.log_metrics(loss=loss, step={n})",
                  f"    path = os.path.join(get_outputs_path(), 'model-{n}.h5')", "    return loss, path", ""]
    return "\n".join(lines) + "\n"


def make_tree(root: Path, files: int, hit_ratio: float, seed: int = 7) -> List[Path]:
    """files ordinary files in nested folders; hit_ratio of them replaced by v0 files. Returns the hits."""
    rng = random.Random(seed)
    hits = []
    for n in range(files):
        folder = root / f"pkg{n % 40:02}" / f"sub{(n // 40) % 25:02}"
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < hit_ratio:
            suffix, template = V0[n % len(V0)]
            path = folder / (f"file{n}{suffix}" if suffix.startswith(".") else f"{n}-{suffix}")
            hits.append(path)
        else:
            suffix, template = ORDINARY[n % len(ORDINARY)]
            path = folder / f"file{n}{suffix}"
        path.write_text(template.format(n=n))
    # A repository's files were not all written in the last seconds; polylint's cache rightly distrusts
    # stamps that recent ("racy"), which would make every warm run of a fresh tree a cold one.
    an_hour_ago = time.time() - 3600
    for path in [root, *root.rglob("*")]:
        os.utime(path, (an_hour_ago, an_hour_ago))
    return hits


@dataclass
class Timing:
    seconds: float
    peak_mb: float


def timed(command: Sequence[str], cwd: Path, repeat: int) -> Timing:
    return timed_together([(command, cwd)], repeat)[0]


def timed_together(commands: Sequence[Tuple[Sequence[str], Path]], repeat: int) -> List[Timing]:
    """Best wall time of repeat runs of each command, and the largest peak resident memory of one of them
    (its own and that of the worker processes it waited for). The commands take turns, a run of each per
    round, so that a ratio between two of them holds even while the machine's speed drifts."""
    times: List[List[float]] = [[] for _ in commands]
    peaks: List[List[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for index, (command, cwd) in enumerate(commands):
            start = time.perf_counter()
            child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            _pid, _status, usage = os.wait4(child.pid, 0)
            times[index].append(time.perf_counter() - start)
            child.returncode = 0  # reaped by wait4 above
            peaks[index].append(usage.ru_maxrss / 1024)
    return [Timing(min(taken), max(peak)) for taken, peak in zip(times, peaks)]


def polylint(*args: str) -> List[str]:
    return [PYTHON, "-m", "polylint", "check", "--exit-zero", "-q", *args]


def parse_floor(hits: List[Path], cwd: Path) -> List[str]:
    """The command that parses the Python hit files with libcst, and nothing else."""
    listing = cwd / "hits.txt"
    listing.write_text("\n".join(str(path) for path in hits if path.suffix == ".py"))
    script = ("import libcst, sys\nfor name in open(sys.argv[1]).read().split():\n"
              "    libcst.parse_module(open(name).read())\n")
    return [PYTHON, "-c", script, str(listing)]


def clear_cache(tree: Path) -> None:
    shutil.rmtree(tree / ".polylint_cache", ignore_errors=True)


def row(name: str, timing: Timing, baseline_name: str, baseline: Optional[Timing], target: str = "") -> Dict[str, str]:
    print(f"  {name}: {timing.seconds:.3f} s", file=sys.stderr, flush=True)
    ratio = f"{timing.seconds / baseline.seconds:.2f}x" if baseline else ""
    return {"case": name, "seconds": f"{timing.seconds:.3f}", "baseline": baseline_name,
            "baseline seconds": f"{baseline.seconds:.3f}" if baseline else "", "ratio": ratio,
            "target": target, "peak MB": f"{timing.peak_mb:.0f}"}


Growth = Dict[str, List[Tuple[int, float]]]


def bench(sizes: List[int], repeat: int, jobs: int) -> Tuple[List[Dict[str, str]], Growth]:
    """The table's rows, and for each case timed at every size, its (size, seconds) points."""
    rows: List[Dict[str, str]] = []
    growth: Growth = {}
    with tempfile.TemporaryDirectory(prefix="polylint-bench-") as scratch:
        base = Path(scratch)
        ENV["PYTHONPYCACHEPREFIX"] = str(base / "bytecode")
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "src")], env=ENV, check=True)
        for size in sizes:
            plain, mixed = base / f"plain{size}", base / f"mixed{size}"
            make_tree(plain, size, 0.0)
            hits = make_tree(mixed, size, 0.01)
            for tree in (plain, mixed):
                clear_cache(tree)
                timed(polylint("."), tree, 1)  # what the warm runs find
            # A warm run must still stat every file (an edit changes the file, not its folder): `find`
            # doing that alone, in C, is the floor of a warm run.
            cases = {"grep": (["grep", "-rl", "polyaxon", "."], plain),
                     "cold a": (polylint("--no-cache", "."), plain),
                     "warm a": (polylint("."), plain),
                     "find": (["find", ".", "-type", "f", "-printf", "%s %T@\\n"], plain),
                     "cold b": (polylint("--no-cache", "."), mixed),
                     "floor": (parse_floor(hits, base), base),
                     "warm b": (polylint("."), mixed)}
            if shutil.which("ruff"):
                cases["ruff"] = (["ruff", "check", "--no-cache", "--exit-zero", "-q", "."], mixed)
            timing = dict(zip(cases, timed_together(list(cases.values()), repeat)))
            grep, cold_a, warm_a, stats = timing["grep"], timing["cold a"], timing["warm a"], timing["find"]
            cold_b, floor, warm_b = timing["cold b"], timing["floor"], timing["warm b"]
            rows.append(row(f"grep -rl polyaxon, {size} files", grep, "", None))
            rows.append(row(f"(a) no-hit scan, {size} files", cold_a, "grep", grep, "<= 3x"))
            rows.append(row(f"(a) warm re-run, {size} files", warm_a, "(a) cold", cold_a, "<= 0.2x"))
            rows.append(row("    find: stat every file", stats, "", None))
            rows.append(row("    (a) warm against that floor", warm_a, "find", stats))
            rows.append(row(f"(b) 1% hits ({len(hits)} files), {size} files", cold_b, "(a) + 1.5x parse floor",
                            Timing(cold_a.seconds + 1.5 * floor.seconds, 0), "<= 1.00x"))
            rows.append(row(f"    libcst parse of the {len(hits)} hit files", floor, "", None))
            if "ruff" in timing:
                rows.append(row("    ruff check, same tree", timing["ruff"], "", None))
                rows.append(row("    (b) against ruff", cold_b, "ruff", timing["ruff"]))
            rows.append(row(f"(b) warm re-run, {size} files", warm_b, "(b) cold", cold_b, "<= 0.2x"))
            for name, measured in (("grep -rl polyaxon", grep), ("(a) no hit", cold_a), ("(a) warm", warm_a),
                                   ("(b) 1% hits", cold_b), ("(b) warm", warm_b)):
                growth.setdefault(name, []).append((size, measured.seconds))

        heavy = base / "heavy"
        heavy.mkdir()
        (heavy / "big.py").write_text(big_python_module(833))
        (heavy / "stream.yml").write_text("---\n".join(V0_YAML.format(n=n) for n in range(2000)))
        # One run each: these take seconds, and the spread of a single long run is small.
        big = timed(polylint("--no-cache", "big.py"), heavy, 1)
        rows.append(row("(c) one 5,000-line v0 Python file", big, "", None))
        stream = timed(polylint("--no-cache", "stream.yml"), heavy, 1)
        rows.append(row("(c) one 2,000-document v0 YAML stream", stream, "", None))

        hook = base / "hook"
        chosen = make_tree(hook, 5, 0.0)
        del chosen
        names = [str(path.relative_to(hook)) for path in sorted(hook.rglob("*.*"))]
        # The hook's entry has --no-cache.
        python_pass, precommit = timed_together([([PYTHON, "-c", "pass"], hook),
                                                 (polylint("--no-cache", *names), hook)], repeat)
        rows.append(row("(d) pre-commit, 5 files", precommit, "python -c pass", python_pass, "<= 4x"))

        hit_heavy = base / "hitheavy"
        make_tree(hit_heavy, 2000, 0.5)
        one, two = timed_together([(polylint("--no-cache", "--jobs", "1", "."), hit_heavy),
                                   (polylint("--no-cache", "--jobs", str(jobs), "."), hit_heavy)], repeat)
        rows.append(row(f"--jobs {jobs} on a 50%-hit tree (2,000 files)", two, "--jobs 1", one, "<= 0.625x"))
    return rows, growth


def chart(growth: Growth, path: Path) -> bool:
    """Time against tree size, one line a case, as a PNG; False when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(7, 4.5))
    for name, points in growth.items():
        axes.plot([size for size, _ in points], [seconds for _, seconds in points], marker="o", label=name)
    axes.set_xlabel("files in the tree")
    axes.set_ylabel("seconds (best of the repeats)")
    axes.set_title("polylint check: time against tree size")
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return True


def markdown(rows: List[Dict[str, str]], command: str) -> str:
    columns = list(rows[0])
    lines = [f"Command: `{command}`", "", f"Python {sys.version.split()[0]}, {os.cpu_count()} cores.", "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(item[column] for column in columns) + " |" for item in rows]
    return "\n".join(lines) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5000,10000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    rows, growth = bench([int(size) for size in args.sizes.split(",")], args.repeat, args.jobs)
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    table = markdown(rows, command.strip())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.md").write_text(table)
    if chart(growth, args.out / "latest.png"):
        print(f"chart: {args.out / 'latest.png'}", file=sys.stderr)
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
