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
from typing import TYPE_CHECKING, Iterator, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

SURFACE = "deploy"
SUFFIXES = (".yml", ".yaml")
# The first line of each comment block a deploy fix leaves for a v0 setting without a v1 place.
LEFTOVER = re.compile(
    r"(?m)^[ \t]*# polylint: v0 `(?P<path>[^`]+)` has no v1 place: (?P<why>.*?)(?:; kept as a comment)?$")
# A v0 top-level key, wherever it is: `_top_level` then says whether it starts its line (block style) or
# follows `{` or `,` (flow style). The regex starts with the keys, so that the scan can skip ahead.
_TOP_LEVEL_KEY = re.compile(
    rb"(persistence|docker-registry|hpsearch|eventsHandlers|k8sEventsHandlers|eventMonitors|"
    rb"resourcesDaemon|crons|clusterId|adminViewEnabled|adminModels|trackerBackend|reposAccessToken|"
    rb"mountPaths|dirs|plugins|serviceType)[ \t]*:")
_LEFTOVER_BYTES = b"# polylint: v0 `"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(SUFFIXES)


def claims(path: HostPath) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def prefilter(data: bytes) -> bool:
    return _LEFTOVER_BYTES in data or any(_top_level(data, key.start()) for key in _TOP_LEVEL_KEY.finditer(data))


def _top_level(data: bytes, start: int) -> bool:
    before = data[data.rfind(b"\n", 0, start) + 1:start]
    return not before or before.rstrip(b" \t").endswith((b"{", b","))


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._yaml import yaml_documents
    from polylint.knowledge.deploy import v0_markers
    from polylint.source import Region

    documents = yield from yaml_documents(source)
    if documents is None:
        return
    named_for_polyaxon = "polyaxon" in HostPath(source.path).name.lower()
    for document in documents:
        markers = v0_markers(document.data, named_for_polyaxon)
        if markers:
            yield Region(SURFACE, source.text, tree=document, meta={"v0": True, "markers": markers})
    if LEFTOVER.search(source.text):
        yield Region(SURFACE, source.text, meta={"v0": False})
