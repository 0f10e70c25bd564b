"""CI configs, claimed by path: GitHub Actions (`.github/workflows/*.yml`, composite `action.yml`),
GitLab CI (`.gitlab-ci.yml`), CircleCI (`.circleci/config.yml`) and Azure Pipelines
(`azure-pipelines*.yml`). Each shell scalar is a region:

- GitHub Actions and CircleCI: a step's `run:` (CircleCI: or `run: {command: ...}`), unless the step's
  `shell:` is not a POSIX shell;
- GitLab CI: `script`, `before_script`, `after_script` (a string or a list of them, nested lists too);
- Azure Pipelines: a step's `script:` or `bash:`.

ruamel gives where each scalar starts; the region maps it back line by line. A literal block (`|`) and
a plain or quoted one-line scalar map exactly; a folded block (`>`), a multi-line plain scalar and a
quoted scalar with escapes do not (the host text is not the value), so their findings come without a fix.
The Polyaxonfile host kind may claim the same file; each reads its own regions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

POLYAXON = re.compile(rb"polyaxon")
YAML_SUFFIXES = (".yml", ".yaml")
NOT_POSIX_SHELLS = ("pwsh", "powershell", "cmd", "python")
GITLAB_KEYS = ("script", "before_script", "after_script")
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
BLOCK_HEADER = r"([|>])([+-]?)([1-9]?)([+-]?)[ \t]*(?:#[^\n]*)?\r?\n"


def system(path: HostPath) -> Optional[str]:
    name = path.name.lower()
    parts = [part.lower() for part in path.parts]
    if not name.endswith(YAML_SUFFIXES):
        return None
    if len(parts) >= 3 and parts[-3:-1] == [".github", "workflows"]:
        return "github"
    if name in ("action.yml", "action.yaml"):
        return "github"
    if name.endswith((".gitlab-ci.yml", ".gitlab-ci.yaml")):
        return "gitlab"
    if len(parts) >= 2 and parts[-2] == ".circleci" and name.startswith("config."):
        return "circleci"
    if name.startswith("azure-pipelines"):
        return "azure"
    return None


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset(YAML_SUFFIXES)


def claims(path: HostPath) -> bool:
    return system(path) is not None


def prefilter(data: bytes) -> bool:
    return POLYAXON.search(data) is not None


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    from polylint.hosts._yaml import yaml_documents
    from polylint.surfaces.yaml import item_position, value_position, walk

    kind = system(HostPath(source.path))
    documents = yield from yaml_documents(source)
    if documents is None:
        return
    for document in documents:
        for path, parent, value in walk(document.data):
            if not isinstance(value, str) or "polyaxon" not in value or not path:
                continue
            if not _is_shell(kind, path, parent):
                continue
            key = path[-1]
            position = item_position(parent, key) if isinstance(parent, list) else value_position(parent, key)
            if position is None:
                continue
            region = scalar_region(source.text, document.offset(*position), value, meta={"ci": kind})
            if region is not None:
                yield region


def _is_shell(kind: Optional[str], path: Tuple[Any, ...], parent: Any) -> bool:
    if kind == "gitlab":
        # Top level (`before_script`) or a job's (`train: {script: ...}`), then only list positions.
        for depth in (0, 1):
            if len(path) > depth and path[depth] in GITLAB_KEYS:
                return all(isinstance(part, int) for part in path[depth + 1:])
        return False
    in_steps = "steps" in path
    if not in_steps:
        return False
    step_key = path[-1]
    if kind in ("github", "circleci"):
        if kind == "circleci" and step_key == "command" and len(path) >= 2 and path[-2] == "run":
            return True
        if step_key != "run" or not isinstance(parent, dict):
            return False
        shell = str(parent.get("shell", "bash"))
        return not shell.startswith(NOT_POSIX_SHELLS)
    if kind == "azure":
        return step_key in ("script", "bash")
    return False


def scalar_region(text: str, start: int, value: str, **kwargs: Any) -> Optional[Region]:
    """The region of a YAML scalar starting at ``start`` whose loaded value is ``value``."""
    from polylint.hosts._pieces import pieces_region

    char = text[start:start + 1]
    if char in ("|", ">"):
        return _block(text, start, **kwargs)
    if char in ('"', "'"):
        raw = text[start + 1:start + 1 + len(value)]
        exact = raw == value and "\\" not in raw and (char == '"' or "''" not in text[start:start + len(value) + 2])
        return pieces_region("shell", [(start + 1, value)], forbidden=char + "\\", read_only=not exact, **kwargs)
    # A plain scalar folded over several lines maps only approximately: no fix.
    exact = text[start:start + len(value)] == value
    # In a plain scalar, `#` may start a comment and `: ` a mapping: neither may come in with a fix.
    return pieces_region("shell", [(start, value)], forbidden=("#", ": ", ":\t"), read_only=not exact, **kwargs)


def _block(text: str, start: int, **kwargs: Any) -> Optional[Region]:
    from polylint.hosts._pieces import pieces_region

    header = re.compile(BLOCK_HEADER).match(text, start)
    if header is None:
        return None
    folded = header.group(1) == ">"
    explicit = header.group(3)
    line_start = header.end()
    indent: Optional[int] = None
    pieces: List[Tuple[Optional[int], str]] = []
    position = line_start
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end + 1
        line = text[position:end]
        stripped = line.strip()
        width = len(line) - len(line.lstrip(" "))
        if stripped:
            if indent is None:
                indent = int(explicit) + _key_indent(text, start) if explicit else width
                if indent <= _key_indent(text, start) and not explicit:
                    break
            if width < indent:
                break
            content = line[indent:]
            if folded and pieces and pieces[-1][1] != "\n":
                pieces.append((None, " "))
                content = content.rstrip("\r\n")
            elif folded:
                content = content.rstrip("\r\n")
            pieces.append((position + indent, content))
        else:
            pieces.append((None, "\n"))
        position = end
    if folded:
        pieces.append((None, "\n"))
    return pieces_region("shell", pieces, **kwargs)


def _key_indent(text: str, start: int) -> int:
    """Indentation of the line holding the block scalar's header (the key's, or a list item's)."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return len(line) - len(line.lstrip(" -"))
