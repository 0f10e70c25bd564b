"""Asking only the host kinds whose declared suffixes fit a file changes no answer."""

import itertools

from polylint.hosts import HostPath, claiming, host_kinds

STEMS = ["polyaxonfile", "train", "requirements", "requirements-dev", "constraints", "setup", "pyproject", "Pipfile",
         "Makefile", "GNUmakefile", "makefile", "Dockerfile", "Dockerfile.gpu", "build.dockerfile", "Containerfile",
         "Jenkinsfile", "Jenkinsfile.ci", "tox", "environment", "values", "action", ".gitlab-ci", "azure-pipelines",
         "README", "notebook", "run", ".bashrc", "config", "dev", "MANIFEST", "x.h", "rules"]
SUFFIXES = ["", ".py", ".PY", ".sh", ".bash", ".zsh", ".ksh", ".yml", ".yaml", ".YAML", ".json", ".yml.tmpl",
            ".yaml.save", ".yml.bak", ".txt", ".in", ".toml", ".cfg", ".ini", ".md", ".markdown", ".mdx", ".ipynb",
            ".mk", ".lock", ".dev", ".gpu", ".c", ".tmpl"]
FOLDERS = ["", "requirements/", ".github/workflows/", ".circleci/", "deploy/"]


def test_declared_suffixes_cover_every_claim():
    for kind in host_kinds():
        declared = getattr(kind, "CLAIMED_SUFFIXES", None)
        if declared is None:
            continue
        for folder, stem, suffix in itertools.product(FOLDERS, STEMS, SUFFIXES):
            name = folder + stem + suffix
            if kind.claims(HostPath(name)):
                assert HostPath(name).suffix.lower() in declared, (kind.__name__, name)


def test_claiming_gives_what_asking_every_kind_gives():
    for folder, stem, suffix in itertools.product(FOLDERS, STEMS, SUFFIXES):
        name = folder + stem + suffix
        assert claiming(name) == tuple(kind for kind in host_kinds() if kind.claims(HostPath(name))), name


def test_declared_name_words_cover_every_claim():
    for kind in host_kinds():
        words = getattr(kind, "CLAIMED_NAME_WORDS", None)
        if words is None:
            continue
        for folder, stem, suffix in itertools.product(FOLDERS, STEMS, SUFFIXES):
            name = folder + stem + suffix
            if kind.claims(HostPath(name)):
                assert any(word in HostPath(name).name.lower() for word in words), (kind.__name__, name)
