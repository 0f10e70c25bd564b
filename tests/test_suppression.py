from tests.helpers import codes

V0 = "version: 1\nkind: experiment\nenvironment:\n  data_refs: [d]\n"


def test_ignore_comment_on_the_line():
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1  # polylint: ignore[PLX100]\n")) == ["PLX104"]


def test_ignore_comment_on_the_line_above():
    assert codes("a.yml", "# polylint: ignore[PLX104]\n" + V0.replace("  data_refs", "  # polylint: ignore[PLX104]\n  data_refs")) == ["PLX100"]


def test_bare_ignore_and_prefixes():
    assert codes("a.yml", "# polylint: ignore\n" + V0) == ["PLX104"]
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1 # polylint: ignore[PLX1]\n")) == ["PLX104"]


def test_noqa_with_and_without_codes():
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1  # noqa: PLX100\n")) == ["PLX104"]
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1  # noqa\n")) == ["PLX104"]
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1  # noqa: E501\n")) == ["PLX100", "PLX104"]


def test_other_codes_not_suppressed():
    assert codes("a.yml", V0.replace("version: 1\n", "version: 1  # polylint: ignore[PLX2]\n")) == ["PLX100", "PLX104"]


def test_skip_file_in_first_ten_lines():
    assert codes("a.yml", "# polylint: skip-file\n" + V0) == []
    assert codes("a.yml", "\n" * 10 + "# polylint: skip-file\n" + V0) == ["PLX100", "PLX104"]


def test_documentation_comments() -> None:
    assert codes("README.md", "<!-- polylint: ignore[PLX205] -->\nRun `polyaxon init seg`.\n") == []
    assert codes("README.md", "Run `polyaxon init seg`. <!-- noqa: PLX205 -->\n") == []
    assert codes("docs/index.rst", ".. polylint: ignore[PLX205]\n\nRun ``polyaxon init seg``.\n") == ["PLX205"]
    assert codes("docs/index.rst", ".. polylint: ignore[PLX205]\nRun ``polyaxon init seg``.\n") == []
    assert codes("docs/index.rst", "Run ``polyaxon init seg``... polylint: ignore\n") == ["PLX205"]
