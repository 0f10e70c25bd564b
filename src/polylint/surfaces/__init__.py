"""Parsers for the surface languages, imported only when a region of theirs needs them."""
