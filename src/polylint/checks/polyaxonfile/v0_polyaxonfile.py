"""PLX100: a v0 Polyaxonfile, which Polyaxon v1 does not read at all."""

from __future__ import annotations

from typing import Iterator, Optional

from polylint.checks.polyaxonfile._document import at_key, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX100",
    name="v0-polyaxonfile",
    summary="v0 Polyaxonfile: Polyaxon v1 reads only `version: 1.1` components and operations",
    why=(
        "Polyaxon v1 accepts only `version: 1.1` (K1 `MIN_VERSION = MAX_VERSION = 1.1`) and only the kinds "
        "`component` and `operation`. A v0 file (`version: 1` with `kind: experiment|group|job|build|"
        "notebook|tensorboard|pipeline`, or an older era's shape) is rejected as a whole: "
        "\"The Polyaxonfile with kind `experiment` is not a supported value\". Its snake_case sections "
        "(`build`, `run.cmd`, `environment`, `hptuning`, `declarations`) become camelCase v1 sections with "
        "a Kubernetes `container`, `inputs`, and `matrix`."
    ),
    example=(
        "version: 1\n"
        "kind: experiment\n"
        "build:\n"
        "  image: python:3.8\n"
        "run:\n"
        "  cmd: python train.py --lr={{ lr }}\n"
        "params:\n"
        "  lr: 0.01\n"
    ),
    fixed_example=(
        "version: 1.1\n"
        "kind: component\n"
        "inputs:\n"
        "- name: lr\n"
        "  type: float\n"
        "  value: 0.01\n"
        "  isOptional: true\n"
        "run:\n"
        "  kind: job\n"
        "  container:\n"
        "    image: python:3.8\n"
        "    command: [/bin/bash, -c]\n"
        "    args: [python train.py --lr={{ lr }}]\n"
    ),
    fix=Applicability.MANUAL,
)


def _fix(region: Region) -> Optional[Fix]:
    from polylint.codemods.polyaxonfile.context import ConversionError
    from polylint.codemods.polyaxonfile.convert import convert_document

    try:
        converted = convert_document(region.text, document(region))
    except ConversionError:
        return None
    reasons = "".join(f"; {reason}" for reason in converted.reasons)
    return Fix(converted.applicability, f"rewrite as a `version: 1.1` Polyaxonfile{reasons}",
               (Edit(converted.start, converted.end, converted.text),))


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    kind = data.get("kind")
    described = f"`kind: {kind}`" if kind is not None else "a pre-0.1 file with no `kind`"
    key = "version" if "version" in data else next(iter(data))
    fix = _fix(region)
    advice = "convert it (`--fix`)" if fix else "convert it by hand: polylint could not convert this document"
    yield at_key(region, RULE.code,
                 f"v0 Polyaxonfile ({described}): Polyaxon v1 reads only `version: 1.1` components and "
                 f"operations; {advice}", data, key, fix)
