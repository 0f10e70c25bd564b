"""PLX103: `environment.outputs`, which mounted earlier runs' outputs by integer id or name.

mapping §2.4: v1 addresses runs by uuid only; the same data comes from a param `ref: runs.<UUID>` or
an `init: [{artifacts: ...}]` entry. Integer ids and names cannot be turned into uuids offline.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX103",
    name="outputs-by-id",
    summary="`environment.outputs` mounts runs by id or name: v1 refers to runs by uuid",
    why=(
        "v0 mounted the outputs of earlier experiments and jobs named by integer id, name or "
        "`user/project/name` (`environment.outputs: {experiments: [...], jobs: [...]}`), and exposed them "
        "in `POLYAXON_REFS_OUTPUTS_PATHS`. v1 has no ids: a run is a 32-hex uuid, and its outputs reach "
        "another run through an input whose param is `ref: runs.<UUID>` or through "
        "`init: [{artifacts: {dirs: [\"<UUID>/outputs\"]}}]`. Look the uuids up with `polyaxon ops ls`."
    ),
    example=(
        "environment:\n"
        "  outputs:\n"
        "    experiments: [1245]\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: job\n"
        "  init:\n"
        "  - artifacts: {dirs: [\"8aa3ef7bc0a44f37a5b4bbd1e6c8a7f0/outputs\"]}\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    environment = section(document(region).data, "environment")
    if environment is not None and "outputs" in environment:
        yield at_key(region, RULE.code,
                     "`environment.outputs` names runs by id or name; v1 needs their uuids: use "
                     "`init: [{artifacts: {dirs: [\"<UUID>/outputs\"]}}]` or an input with `ref: runs.<UUID>`",
                     environment, "outputs")
