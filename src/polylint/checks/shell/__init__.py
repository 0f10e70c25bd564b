"""Checks of the shell surface: v0 `polyaxon` CLI calls (PLX2xx), from the table in knowledge/cli.py."""
