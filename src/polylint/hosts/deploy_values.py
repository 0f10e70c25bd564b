"""Deployment configs written for the v0 chart: Helm values files and `polyaxon admin deploy -f` configs.

Found by content, whatever the name (`values.yaml`, `polyaxon-config.yml`, `config.yml`...): a YAML
mapping with v0-only keys (a v0 `persistence:`, `docker-registry:`, v0 services) that is Polyaxon's (a key
only Polyaxon has, or a file named for it), and has none of a Polyaxonfile's, a Kubernetes manifest's or a
compose file's top-level keys (knowledge/deploy.py).
Several host kinds may claim a YAML file; this one yields a region only for such documents, and one for the
comments a fix left where a v0 setting had no v1 place (``LEFTOVER``).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterator, Union

from polylint.hosts import HostPath
from polylint.diagnostics import Diagnostic
from polylint.hosts._yaml import yaml_documents
from polylint.knowledge.deploy import v0_markers
from polylint.source import Region, SourceFile

SURFACE = "deploy"
SUFFIXES = (".yml", ".yaml")
# The first line of each comment block a deploy fix leaves for a v0 setting without a v1 place.
LEFTOVER = re.compile(
    r"(?m)^[ \t]*# polylint: v0 `(?P<path>[^`]+)` has no v1 place: (?P<why>.*?)(?:; kept as a comment)?$")
_TOP_LEVEL_MARKER = re.compile(
    rb"(?m)(?:^|[{,][ \t]*)(persistence|docker-registry|hpsearch|eventsHandlers|k8sEventsHandlers|eventMonitors|"
    rb"resourcesDaemon|crons|clusterId|adminViewEnabled|adminModels|trackerBackend|reposAccessToken|"
    rb"mountPaths|dirs|plugins|serviceType)[ \t]*:")
_LEFTOVER_BYTES = re.compile(rb"# polylint: v0 `")


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    return _TOP_LEVEL_MARKER.search(data) is not None or _LEFTOVER_BYTES.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    documents = yield from yaml_documents(source)
    if documents is None:
        return
    named_for_polyaxon = "polyaxon" in PurePath(source.path).name.lower()
    for document in documents:
        markers = v0_markers(document.data, named_for_polyaxon)
        if markers:
            yield Region(SURFACE, source.text, tree=document, meta={"v0": True, "markers": markers})
    if LEFTOVER.search(source.text):
        yield Region(SURFACE, source.text, meta={"v0": False})
