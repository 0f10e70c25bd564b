from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings

WORKFLOW = """name: train
on: push
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - run: polyaxon init mnist  # set up
      - name: many
        run: |
          polyaxon config set --host=$HOST --port=80
          polyaxon experiment -xp "$XP" logs | tee out.txt
      - run: >
          polyaxon upload &&
          polyaxon experiment stop
      - run: "polyaxon init mnist"
      - run: polyaxon init mnist
        shell: pwsh
      - run: echo "polyaxon upload"
"""
WORKFLOW_FIXED = """name: train
on: push
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - run: polyaxon init -p mnist  # set up
      - name: many
        run: |
          polyaxon config set --host=http://$HOST:80
          polyaxon experiment -xp "$XP" logs | tee out.txt
      - run: >
          polyaxon upload &&
          polyaxon ops stop
      - run: "polyaxon init -p mnist"
      - run: polyaxon init mnist
        shell: pwsh
      - run: echo "polyaxon upload"
"""


def located(name: str, text: str) -> list[tuple[str, int, int, int]]:
    return [(f.code, f.location.row, f.location.column, f.end_location.column) for f in findings(name, text)]


def test_github_steps_are_located_in_every_scalar_style() -> None:
    assert located(".github/workflows/ci.yml", WORKFLOW) == [
        ("PLX205", 7, 28, 33), ("PLX206", 10, 44, 53), ("PLX201", 11, 20, 45), ("PLX204", 13, 20, 26),
        ("PLX201", 14, 20, 35), ("PLX205", 15, 29, 34)]


def test_github_steps_are_rewritten_in_place() -> None:
    # `$XP` holds a v0 id: no fix, the finding gives the v1 line (tests/checks/shell/test_removed_run_groups.py).
    check_transformed(".github/workflows/ci.yml", WORKFLOW, WORKFLOW_FIXED, unsafe=True,
                      remaining=["PLX201", "PLX204"])


def test_a_quote_the_scalar_cannot_hold_means_no_fix() -> None:
    text = 'jobs:\n  a:\n    steps:\n      - run: "polyaxon project groups"\n'
    [finding] = findings(".github/workflows/a.yml", text)
    assert finding.code == "PLX209" and finding.fix is None


def test_composite_action() -> None:
    text = "runs:\n  using: composite\n  steps:\n    - run: polyaxon upload\n      shell: bash\n"
    assert located("action.yml", text) == [("PLX204", 4, 21, 27)]


def test_gitlab_scripts() -> None:
    text = ("before_script:\n  - polyaxon config set --host=h --port=1\ntrain:\n  script:\n    - polyaxon init mnist\n"
            "    - - polyaxon upload\n  variables:\n    script: polyaxon upload\n")
    assert located(".gitlab-ci.yml", text) == [("PLX206", 2, 34, 42), ("PLX205", 5, 21, 26), ("PLX204", 6, 18, 24)]


def test_circleci_run_and_command() -> None:
    text = ("jobs:\n  build:\n    steps:\n      - run: polyaxon upload\n      - run:\n          name: x\n"
            "          command: polyaxon init mnist\n")
    assert located(".circleci/config.yml", text) == [("PLX204", 4, 23, 29), ("PLX205", 7, 34, 39)]


def test_azure_script_and_bash() -> None:
    text = "steps:\n- script: polyaxon upload\n- bash: polyaxon init mnist\n"
    assert located("azure-pipelines.yml", text) == [("PLX204", 2, 20, 26), ("PLX205", 3, 23, 28)]


def test_other_yaml_and_non_shell_keys_are_not_read() -> None:
    check_noop("config.yml", "run: polyaxon upload\n")
    check_noop(".github/workflows/a.yml", "env:\n  run: polyaxon upload\n")


def test_broken_yaml_is_reported() -> None:
    assert [f.code for f in findings(".gitlab-ci.yml", "script: [polyaxon upload\n")] == ["PLX001"]


def test_an_edit_that_would_break_a_plain_scalar_is_not_made():
    from tests.helpers import findings, fixed_text

    text = "on: push\njobs:\n  t:\n    steps:\n      - run: polyaxon group -g $GROUP experiments\n"
    [finding] = [f for f in findings(".github/workflows/ci.yml", text) if f.code == "PLX201"]
    assert finding.fix is None and "pipeline: $GROUP" in finding.message
    assert fixed_text(".github/workflows/ci.yml", text, unsafe=True) == text
