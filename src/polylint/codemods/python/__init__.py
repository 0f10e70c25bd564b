"""Python codemods (libcst)."""
