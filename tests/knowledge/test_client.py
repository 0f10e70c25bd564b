"""The client knowledge table against polyaxon 1.20: every v1 name it writes exists, with the keywords it
passes (``inspect.signature``)."""

import importlib
import inspect
import os
from typing import Any, Callable, Set

import pytest

from polylint.knowledge import client as knowledge
from tests.checks.python.v1_judge import _contrib_callable

os.environ.setdefault("POLYAXON_NO_API", "true")


def _parameters(function: Callable[..., Any]) -> Set[str]:
    return set(inspect.signature(function).parameters)


def _keywords(row: knowledge.Row) -> Set[str]:
    return set(row.arguments.rename.values()) | {keyword for keyword, _ in row.arguments.add}


def _run() -> Any:
    from polyaxon.tracking import Run

    return Run


def _importable(module: str, name: str) -> bool:
    """`from module import name` works: an attribute, or a submodule."""
    if hasattr(importlib.import_module(module), name):
        return True
    return importlib.import_module(f"{module}.{name}") is not None


def test_v1_imports_exist() -> None:
    for module, name in [*knowledge.V1_IMPORTS.values(), *knowledge.RENAMED_NAMES.values()]:
        assert _importable(module, name), f"{module}.{name}"


@pytest.mark.parametrize("name,row", sorted(knowledge.TRACKER_METHODS.items()))
def test_tracker_method_targets_exist_on_run(name: str, row: knowledge.Row) -> None:
    if row.v1 is None:
        return
    method = getattr(_run(), row.v1)
    assert _keywords(row) <= _parameters(method), (name, row.v1)


def test_tracker_classes_map_to_tracking_init() -> None:
    from polyaxon import tracking

    for row in knowledge.TRACKER_CLASSES.values():
        if row.v1 is not None:
            assert row.v1 == "tracking.init"
            assert _keywords(row) <= _parameters(tracking.init)


@pytest.mark.parametrize("table", [knowledge.TRACKING_FUNCTIONS, knowledge.HELPER_FUNCTIONS])
def test_tracking_functions_exist(table: Any) -> None:
    from polyaxon import tracking

    for row in table.values():
        if row.v1 is not None:
            local, name = row.v1.split(".")
            assert local == "tracking" and callable(getattr(tracking, name))


def test_callbacks_exist_with_their_keywords() -> None:
    for row in knowledge.CONTRIB.values():
        if row.v1 is not None:
            module, name = row.v1.split(":")
            assert _keywords(row) <= _parameters(_contrib_callable(module, name))


@pytest.mark.parametrize("name,row", sorted(knowledge.CLIENT_METHODS.items()))
def test_client_method_targets_exist(name: str, row: knowledge.Row) -> None:
    from polyaxon.client import ProjectClient, RunClient

    if row.v1 is None:
        return
    cls_name, method = row.v1.split(".")
    cls = {"RunClient": RunClient, "ProjectClient": ProjectClient}[cls_name]
    assert _keywords(row) <= _parameters(getattr(cls, method)), name
    ids = knowledge.METHOD_IDS.get(name, knowledge.SERVICE_IDS[name.split(".", maxsplit=1)[0]])
    assert set(knowledge.V1_ID_KEYWORDS[:len(ids)]) | {"client"} <= _parameters(cls)


def test_client_constructor_keywords() -> None:
    from polyaxon.client import PolyaxonClient
    from polyaxon.schemas.cli.client_config import ClientConfig

    assert {"config", "token"} <= _parameters(PolyaxonClient)
    assert {"host", "verify_ssl", "timeout"} <= _parameters(ClientConfig)


def test_v0_only_methods_are_really_missing_from_run() -> None:
    run = set(dir(_run()))
    assert not knowledge.V0_ONLY_TRACKER_METHODS & run
    assert set(knowledge.TRACKER_METHODS) - knowledge.V0_ONLY_TRACKER_METHODS <= run
