"""PLX502: the v0 Celery broker settings (`rabbitmq-ha`, `redis`, `broker`), off by default in v1.

v0 ran its scheduler on Celery, with RabbitMQ as the broker and Redis beside it, both deployed by
default. v1 CE schedules runs without them: the chart keeps `scheduler`, `worker`, `beat`, `rabbitmq-ha`,
`redis` and `broker`, all off, and validates them together (polyaxon 1.20.0 `deploy/schemas/
deployment.py::validate_platform_deployment`: Redis and RabbitMQ both on, or a broker without a
consumer, fail), so v0's settings do not carry over as they were.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.deploy._convert import at_key, comment_out, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.deploy import BROKER_KEYS
from polylint.rules import Rule
from polylint.source import Region

WHY = ("v1 CE runs without the Celery scheduler, RabbitMQ and Redis (all off by default); enable "
       "`scheduler`/`worker` with one broker only if you need them")
RULE = Rule(
    code="PLX502",
    name="deploy-broker",
    summary="v0 Celery broker settings: the scheduler, RabbitMQ and Redis are off by default in v1",
    why=(
        "The v0 chart deployed RabbitMQ (`rabbitmq-ha`, the Celery broker) and Redis for its Celery "
        "scheduler and workers. In v1 CE the API and the operator schedule runs without them; the keys still exist but "
        "are off by default and validated together: with both Redis and RabbitMQ on and no `broker: redis`, "
        "v1 refuses the config (\"redis is enabled but you are using a different broker backend!\"). The fix "
        "(unsafe) keeps the v0 blocks as comments; turn the v1 `scheduler`, `worker` and one broker on only "
        "if you need them."
    ),
    example=(
        "rabbitmq-ha:\n"
        "  rabbitmqUsername: polyaxon\n"
        "  rabbitmqPassword: polyaxon\n"
        "redis:\n"
        "  enabled: true\n"
    ),
    fixed_example="(nothing: v1 CE needs neither)\n",
    fix=Applicability.UNSAFE,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    for key in BROKER_KEYS:
        if key not in data:
            continue
        edits = comment_out(region, data, key, key, WHY)
        fix = Fix(Applicability.UNSAFE, f"Keep `{key}` as a comment", edits) if edits else None
        yield at_key(region, RULE.code, f"v0 `{key}`: {WHY}", data, key, fix)
