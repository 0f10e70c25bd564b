"""PLX308: a v0 client, tracking or helper feature with no v1 counterpart (mapping §4.1 "none" rows, §4.2).

`get_data_paths`, `get_outputs_refs_paths`, `get_cluster_def`, `get_tf_config`, `get_task_info`,
`get_experiment_info`, the bookmark, cluster, user and experiment-job services, `PolyaxonModelCheckpoint`...
Manual: the message names what v1 does instead (connections, Kubeflow operators, `POLYAXON_RUN_INSTANCE`).
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.python._sites import site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX308',
    name='no-v1-equivalent',
    summary=(
        'v0 client or tracking feature that v1 does not have (`get_data_paths`, `get_cluster_def`, '
        'bookmarks...)'
    ),
    why=(
        'These v0 features were dropped in v1, usually because something else took over their job: data '
        'paths are connections mounted at a `mountPath`, distributed settings come from the Kubeflow '
        'operators, upstream outputs are inputs with `ref:`. There is nothing to rename them to, so they '
        'need a manual rewrite.'
    ),
    example=(
        'from polyaxon_client.tracking import get_data_paths\n'
        '\n'
        "data_dir = get_data_paths()['data1']\n"
    ),
    fixed_example=(
        '# polyaxonfile: run.connections: [data1]   (mountPath /data/data1)\n'
        "data_dir = '/data/data1'\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    yield from site_diagnostics(region, context, RULE.code)
