"""v0 `hptuning` -> v1 `matrix` (mapping §2.5, v0-surface §1.8, v1-surface §2.11).

No algorithm (v0's default) and `grid_search` become `kind: grid`; `random_search` becomes `kind: random`
with `numRuns`, which v1 requires; `hyperband` and `bo` (-> `bayes`) get every nested key renamed. Each
matrix value `{values: [...]}` becomes `{kind: choice, value: [...]}`, and so on for every v0 value kind.
`early_stopping` becomes `earlyStopping` with `kind: metric_early_stopping`; the `average` policy has no
v1 equivalent and is kept as a comment.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, item_line, line_of
from polylint.codemods.polyaxonfile.context import is_flow as _is_flow
from polylint.codemods.polyaxonfile.inputs import common_type
from polylint.knowledge.polyaxonfile import (
    V0_BO_UTILITY_KEYS,
    V0_DEFAULT_OPTIMIZATION,
    V0_EARLY_STOPPING_POLICIES,
    V0_EARLY_STOPPING_POLICY_KEYS,
    V0_MATRIX_KINDS,
    V0_SEARCH_ALGORITHMS,
    V1_SEEDED_MATRIX_KINDS,
)

# v1 enums are lower case; v0 also read `Maximize`, `MINIMIZE`... (v0-surface §1.8).
_LOWER_CASE_VALUES = frozenset({"optimization", "acquisition_function", "kernel", "type"})
_DISCRETE_KINDS = frozenset({"values", "range", "linspace", "logspace", "geomspace"})


def _renamed(conversion: Conversion, source: Any, names: Dict[str, str], path: Tuple[Any, ...]) -> Any:
    """A copy of a mapping with its keys renamed (recursively for mappings), unknown keys kept as comments."""
    if not isinstance(source, dict):
        return conversion.copy(source)
    target = conversion.new_map(flow=_is_flow(source))
    for key, value in source.items():
        if key not in names:
            conversion.keep(line_of(source, key), path + (key,), value, f"`{key}` has no v1 equivalent")
            continue
        if isinstance(value, dict) and key in ("utility_function", "gaussian_process"):
            converted = _renamed(conversion, value, V0_BO_UTILITY_KEYS, path + (key,))
        elif key in ("metric", "resource") and isinstance(value, dict):
            converted = _renamed(conversion, value, {"name": "name", "optimization": "optimization",
                                                     "type": "type"}, path + (key,))
        elif key in _LOWER_CASE_VALUES and isinstance(value, str):
            converted = value.lower()
        else:
            converted = conversion.copy(value)
        conversion.put(target, names[key], converted, line_of(source, key))
    return target


def _value_type(kind: str, value: Any) -> str:
    if kind == "values" and isinstance(value, list):
        return common_type(value)
    if kind == "pvalues" and isinstance(value, list):
        return common_type(pair[0] for pair in value if isinstance(pair, list) and pair)
    if kind == "range":
        bounds = value if isinstance(value, list) else str(value).split(":") if isinstance(value, str) else (
            list(value.values()) if isinstance(value, dict) else [])
        try:
            return "int" if all(float(bound).is_integer() and "." not in str(bound) for bound in bounds) else "float"
        except ValueError:
            return "float"
    return "float"


def _grid_size(matrix: Any) -> Optional[int]:
    """How many runs a grid over v0's discrete values makes (None when a value is not a plain list)."""
    size = 1
    for spec in matrix.values():
        values = spec.get("values") if isinstance(spec, dict) else None
        if not isinstance(values, list):
            return None
        size *= len(values)
    return size


def _early_stopping(conversion: Conversion, policies: Any, path: Tuple[Any, ...]) -> Optional[Any]:
    if not isinstance(policies, list):
        conversion.keep(conversion.default_line, path, policies, "`early_stopping` must be a list")
        return None
    converted = conversion.new_seq()
    for index, policy in enumerate(policies):
        origin = item_line(policies, index)
        if not isinstance(policy, dict):
            conversion.keep(origin, path + (index,), policy, "an early stopping entry that is not a mapping")
            continue
        entry = conversion.new_map()
        conversion.put(entry, "kind", "metric_early_stopping", origin)
        for key, value in policy.items():
            line = line_of(policy, key)
            if key in ("metric", "value"):
                conversion.put(entry, key, value, line)
            elif key == "optimization" and isinstance(value, str):
                conversion.put(entry, key, value.lower(), line)
            elif key == "higher":  # 0.0.x spelling
                conversion.put(entry, "optimization", "maximize" if value else "minimize", line)
            elif key == "policy" and isinstance(value, dict):
                kind = str(value.get("kind", "")).lower()
                if V0_EARLY_STOPPING_POLICIES.get(kind) is None:
                    conversion.keep(line, path + (index, key), value,
                                    f"early stopping policy `{kind}` has no v1 equivalent: use `median`, "
                                    "`truncation` or `diff`")
                    continue
                renamed = _renamed(conversion, value, V0_EARLY_STOPPING_POLICY_KEYS, path + (index, key))
                renamed["kind"] = V0_EARLY_STOPPING_POLICIES[kind]
                if "percent" in renamed and isinstance(renamed["percent"], int):
                    renamed["percent"] = float(renamed["percent"])
                conversion.put(entry, "policy", renamed, line)
            else:
                conversion.keep(line, path + (index, key), value, f"early stopping `{key}` has no v1 equivalent")
        if "optimization" not in entry:
            conversion.put(entry, "optimization", V0_DEFAULT_OPTIMIZATION, origin)
        conversion.put(converted, None, entry, origin)
    return converted or None


