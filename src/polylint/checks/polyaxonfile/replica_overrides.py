"""PLX105: per-index replica settings and `delay_workers_by_global_step`, which v1 replicas lack.

mapping §2.6: a v1 replica spec (`{replicas, environment, connections, volumes, init, sidecars,
container}`) is one template for every copy; v0's `worker: [{index: 0, ...}]` overrides and TF's
`delay_workers_by_global_step` have no equivalent.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import LEGACY_FRAMEWORK_ENVIRONMENTS
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX105",
    name="replica-overrides",
    summary="Per-index replica settings and `delay_workers_by_global_step`: no v1 equivalent",
    why=(
        "In v1 every replica of a role (`worker`, `ps`...) is the same pod template with a `replicas` "
        "count. v0's per-index lists (`replicas.worker: [{index: 1, resources: ...}]`) and "
        "`delay_workers_by_global_step` cannot be expressed: fold the overrides into the role's single "
        "template (usually the largest request wins), and drop the delay."
    ),
    example=(
        "environment:\n"
        "  replicas:\n"
        "    n_workers: 2\n"
        "    worker:\n"
        "    - index: 1\n"
        "      resources: {gpu: {requests: 2, limits: 2}}\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: tfjob\n"
        "  worker:\n"
        "    replicas: 2\n"
        "    container:\n"
        "      resources: {limits: {nvidia.com/gpu: 2}}\n"
    ),
    fix=Applicability.MANUAL,
)

_PER_INDEX_ROLES = ("worker", "ps")


def _distributed_blocks(environment: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    replicas = section(environment, "replicas")
    if replicas is not None:
        yield "environment.replicas", replicas
    for framework in sorted(LEGACY_FRAMEWORK_ENVIRONMENTS):
        block = section(environment, framework)
        if block is not None:
            yield f"environment.{framework}", block


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    environment = section(document(region).data, "environment")
    if environment is None:
        return
    for where, block in _distributed_blocks(environment):
        for role in _PER_INDEX_ROLES:
            if isinstance(block.get(role), list):
                yield at_key(region, RULE.code,
                             f"`{where}.{role}` sets replicas one index at a time; v1 replicas of a role share "
                             f"one template: fold these into `default_{role}`", block, role)
        if "delay_workers_by_global_step" in block:
            yield at_key(region, RULE.code,
                         f"`{where}.delay_workers_by_global_step` has no v1 equivalent; drop it",
                         block, "delay_workers_by_global_step")
