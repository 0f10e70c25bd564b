"""PLX212: v0 `polyaxon completion [SHELL] [PATH]` installed the shell completion (with click-completion, the
shell guessed when not given); v1's `polyaxon completion SHELL` needs the shell and installs nothing: it prints
the lines to save and source (v0-surface.md §2; polyaxon 1.20 `cli/completion.py`). Reported without a fix: a
script that ran it to install completion must write those lines itself.
"""

from __future__ import annotations

from typing import Iterator

from polylint.codemods.shell import diagnostic, v0_calls
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code='PLX212',
    name='completion-command',
    summary="v0 `polyaxon completion`: v1's needs the shell, and prints how to install completion instead of "
            "installing it",
    why=(
        "v0's `polyaxon completion` installed the shell completion into the shell's start-up file (the shell "
        "guessed when not given; `--append/--overwrite` and a PATH chose how and where). v1's `polyaxon "
        "completion SHELL` takes one of bash, zsh or fish, refuses the v0 options, and only prints the lines to "
        "run: `_POLYAXON_COMPLETE=bash_source polyaxon > ~/.polyaxon-complete.bash`, then `. "
        "~/.polyaxon-complete.bash` in `~/.bashrc`. A setup script that relied on the install must do those "
        "steps itself, so there is no automatic fix."
    ),
    example='polyaxon completion bash --append\n',
    fixed_example=('_POLYAXON_COMPLETE=bash_source polyaxon > ~/.polyaxon-complete.bash\n'
                   'echo ". ~/.polyaxon-complete.bash" >> ~/.bashrc\n'),
    fix=Applicability.MANUAL,
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    for found in v0_calls(region):
        if found.command.code == RULE.code:
            yield diagnostic(region, found)
