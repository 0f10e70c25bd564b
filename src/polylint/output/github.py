"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from polylint.output import Report


def _property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render(report: Report) -> str:
    lines = []
    for finding in report.findings:
        start, end = finding.location, finding.end_location
        properties = (f"file={_property(finding.filename)},line={start.row},col={start.column},"
                      f"endLine={end.row},endColumn={end.column},title={_property(finding.code)}")
        lines.append(f"::error {properties}::{_data(finding.code + ' ' + finding.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
