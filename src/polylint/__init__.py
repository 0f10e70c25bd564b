"""polylint: find and rewrite Polyaxon v0 usage for Polyaxon v1."""

__version__ = "0.1.0"
