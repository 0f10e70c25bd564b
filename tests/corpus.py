"""The shared corpus of real Polyaxonfiles, when it is there (CI and developers have it beside the repo)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Dict, List

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def manifest() -> List[Dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def files(version_class_prefix: str, folder: str = "yaml/") -> List[Dict[str, str]]:
    if not CORPUS.is_dir():
        return []
    return [row for row in manifest()
            if row["file"].startswith(folder) and row["version_class"].startswith(version_class_prefix)]
