"""PLX106: forms of Polyaxonfile eras before 0.6, which Polyaxon 0.6 itself already rejected.

v0-surface.md §1.10: `settings:`, `project:`, top-level `matrix:`, `run.image`/`run.steps`, `build.git`,
`environment.tensorflow|pytorch|horovod|mxnet`, `kind: plugin`, polyaxon-lib `model/train/eval`. These
files have not run since 0.4-0.6; their intent maps onto v1 sections, but every such key is flagged where
it stands so the conversion can be checked against it.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import (
    LEGACY_FRAMEWORK_ENVIRONMENTS,
    PRE_06_BUILD_KEYS,
    PRE_06_RUN_KEYS,
    PRE_06_TOP_LEVEL,
)
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX106",
    name="pre-0.6-form",
    summary="A Polyaxonfile form from before 0.6, rejected by Polyaxon 0.6 already",
    why=(
        "Polyaxon's file format changed several times before 0.6 (v0-surface.md §1.10): 0.0.x had "
        "`project:`, `settings:` and a top-level `matrix:`, and put the image and build steps in `run:`; "
        "0.1-0.4.1 had `environment.tensorflow:` blocks and `build.git`; notebooks and tensorboards "
        "were `kind: plugin`. Polyaxon 0.6 rejects all of these, so such a file has not run for years and "
        "its meaning is read from the era it was written in. Each key is flagged where it stands."
    ),
    example=(
        "version: 1\n"
        "project:\n"
        "  name: mnist\n"
        "settings:\n"
        "  concurrent_experiments: 2\n"
        "run:\n"
        "  image: tensorflow/tensorflow:1.4.1-py3\n"
        "  cmd: python model.py\n"
    ),
    fixed_example=(
        "version: 1.1\n"
        "kind: component\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: tensorflow/tensorflow:1.4.1-py3\n"
        "    command: [/bin/bash, -c]\n"
        "    args: [python model.py]\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    for key, history in PRE_06_TOP_LEVEL.items():
        if key in data:
            yield at_key(region, RULE.code, f"`{key}:` is a pre-0.6 form: {history}", data, key)
    if data.get("kind") == "plugin":
        yield at_key(region, RULE.code,
                     "`kind: plugin` (0.0.9-0.1.0 notebooks and tensorboards) became `kind: notebook|tensorboard`; "
                     "in v1 they are hub components (`jupyterlab`, `tensorboard`)", data, "kind")
    run = section(data, "run")
    if run is not None:
        for key in sorted(PRE_06_RUN_KEYS & set(run)):
            yield at_key(region, RULE.code,
                         f"`run.{key}` is a pre-0.1.1 form: the image and build steps moved to `build:`, and in v1 "
                         "to `run.container.image`", run, key)
    build = section(data, "build")
    if build is not None:
        for key in sorted(PRE_06_BUILD_KEYS & set(build)):
            yield at_key(region, RULE.code,
                         "`build.git` was removed in 0.4: in v1 the code comes from an `init: [{git: ...}]` "
                         "entry with a git connection", build, key)
    environment = section(data, "environment")
    if environment is not None:
        for key in sorted(LEGACY_FRAMEWORK_ENVIRONMENTS & set(environment)):
            yield at_key(region, RULE.code,
                         f"`environment.{key}` is a 0.1-0.4.1 form: 0.4.2 moved it to top-level `framework` with "
                         "`environment.replicas`", environment, key)
