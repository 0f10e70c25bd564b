"""ruff's JSON format, field for field, so tooling that reads ruff's output reads ours."""

from __future__ import annotations

import json
from typing import Any, Dict

from polylint.diagnostics import Finding
from polylint.output import Report
from polylint.rules import all_rules


def as_dict(finding: Finding) -> Dict[str, Any]:
    rule = all_rules().get(finding.code)
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "message": finding.fix.message,
            "edits": [{"content": edit.content, "location": edit.location.as_dict(),
                       "end_location": edit.end_location.as_dict()} for edit in finding.fix.edits],
        }
    return {
        "cell": finding.cell,
        "code": finding.code,
        "end_location": finding.end_location.as_dict(),
        "filename": finding.filename,
        "fix": fix,
        "location": finding.location.as_dict(),
        "message": finding.message,
        "noqa_row": finding.location.row,
        "url": rule.url if rule else None,
    }


def render(report: Report) -> str:
    return json.dumps([as_dict(finding) for finding in report.findings], indent=2) + "\n"
