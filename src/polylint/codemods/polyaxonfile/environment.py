"""v0 `environment` -> `container.resources`, `run.environment` and `termination` (mapping §2.4).

Resources take the Kubernetes form: `{requests: {cpu, memory, nvidia.com/gpu}, limits: {...}}`, memory in
v0's unit made explicit (`2048` -> `2048Mi`). Scheduling keys move to `run.environment` in camelCase.
Data, secret and config-map references need connections an admin declares in v1: they are kept as
comments (PLX120), as are the outputs of earlier runs by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.knowledge.polyaxonfile import (
    CONNECTION_KEYS,
    LEGACY_FRAMEWORK_ENVIRONMENTS,
    V0_ENVIRONMENT_KEYS,
    V0_RESOURCES,
    V0_TERMINATION_KEYS,
)

_OUTPUTS_REASON = ("`environment.outputs` mounted earlier runs' outputs by name or id: in v1 pass a param "
                   "`{ref: runs.<UUID>, value: artifacts.outputs}` or add `init: [{artifacts: {dirs: "
                   "[<UUID>/outputs]}}]`")


@dataclass
class Environment:
    """What one v0 environment becomes: pieces the caller places on the container, run and component."""

    resources: Optional[CommentedMap] = None
    environment: Optional[CommentedMap] = None
    termination: Optional[CommentedMap] = None
    # Keys the caller handles itself (`replicas`, legacy `tensorflow:`...): name -> (line, value).
    distributed: Dict[str, Tuple[Optional[int], Any]] = field(default_factory=dict)


def _quantity(name: str, amount: Any) -> Any:
    unit = V0_RESOURCES[name][1]
    if not unit or isinstance(amount, bool):
        return amount
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    return f"{str(amount).strip()}{unit}"


def convert_resources(conversion: Conversion, resources: Any, path: Tuple[Any, ...]) -> Optional[CommentedMap]:
    if not isinstance(resources, dict):
        conversion.keep(conversion.default_line, path, resources, "resources that are not a mapping")
        return None
    converted = conversion.new_map()
    for bound in ("requests", "limits"):
        for name, amounts in resources.items():
            if name not in V0_RESOURCES or not isinstance(amounts, dict) or bound not in amounts:
                continue
            target = converted.get(bound)
            if target is None:
                target = conversion.put(converted, bound, conversion.new_map(), line_of(amounts, bound))
            conversion.put(target, V0_RESOURCES[name][0], _quantity(name, amounts[bound]), line_of(amounts, bound))
    for name, amounts in resources.items():
        if name not in V0_RESOURCES:
            conversion.keep(line_of(resources, name), path + (name,), amounts,
                            f"resource `{name}` is not a v0 resource: set it in `container.resources` yourself")
            continue
        extra = [key for key in (amounts if isinstance(amounts, dict) else {None: None}) if key not in
                 ("requests", "limits")]
        for key in extra:
            value = amounts.get(key) if isinstance(amounts, dict) else amounts
            conversion.keep(line_of(resources, name), path + (name,) + ((key,) if key else ()), value,
                            "only `requests` and `limits` have a Kubernetes equivalent")
    return converted if converted else None


def convert_environment(conversion: Conversion, environment: Any, path: Tuple[Any, ...]) -> Environment:
    result = Environment()
    if environment is None:
        return result
    if not isinstance(environment, dict):
        conversion.keep(conversion.default_line, path, environment, "an `environment` that is not a mapping")
        return result
    for key, value in environment.items():
        line = line_of(environment, key)
        if key == "resources":
            result.resources = convert_resources(conversion, value, path + (key,))
        elif key in V0_ENVIRONMENT_KEYS:
            if result.environment is None:
                result.environment = conversion.new_map()
            conversion.put(result.environment, V0_ENVIRONMENT_KEYS[key], conversion.copy(value), line)
        elif key in V0_TERMINATION_KEYS:
            if result.termination is None:
                result.termination = conversion.new_map()
            conversion.put(result.termination, V0_TERMINATION_KEYS[key], value, line)
        elif key in CONNECTION_KEYS:
            conversion.keep(line, path + (key,), value, f"`{key}`: {CONNECTION_KEYS[key]}")
        elif key == "outputs":
            conversion.keep(line, path + (key,), value, _OUTPUTS_REASON)
        elif key == "replicas" or key in LEGACY_FRAMEWORK_ENVIRONMENTS:
            result.distributed[key] = (line, value)
        elif key == "index":
            continue  # a replica's position in v0's per-index lists, meaningless on its own
        else:
            conversion.keep(line, path + (key,), value, f"`environment.{key}` has no v1 equivalent")
    return result
