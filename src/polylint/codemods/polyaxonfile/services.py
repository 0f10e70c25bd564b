"""v0 `kind: notebook` / `tensorboard` (and 0.0.x `plugin`) -> an operation on a public hub component.

mapping §2.1, v1-surface §6: the notebook becomes `hubRef: notebook` (`backend: lab`: `jupyterlab`), the
tensorboard `hubRef: tensorboard`; `runPatch` carries the image, the resources and the environment. v0
built the image from `build`: steps and Dockerfiles are kept as comments (build the image apart and put
it in `runPatch.container.image`). Always unsafe: the hub component's command replaces v0's built-in one.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.codemods.polyaxonfile.environment import convert_environment
from polylint.knowledge.polyaxonfile import V0_NOTEBOOK_HUB, V0_TENSORBOARD_HUB

_BUILD_REASON = ("v1 CE has no automatic build: build an image with these steps (hub component `kaniko`) and set "
                 "it as `runPatch.container.image`")


def hub_reference(kind: str, data: Any) -> str:
    if kind == "tensorboard":
        return V0_TENSORBOARD_HUB
    backend = data.get("backend")
    return V0_NOTEBOOK_HUB.get(str(backend).lower(), V0_NOTEBOOK_HUB["notebook"]) if backend else \
        V0_NOTEBOOK_HUB["notebook"]


def hub_operation(conversion: Conversion, kind: str, data: Any, build: Any, operation: CommentedMap) -> None:
    """Fill a `kind: operation` for a v0 notebook or tensorboard."""
    reference = hub_reference(kind, data)
    conversion.put(operation, "hubRef", reference, line_of(data, "backend", line_of(data, "kind")))
    patch = conversion.new_map()
    environment = convert_environment(conversion, data.get("environment"), ("environment",))
    if environment.environment is not None:
        conversion.put(patch, "environment", environment.environment, line_of(data, "environment"))
    container = conversion.new_map()
    if isinstance(build, dict):
        for key, value in build.items():
            if key == "image":
                conversion.put(container, "image", value, line_of(build, key))
            else:
                conversion.keep(line_of(build, key), ("build", key), value, _BUILD_REASON)
    if environment.resources is not None:
        conversion.put(container, "resources", environment.resources, line_of(data, "environment"))
    if container:
        conversion.put(patch, "container", container, conversion.origin_of(container, next(iter(container))))
    if environment.termination is not None:
        conversion.put(operation, "termination", environment.termination, line_of(data, "environment"))
    for key, (line, value) in environment.distributed.items():
        conversion.keep(line, ("environment", key), value, f"a {kind} runs one replica")
    if patch:
        conversion.put(operation, "runPatch", patch, conversion.origin_of(patch, next(iter(patch))))
    conversion.unsafe(f"the v0 built-in {kind} becomes the hub component `{reference}`: its command, port and "
                      "working directory are the hub's")
    if kind == "tensorboard":
        conversion.unsafe("v0 chose the experiment or group on the command line; pass the run to show with "
                          "`polyaxon run -f ... -P uuid=<UUID>` (or `hubRef: tensorboard:multi-run`, `-P uuids=...`)")
