"""PLX5xx: deployment configs (Helm values, `polyaxon admin deploy -f`) written for the v0 chart."""
