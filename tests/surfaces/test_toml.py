"""The TOML position walker agrees with tomllib on what it finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from polylint.surfaces.toml import TomlScanError, entries, load, string_inside

TRICKY = '''
# comment with = and [brackets]
[project]
name = "x"  # trailing
"quoted.key" = 'literal'
dependencies = [
    "a>=1",  # one
    'b[x]; python_version < "3.9"',
    """c""",
    [1, 2],
    { inline = "table" },
]
[tool.poetry.dependencies]
polyaxon-client = { version = "^0.6.1", extras = ["gcs"] }
multi = """
line = [not a table]
"""
[[array.of.tables]]
x = 1
'''


def test_entries_locate_values_as_tomllib_reads_them() -> None:
    data = load(TRICKY)
    found = {entry.table + entry.key: entry for entry in entries(TRICKY)}
    assert set(found) == {("project", "name"), ("project", "quoted.key"), ("project", "dependencies"),
                          ("tool", "poetry", "dependencies", "polyaxon-client"),
                          ("tool", "poetry", "dependencies", "multi"), ("array", "of", "tables", "x")}
    dependencies = found[("project", "dependencies")]
    assert len(dependencies.elements) == len(data["project"]["dependencies"]) == 5
    first = string_inside(TRICKY, dependencies.elements[0])
    assert first is not None and TRICKY[first[0]:first[1]] == "a>=1"
    assert string_inside(TRICKY, dependencies.elements[2]) is None  # multi-line strings are not rewritten
    version = found[("tool", "poetry", "dependencies", "polyaxon-client")].inline["version"]
    assert TRICKY[version[0]:version[1]] == '"^0.6.1"'
    key = found[("project", "quoted.key")].key_span
    assert TRICKY[key[0]:key[1]] == "quoted.key"


def test_our_own_pyproject_walks() -> None:
    text = (Path(__file__).parents[2] / "pyproject.toml").read_text()
    data = load(text)
    (dependencies,) = [e for e in entries(text) if e.table + e.key == ("project", "dependencies")]
    assert len(dependencies.elements) == len(data["project"]["dependencies"])


def test_unterminated_value_gives_up() -> None:
    with pytest.raises(TomlScanError):
        list(entries('x = ["a", "b"\n'))
