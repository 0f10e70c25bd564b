"""PLX101: Bayesian optimisation and Hyperband searches, which Polyaxon v1 CE does not run.

mapping §2.5 and §2.7: `bo` becomes `matrix.kind: bayes` and `hyperband` stays `hyperband`, both
commercial in v1; CE runs grid, random and mapping searches, and only eagerly (client side).
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.polyaxonfile._document import at_key, document, section
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.knowledge.polyaxonfile import COMMERCIAL_ALGORITHMS
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX101",
    name="commercial-search-algorithm",
    summary="`hptuning.bo` or `hptuning.hyperband`: not in Polyaxon v1 CE",
    why=(
        "v0 CE ran Bayesian optimisation (`bo`) and Hyperband searches itself. In v1 they are the matrix "
        "kinds `bayes` and `hyperband`, which only the commercial editions schedule; CE runs `grid`, "
        "`random` and `mapping` matrices, eagerly from the client (`polyaxon run --eager`). The file can "
        "be converted, but the search will not run on CE: switch to `random` with `numRuns`, or run on "
        "a commercial deployment."
    ),
    example=(
        "hptuning:\n"
        "  bo:\n"
        "    n_iterations: 5\n"
        "    n_initial_trials: 3\n"
        "    metric: {name: loss, optimization: minimize}\n"
        "  matrix:\n"
        "    lr: {uniform: 0.001:0.1}\n"
    ),
    fixed_example=(
        "matrix:\n"
        "  kind: random\n"
        "  numRuns: 8\n"
        "  params:\n"
        "    lr: {kind: uniform, value: 0.001:0.1}\n"
    ),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    # hptuning: 0.1.1+; settings: the 0.0.9-0.1.0 spelling of the same section.
    for parent in ("hptuning", "settings"):
        tuning = section(data, parent)
        if tuning is None:
            continue
        for key, v1_kind in COMMERCIAL_ALGORITHMS.items():
            if key in tuning:
                yield at_key(region, RULE.code,
                             f"`{parent}.{key}` becomes `matrix.kind: {v1_kind}`, which Polyaxon v1 CE does not "
                             "run (commercial editions only); use `kind: random` with `numRuns` on CE",
                             tuning, key)
