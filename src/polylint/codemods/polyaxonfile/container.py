"""`build` + `run.cmd` -> a Kubernetes `container` (mapping §2.3).

v0 ran every command as `["/bin/bash", "-c", cmd]`, a list joined with ` && `, after `sanitize_cmd`
(S0 `ops/run/cmd.py`: split on whitespace, drop lone `\\` and strip `\\` from each word's ends, join with
one space). The conversion keeps exactly that: `command: [/bin/bash, -c]` and `args: [<sanitized cmd>]`,
for every command, so a shell command and a plain argv mean what they meant in v0.

v1 CE has no automatic build (mapping §2.3): the image v0 built from `build.image` + `build_steps` +
`env_vars` + `lang_env` is replaced by `build.image` itself, and the steps and variables run in the
container before the command (unsafe: they now run at every start, and `/code` is no longer the code).
"""

from __future__ import annotations

import shlex
from typing import Any, List, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, item_lines, line_of
from polylint.knowledge.polyaxonfile import V0_SHELL, V1_UPLOADS_WORKING_DIR


def sanitize(command: str) -> str:
    """S0 ops/run/cmd.py `sanitize_cmd`, word for word."""
    words = [word.strip().strip("\\") for word in command.strip().split() if word and word != "\\"]
    return " ".join(word for word in words if word and word != "\\")


def shell_command(value: Any) -> Optional[str]:
    """The one bash command v0 ran for `run.cmd` (None when there is none)."""
    if isinstance(value, list):
        parts = [sanitize(str(item)) for item in value if item is not None]
        return " && ".join(part for part in parts if part) or None
    if value is None:
        return None
    return sanitize(str(value)) or None


def _exports(env_vars: Any, lang_env: Any) -> Tuple[List[str], bool]:
    """`export K="V"` for v0's baked `ENV` lines (env_vars [[K, V]] and lang_env), and whether all parsed."""
    exports: List[str] = []
    complete = True
    if lang_env is not None:
        exports.extend(f"export {name}={shlex.quote(str(lang_env))}" for name in ("LC_ALL", "LANG", "LANGUAGE"))
    for pair in env_vars if isinstance(env_vars, list) else []:
        if isinstance(pair, list) and len(pair) == 2 and str(pair[0]).isidentifier():
            # Double quotes keep `$PYTHONPATH` expanding, as Docker's ENV did.
            value = str(pair[1]).replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
            exports.append(f'export {pair[0]}="{value}"')
        else:
            complete = False
    return exports, complete


def build_container(conversion: Conversion, build: Any, run: Any, path: Tuple[Any, ...],
                    image: Any = None) -> CommentedMap:
    """The v1 container for a v0 experiment or job: image, workingDir, command and args."""
    container = conversion.new_map()
    build = build if isinstance(build, dict) else {}
    run = run if isinstance(run, dict) else {}
    if image is not None:
        conversion.put(container, "image", image, conversion.default_line)
    elif "image" in build:
        conversion.put(container, "image", build["image"], line_of(build, "image"))
    conversion.put(container, "workingDir", V1_UPLOADS_WORKING_DIR, conversion.default_line)

    prefix: List[str] = []
    exports, complete = _exports(build.get("env_vars"), build.get("lang_env"))
    if not complete:
        conversion.keep(line_of(build, "env_vars"), path + ("build", "env_vars"), build.get("env_vars"),
                        "env_vars entries that are not [NAME, value] pairs: set them in `container.env`")
    prefix.extend(exports)
    steps = build.get("build_steps")
    prefix.extend(str(step).strip() for step in (steps if isinstance(steps, list) else [steps] if steps else []))

    command = shell_command(run.get("cmd"))
    if command is None:
        if prefix:
            conversion.keep(line_of(build, "build_steps", line_of(build, "env_vars")), path + ("build",),
                            {key: build[key] for key in ("build_steps", "env_vars", "lang_env") if key in build},
                            "no `run.cmd` to run the build steps before: build an image with them (hub "
                            "component `kaniko`) and use it as `container.image`")
        return container
    if prefix:
        conversion.unsafe("v1 has no automatic build: the build steps and env_vars now run in the container "
                          "before the command, at every start")
    cmd_line = line_of(run, "cmd")
    original = run.get("cmd")
    kept_scalar = not prefix and isinstance(original, str) and command == original
    # The `cmd` line's comments belong to the command itself, the `args` item.
    conversion.put(container, "command", conversion.new_seq(list(V0_SHELL), flow=True), None)
    args = conversion.new_seq()
    conversion.put(args, None, original if kept_scalar else " && ".join(prefix + [command]), cmd_line,
                   absorbs=item_lines(original) + item_lines(steps) + item_lines(build.get("env_vars")))
    conversion.put(container, "args", args, None)
    if "/code" in command or any("/code" in part for part in prefix):
        conversion.unsafe("v0 ran in /code with the code baked into the image; the code is now uploaded to "
                          f"`{V1_UPLOADS_WORKING_DIR}` (workingDir): check the paths that name /code")
    return container

