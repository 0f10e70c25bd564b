"""PLX501-PLX509 together: the v0 deployment config, detected by shape, converted, and judged by Polyaxon
v1's own deployment schema. The rules share one document and one rewrite, so their golden files are shared;
each rule also has its own module of focused tests next to this one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import check_noop, check_transformed, codes, findings, fixed_text

FIXTURES = Path(__file__).parents[2] / "fixtures" / "deploy"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "yaml"


def validate_v1(text: str) -> Any:
    """Polyaxon 1.20.0 is the judge: its DeploymentConfig must accept the converted values."""
    os.environ["POLYAXON_NO_API"] = "true"
    from polyaxon.deploy.schemas.deployment import DeploymentConfig
    from ruamel.yaml import YAML

    return DeploymentConfig.from_dict(YAML(typ="safe").load(text))


def validate_v0(text: str) -> None:
    from marshmallow import ValidationError
    from ruamel.yaml import YAML

    os.environ["POLYAXON_NO_API"] = "true"
    from polyaxon.deploy.schemas.deployment import DeploymentConfig

    with pytest.raises(ValidationError):
        DeploymentConfig.from_dict(YAML(typ="safe").load(text))


def _only_file(folder: Path) -> Path:
    (path,) = list(folder.iterdir())
    return path


@pytest.mark.parametrize("case", CASES)
def test_golden_fixture(case: str) -> None:
    before = _only_file(FIXTURES / case / "before")
    after = (FIXTURES / case / "after" / before.name).read_text()
    remaining = [finding.code for finding in findings(before.name, after)]
    assert remaining and set(remaining) == {"PLX509"}
    check_transformed(before.name, before.read_text(), after, unsafe=True, remaining=remaining)


@pytest.mark.parametrize("case", CASES)
def test_v0_fixture_is_rejected_and_converted_fixture_validates_with_polyaxon_1_20(case: str) -> None:
    before = _only_file(FIXTURES / case / "before")
    validate_v0(before.read_text())
    validate_v1((FIXTURES / case / "after" / before.name).read_text())


def test_safe_fixes_only_rename() -> None:
    text = "timeZone: UTC\nhpsearch:\n  replicas: 1\n"
    assert fixed_text("values.yaml", text) == "timezone: UTC\nhpsearch:\n  replicas: 1\n"


def test_every_finding_is_located_at_its_key() -> None:
    text = (FIXTURES / "full" / "before" / "polyaxon-config.yml").read_text()
    lines = text.splitlines()
    for finding in findings("polyaxon-config.yml", text):
        line = lines[finding.location.row - 1]
        key = line[finding.location.column - 1:finding.end_location.column - 1]
        assert line.lstrip().startswith(key + ":"), (finding.code, line)


@pytest.mark.parametrize(("name", "text"), [
    # A Polyaxonfile with a misplaced helm-style `persistence` (real-world-patterns.md, aponte411).
    ("polyaxonfile.yml", ("version: 1\nkind: experiment\npersistence:\n  outputs:\n    o: {mountPath: /o}\n"
                          "run:\n  cmd: python train.py\n")),
    # A Kubernetes manifest and a compose file with look-alike keys.
    ("deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\npersistence:\n  logs: {}\nrbac: {}\n"),
    ("docker-compose.yml", ("version: '3'\nservices:\n  redis:\n    image: redis\npersistence:\n  data: {}\n"
                            "docker-registry: {}\n")),
    # Other charts' values: `persistence` of another shape, or a lone docker-registry.
    ("values.yaml", "persistence:\n  enabled: true\n  size: 8Gi\nrbac:\n  enabled: true\n"),
    ("values.yaml", "docker-registry:\n  enabled: true\n"),
    # Grafana's values have `plugins`, `rbac`, `ingress` and another `persistence`; a registry chart's too.
    ("values.yaml", ("rbac:\n  create: true\ningress:\n  enabled: false\nplugins: []\npersistence:\n"
                     "  enabled: false\nserviceType: ClusterIP\n")),
    ("values.yaml", "docker-registry:\n  enabled: true\ningress:\n  enabled: true\nrbac: {}\n"),
    # A v1 config.
    ("values.yaml", ("rbac:\n  enabled: true\nartifactsStore:\n  name: store\n  kind: host_path\n  schema:\n"
                     "    hostPath: /tmp\n    mountPath: /plx\nredis:\n  enabled: false\n")),
])
def test_not_a_v0_deploy_config(name: str, text: str) -> None:
    assert not [code for code in codes(name, text) if code.startswith("PLX5")]


def test_minimal_v0_config_is_known_by_its_name() -> None:
    text = "rbac:\n  enabled: true\ningress:\n  enabled: true\nserviceType: ClusterIP\n"
    assert codes("polyaxon-config.yml", text) == ["PLX505"]
    assert codes("values.yaml", text) == []


def test_v1_config_untouched() -> None:
    check_noop("values.yaml", "rbac:\n  enabled: true\nartifactsStore:\n  name: store\n  kind: host_path\n"
                              "  schema:\n    hostPath: /tmp\n    mountPath: /plx\n")


def test_flow_style_config_is_reported_without_fix() -> None:
    text = "{rbac: {enabled: true}, docker-registry: {enabled: true}, persistence: {logs: {existingClaim: x}}}\n"
    found = findings("values.yaml", text)
    assert [f.code for f in found] == ["PLX501", "PLX503"]
    assert all(f.fix is None for f in found)


def test_existing_connections_block_persistence_rewrite() -> None:
    text = "rbac: {}\nconnections: []\npersistence:\n  outputs:\n    o:\n      hostPath: /o\n      mountPath: /o\n"
    (finding,) = [f for f in findings("values.yaml", text) if f.code == "PLX503"]
    assert finding.fix is None


def test_crlf_config() -> None:
    before = "rbac:\r\n  enabled: true\r\ndocker-registry:\r\n  enabled: true\r\n"
    after = fixed_text("polyaxon-config.yml", before, unsafe=True)
    assert "\n" not in after.replace("\r\n", "")
    assert after.startswith("rbac:\r\n  enabled: true\r\n# polylint: v0 `docker-registry` has no v1 place")
    validate_v1(after)


def test_yaml_that_does_not_parse_is_reported() -> None:
    assert "PLX001" in codes("values.yaml", "persistence:\n  logs: [\n")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_corpus_polyaxonfiles_are_not_deploy_configs() -> None:
    checked = 0
    for path in sorted(CORPUS.iterdir()):
        name = path.name.split("__")[-1]
        found = [code for code in codes(name, path.read_text(encoding="utf-8", errors="replace"))
                 if code.startswith(("PLX4", "PLX5"))]
        assert found == [], path.name
        checked += 1
    assert checked > 80


@pytest.mark.parametrize("code", ["PLX501", "PLX502", "PLX503", "PLX504", "PLX505", "PLX506", "PLX509"])
def test_rule_example_is_flagged_by_its_rule(code: str) -> None:
    from polylint.rules import all_rules

    rule = all_rules()[code]
    # Next to a v0-only key, as in a real v0 config (a lone key of another chart's shape is not enough).
    text = rule.example if code == "PLX509" else "adminViewEnabled: true\n" + rule.example
    assert code in codes("values.yaml", text)


def test_one_parse_error_when_several_yaml_host_kinds_claim_the_file() -> None:
    assert codes("x.yml", "kind: experiment\npersistence:\n  logs: [\n") == ["PLX001"]


def test_a_commented_block_keeps_a_scalar_line_that_stands_left_of_the_block() -> None:
    from polylint.checks.deploy._convert import commented

    block = '  logs:\n    claim: "pvc-\\\nlogs"\n'
    assert commented(block, 0, len(block), 2, "persistence.logs", "gone") == (
        "  # polylint: v0 `persistence.logs` has no v1 place: gone; kept as a comment\n"
        '  # logs:\n  #   claim: "pvc-\\\n  # logs"\n')


def test_a_comment_block_is_made_only_when_the_rest_reads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    from polylint.checks.deploy import _convert

    text = 'adminViewEnabled: true\nuser:\n  username: root\n  password: "\\\ns3cret"\n'
    real = _convert.block

    def one_line_short(*arguments: Any) -> Any:  # the bug it guards against: the scalar's last line left out
        start, _end, column = real(*arguments)
        return start, text.rindex("s3cret"), column

    monkeypatch.setattr(_convert, "block", one_line_short)
    [user] = [finding for finding in findings("config.yml", text) if finding.code == "PLX504"]
    assert user.fix is None
