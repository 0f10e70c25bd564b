"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, Dict, List

from polylint import __version__
from polylint.diagnostics import Finding
from polylint.output import Report
from polylint.rules import Rule, all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(rule: Rule) -> Dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "helpUri": rule.url,
        "help": {"text": f"{rule.why}\n\nv0:\n{rule.example}\nv1:\n{rule.fixed_example}"},
        "properties": {"fixes": [level.value for level in rule.fixes], "family": rule.family},
    }


def _region(finding: Finding) -> Dict[str, int]:
    return {"startLine": finding.location.row, "startColumn": finding.location.column,
            "endLine": finding.end_location.row, "endColumn": finding.end_location.column}


def _result(finding: Finding, rule_index: Dict[str, int]) -> Dict[str, Any]:
    uri = PurePath(finding.filename).as_posix()
    result: Dict[str, Any] = {
        "ruleId": finding.code,
        "level": "error",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}],
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.fix is not None and finding.fix.edits:
        replacements = [{
            "deletedRegion": {"startLine": edit.location.row, "startColumn": edit.location.column,
                              "endLine": edit.end_location.row, "endColumn": edit.end_location.column},
            "insertedContent": {"text": edit.content},
        } for edit in finding.fix.edits]
        result["fixes"] = [{"description": {"text": finding.fix.message},
                            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}]
    return result


def render(report: Report) -> str:
    known = all_rules()
    used = sorted({finding.code for finding in report.findings if finding.code in known})
    rules = [known[code] for code in used]
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    results: List[Dict[str, Any]] = [_result(finding, rule_index) for finding in report.findings]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "polylint", "version": __version__,
                                "informationUri": "https://github.com/polylint/polylint",
                                "rules": [_rule(rule) for rule in rules]}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2) + "\n"
