"""JUnit XML, which CI systems (GitLab, Jenkins, Azure) show as test results: a suite per file."""

from __future__ import annotations

from xml.etree import ElementTree
from itertools import groupby

from polylint.output import Report


def render(report: Report) -> str:
    root = ElementTree.Element("testsuites", name="polylint", tests=str(max(1, len(report.findings))),
                               failures=str(len(report.findings)), errors="0")
    if not report.findings:
        suite = ElementTree.SubElement(root, "testsuite", name="polylint", tests="1", failures="0", errors="0")
        ElementTree.SubElement(suite, "testcase", name="polylint", classname="polylint")
    for filename, group in groupby(report.findings, key=lambda finding: finding.filename):
        findings = list(group)
        suite = ElementTree.SubElement(root, "testsuite", name=filename, tests=str(len(findings)),
                                       failures=str(len(findings)), errors="0")
        for finding in findings:
            where = f"{finding.location.row}:{finding.location.column}"
            case = ElementTree.SubElement(suite, "testcase", name=f"{finding.code} {where}", classname=filename,
                                          file=filename, line=str(finding.location.row))
            failure = ElementTree.SubElement(case, "failure", message=finding.message, type=finding.code)
            failure.text = f"{filename}:{where}: {finding.code} {finding.message}"
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