def convert_hptuning(conversion: Conversion, hptuning: Any,
                     path: Tuple[Any, ...]) -> Tuple[CommentedMap, Dict[str, Tuple[str, Optional[int]]]]:
    """The v1 matrix, and each matrix parameter's input type and v0 line."""
    if not isinstance(hptuning, dict) or not isinstance(hptuning.get("matrix"), dict):
        raise ValueError("hptuning without a matrix")
    source_matrix = hptuning["matrix"]
    algorithms = [key for key in hptuning if key in V0_SEARCH_ALGORITHMS]
    algorithm = algorithms[0] if algorithms else "grid_search"
    kind, renames = V0_SEARCH_ALGORITHMS[algorithm]
    matrix = conversion.new_map()
    conversion.put(matrix, "kind", kind, line_of(hptuning, algorithm) if algorithms else line_of(hptuning, "matrix"))
    options = hptuning.get(algorithm) if algorithms else None
    if isinstance(options, dict):
        for key, value in _renamed(conversion, options, renames, path + (algorithm,)).items():
            conversion.put(matrix, key, value, line_of(options, next(k for k, v in renames.items() if v == key)))
    elif options is not None:
        conversion.keep(line_of(hptuning, algorithm), path + (algorithm,), options,
                        f"`{algorithm}` must be a mapping")
    if kind == "random" and "numRuns" not in matrix:
        size = _grid_size(source_matrix)
        if size is None:
            raise ValueError("random search without n_experiments over continuous values")
        conversion.put(matrix, "numRuns", size, line_of(hptuning, algorithm))
        conversion.unsafe(f"v1 random search requires `numRuns`: set to {size}, the size of the grid")

    for key, value in hptuning.items():
        line = line_of(hptuning, key)
        if key in V0_SEARCH_ALGORITHMS or key == "matrix":
            if key in V0_SEARCH_ALGORITHMS and key != algorithm:
                conversion.keep(line, path + (key,), value, "v0 allowed one search algorithm; this one was ignored")
        elif key == "concurrency":
            conversion.put(matrix, "concurrency", value, line)
        elif key == "seed" and kind in V1_SEEDED_MATRIX_KINDS:
            conversion.put(matrix, "seed", value, line)
        elif key == "seed":
            conversion.keep(line, path + (key,), value, "grid search has no seed in v1 (it draws nothing at random)")
        elif key == "early_stopping":
            converted = _early_stopping(conversion, value, path + (key,))
            if converted is not None:
                conversion.put(matrix, "earlyStopping", converted, line)
        else:
            conversion.keep(line, path + (key,), value, f"`hptuning.{key}` has no v1 equivalent")

    params = conversion.new_map()
    types: Dict[str, Tuple[str, Optional[int]]] = {}
    for name, spec in source_matrix.items():
        line = line_of(source_matrix, name)
        value_kinds = [key for key in spec if key in V0_MATRIX_KINDS] if isinstance(spec, dict) else []
        if len(value_kinds) != 1 or len(spec) != 1:
            conversion.keep(line, path + ("matrix", str(name)), spec,
                            "a matrix value needs exactly one of " + ", ".join(V0_MATRIX_KINDS))
            continue
        value_kind = value_kinds[0]
        if isinstance(spec[value_kind], (int, float)) and not isinstance(spec[value_kind], bool):
            # v0 took a list, a template, or a `start:stop:step` string or mapping, never a number (v0-surface
            # §1.8). Not kept as a comment: that would show the number, not what the file says.
            raise ValueError(f"`{name}: {{{value_kind}: ...}}` is the number {spec[value_kind]} to YAML 1.1, "
                             "which v0 rejected (an unquoted `1:10:2` is a number in base 60): quote it")
        entry = conversion.new_map(flow=_is_flow(spec))
        conversion.put(entry, "kind", V0_MATRIX_KINDS[value_kind], line_of(spec, value_kind))
        conversion.put(entry, "value", conversion.copy(spec[value_kind]), line_of(spec, value_kind))
        conversion.put(params, str(name), entry, line)
        types[str(name)] = (_value_type(value_kind, spec[value_kind]), line)
    conversion.put(matrix, "params", params, line_of(hptuning, "matrix"))
    resource = options.get("resource") if kind == "hyperband" and isinstance(options, dict) else None
    if isinstance(resource, dict) and isinstance(resource.get("name"), str):
        # Hyperband passes the resource it allocates (epochs, steps...) to each run as a param.
        types[resource["name"]] = ("float" if resource.get("type") == "float" else "int",
                                   line_of(resource, "name"))
    if kind in ("hyperband", "bayes"):
        conversion.unsafe(f"matrix `kind: {kind}` runs only on Polyaxon EE/Cloud: v1 CE has grid, random and "
                          "mapping (mapping §1.5)")
    if kind == "grid" and any(key not in _DISCRETE_KINDS for spec in source_matrix.values()
                              if isinstance(spec, dict) for key in spec):
        raise ValueError("grid search over distributions")
    return matrix, types
