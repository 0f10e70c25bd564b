"""Polyaxonfiles: any YAML or JSON file whose documents are v0 or v1 Polyaxonfiles, found by content.

Real repositories name them anything (`polyaxon.ci.yml`, `pfile_group.yaml`, `configs/train_gpu.yaml`,
`*.yml.tmpl`), so the name only says "YAML or JSON" and the bytes decide.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

# Templates and editor backups of Polyaxonfiles are committed too (real-world-patterns.md).
SUFFIXES = (".yml", ".yaml", ".json", ".yml.tmpl", ".yaml.tmpl", ".yml.save", ".yaml.save", ".yml.bak", ".yaml.bak")
SURFACE = "polyaxonfile"

_KINDS = rb"(experiment|group|job|build|notebook|tensorboard|pipeline|plugin|component|operation)\b"
# A block-style key at the start of a line, or a JSON key anywhere.
_KIND_LINE = re.compile(rb"""(?m)(^[ \t]*["']?kind["']?|"kind")[ \t]*:[ \t]*["']?""" + _KINDS)
_RUN_LINE = re.compile(rb"""(?m)(^[ \t]*["']?run["']?|"run")[ \t]*:""")
_CMD_LINE = re.compile(rb"""(?m)(^[ \t]*["']?cmd["']?|"cmd")[ \t]*:""")
# A partial v0 file (merged into a main one with several `-f`): a top-level `version: 1` and a section.
_VERSION_ONE_LINE = re.compile(rb"""(?m)^["']?version["']?[ \t]*:[ \t]*["']?1(\.0)?["']?[ \t]*(#.*)?\r?$""")
_PARTIAL_SECTION_LINE = re.compile(rb"""(?m)^["']?(declarations|params|environment|hptuning)["']?[ \t]*:""")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(suffix[suffix.rfind("."):] for suffix in SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    # Each pattern holds its key literally: looking for that first is many times faster than the scan.
    if b"kind" in data and _KIND_LINE.search(data):
        return True
    if b"cmd" in data and b"run" in data and _RUN_LINE.search(data) and _CMD_LINE.search(data):
        return True
    return b"version" in data and bool(_VERSION_ONE_LINE.search(data) and _PARTIAL_SECTION_LINE.search(data))


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._yaml import yaml_documents
    from polylint.knowledge.polyaxonfile import era
    from polylint.source import Region

    # Polyaxon reads Polyaxonfiles with PyYAML: their plain scalars mean what they mean to it (`yes` is true).
    documents = yield from yaml_documents(source, pyyaml_scalars=True)
    if documents is None:
        return
    for document in documents:
        found = era(document.data)
        if found is not None:
            yield Region(SURFACE, source.text, tree=document, meta={"era": found})
