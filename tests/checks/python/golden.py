"""The Python golden-case helper: exact before/after through the real pipeline, then Polyaxon 1.20 judges it:
its names and signatures (v1_judge.py), and, for a tracking script, what the rewrite records when it runs
(tests/behaviour/judge.py)."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path
from typing import List, Sequence

from tests.behaviour.judge import assert_same
from tests.checks.python.v1_judge import judge
from tests.helpers import check_transformed

# What the v0 stand-in covers: the tracking API and polyaxon_helper (not the REST client, not callbacks).
_STOOD_IN = ("polyaxon_helper", "polyaxon_client.tracking", "polyaxon_client.exceptions")


def check_golden(before: str, after: str, *, unsafe: bool = False, remaining: Sequence[str] = (),
                 name: str = "train.py") -> List[str]:
    """--fix turns `before` into exactly `after` (idempotent, `remaining` left); `after` compiles, every
    `polyaxon.*` import in it exists in polyaxon 1.20 and every v1 call binds to its real signature; and a
    tracking script left with no finding records, run, what the v0 script recorded.
    Returns what the judge checked, so that a case can assert the judge saw its rewrite."""
    check_transformed(name, before, after, unsafe=unsafe, remaining=remaining)
    checked = judge(after)
    if not remaining and tracking_script(before):
        with tempfile.TemporaryDirectory() as folder:
            assert_same(before, after, Path(folder))
        checked.append("behaviour")
    return checked


def tracking_script(source: str) -> bool:
    """Whether the v0 code imports only what the stand-in has, and some of it."""
    modules = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.extend(f"{node.module}.{alias.name}" if node.module == "polyaxon_client" else node.module
                           for alias in node.names)
    if any(module.split(".")[0] in ("polyaxon", "traceml") for module in modules):
        return False  # half migrated: not a v0 script that ran against v0 alone
    v0 = [module for module in modules if module.split(".")[0] in ("polyaxon_client", "polyaxon_helper")]
    return bool(v0) and all(_stood_in(module) for module in v0)


def _stood_in(module: str) -> bool:
    return ".contrib" not in module and any(module == prefix or module.startswith(prefix + ".")
                                            for prefix in _STOOD_IN)
