"""PLX307: a v0 REST path in a string literal (`/api/v1/<user>/<project>/experiments|groups|jobs|builds/...`).

v1 merged experiments, groups, jobs and builds into runs: `/api/v1/{owner}/{project}/runs/{uuid}` (mapping §1,
finding 4). Manual: the client classes are the stable way.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX307',
    name='v0-rest-endpoint',
    summary=(
        'v0 REST endpoint in a string (`/api/v1/<user>/<project>/experiments/...`)'
    ),
    why=(
        'v0 served experiments, groups, jobs and builds at separate paths keyed by integer ids. v1 has one '
        'kind of entity, the run, at `/api/v1/{owner}/{project}/runs/{uuid}`; the old paths return 404.'
    ),
    example=(
        '# polyaxon\n'
        "url = f'{host}/api/v1/{user}/{project}/experiments/{xp_id}/statuses'\n"
    ),
    fixed_example=(
        'from polyaxon.client import RunClient\n'
        'status, conditions = RunClient(owner=user, project=project, run_uuid=run_uuid).get_statuses()\n'
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
