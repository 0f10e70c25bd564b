from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column) for f in findings("v1.yml", text) if f.code == "PLX112"]


def test_v0_shape_flagged():
    text = ("version: 1.1\nkind: operation\nhubRef: jupyterlab\nrunPatch:\n  container:\n    resources:\n"
            "      cpu: {requests: 1}\n      gpu: 1\n")
    assert hits(text) == [(6, 5)]


def test_kubernetes_shape_not_flagged():
    text = ("version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: a\n    resources:\n"
            "      requests: {cpu: 1, memory: 1Gi}\n      limits: {nvidia.com/gpu: 1}\n")
    assert hits(text) == []
