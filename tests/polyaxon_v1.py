"""Polyaxon v1 (polyaxon==1.20.0) as the judge of converted Polyaxonfiles, offline.

`validate(text)` returns None or raises. Each v1 document of the stream is checked by Polyaxon itself:
- a component, or an operation with an inline component, goes through `check_polyaxonfile(...,
  validate_params=False)` (`polyaxon check --lint`), which reads, compiles and validates it whole; a DAG
  is then put through what `polyaxon run` does to it before it runs (`process_dag`, `validate_dag`: no
  cycle, no orphan op; `process_components`: every `dagRef` names a component of the DAG);
- an operation with `hubRef` cannot be checked that way offline (Polyaxon fetches the hub component from
  cloud.polyaxon.com): its own schema is validated with `get_specification` (top-level keys, params shape,
  matrix, schedule...), and its `runPatch` is validated as the `run` of a stand-in component of the kind the
  hub components have (`service` for notebooks and tensorboards, `job` for kaniko). NOT covered for hub
  operations: whether the params match the hub component's inputs, and the hub component itself.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any, Dict, Tuple

os.environ.setdefault("POLYAXON_NO_API", "true")

_HUB_RUN_KINDS = {"kaniko": "job", "dockerizer": "job"}


def _check_file(data: Dict[str, Any]) -> None:
    import yaml
    from polyaxon.polyaxonfile import check_polyaxonfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "polyaxonfile.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump(data, handle)
        is_operation = data.get("kind") == "operation"
        try:
            checked = check_polyaxonfile(polyaxonfile=path, is_cli=False, to_op=is_operation,
                                         validate_params=False)
            component = checked.component if is_operation else checked
            if component.is_dag_run:
                component.run.process_dag()
                component.run.validate_dag()
                component.run.process_components(component.inputs)
        except Exception as error:
            cause = error.__cause__ or error
            raise AssertionError(f"Polyaxon v1 rejects the document: {cause}") from error


def _check_hub_operation(data: Dict[str, Any]) -> None:
    from polyaxon.polyaxonfile import get_specification

    try:
        get_specification(data=data)
    except Exception as error:
        raise AssertionError(f"Polyaxon v1 rejects the operation: {error}") from error
    patch = data.get("runPatch")
    if patch is not None:
        hub_name = str(data["hubRef"]).split(":")[0].split("/")[-1]
        stand_in = {"version": 1.1, "kind": "component",
                    "run": {"kind": _HUB_RUN_KINDS.get(hub_name, "service"), **patch}}
        stand_in["run"].setdefault("container", {"image": "stand-in"})
        stand_in["run"]["container"].setdefault("image", "stand-in")
        _check_file(stand_in)


def validate_merged(main: str, *presets: str) -> Tuple[Any, Any]:
    """What `polyaxon run -f main -f preset...` runs, as Polyaxon's own `check_polyaxonfile` makes it: the
    operation with every preset patched on and its params checked against the main file's inputs, and
    that operation compiled (its `run` with the `runPatch` merged in)."""
    from polyaxon.polyaxonfile import check_polyaxonfile
    from polyaxon.polyaxonfile.specs import OperationSpecification

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, text in enumerate((main,) + presets):
            paths.append(os.path.join(folder, f"polyaxonfile{index}.yaml"))
            with open(paths[-1], "w", encoding="utf-8") as handle:
                handle.write(text)
        try:
            operation = check_polyaxonfile(polyaxonfile=paths, is_cli=False, to_op=True, validate_params=True)
            return operation, OperationSpecification.compile_operation(operation)
        except Exception as error:
            cause = error.__cause__ or error
            raise AssertionError(f"Polyaxon v1 rejects the merged files: {cause}") from error


def validate(text: str) -> None:
    """Raise AssertionError unless every v1 document of text is a Polyaxonfile Polyaxon v1 accepts."""
    import yaml

    documents = [document for document in yaml.safe_load_all(text) if document is not None]
    assert documents, "no document"
    for document in documents:
        assert isinstance(document, dict), f"not a mapping: {document!r}"
        if document.get("version") != 1.1:
            continue  # a v0 document left as it was (no exact conversion) is not judged here
        if document.get("kind") == "operation" and "hubRef" in document:
            _check_hub_operation(document)
        else:
            _check_file(document)
