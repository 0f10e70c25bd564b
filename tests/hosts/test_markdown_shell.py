from __future__ import annotations

import pytest

from tests.helpers import check_noop, check_transformed, findings
from tests.polyaxon_cli import assert_v1

README = """# Train

```console
$ polyaxon init mnist
Project initialised: polyaxon upload next
$ polyaxon run -f a.yml \\
    -u --ttl 3
```

1. Then:

   ```bash
   polyaxon experiment logs
   ```

```python
os.system("polyaxon upload")
```
"""
README_FIXED = README.replace("polyaxon init mnist", "polyaxon init -p mnist").replace(
    "   polyaxon experiment logs", "   polyaxon ops logs")


def test_fences_are_located_and_output_lines_skipped() -> None:
    found = [(f.code, f.location.row, f.location.column) for f in findings("README.md", README)]
    assert found == [("PLX205", 4, 17), ("PLX210", 7, 8), ("PLX201", 13, 13)]


def test_fences_are_rewritten() -> None:
    check_transformed("README.md", README, README_FIXED, remaining=["PLX210"])
    assert_v1("polyaxon init -p mnist\npolyaxon ops logs\n")


def test_prompts_in_a_bash_fence_are_stripped() -> None:
    check_transformed("docs/x.md", "```bash\n$ polyaxon init mnist\n```\n", "```bash\n$ polyaxon init -p mnist\n```\n")


def test_prose_and_other_fences_are_not_shell() -> None:
    check_noop("README.md", "Run polyaxon upload then\n\n```yaml\ncmd: polyaxon upload\n```\n")


def test_a_fence_without_a_language_is_shell_when_it_holds_commands() -> None:
    text = ("Start:\n\n```\npolyaxon experiment -xp 3 logs\n```\n\nOr:\n\n```\n$ polyaxon experiment -xp 4 stop\n"
            "Experiment 4 is being stopped\n```\n")
    check_transformed("README.md", text, text.replace("polyaxon experiment -xp 3 logs", "polyaxon ops logs -uid 3")
                      .replace("polyaxon experiment -xp 4 stop", "polyaxon ops stop -uid 4"), unsafe=True,
                      remaining=["PLX213", "PLX213"])  # the v0 ids, until replaced by uuids
    assert_v1("polyaxon ops logs -uid 3\npolyaxon ops stop -uid 4\n")


def test_a_fence_without_a_language_that_holds_no_command_finds_nothing() -> None:
    check_noop("README.md", '```\nos.system("polyaxon experiment logs")\nexperiment = Experiment()  # polyaxon experiment\n'
                            "kind: experiment\nrun: polyaxon experiment logs\n- polyaxon experiment logs\n"
                            "The polyaxon experiment command is gone.\n```\n")


PROSE = """# Seg

Each polyaxon experiment logs its metrics, and polyaxon init seg starts a project.

- Link the folder: `polyaxon init seg`
- Follow it with `polyaxon experiment -xp 3 logs`, or `` polyaxon upload `` first.

> polyaxon project -p seg git --url=https://github.com/x/y.git
> $ polyaxon job -j 2 stop

Then:

    $ polyaxon experiment -xp 4 stop
    Experiment 4 is being stopped
"""
PROSE_FIXED = (PROSE.replace("`polyaxon init seg`", "`polyaxon init -p seg`")
               .replace("`polyaxon experiment -xp 3 logs`", "`polyaxon ops logs -uid 3`")
               .replace("> $ polyaxon job -j 2 stop", "> $ polyaxon ops stop -uid 2")
               .replace("$ polyaxon experiment -xp 4 stop", "$ polyaxon ops stop -uid 4"))


def test_commands_in_prose_are_located_exactly() -> None:
    lines = PROSE.splitlines()
    found = [(f.code, f.location.row, lines[f.location.row - 1][f.location.column - 1:f.end_location.column - 1])
             for f in findings("README.md", PROSE)]
    assert found == [
        ("PLX205", 5, "seg"),  # inline code in a list item: the project argument
        ("PLX201", 6, "experiment -xp 3 logs"),  # inline code in a sentence
        ("PLX204", 6, "upload"),  # a span with spaces inside its backticks
        ("PLX209", 8, "project -p seg git"),  # a quoted line
        ("PLX201", 9, "job -j 2 stop"),  # a quoted transcript line
        ("PLX201", 13, "experiment -xp 4 stop"),  # an indented code block, its output line skipped
    ]
    assert [f.location.column for f in findings("README.md", PROSE)] == [35, 28, 67, 12, 14, 16]


def test_inline_code_quoted_lines_and_indented_blocks_are_rewritten_in_place() -> None:
    # The inline spans are rewritten in place: each command parses under v1 and brings no backtick.
    # The v0 ids stay reported (PLX213) until they are replaced by uuids.
    check_transformed("README.md", PROSE, PROSE_FIXED, unsafe=True,
                      remaining=["PLX213", "PLX204", "PLX209", "PLX213", "PLX213"])
    assert_v1("polyaxon init -p seg\npolyaxon ops logs -uid 3\npolyaxon ops stop -uid 2\npolyaxon ops stop -uid 4\n")


def test_inline_code_in_a_list_item_paragraph_indented_as_a_code_block_is_read() -> None:
    before = "1. Link the folder:\n\n    Run `polyaxon init seg` there.\n\n```bash\nls\n```\n    `polyaxon upload`\n"
    assert [(f.code, f.location.row, f.location.column) for f in findings("README.md", before)] == [
        ("PLX205", 3, 24), ("PLX204", 8, 15)]
    check_transformed("README.md", before, before.replace("init seg", "init -p seg"), remaining=["PLX204"])


def test_a_rewrite_that_would_cross_the_marks_of_a_quote_is_reported_without_a_fix() -> None:
    text = "> polyaxon group -g 2 \\\n>   experiments -m\n"
    found = findings("README.md", text)
    assert [(f.code, f.location.row, f.end_location.row) for f in found] == [("PLX201", 1, 2)]
    assert found[0].fix is None


@pytest.mark.parametrize("text", [
    "Each polyaxon experiment logs its metrics; polyaxon init seg links the folder.\n",
    "The `experiment` group, `polyaxon` itself, `polyaxon ops ls` and `polyaxon-client` are fine.\n",
    # A group named in a sentence, or a group and a word that is none of its commands: not a whole v0 command.
    "The `polyaxon experiment` group is gone.\n> polyaxon experiment finished: see the logs\n",
    "Install `pip install polyaxon` and see `polyaxon.tracking`, or ``polyaxon`` alone.\n",
    "> Each polyaxon experiment logs its metrics.\n> polyaxon ops logs -uid abc\n",
    # Indented, but a paragraph's continuation (no blank line before it), and a block with no call line.
    "A paragraph\n    polyaxon experiment logs\n\n    experiment = Experiment()  # polyaxon experiment\n",
    # Inline code in a fence is the fence's text, read (or not) as the fence.
    "```yaml\ncmd: `polyaxon upload`\n```\n",
])
def test_prose_that_mentions_polyaxon_words_is_silent(text: str) -> None:
    check_noop("README.md", text)
