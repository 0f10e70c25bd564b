from __future__ import annotations

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
    check_noop("README.md", "Run `polyaxon upload` then\n\n```yaml\ncmd: polyaxon upload\n```\n")


def test_a_fence_without_a_language_is_shell_when_it_holds_commands() -> None:
    text = ("Start:\n\n```\npolyaxon experiment -xp 3 logs\n```\n\nOr:\n\n```\n$ polyaxon experiment -xp 4 stop\n"
            "Experiment 4 is being stopped\n```\n")
    check_transformed("README.md", text, text.replace("polyaxon experiment -xp 3 logs", "polyaxon ops logs -uid 3")
                      .replace("polyaxon experiment -xp 4 stop", "polyaxon ops stop -uid 4"), unsafe=True)
    assert_v1("polyaxon ops logs -uid 3\npolyaxon ops stop -uid 4\n")


def test_a_fence_without_a_language_that_holds_no_command_finds_nothing() -> None:
    check_noop("README.md", '```\nos.system("polyaxon experiment logs")\nexperiment = Experiment()  # polyaxon experiment\n'
                            "kind: experiment\nrun: polyaxon experiment logs\n- polyaxon experiment logs\n"
                            "The polyaxon experiment command is gone.\n```\n")
