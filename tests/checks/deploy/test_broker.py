"""PLX502: v0 RabbitMQ/Redis/broker settings."""

from tests.checks.deploy.test_deploy import validate_v0, validate_v1
from tests.helpers import findings, fixed_text

BEFORE = ("rbac:\n  enabled: true\n"
          "rabbitmq-ha:\n  enabled: true\n  rabbitmqPassword: polyaxon\n"
          "redis:\n  enabled: true\n"
          "broker: rabbitmq\n"
          "hpsearch: {}\n")


def test_each_broker_key_is_reported() -> None:
    found = [(f.code, f.location.row) for f in findings("values.yaml", BEFORE) if f.code == "PLX502"]
    assert found == [("PLX502", 3), ("PLX502", 6), ("PLX502", 8)]


def test_v0_both_enabled_fails_v1_and_the_fix_makes_it_valid() -> None:
    validate_v0(BEFORE.replace("hpsearch: {}\n", ""))
    after = fixed_text("values.yaml", BEFORE, unsafe=True)
    assert "# rabbitmq-ha:\n#   enabled: true\n#   rabbitmqPassword: polyaxon\n" in after
    assert "# broker: rabbitmq\n" in after
    validate_v1(after)
