"""The shared Markdown helper: fences found by language, and regions made of host pieces."""

from __future__ import annotations

from polylint.diagnostics import Edit
from polylint.hosts._markdown import fences
from polylint.hosts._pieces import pieces_region

TEXT = """# Title

```bash
polyaxon init mnist
```

1. Then:

   ```{.sh}
   polyaxon upload
     indented more
   ```

````python
```bash
not a fence inside a longer one
```
````
~~~ shell title="x"
polyaxon ops ls
"""


def test_fences_are_found_by_language_with_their_lines() -> None:
    found = list(fences(TEXT, {"bash", "sh", "shell"}))
    assert [fence.language for fence in found] == ["bash", "sh", "shell"]
    assert found[0].body == "polyaxon init mnist\n"
    assert found[1].body == "polyaxon upload\n  indented more\n"
    # An unclosed fence runs to the end of the text.
    assert found[2].body == "polyaxon ops ls\n"


def test_fence_lines_map_to_the_host_without_their_indentation() -> None:
    fence = list(fences(TEXT, {"sh"}))[0]
    for line in fence.lines:
        assert TEXT[line.host_start:].startswith(line.text)
    assert fence.lines[0].host_start == TEXT.index("polyaxon upload")


def test_a_longer_fence_hides_shorter_ones_inside_it() -> None:
    assert [fence.body for fence in fences(TEXT, {"python"})] == ["```bash\nnot a fence inside a longer one\n```\n"]


def test_crlf_lines_keep_their_ending() -> None:
    fence = list(fences("```sh\r\npolyaxon upload\r\n```\r\n", {"sh"}))[0]
    assert fence.body == "polyaxon upload\r\n"


def test_pieces_region_joins_contiguous_pieces_and_refuses_edits_across_gaps() -> None:
    host = "$ polyaxon upload\n$ polyaxon init x\n"
    region = pieces_region("shell", [(2, "polyaxon upload\n"), (20, "polyaxon init x\n")])
    assert region.text == "polyaxon upload\npolyaxon init x\n"
    assert len(region.segments) == 2
    assert host[region.host_offset(25):].startswith("init")
    assert region.host_edits([Edit(25, 29, "init -p")]) == [Edit(29, 33, "init -p")]
    assert region.host_edits([Edit(10, 20, "")]) is None
    whole = pieces_region("shell", [(0, "ab\n"), (3, "cd\n")])
    assert len(whole.segments) == 1


def test_the_language_is_the_info_strings_first_word_without_attributes() -> None:
    text = "```python{.line-numbers}\na\n```\n```{.py}\nb\n```\n``` py3, title=x\nc\n```\n"
    assert [fence.language for fence in fences(text, {"python", "py", "py3"})] == ["python", "py", "py3"]
