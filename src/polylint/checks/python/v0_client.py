"""PLX304: the v0 API client: `PolyaxonClient(...)` and its services (`client.project.*`, `client.experiment.*`,
`client.job.*`, `client.build_job.*`, `client.experiment_group.*`); v0-surface.md §3.1, mapping §4.1.

`PolyaxonClient(host=, port=, use_https=, token=)` -> `PolyaxonClient(config=ClientConfig(host="http[s]://
host:port"), token=)` (safe). Entity calls `client.experiment.stop(user, project, xp_id)` ->
`RunClient(owner=user, project=project, run_uuid=xp_id, client=client).stop()`: unsafe, because v0 ids are
integers and v1 wants the run's uuid (mapping §3.1). `client.project.list_experiments(user, project,
query=)` -> `RunClient(owner=, project=, client=).list(query=)` and project calls -> `ProjectClient(...)`:
unsafe, because v1 returns SDK objects where v0 returned dicts. The rest is reported with the v1 way.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX304',
    name='v0-client-api',
    summary=(
        'v0 API client call (`PolyaxonClient(host=...)`, `client.experiment.stop(user, project, id)`...)'
    ),
    why=(
        "v1's `PolyaxonClient` is a low-level handle configured by `ClientConfig(host=<URL>)`; the "
        'per-entity work moved to `RunClient(owner, project, run_uuid)` and `ProjectClient(owner, '
        'project)`. v1 addresses runs by uuid, not by the v0 integer id, so a rewrite that passes the old '
        "id on needs your review (unsafe): replace the id with the run's uuid."
    ),
    example=(
        'from polyaxon_client import PolyaxonClient\n'
        '\n'
        "client = PolyaxonClient(host='plx.example.com', port=80, token=token)\n"
        "client.experiment.stop('alice', 'mnist', 12)\n"
    ),
    fixed_example=(
        'from polyaxon.client import RunClient, PolyaxonClient\n'
        'from polyaxon.schemas.cli.client_config import ClientConfig\n'
        '\n'
        'client = PolyaxonClient(config=ClientConfig(host="http://plx.example.com:80"), token=token)\n'
        "RunClient(owner='alice', project='mnist', run_uuid=12, client=client).stop()\n"
    ),
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.SAFE: (
            'from polyaxon_client import PolyaxonClient\n'
            '\n'
            'client = PolyaxonClient(host=HOST, port=PORT, verify_ssl=False)\n'
        ),
        Applicability.MANUAL: (
            'from polyaxon_client import PolyaxonClient\n'
            '\n'
            'client = PolyaxonClient(api_config=config)\n'
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
