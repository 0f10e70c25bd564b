"""A partial v0 Polyaxonfile -> a v1 preset operation, which v1 merges into the main file the same way.

v0 deep-merged every `-f` file in order (`PolyaxonFile(filepaths)`, `rhea.read`), so a file holding only
`version: 1` and `declarations:` (or `environment:`, or `hptuning:`) completed the main one:
`polyaxon run -f polyaxonfile.yml -f lr.yml`. Polyaxon v1 reads the first `-f` as the Polyaxonfile and every
other one as a preset operation it patches onto it (`check_polyaxonfile` -> `get_op_specification(...,
preset_files=...)`, post-merge: the preset's values win, mappings are merged key by key). So:

- `declarations`/`params` -> `params: {name: {value: ...}}`;
- `environment` -> `runPatch` (`container.resources`, `environment`) and `termination`, as in a main file;
- `hptuning` with a `matrix` -> `matrix`.

What a preset cannot carry (connections, distributed replicas, an `hptuning` with no `matrix`) is kept as a
located comment (PLX120).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.codemods.polyaxonfile.environment import convert_environment
from polylint.codemods.polyaxonfile.matrix import convert_hptuning
from polylint.knowledge.polyaxonfile import V1_VERSION

_REPLICAS = ("a preset cannot say how many replicas of which role: set them in the main file (its "
             "`run.worker`/`run.ps`...)")
_NO_MATRIX = ("v1 merges a preset's `matrix` whole, with its `kind`: set these in the main file's `matrix`")


def _params(conversion: Conversion, data: Any, tree: CommentedMap) -> None:
    params = conversion.new_map()
    for section in ("declarations", "params"):
        values = data.get(section)
        for name, value in (values.items() if isinstance(values, dict) else ()):
            wrapped = conversion.new_map(flow=True)
            wrapped["value"] = conversion.copy(value)
            conversion.put(params, str(name), wrapped, line_of(values, name))
    if params:
        first = "declarations" if "declarations" in data else "params"
        conversion.put(tree, "params", params, line_of(data, first))


def _environment(conversion: Conversion, data: Any, tree: CommentedMap) -> None:
    if "environment" not in data:
        return
    line = line_of(data, "environment")
    environment = convert_environment(conversion, data["environment"], ("environment",))
    for key, (key_line, value) in environment.distributed.items():
        conversion.keep(key_line, ("environment", key), value, _REPLICAS)
    if environment.termination is not None:
        conversion.put(tree, "termination", environment.termination, line)
    patch = conversion.new_map()
    if environment.environment is not None:
        conversion.put(patch, "environment", environment.environment, line)
    if environment.resources is not None:
        container = conversion.new_map()
        conversion.put(container, "resources", environment.resources, line)
        conversion.put(patch, "container", container, line)
    if patch:
        conversion.put(tree, "runPatch", patch, line)


def _matrix(conversion: Conversion, data: Any, tree: CommentedMap) -> None:
    hptuning = data.get("hptuning")
    if hptuning is None:
        return
    if not isinstance(hptuning.get("matrix"), dict):
        conversion.keep(line_of(data, "hptuning"), ("hptuning",), hptuning, _NO_MATRIX)
        return
    matrix, _types = convert_hptuning(conversion, hptuning, ("hptuning",))
    conversion.put(tree, "matrix", matrix, line_of(data, "hptuning"))


def preset_tree(conversion: Conversion, data: Any) -> CommentedMap:
    tree = conversion.new_map()
    conversion.put(tree, "version", V1_VERSION, line_of(data, "version", conversion.default_line))
    conversion.put(tree, "kind", "operation", line_of(data, "version", conversion.default_line))
    conversion.put(tree, "isPreset", True, line_of(data, "version", conversion.default_line))
    _params(conversion, data, tree)
    _matrix(conversion, data, tree)
    _environment(conversion, data, tree)
    return tree
