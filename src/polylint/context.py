"""What a check may know besides its region: which file it is in and the settings in force."""

from __future__ import annotations

from dataclasses import dataclass

from polylint.config import Settings


@dataclass(frozen=True)
class CheckContext:
    path: str
    settings: Settings
