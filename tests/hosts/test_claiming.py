"""Asking only the host kinds whose declared suffixes fit a file changes no answer."""

import itertools

from polylint.hosts import HostPath, claiming, host_kinds

STEMS = ["polyaxonfile", "train", "requirements", "requirements-dev", "constraints", "setup", "pyproject", "Pipfile",
         "Makefile", "GNUmakefile", "makefile", "Dockerfile", "Dockerfile.gpu", "build.dockerfile", "Containerfile",
         "Jenkinsfile", "Jenkinsfile.ci", "tox", "environment", "values", "action", ".gitlab-ci", "azure-pipelines",
         "README", "notebook", "run", ".bashrc", "config", "dev", "MANIFEST", "x.h", "rules"]
SUFFIXES = ["", ".py", ".PY", ".sh", ".bash", ".zsh", ".ksh", ".yml", ".yaml", ".YAML", ".json", ".yml.tmpl",
            ".yaml.save", ".yml.bak", ".txt", ".in", ".toml", ".cfg", ".ini", ".md", ".markdown", ".mdx", ".ipynb", ".rst",
            ".mk", ".lock", ".dev", ".gpu", ".c", ".tmpl"]
FOLDERS = ["", "requirements/", ".github/workflows/", ".circleci/", "deploy/"]


def claimed_names(declaration):
    """For each kind that makes the declaration, the names of the test grid that it claims."""
    for kind in host_kinds():
        declared = getattr(kind, declaration, None)
        if declared is not None:
            for folder, stem, suffix in itertools.product(FOLDERS, STEMS, SUFFIXES):
                if kind.claims(HostPath(folder + stem + suffix)):
                    yield kind, declared, HostPath(folder + stem + suffix)


def test_declared_suffixes_cover_every_claim():
    for kind, declared, path in claimed_names("CLAIMED_SUFFIXES"):
        assert path.suffix.lower() in declared, (kind.__name__, str(path))


def test_declared_name_words_cover_every_claim():
    for kind, words, path in claimed_names("CLAIMED_NAME_WORDS"):
        assert any(word in path.name.lower() for word in words), (kind.__name__, str(path))


def test_claiming_gives_what_asking_every_kind_gives():
    for folder, stem, suffix in itertools.product(FOLDERS, STEMS, SUFFIXES):
        name = folder + stem + suffix
        assert claiming(name) == tuple(kind for kind in host_kinds() if kind.claims(HostPath(name))), name
