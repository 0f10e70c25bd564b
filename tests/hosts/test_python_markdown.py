"""Markdown: Python fences are checked and fixed in place; other fences and the prose are untouched."""

from tests.helpers import check_noop, check_transformed, findings

README = """# Project

Train with tracking:

```python
from polyaxon_client.tracking import Experiment

experiment = Experiment()
experiment.log_params(lr=0.01)  # from the polyaxonfile
```

```bash
polyaxon run -f polyaxonfile.yml
```

```py
print "Python 2 from polyaxon_client"
```

- Or in a list item:

  ```python
  from polyaxon_client.tracking import Experiment
  xp = Experiment()
  ```
"""

FIXED = README.replace(
    "```python\nfrom polyaxon_client.tracking import Experiment\n\nexperiment = Experiment()\n"
    "experiment.log_params(",
    "```python\nfrom polyaxon import tracking\n\nexperiment = tracking.init()\nexperiment.log_inputs(").replace(
    "  from polyaxon_client.tracking import Experiment\n  xp = Experiment()\n",
    "  from polyaxon import tracking\n  xp = tracking.init()\n")


def test_python_fences_are_fixed_in_place() -> None:
    assert FIXED.count("tracking.init()") == 2
    check_transformed("README.md", README, FIXED)


def test_positions_are_in_the_markdown_file() -> None:
    found = findings("README.md", README)
    assert [(f.code, f.location.row, f.location.column) for f in found] == [
        ("PLX301", 6, 1), ("PLX302", 8, 14), ("PLX303", 9, 1), ("PLX301", 23, 3), ("PLX302", 24, 8)]


def test_a_fence_that_does_not_parse_is_skipped() -> None:
    check_noop("README.md", "```python\nprint 'polyaxon_client'\n...\n```\n")


def test_other_languages_and_prose_are_not_python() -> None:
    check_noop("README.md", "Use `from polyaxon_client.tracking import Experiment` in v0.\n\n"
                            "```yaml\nkind: experiment\n```\n\n```\nfrom polyaxon_client import x\n```\n")


def test_a_fence_that_does_not_parse_is_a_stated_skip(tmp_path):
    from polylint.config import Settings
    from polylint.results import Options
    from polylint.checking import process_bytes

    text = "# Guide\n\n```python\nfrom polyaxon_client import PolyaxonClient\nclient = PolyaxonClient(\n```\n"
    result = process_bytes("README.md", text.encode(), Options(Settings()))
    assert result.findings == []
    assert result.notes == ["README.md:4:1: skipped: a ```python fence that does not parse " + result.notes[0].split(
        "does not parse ")[1]]


def test_a_fence_in_a_nested_list_item_is_fixed_line_by_line() -> None:
    before = ("1. Install\n\n    - then track:\n\n      ```{.python}\n"
              "      from polyaxon_client.tracking import Experiment\n\n      xp = Experiment()\n      ```\n")
    after = before.replace("from polyaxon_client.tracking import Experiment", "from polyaxon import tracking"
                           ).replace("Experiment()", "tracking.init()")
    check_transformed("docs/guide.mdx", before, after)


def test_a_note_for_an_indented_fence_points_at_its_first_line() -> None:
    from polylint.config import Settings
    from polylint.results import Options
    from polylint.checking import process_bytes

    text = "- step:\n\n  ```python\n  from polyaxon_client import x\n  print 'x'\n  ```\n"
    result = process_bytes("README.md", text.encode(), Options(Settings()))
    assert result.findings == [] and result.notes[0].startswith("README.md:4:1: skipped: a ```python fence")
