"""PLX1xx: Polyaxonfiles. Each check reads one ``polyaxonfile`` region: a v0 or v1 YAML document."""
