"""The Python packages of Polyaxon v0, and how to tell a v0 pin of `polyaxon` from a v1 one.

Sources: v0-to-v1-mapping.md §4 ("legacy packages must be uninstalled or they break the v1 CLI",
D1 `faq/i-have-strange-behavior-with-polyaxon-cli.md`, #821, #824, #1271); v0-surface.md §0 (the 0.6.1
sdists and what they pin: polyaxon-cli -> polyaxon-client, polyaxon-deploy, polyaxon-dockerizer;
polyaxon-client -> polyaxon-schemas, polystores; rhea and hestia under all of them).
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Sequence, Tuple

# PEP 503 normalised name -> what it was in v0. All of them are replaced by the one `polyaxon` package.
V0_PACKAGES = {
    "polyaxon-cli": "the v0 CLI",
    "polyaxon-client": "the v0 API client and tracking library",
    "polyaxon-schemas": "the v0 Polyaxonfile schemas",
    "polyaxon-helper": "the v0 helper, already deprecated in v0 in favour of polyaxon-client",
    "polyaxon-dockerizer": "the v0 native image builder",
    "polyaxon-deploy": "the v0 deployment schemas for `polyaxon admin deploy`",
    "polyaxon-k8s": "the v0 Kubernetes helpers",
    "polystores": "the v0 artifact store client",
    "hestia": "the v0 shared utilities (auth headers, user paths)",
    "rhea": "the v0 config reader and types",
}
POLYAXON = "polyaxon"
# The first release of the v1 line (v0's last was 0.6.1).
V1_MAJOR = 1

_SEPARATORS = re.compile(r"[-_.]+")
# The bytes any file naming a v0 package (or `polyaxon` itself) must hold; the host kinds' prefilter.
MENTIONS_V0_PACKAGE = re.compile(rb"(?i)polyaxon|polystores|hestia|rhea")


def normalize(name: str) -> str:
    """PEP 503: `Polyaxon_Client` and `polyaxon.client` are `polyaxon-client`."""
    return _SEPARATORS.sub("-", name).lower()


def is_v0_package(name: str) -> bool:
    return normalize(name) in V0_PACKAGES


def _release(version: str) -> Optional[Tuple[int, ...]]:
    """The release numbers of a PEP 440 version (`0.6.1rc1` -> (0, 6, 1)); None if it has none."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    if match is None:
        return None
    return tuple(int(part) for part in match.group(1).split("."))


def caps_below_v1(operator: str, version: str) -> bool:
    """Does this one clause of a specifier allow no version >= 1?"""
    release = _release(version)
    if release is None:
        return False
    if operator in ("==", "===", "~="):
        # `==0.6.*`, `~=0.6` (>=0.6,<1) and `===0.6.1` all stay on 0.x.
        return release[0] < V1_MAJOR
    if operator == "<":
        return release <= (V1_MAJOR,) + (0,) * (len(release) - 1)
    if operator == "<=":
        return release[0] < V1_MAJOR
    return False


def pins_below_v1(clauses: Sequence[Tuple[str, str]]) -> bool:
    """A specifier (its (operator, version) clauses) that keeps `polyaxon` on v0."""
    return any(caps_below_v1(operator, version) for operator, version in clauses)


def is_v0_requirement(name: str, clauses: Sequence[Tuple[str, str]]) -> bool:
    """A v0 package, or `polyaxon` pinned below 1."""
    normalized = normalize(name)
    return normalized in V0_PACKAGES or (normalized == POLYAXON and pins_below_v1(clauses))


def is_v1_requirement(name: str, clauses: Sequence[Tuple[str, str]]) -> bool:
    """`polyaxon` with a specifier that lets v1 in (or no specifier)."""
    return normalize(name) == POLYAXON and not pins_below_v1(clauses)


def replacement_plan(requirements: Sequence[Tuple[str, Sequence[Tuple[str, str]]]]) -> Dict[int, bool]:
    """For one list of (name, clauses): index of each v0 requirement -> True when it becomes the one
    `polyaxon` requirement, False when it goes. The first v0 entry takes the place, unless the list
    already requires a v1 `polyaxon`: then every v0 entry goes."""
    has_v1 = any(is_v1_requirement(name, clauses) for name, clauses in requirements)
    plan: Dict[int, bool] = {}
    for index, (name, clauses) in enumerate(requirements):
        if is_v0_requirement(name, clauses):
            plan[index] = not has_v1 and not any(plan.values())
    return plan


def split_requirement(requirement: str) -> Tuple[str, str]:
    """`polyaxon>=1.20,<2` -> ("polyaxon", ">=1.20,<2"): the setting, in the two parts the fixes write."""
    match = re.match(r"\s*([A-Za-z0-9._-]+)\s*(.*?)\s*$", requirement)
    if match is None:
        return POLYAXON, ""
    return match.group(1), match.group(2)
