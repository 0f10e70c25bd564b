from tests.helpers import findings


def hits(text):
    return [(f.location.row, f.location.column, f.message.split("`")[1]) for f in findings("c.yml", text)
            if f.code == "PLX104"]


def test_every_reference_key_flagged_where_it_stands():
    text = ("version: 1\nkind: experiment\nenvironment:\n  persistence:\n    data: [d]\n  data_refs: [a]\n"
            "  artifact_refs: [b]\n  secret_refs: [s]\n  config_map_refs: [c]\n  configmap_refs: [o]\n")
    assert hits(text) == [(4, 3, "environment.persistence"), (6, 3, "environment.data_refs"),
                          (7, 3, "environment.artifact_refs"), (8, 3, "environment.secret_refs"),
                          (9, 3, "environment.config_map_refs"), (10, 3, "environment.configmap_refs")]


def test_misplaced_top_level_persistence_flagged():
    text = "version: 1\nkind: experiment\npersistence:\n  data: [d]\n"
    assert hits(text) == [(3, 1, "persistence")]


def test_plain_environment_not_flagged():
    assert hits("version: 1\nkind: job\nenvironment:\n  node_selector: {a: b}\n") == []
