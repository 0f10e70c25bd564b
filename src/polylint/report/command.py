"""``polylint report``: survey the paths, update the baseline, and write Markdown or HTML."""

from __future__ import annotations

import datetime
import importlib
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from polylint.config import ConfigError, Settings
from polylint.report import baseline, model
from polylint.report.survey import survey

# The output file's extension picks the format; without -o, Markdown goes to standard output.
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_for(output: Optional[str]) -> str:
    if output is None or output == "-":
        return "markdown"
    extension = os.path.splitext(output)[1].lower()
    if extension not in FORMATS:
        raise ConfigError(f"-o {output}: the report is written as .md (Markdown) or .html, "
                          f"not {extension or 'a file without an extension'}")
    return FORMATS[extension]


def _today() -> str:
    return datetime.date.today().isoformat()


def write_report(paths: Sequence[str], output: Optional[str], settings: Settings, jobs: int,
                 today: Optional[str] = None) -> int:
    """Write the report; 0 when it was written, 2 when a path does not exist (nothing is written)."""
    renderer = importlib.import_module(f"polylint.report.{format_for(output)}")
    to_file = output is not None and output != "-"
    folder = os.path.dirname(output) if to_file and output else ""
    if folder and not os.path.isdir(folder):
        raise ConfigError(f"-o {output}: no such folder {folder}")
    found = survey(paths, settings, jobs, leave_out=output if to_file else None)
    if found.errors:
        for path, reason in found.errors:
            print(f"polylint: error: {path}: {reason}", file=sys.stderr)
        return 2
    date = today or _today()
    progress = baseline.progress(found.findings, found.files, paths, settings, date)
    text: str = renderer.render(model.build(found, progress, paths, date))
    if to_file:
        assert output is not None
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"-o {output}: cannot write: {error.strerror}") from error
        print(f"polylint: report written to {output} ({model.headline(progress)})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
