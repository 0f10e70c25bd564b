"""PLX112: v0-shaped resources (`cpu: {requests: 1}`, `gpu: ...`) inside a v1 Kubernetes container.

mapping §6 and §7: `polyaxon check` accepts them, and even Polyaxon's own v1 notebook example carried
them; Kubernetes wants `resources: {requests: {cpu: ...}, limits: {nvidia.com/gpu: ...}}`.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from polylint.checks.polyaxonfile._document import at_key, containers, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import V0_RESOURCE_NAMES
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX112",
    name="v0-resources-in-container",
    summary="v0-shaped `resources` inside a Kubernetes container",
    why=(
        "v0 wrote resources per kind: `cpu: {requests, limits}`, `memory: {...}` in MiB, `gpu: {...}`. A "
        "v1 container takes Kubernetes resources: `requests` and `limits`, each naming `cpu`, `memory` "
        "(with a unit) and `nvidia.com/gpu`. `polyaxon check` does not notice the v0 shape; Kubernetes "
        "rejects the pod."
    ),
    example=(
        "container:\n"
        "  resources:\n"
        "    cpu: {requests: 1, limits: 2}\n"
        "    memory: {requests: 512, limits: 1024}\n"
        "    gpu: {requests: 1, limits: 1}\n"
    ),
    fixed_example=(
        "container:\n"
        "  resources:\n"
        "    requests: {cpu: 1, memory: 512Mi, nvidia.com/gpu: 1}\n"
        "    limits: {cpu: 2, memory: 1024Mi, nvidia.com/gpu: 1}\n"
    ),
    fix=Applicability.MANUAL,
)


def _v0_shaped(resources: Mapping[str, Any]) -> bool:
    return any(name in resources and (isinstance(resources[name], Mapping) or name in ("gpu", "tpu"))
               for name in V0_RESOURCE_NAMES)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v1":
        return
    for path, container in containers(document(region).data):
        resources = container.get("resources")
        if isinstance(resources, Mapping) and _v0_shaped(resources):
            yield at_key(region, RULE.code,
                         f"`{path}.resources` has the v0 shape (per resource `requests`/`limits`, `gpu`); write "
                         "Kubernetes resources: `requests: {cpu: 1, memory: 512Mi}`, `limits: {nvidia.com/gpu: 1}`",
                         container, "resources")
