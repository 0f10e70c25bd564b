"""Fuzz every host parser entry point with atheris, for a bounded time each.

    pip install atheris
    python fuzz/fuzz_hosts.py [--seconds 60] [--only NAME ...] [--seed-from DIR ...]

Each target is a file name that some host kind claims (a Polyaxonfile, a shell script, a notebook...);
the fuzzer feeds bytes to the whole pipeline as that file, with fixes on. A crash is any PLX009 (a check
or host kind raised), a fix that breaks its own file (PLX007), or a second --fix that still changes the
file. Each crash found becomes a regression test in tests/test_fuzz_regressions.py.

Each target's corpus (fuzz/corpus/<name>, not committed) is seeded before the run with every rule's
example and fixed example, the test fixtures, and the files under each --seed-from directory, keeping
those whose names share a host kind with the target (notebooks also get the Python examples as cells).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

ROOT = Path(__file__).resolve().parents[1]
CANDIDATE_NAMES = ["polyaxonfile.yml", "spec.json", "train.sh", "Makefile", "Dockerfile", ".github/workflows/ci.yml",
                   ".gitlab-ci.yml", "README.md", "notebook.ipynb", "train.py", "requirements.txt", "setup.py",
                   "setup.cfg", "pyproject.toml", "Pipfile", "environment.yml", "values.yaml", "tox.ini", "Jenkinsfile"]


def targets() -> List[str]:
    """The candidate names some host kind claims: one fuzz target each."""
    from polylint.hosts import claiming

    return [name for name in CANDIDATE_NAMES if claiming(name)]


def seeds(name: str, seed_dirs: List[Path]) -> Iterator[bytes]:
    """Inputs to start the target's corpus from: rule examples and the files other host kinds' names match."""
    from polylint.hosts import claiming
    from polylint.rules import all_rules

    for rule in all_rules().values():
        for text in (rule.example, rule.fixed_example):
            yield text.encode()
            if name.endswith(".ipynb"):
                cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                        "source": text.splitlines(keepends=True)}
                notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                yield json.dumps(notebook, indent=1).encode()
    kinds = set(claiming(name))
    for directory in [ROOT / "tests" / "fixtures", *seed_dirs]:
        for path in sorted(directory.rglob("*")):
            # Corpus files are stored as owner__repo__path: the name that matters is the last part.
            original = path.name.split("__")[-1]
            if path.is_file() and path.stat().st_size < 200_000 and (
                    kinds & set(claiming(original)) or kinds & set(claiming(str(path)))):
                yield path.read_bytes()


def seed_corpus(name: str, corpus: Path, seed_dirs: List[Path]) -> int:
    corpus.mkdir(parents=True, exist_ok=True)
    count = 0
    for data in seeds(name, seed_dirs):
        entry = corpus / ("seed-" + hashlib.sha1(data).hexdigest())
        if not entry.exists():
            entry.write_bytes(data)
            count += 1
    return count


def fuzz_one(name: str) -> None:
    import atheris

    with atheris.instrument_imports():
        from polylint.config import Settings
        from polylint.hosts import host_kinds
        from polylint.rules import all_rules
        from polylint.results import Options
        from polylint.checking import process_bytes

        all_rules()
        host_kinds()
        # Warm the lazy imports of the parsers this target reaches, so they are instrumented too.
        process_bytes(name, b"", Options(Settings()))

    options = Options(Settings(), fix=True, unsafe_fixes=True)

    def test_one_input(data: bytes) -> None:
        first = process_bytes(name, data, options)
        codes = {finding.code for finding in first.findings}
        if codes & {"PLX007", "PLX009"}:
            raise RuntimeError(f"{name}: {[f.message for f in first.findings if f.code in ('PLX007', 'PLX009')]}")
        if first.new_data is not None and process_bytes(name, first.new_data, options).new_data is not None:
            raise RuntimeError(f"{name}: a second --fix changed the file again")

    atheris.Setup(sys.argv[:1] + sys.argv[3:], test_one_input)
    atheris.Fuzz()


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    if len(sys.argv) > 1 and sys.argv[1] == "--target":
        fuzz_one(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="time per target")
    parser.add_argument("--only", nargs="*", help="names of targets to fuzz")
    parser.add_argument("--seed-from", nargs="*", type=Path, default=[],
                        help="directories of real files to seed the corpora from (e.g. /work/shared/corpus)")
    args = parser.parse_args()
    failed = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for name in args.only or targets():
        print(f"== {name}", flush=True)
        corpus = ROOT / "fuzz" / "corpus" / name.replace("/", "_")
        print(f"   {seed_corpus(name, corpus, args.seed_from)} new seed inputs", flush=True)
        done = subprocess.run([sys.executable, __file__, "--target", name, str(corpus),
                               f"-max_total_time={args.seconds}", "-rss_limit_mb=4096", "-timeout=20",
                               f"-artifact_prefix={corpus}-"], env=env, stderr=subprocess.PIPE, text=True)
        runs = re.findall(r"^Done (\d+) runs", done.stderr, re.MULTILINE)
        if done.returncode != 0:
            failed.append(name)
            print(done.stderr[-4000:], flush=True)
        print(f"   {runs[-1] if runs else '?'} executions; exit {done.returncode}", flush=True)
    print("crashed:", ", ".join(failed) if failed else "none")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
