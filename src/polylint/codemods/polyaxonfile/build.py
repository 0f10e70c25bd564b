"""v0 `build` without v1 CE equivalent, and `kind: build` -> an operation on the hub `kaniko` component.

mapping §2.3: v1 CE has no automatic build. On an experiment or job, `build.image` becomes the container
image and the steps run before the command (container.py). A `build.dockerfile` has no image to run: the
component takes the image as a required input `image` (`polyaxon run -f ... -P image=<built image>`), and
the Dockerfile lines are kept as a comment saying to build it with the hub `kaniko` component. With no
`build` at all there is no image either (v0 accepted such experiments and groups): the component takes
the same required input, with a to-do saying to pass it.

`kind: build` becomes `hubRef: kaniko` with `runPatch.init: [{dockerfile: {image, run, env, langEnv}}]`;
the registry (`params.destination`) has no v0 counterpart and is left for the user to fill in.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.codemods.polyaxonfile.environment import convert_environment
from polylint.codemods.polyaxonfile.inputs import Declarations
from polylint.knowledge.polyaxonfile import V0_BUILD_HUB

# Keys container.py turns into the container itself.
RUNTIME_BUILD_KEYS = frozenset({"image", "build_steps", "env_vars", "lang_env"})
_NO_BUILD = "v1 CE has no automatic build (mapping §2.3)"
_DESTINATION = ("kaniko pushes to a registry: add `params: {destination: {connection: <registry connection>, "
                "value: <image:tag>}}` (the connection is declared in the deployment config)")
_REASONS = {
    "dockerfile": f"{_NO_BUILD}: build this Dockerfile (hub component `{V0_BUILD_HUB}`) and pass the image with "
                  "`-P image=<image:tag>`",
    "context": f"{_NO_BUILD}: the build context goes to the `{V0_BUILD_HUB}` operation that builds the image",
    "ref": f"{_NO_BUILD}: pass the image of that build with `-P image=<image:tag>`",
    "commit": "v0 built this commit: clone it with `init: [{git: {url: ..., revision: ...}}]` or `polyaxon run "
              "--git-revision`",
    "branch": "v0 built this branch: clone it with `init: [{git: {url: ..., revision: ...}}]`",
    "git": "clone the repository with `init: [{git: {url: ...}}]`",
    "nocache": f"{_NO_BUILD}: there is no image cache to skip (kaniko's `params.cache`)",
    "backend": f"{_NO_BUILD}: the builder is the hub component you choose (`kaniko`, `dockerizer`)",
    "environment": f"{_NO_BUILD}: the build job's resources go to the `{V0_BUILD_HUB}` operation's `runPatch`",
}

_KANIKO_REASONS = {
    "dockerfile": f"the `{V0_BUILD_HUB}` component builds the `Dockerfile` at the root of its context: move it "
                  "there, or generate it with `runPatch.init: [{dockerfile: ...}]`",
    "context": f"pass the build context as `params.context: {{value: ...}}` to `{V0_BUILD_HUB}` (code cloned by "
               "`init: [{git: ...}]` lands in `{{ globals.artifacts_path }}/<repo>`)",
    "ref": f"a build reference has no meaning for `{V0_BUILD_HUB}`",
}


def _image_input(declarations: Declarations) -> str:
    return "image" if "image" not in declarations.names() else "build_image"


def runtime_image(conversion: Conversion, build: Any, declarations: Declarations,
                  path: Tuple[Any, ...], run_line: Optional[int]) -> Optional[str]:
    """Keep what the container cannot use; return the name of the required input that takes the image when
    the image must come from the user (None when `build.image` names it)."""
    if not isinstance(build, dict):
        if build is not None:
            conversion.keep(conversion.default_line, path, build, "a `build` that is not a mapping")
        name = _image_input(declarations)
        declarations.require(name, "str", run_line)
        conversion.keep(run_line, (), None, f"v0 named no image (no `build.image`): run it with "
                                              f"`-P {name}=<image:tag>`, an image that has what the command needs")
        conversion.unsafe(f"there was no image: it must be passed as `-P {name}=<image:tag>`")
        return name
    for key, value in build.items():
        if key in RUNTIME_BUILD_KEYS:
            continue
        conversion.keep(line_of(build, key), path + (key,), value,
                        _REASONS.get(key, f"`build.{key}` has no v1 equivalent"))
    if "image" in build:
        return None
    name = _image_input(declarations)
    declarations.require(name, "str", line_of(build, "dockerfile", conversion.default_line))
    conversion.unsafe("the image v0 built from a Dockerfile must now be built apart and passed as "
                      f"`-P {name}=<image:tag>`")
    return name


def _dockerfile_init(conversion: Conversion, data: Any) -> Optional[CommentedMap]:
    dockerfile = conversion.new_map()
    if "image" in data:
        conversion.put(dockerfile, "image", data["image"], line_of(data, "image"))
    if "build_steps" in data:
        steps = data["build_steps"]
        conversion.put(dockerfile, "run", conversion.copy(steps if isinstance(steps, list) else [steps]),
                       line_of(data, "build_steps"))
    if isinstance(data.get("env_vars"), list):
        env = conversion.new_map()
        for index, pair in enumerate(data["env_vars"]):
            if isinstance(pair, list) and len(pair) == 2:
                conversion.put(env, str(pair[0]), pair[1], data["env_vars"].lc.item(index)[0])
            else:
                conversion.keep(line_of(data, "env_vars"), ("env_vars", index), pair,
                                "an env_vars entry that is not a [NAME, value] pair")
        conversion.put(dockerfile, "env", env, line_of(data, "env_vars"))
    if "lang_env" in data:
        conversion.put(dockerfile, "langEnv", data["lang_env"], line_of(data, "lang_env"))
    return dockerfile if dockerfile else None


def kaniko_operation(conversion: Conversion, data: Any, operation: CommentedMap) -> None:
    """Fill a `kind: operation` for a v0 `kind: build` (flat build keys at the top)."""
    conversion.put(operation, "hubRef", V0_BUILD_HUB, line_of(data, "kind"))
    if data.get("nocache"):
        params = conversion.new_map()
        conversion.put(params, "cache", conversion.new_map(flow=True), line_of(data, "nocache"))
        params["cache"]["value"] = False
        conversion.put(operation, "params", params, line_of(data, "nocache"))
    patch = conversion.new_map()
    dockerfile = _dockerfile_init(conversion, data)
    if dockerfile is not None:
        init = conversion.new_seq()
        entry = conversion.new_map()
        conversion.put(entry, "dockerfile", dockerfile, conversion.origin_of(dockerfile, next(iter(dockerfile))))
        conversion.put(init, None, entry, conversion.origin_of(dockerfile, next(iter(dockerfile))))
        conversion.put(patch, "init", init, conversion.origin_of(entry, "dockerfile"))
    environment = convert_environment(conversion, data.get("environment"), ("environment",))
    if environment.environment is not None:
        conversion.put(patch, "environment", environment.environment, line_of(data, "environment"))
    if environment.resources is not None:
        container = conversion.new_map()
        conversion.put(container, "resources", environment.resources, line_of(data, "environment"))
        conversion.put(patch, "container", container, line_of(data, "environment"))
    if environment.termination is not None:
        conversion.put(operation, "termination", environment.termination, line_of(data, "environment"))
    if patch:
        conversion.put(operation, "runPatch", patch, conversion.origin_of(patch, next(iter(patch))))
    for key in ("dockerfile", "context", "ref", "commit", "branch", "git"):
        if key in data:
            conversion.keep(line_of(data, key), (key,), data[key], _KANIKO_REASONS.get(key, _REASONS[key]))
    conversion.keep(line_of(data, "kind"), (), None, _DESTINATION)
    conversion.unsafe(f"the v0 build becomes the hub component `{V0_BUILD_HUB}`, which needs a registry")
