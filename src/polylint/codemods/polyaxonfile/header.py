"""The header (`version`, `kind`, `name`, `description`, `tags`, `logging`, `framework`) and the older eras.

mapping §2.1: `version: 1` -> `1.1`; name, description and tags are kept; `framework` (an annotation in v0)
becomes a tag; `logging.level` becomes `plugins.logLevel`. v0-surface §1.10: the files of 0.0.x-0.4.1 are
first read into their 0.6 shape (`settings:` -> `hptuning:`, top-level `matrix:`, build keys under `run:`,
`declarations:`), so that one converter serves every era.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, line_of
from polylint.knowledge.polyaxonfile import (
    PRE_06_RUN_BUILD_KEYS,
    PRE_06_SETTINGS_KEYS,
    PRE_06_TOP_LEVEL,
    V0_LOGGING_LEVEL,
)

_SEARCH_METHODS = {"grid": "grid_search", "grid_search": "grid_search", "random": "random_search",
                   "random_search": "random_search"}


def _view_put(view: CommentedMap, key: str, value: Any, source: Any, source_key: Any) -> None:
    """view[key] = value, recording the v0 position of source[source_key] for it."""
    view[key] = value
    data = getattr(getattr(source, "lc", None), "data", None)
    if data and source_key in data:
        view.lc.add_kv_line_col(key, list(data[source_key]))


def _settings(conversion: Conversion, settings: Any, view: CommentedMap, hptuning: CommentedMap) -> None:
    """0.0.x-0.1.0 `settings:` -> 0.1.1+ `hptuning:` and `logging:`."""
    if not isinstance(settings, dict):
        conversion.keep(conversion.default_line, ("settings",), settings, "`settings` must be a mapping")
        return
    method = settings.get("search_method")
    for key, value in settings.items():
        if key in PRE_06_SETTINGS_KEYS:
            _view_put(hptuning, PRE_06_SETTINGS_KEYS[key], value, settings, key)
        elif key == "logging":
            _view_put(view, "logging", value, settings, key)
        elif key == "search_method" and str(method).lower() in _SEARCH_METHODS:
            algorithm = CommentedMap()
            if "n_experiments" in settings:
                _view_put(algorithm, "n_experiments", settings["n_experiments"], settings, "n_experiments")
            _view_put(hptuning, _SEARCH_METHODS[str(method).lower()], algorithm, settings, key)
        elif key == "n_experiments" and str(method).lower() in _SEARCH_METHODS:
            continue
        else:
            conversion.keep(line_of(settings, key), ("settings", key), value,
                            f"0.0.x `settings.{key}` has no v1 equivalent")


def normalize(conversion: Conversion, data: Any) -> Tuple[str, CommentedMap]:
    """The v0 kind, and the document read into its 0.6 shape (values are the document's own nodes)."""
    view = CommentedMap()
    hptuning = CommentedMap()
    build = CommentedMap()
    for key, value in data.items():
        if key == "settings":
            _settings(conversion, value, view, hptuning)
        elif key == "matrix":
            _view_put(hptuning, "matrix", value, data, key)
        elif key == "hptuning" and isinstance(value, dict):
            for name, setting in value.items():
                _view_put(hptuning, name, setting, value, name)
            _view_put(view, "hptuning", hptuning, data, key)
        elif key in PRE_06_TOP_LEVEL and key != "settings":
            conversion.keep(line_of(data, key), (key,), value, PRE_06_TOP_LEVEL[key])
        elif key == "run" and isinstance(value, dict) and any(name in value for name in PRE_06_RUN_BUILD_KEYS):
            run = CommentedMap()
            for name, setting in value.items():
                target, new_name = (build, PRE_06_RUN_BUILD_KEYS[name]) if name in PRE_06_RUN_BUILD_KEYS else (
                    run, name)
                _view_put(target, new_name, setting, value, name)
            if run:
                _view_put(view, "run", run, data, key)
        elif key == "build" and isinstance(value, dict):
            for name, setting in value.items():
                _view_put(build, name, setting, value, name)
            _view_put(view, "build", build, data, key)
        elif key == "declarations" and "params" in data:
            conversion.keep(line_of(data, key), (key,), value, "v0 rejected `declarations` beside `params`")
        else:
            _view_put(view, "params" if key == "declarations" else key, value, data, key)
    if hptuning and "hptuning" not in view:
        _view_put(view, "hptuning", hptuning, data, "settings" if "settings" in data else "matrix")
    if build and "build" not in view:
        _view_put(view, "build", build, data, "run")
    kind = data.get("kind")
    if kind is None:
        kind = "group" if "hptuning" in view else "experiment"
    if kind == "plugin":
        conversion.unsafe("0.0.x `kind: plugin` served notebooks and tensorboards; it is converted to a notebook "
                          "(use `hubRef: tensorboard` if it started a tensorboard)")
        kind = "notebook"
    return str(kind), view


def convert_header(conversion: Conversion, view: Any, target: CommentedMap) -> Optional[CommentedMap]:
    """name, description, tags (+ framework) into target; returns the `plugins` section logging gives."""
    for key in ("name", "description"):
        if key in view:
            conversion.put(target, key, view[key], line_of(view, key))
    tags = view.get("tags")
    framework = view.get("framework")
    if tags is not None or framework is not None:
        new_tags = conversion.copy(tags) if isinstance(tags, list) else conversion.new_seq(flow=True)
        # Copies, never the v0 values themselves: a v0 container carries the v0 comments on it.
        if tags is not None and not isinstance(tags, list):
            conversion.put(new_tags, None, conversion.copy(tags), line_of(view, "tags"))
        if framework is not None and framework not in new_tags:
            conversion.put(new_tags, None, conversion.copy(framework), line_of(view, "framework"))
        conversion.put(target, "tags", new_tags, line_of(view, "tags", line_of(view, "framework")))
    logging = view.get("logging")
    if logging is None:
        return None
    plugins = conversion.new_map()
    if isinstance(logging, dict):
        for key, value in logging.items():
            if key == V0_LOGGING_LEVEL:
                conversion.put(plugins, "logLevel", value, line_of(logging, key))
            else:
                conversion.keep(line_of(logging, key), ("logging", key), value,
                                f"`logging.{key}` has no v1 equivalent (v1 has `plugins.logLevel` only)")
    else:
        conversion.put(plugins, "logLevel", logging, line_of(view, "logging"))
    return plugins or None


HEADER_KEYS = frozenset({"version", "kind", "name", "description", "tags", "framework", "logging"})
