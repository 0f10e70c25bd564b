"""Rewriting a v0 deployment config: blocks of a YAML mapping, kept as comments or replaced by v1 values.

A block is a key's line and every line below it that is indented deeper (or is a `- ` item at the key's
column, YAML's compact sequence, or goes on a multi-line scalar or flow collection, however indented), without
the blank and comment lines that trail it. A setting without a v1 place becomes a comment block that opens
with a ``LEFTOVER`` line, which PLX509 reports until a human has dealt with it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Tuple

from polylint.diagnostics import Diagnostic, Edit, Fix
from polylint.knowledge.deploy import PERSISTENCE_NAMED, PERSISTENCE_SINGLE, connection
from polylint.source import Region
from polylint.surfaces.yaml import YamlDocument, key_position

# Why each v0 volume has no place of its own in v1 (v0-to-v1-mapping.md §2.4, §2.7; D1 setup/connections).
VOLUME_FATE = {
    "logs": "v1 writes logs to the `artifactsStore`",
    "upload": "v1 uploads code (`polyaxon run -u`) to the `artifactsStore`",
    "repos": "v1 has no in-cluster git server: add a `kind: git` connection (`schema.url`) per repository "
             "and pull code with `init: [{git: ...}]`",
}


def document(region: Region) -> YamlDocument:
    tree: YamlDocument = region.tree
    return tree


def root_is_block(region: Region) -> bool:
    data = document(region).data
    try:
        return not data.fa.flow_style()
    except AttributeError:
        return False


def block(text: str, region: Region, mapping: Any, key: Any) -> Optional[Tuple[int, int, int]]:
    """(start of the key's line, end of its block, the key's column); None when ruamel did not record it."""
    position = key_position(mapping, key)
    if position is None:
        return None
    start = document(region).offset(position[0], 0)
    column = position[1]
    if text[start:start + column].strip():
        return None  # the key does not start its line (a flow mapping): no block to speak of
    lines = document(region).token_lines
    cursor = text.find("\n", start)
    end = len(text) if cursor < 0 else cursor + 1
    kept_end = end
    number = position[0]
    while end < len(text):
        number += 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        line = text[end:line_end].rstrip("\r\n")
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if number in lines.inside_scalar or number in lines.inside_flow:  # however indented
            kept_end = line_end
        elif stripped and not stripped.startswith("#"):
            if indent < column or (indent == column and not stripped.startswith("- ")):
                break
            kept_end = line_end
        end = line_end
    return start, kept_end, column


def commented(text: str, start: int, end: int, column: int, path: str, why: Optional[str]) -> str:
    """The block text[start:end] as a LEFTOVER comment block at the key's indentation (column 0 for a
    block moved out of its parent), or, without `why`, as a plain record of what was converted."""
    indent = " " * column
    if why is None:
        header = f"{indent}# v0 `{path}` as it was before polylint converted it:\n"
    else:
        header = f"{indent}# polylint: v0 `{path}` has no v1 place: {why}; kept as a comment\n"
    lines = [header]
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        # At most the block's indentation comes off: a scalar's next line may stand left of it.
        margin = min(column, len(body) - len(body.lstrip(" ")))
        lines.append(f"{indent}# {body[margin:]}\n" if body.strip() else "\n")
    return "".join(lines)


def comment_out(region: Region, mapping: Any, key: Any, path: str, why: str) -> Optional[Tuple[Edit, ...]]:
    found = block(region.text, region, mapping, key)
    if found is None or not root_is_block(region):
        return None
    start, end, column = found
    edit = Edit(start, end, commented(region.text, start, end, column, path, why))
    return (edit,) if _reads_as(region, edit, _plain(document(region).data, without=(mapping, key))) else None


def _reads_as(region: Region, edit: Edit, expected: Any) -> bool:
    """Whether the text with the edit made reads as the document expected (as _plain gives it), and as nothing
    else: a line of a block left out of its comment would read as a value, or as YAML of its own."""
    from polylint.source import LineIndex
    from polylint.surfaces.yaml import YamlParseError, read_documents

    text = region.text[:edit.start] + edit.content + region.text[edit.end:]
    try:
        documents = read_documents(text, LineIndex(text))
    except YamlParseError:
        return False
    index = document(region).index
    # A document left with comments only is no document at all.
    now = documents[index].data if len(documents) > index else None
    return bool(_plain(now) == expected)


def _plain(value: Any, without: Optional[Tuple[Any, Any]] = None) -> Any:
    """The value as plain dicts and lists (an emptied mapping reads as null, as YAML writes it), without the
    one key of the one mapping given."""
    if isinstance(value, Mapping):
        kept = {name: _plain(item, without) for name, item in value.items()
                if without is None or value is not without[0] or name != without[1]}
        return kept if kept or not value else None
    if isinstance(value, list):
        return [_plain(item, without) for item in value]
    return value


def at_key(region: Region, code: str, message: str, mapping: Any, key: Any,
           fix: Optional[Fix] = None) -> Diagnostic:
    start, end = document(region).key_span(mapping, key)
    return Diagnostic(code, message, start, end, fix)


def dump(values: Dict[str, Any]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(values, stream)
    return stream.getvalue()


def persistence_rewrite(region: Region) -> Optional[Tuple[Edit, ...]]:
    """The `persistence:` block replaced by `artifactsStore`/`connections`, the rest kept as comments."""
    data = document(region).data
    persistence = data.get("persistence")
    text = region.text
    if "artifactsStore" in data or "connections" in data or not root_is_block(region):
        return None
    whole = block(text, region, data, "persistence")
    if whole is None or not isinstance(persistence, Mapping):
        return None
    artifacts_store: Optional[Dict[str, Any]] = None
    connections: List[Dict[str, Any]] = []
    leftovers: List[str] = []
    names = set()

    def keep(mapping: Any, key: str, path: str, why: Optional[str]) -> bool:
        found = block(text, region, mapping, key)
        if found is None:
            return False
        start, end, _ = found
        # Moved out of `persistence:`, the block is written from column 0 with its own indentation kept.
        leftovers.append(commented(text, start, end, 0, path, why))
        return True

    for section in PERSISTENCE_NAMED:
        volumes = persistence.get(section)
        if not isinstance(volumes, Mapping):
            continue
        for name, entity in volumes.items():
            path = f"persistence.{section}.{name}"
            converted, left = connection(str(name), entity)
            if converted is None or converted["name"] in names:
                why = ("v1 needs a `mountPath` for a volume and a bucket for a store, and unique names; "
                       "write this one as a v1 connection by hand")
                if not keep(volumes, name, path, why):
                    return None
                continue
            names.add(converted["name"])
            # The converted values cannot carry the comments written among them: keep those with the v0 text.
            found = block(text, region, volumes, name)
            if found is None:
                return None
            if "#" in text[found[0]:found[1]] and not keep(volumes, name, path, None):
                return None
            if section == "outputs" and artifacts_store is None:
                artifacts_store = converted
            else:
                connections.append(converted)
            for key in left:
                why = ("v1 mounts the connection's whole `secret`; the key file name is read from the env "
                       "(e.g. `GC_KEY_PATH`) or a `configMap`")
                if not keep(entity, key, f"{path}.{key}", why):
                    return None
    for section in PERSISTENCE_SINGLE:
        path = f"persistence.{section}"
        if section in persistence and not keep(persistence, section, path, VOLUME_FATE[section]):
            return None
    values: Dict[str, Any] = {}
    if artifacts_store is not None:
        values["artifactsStore"] = artifacts_store
    if connections:
        values["connections"] = connections
    start, end, _ = whole
    edit = Edit(start, end, (dump(values) if values else "") + "".join(leftovers))
    expected = {**(_plain(data, without=(data, "persistence")) or {}), **_plain(values)}
    return (edit,) if _reads_as(region, edit, expected or None) else None
