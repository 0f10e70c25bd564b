"""Output formats: each module renders the findings of a run as text for one consumer."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, List, NamedTuple, Protocol

if TYPE_CHECKING:
    from polylint.diagnostics import Finding


class Report(NamedTuple):
    findings: List[Finding]
    fixed: int
    fixing: bool
    unsafe_fixes: bool
    color: bool = False
    quiet: bool = False


class Renderer(Protocol):
    def render(self, report: Report) -> str: ...


def render(output_format: str, report: Report) -> str:
    module: Renderer = importlib.import_module(f"polylint.output.{output_format}")
    return module.render(report)
