"""PLX509: a v0 deployment setting a fix kept as a comment, because v1 has no place for it.

The deploy fixes (PLX501-PLX505) never drop a v0 setting: what v1 cannot hold is kept as a comment block
that opens with `# polylint: v0 `<key>` has no v1 place: <what to do>`. This rule reports each such
block until a human has done what it says and deleted it.
"""

from __future__ import annotations

from typing import Iterator

from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.hosts.deploy_values import LEFTOVER
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX509",
    name="deploy-v0-leftover",
    summary="A v0 deployment setting kept as a comment: finish its migration by hand",
    why=(
        "When a deploy fix meets a v0 setting with no place in v1 (the in-cluster registry, the repos "
        "volume, a removed service...), it keeps the setting as a comment block that says what v1 does instead. "
        "This rule reports those blocks, so that the migration is not finished by accident: do what the "
        "comment says, then delete the block."
    ),
    example=(
        "# polylint: v0 `persistence.repos` has no v1 place: v1 has no in-cluster git server: add a "
        "`kind: git` connection (`schema.url`) per repository and pull code with `init: [{git: ...}]`; kept "
        "as a comment\n"
        "#   repos:\n"
        "#     existingClaim: polyaxon-pvc-repos\n"
    ),
    fixed_example=(
        "connections:\n"
        "  - name: my-repo\n"
        "    kind: git\n"
        "    schema:\n"
        "      url: https://github.com/org/repo\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("v0", True):
        return
    for match in LEFTOVER.finditer(region.text):
        what = f"v0 `{match.group('path')}` was kept as a comment"
        message = f"{what}: {match.group('why')}; then delete the comment"
        yield Diagnostic(RULE.code, message, match.start("path") - 1, match.end("path") + 1)
