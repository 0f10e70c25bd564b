"""The v0 client package: only its tracking is stood in for (see ../README.md)."""
