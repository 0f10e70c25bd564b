"""PLX120: a v0 section that PLX100's conversion kept as a comment, because v1 has no equivalent.

The conversion never drops a v0 key in silence (mapping §2.7 lists what v1 lacks): it writes the key and
its value as a comment block opened by `# [polylint PLX120] <what to do in v1>`, where the key stood. This
rule reports each block until the user has dealt with it and deleted the marker line.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces.yaml import document_extent

MARKER = "# [polylint PLX120] "

RULE = Rule(
    code="PLX120",
    name="kept-as-comment",
    summary="A v0 section with no v1 equivalent, kept as a comment by the conversion",
    why=(
        "Converting a v0 Polyaxonfile (PLX100) never drops what it cannot map: data, secret and config-map "
        "references that v1 replaces with admin-declared connections, outputs of earlier runs by id, "
        "per-index replica overrides, the early stopping `average` policy, Dockerfile builds, 0.0.x "
        "`project:` sections... are kept as a comment block where they stood, opened by "
        "`# [polylint PLX120]` and the v1 way to do it. Do that, then delete the block."
    ),
    example=(
        "# [polylint PLX120] `data_refs`: list the data connections in `run.connections: [name]` "
        "(declared in the deployment config)\n"
        "# environment:\n"
        "#   data_refs: [data1]\n"
        "run:\n"
        "  kind: job\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: job\n"
        "  connections: [data1]\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v1":
        return
    start, end = document_extent(region.text, document(region))
    position = region.text.find(MARKER, start, end)
    while position >= 0:
        line_end = region.text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        reason = region.text[position + len(MARKER):line_end].rstrip("\r")
        yield Diagnostic(RULE.code, f"kept from v0 as a comment: {reason}", position,
                         line_end - (1 if region.text[line_end - 1:line_end] == "\r" else 0))
        position = region.text.find(MARKER, line_end, end)
