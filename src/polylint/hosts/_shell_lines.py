"""Shell pieces shared by the host kinds that embed shell: prompt lines of a console transcript."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

PROMPT = re.compile(r"^[ \t]*(?:\([\w.-]+\)[ \t]*)?\$[ \t]")


def console_pieces(lines: Sequence[Tuple[int, str]]) -> List[Tuple[Optional[int], str]]:
    """The commands of a console transcript: `$ ` lines without their prompt, and the lines that
    continue them (after a trailing backslash); output lines are left out."""
    pieces: List[Tuple[Optional[int], str]] = []
    continued = False
    for host_start, text in lines:
        if continued:
            pieces.append((host_start, text))
        else:
            prompt = PROMPT.match(text)
            if prompt is None:
                continue
            pieces.append((host_start + prompt.end(), text[prompt.end():]))
        continued = text.rstrip("\r\n").endswith("\\")
    return pieces


def has_prompts(lines: Sequence[Tuple[int, str]]) -> bool:
    return any(PROMPT.match(text) for _, text in lines)
