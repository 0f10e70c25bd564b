"""Which files the packaging and deploy host kinds claim, by name alone."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from polylint.hosts import (
    conda_env,
    deploy_values,
    pipfile,
    pyproject_toml,
    requirements_txt,
    setup_cfg,
    setup_py,
)


@pytest.mark.parametrize(("name", "claimed"), [
    ("requirements.txt", True), ("requirements-dev.txt", True), ("polyaxon_requirements.txt", True),
    ("dev-requirements.txt", True), ("requirements/base.txt", True), ("constraints.txt", True),
    ("requirements.in", True), ("dev.in", True), ("MANIFEST.in", False), ("Makefile.in", False), ("config.h.in", False), ("notes.txt", False),
    ("requirements.txt.bak", False),
])
def test_requirements_files(name: str, claimed: bool) -> None:
    assert requirements_txt.claims(PurePath(name)) is claimed


def test_one_name_each() -> None:
    assert setup_py.claims(PurePath("pkg/setup.py")) and not setup_py.claims(PurePath("setup_utils.py"))
    assert setup_cfg.claims(PurePath("setup.cfg")) and not setup_cfg.claims(PurePath("tox.ini"))
    assert pyproject_toml.claims(PurePath("pyproject.toml")) and not pyproject_toml.claims(PurePath("x.toml"))
    assert pipfile.claims(PurePath("Pipfile")) and not pipfile.claims(PurePath("Pipfile.lock"))


@pytest.mark.parametrize("kind", [conda_env, deploy_values])
def test_yaml_kinds_decide_by_content(kind: object) -> None:
    assert kind.claims(PurePath("anything.yml")) and kind.claims(PurePath("values.YAML"))  # type: ignore[attr-defined]
    assert not kind.claims(PurePath("values.json"))  # type: ignore[attr-defined]


def test_prefilters_are_cheap_and_specific() -> None:
    assert not requirements_txt.prefilter(b"numpy\nscipy\n")
    assert not conda_env.prefilter(b"dependencies:\n  - pip:\n    - numpy\n")
    assert conda_env.prefilter(b"dependencies:\n  - pip:\n    - polyaxon-client\n")
    assert not deploy_values.prefilter(b"rbac:\n  enabled: true\nredis: {}\n")
    assert deploy_values.prefilter(b"rbac: {}\npersistence:\n  logs: {}\n")
