"""One v0 Polyaxonfile document -> its `version: 1.1` text (mapping §2), as one edit over the document.

experiment / job -> `kind: component` with `run.kind: job` (or a Kubeflow kind when distributed);
group -> `kind: operation` with `matrix` and the inline component; notebook / tensorboard / build -> an
operation on a hub component; pipeline -> a component with `run.kind: dag`. The fix is safe when the
mapping is exact, unsafe when something was kept as a comment or behaves differently in v1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, FrozenSet, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.build import kaniko_operation
from polylint.codemods.polyaxonfile.comments import render, source_comments
from polylint.codemods.polyaxonfile.context import Conversion, ConversionError, line_of
from polylint.codemods.polyaxonfile.header import HEADER_KEYS, convert_header, normalize
from polylint.codemods.polyaxonfile.job import job_component
from polylint.codemods.polyaxonfile.matrix import convert_hptuning
from polylint.codemods.polyaxonfile.pipeline import pipeline
from polylint.codemods.polyaxonfile.services import hub_operation
from polylint.diagnostics import Applicability
from polylint.knowledge.polyaxonfile import V0_BUILD_KEYS, V1_VERSION
from polylint.surfaces.yaml import YamlDocument, document_extent

_RUN_KEYS = frozenset({"params", "inputs", "outputs", "build", "run", "environment", "backend"})


@dataclass(frozen=True)
class Converted:
    start: int
    end: int
    text: str
    applicability: Applicability
    reasons: Tuple[Any, ...]  # why it is unsafe, and what was kept as a comment


def _leftover_sections(conversion: Conversion, view: Any, handled: FrozenSet[str], kind: str) -> None:
    for key, value in view.items():
        if key not in handled and key not in HEADER_KEYS:
            conversion.keep(line_of(view, key), (key,), value, f"`{key}` is not a section of a v0 `{kind}`")


def _experiment(conversion: Conversion, view: Any, tree: CommentedMap) -> None:
    conversion.put(tree, "kind", "component", line_of(view, "kind"))
    plugins = convert_header(conversion, view, tree)
    if plugins is not None:
        conversion.put(tree, "plugins", plugins, line_of(view, "logging"))
    job_component(conversion, view, tree)
    _leftover_sections(conversion, view, _RUN_KEYS, "experiment")


def _group(conversion: Conversion, view: Any, tree: CommentedMap) -> None:
    conversion.put(tree, "kind", "operation", line_of(view, "kind"))
    plugins = convert_header(conversion, view, tree)
    try:
        matrix, types = convert_hptuning(conversion, view["hptuning"], ("hptuning",))
    except ValueError as error:
        raise ConversionError(str(error)) from error
    conversion.put(tree, "matrix", matrix, line_of(view, "hptuning"))
    component = conversion.new_map()
    if plugins is not None:
        conversion.put(component, "plugins", plugins, line_of(view, "logging"))
    job_component(conversion, view, component, types)
    conversion.put(tree, "component", component, conversion.origin_of(component, next(iter(component))))
    _leftover_sections(conversion, view, _RUN_KEYS | {"hptuning"}, "group")


def _service(conversion: Conversion, kind: str, view: Any, tree: CommentedMap) -> None:
    conversion.put(tree, "kind", "operation", line_of(view, "kind"))
    plugins = convert_header(conversion, view, tree)
    if plugins is not None:
        conversion.put(tree, "plugins", plugins, line_of(view, "logging"))
    if kind == "build":
        kaniko_operation(conversion, view, tree)
        _leftover_sections(conversion, view, frozenset(V0_BUILD_KEYS), kind)
    else:
        hub_operation(conversion, kind, view, view.get("build"), tree)
        _leftover_sections(conversion, view, frozenset({"build", "environment", "backend"}), kind)


def convert_tree(conversion: Conversion, data: Any) -> CommentedMap:
    kind, view = normalize(conversion, data)
    tree = conversion.new_map()
    conversion.put(tree, "version", V1_VERSION, line_of(data, "version", conversion.default_line))
    if kind in {"experiment", "job"} or (kind == "group" and not isinstance(view.get("hptuning"), dict)):
        if kind == "group":
            conversion.unsafe("a v0 group without `hptuning.matrix` (v0 rejected it) becomes one component")
        _experiment(conversion, view, tree)
    elif kind == "group":
        _group(conversion, view, tree)
    elif kind in ("notebook", "tensorboard", "build"):
        _service(conversion, kind, view, tree)
    elif kind == "pipeline":
        pipeline(conversion, view, tree)
    else:
        raise ConversionError(f"unknown kind {kind!r}")
    return tree


def convert_document(text: str, document: YamlDocument,
                     build: Callable[[Conversion, Any], CommentedMap] = convert_tree) -> Converted:
    """The document's v1 text; build makes its v1 tree (a whole Polyaxonfile unless told otherwise)."""
    data = document.data
    if not isinstance(data, dict) or not data:
        raise ConversionError("the document is not a mapping")
    start, end = document_extent(text, document)
    first_key = next(iter(data))
    conversion = Conversion(default_line=line_of(data, "kind", line_of(data, first_key)) or 0)
    tree = build(conversion, data)
    # render checks that placing the comments did not change what the YAML says.
    new_text = render(tree, conversion, source_comments(text, start, end, document.token_lines))
    reasons = tuple(conversion.unsafe_reasons) + tuple(
        f"kept as a comment: {leftover.reason}" for leftover in conversion.leftovers)
    applicability = Applicability.UNSAFE if reasons else Applicability.SAFE
    return Converted(start, end, new_text, applicability, reasons)
