"""PLX102: v0's built-in distributed training, which v1 hands to the Kubeflow operators.

mapping §2.6: "In v1, we dropped the built-in distributed logic in favor of better Kubeflow
integration" (#701). `environment.replicas` (0.4.2+) and `environment.tensorflow|pytorch|horovod|mxnet`
(0.1.1-0.4.1) become `run.kind: tfjob|pytorchjob|mpijob|mxjob`, which run only where the matching
operator is installed in the cluster.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import DISTRIBUTED_RUN_KINDS, LEGACY_FRAMEWORK_ENVIRONMENTS
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX102",
    name="native-distributed",
    summary="Built-in distributed training: v1 needs a Kubeflow operator",
    why=(
        "v0 started distributed TensorFlow, PyTorch, Horovod and MXNet jobs itself from "
        "`framework` + `environment.replicas` (or the older `environment.tensorflow:` blocks). v1 dropped "
        "that logic (#701): the run becomes a `tfjob`, `pytorchjob`, `mpijob` or `mxjob`, and the "
        "cluster needs the matching Kubeflow training operator (Polyaxon ships it as the "
        "`polyaxon/trainingjobs` chart). Check that it is installed before running the converted file."
    ),
    example=(
        "framework: tensorflow\n"
        "environment:\n"
        "  replicas:\n"
        "    n_workers: 2\n"
        "    n_ps: 1\n"
    ),
    fixed_example=(
        "run:\n"
        "  kind: tfjob\n"
        "  chief: {replicas: 1, container: {...}}\n"
        "  worker: {replicas: 2, container: {...}}\n"
        "  ps: {replicas: 1, container: {...}}\n"
    ),
    fix=Applicability.MANUAL,
)


def _run_kind(framework: object, backend: object) -> str:
    if backend == "mpi":
        return DISTRIBUTED_RUN_KINDS["mpi"]
    return DISTRIBUTED_RUN_KINDS.get(str(framework).lower(), "a Kubeflow run kind")


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    environment = section(data, "environment")
    if environment is None:
        return
    if "replicas" in environment:
        framework = data.get("framework")
        run_kind = _run_kind(framework, data.get("backend"))
        yield at_key(region, RULE.code,
                     f"distributed `environment.replicas` (framework: {framework}) runs in v1 as "
                     f"`run.kind: {run_kind}`, which needs the Kubeflow operator installed in the cluster",
                     environment, "replicas")
    for framework in LEGACY_FRAMEWORK_ENVIRONMENTS:
        if framework in environment:
            yield at_key(region, RULE.code,
                         f"distributed `environment.{framework}` runs in v1 as `run.kind: "
                         f"{_run_kind(framework, None)}`, which needs the Kubeflow operator installed in the "
                         "cluster", environment, framework)
