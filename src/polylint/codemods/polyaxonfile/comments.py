"""Comments and leftovers: read from the v0 text, written back beside the v1 keys they belong to.

ruamel attaches a comment line to whatever token came before it (often the last value of the previous
section), which would move `# about run` into the build step list when sections are reordered. So the
comments are read from the text instead, by line: a full-line comment belongs to the key that follows
it, an end-of-line comment to the key on its line. The v1 tree is dumped without comments, read back to
learn on which output line each key landed, and every comment is inserted before (or at the end of) the
line of the key whose v0 origin it described. Blank lines are read the same way, and kept where they land
between two top-level sections. The result is read once more and compared, unless where the comments went
makes it certain that they changed nothing.
"""

from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Sequence, Tuple

from polylint.checks.polyaxonfile.kept_as_comment import MARKER
from polylint.codemods.polyaxonfile.context import Conversion, ConversionError, Leftover
from polylint.source import LineIndex
from polylint.surfaces.yaml import TokenLines, item_position, key_position, load_documents, new_yaml

_EOL_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


@dataclass(frozen=True)
class SourceComment:
    line: int  # 0-based line in the host text
    text: str  # from the `#`; "" for a blank line, which is kept where it separates top-level sections
    end_of_line: bool


def source_comments(text: str, start: int, end: int, token_lines: TokenLines) -> List[SourceComment]:
    """The comments and blank lines of text[start:end], which must hold whole YAML documents' lines
    (token_lines: the stream's)."""
    if text.find("#", start, end) < 0 and not _BLANK_LINE.search(text, start, end):
        # A document without either needs no count of the stream's lines before it.
        return []
    first_line = text.count("\n", 0, start)
    lines = text[start:end].split("\n")
    inside_scalar, token_end = token_lines.inside_scalar, token_lines.token_end
    found = []
    for offset, raw in enumerate(lines):
        line = first_line + offset
        content = raw.rstrip("\r")
        if line in inside_scalar:
            continue
        if not content.strip():
            found.append(SourceComment(line, "", False))
            continue
        if content.lstrip().startswith("#"):
            found.append(SourceComment(line, content.strip(), False))
            continue
        column = token_end.get(line, 0)
        match = _EOL_COMMENT.search(content, column)
        if match and content[:match.start()].strip():
            found.append(SourceComment(line, match.group(0).rstrip(), True))
    return found


def dump(tree: Any) -> str:
    # Polyaxon reads the result with PyYAML: the writer quotes every string that PyYAML would read as
    # something else (`'yes'`, `'1:10:2'`), and writes numbers as PyYAML reads them.
    yaml = new_yaml(pyyaml_scalars=True)
    yaml.indent(mapping=2, sequence=2, offset=0)
    # Never fold a long scalar over lines: an end-of-line comment appended to its first line would cut it.
    yaml.width = 1 << 20
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def leftover_lines(leftover: Leftover, conversion: Conversion) -> List[str]:
    """`# [polylint PLX120] reason` and the v0 value, as it stood under its v0 path, commented out."""
    nested: Any = conversion.copy(leftover.value)
    for key in reversed(leftover.path):
        # A list index shows as the list item it was (its position is in the v0 file's history).
        holder: Any = conversion.new_seq() if isinstance(key, int) else conversion.new_map()
        if isinstance(key, int):
            holder.append(nested)
        else:
            holder[key] = nested
        nested = holder
    body = dump(nested).rstrip("\n").split("\n") if leftover.path else []
    return [f"{MARKER}{leftover.reason}"] + [f"# {line}".rstrip() for line in body]


def _output_lines(tree: Any, reread: Any, conversion: Conversion) -> Dict[int, int]:
    """v0 origin line -> the first output line holding a key that came from it (reread: the dumped tree,
    read back with positions)."""
    placed: Dict[int, int] = {}
    for built, read in _pairs(tree, reread):
        for key in _keys(built):
            position = key_position(read, key) if isinstance(built, dict) else item_position(read, key)
            if position is None:
                continue
            for origin in conversion.lines_of(built, key):
                if origin not in placed or position[0] < placed[origin]:
                    placed[origin] = position[0]
    return placed


def _keys(container: Any) -> Sequence[Any]:
    return list(container.keys()) if isinstance(container, dict) else list(range(len(container)))


def _pairs(built: Any, read: Any) -> Iterator[Tuple[Any, Any]]:
    if isinstance(built, (dict, list)) and isinstance(read, (dict, list)):
        yield built, read
        for key in _keys(built):
            yield from _pairs(built[key], read[key])


def _reads_back_alike(dumped: str) -> bool:
    """Whether render would return dumped unchanged, and two reads of it compare equal.

    render gives back its lines ending in exactly one newline. Two reads of one text are equal, except
    where ruamel compares by identity: a scalar with a tag it does not know (`TaggedScalar`), which needs
    a `!` in the text."""
    return dumped.endswith("\n") and not dumped.endswith("\n\n") and "!" not in dumped


# What YAML also reads as a line break: with one, a comment's text or a dumped line would be two lines.
_OTHER_LINE_BREAK = re.compile("[\r\x85\u2028\u2029]")
_COMPLEX_KEY = re.compile(r"(?m)^[ -]*\?(?: |$)")


def _surely_unchanged(dumped: str, layout: TokenLines, before: Dict[int, List[Tuple[int, List[str]]]],
                      after: Dict[int, List[str]], trailing: List[Tuple[int, List[str]]]) -> bool:
    """Whether YAML surely reads dumped with these comments put in as it reads dumped alone, so that
    comparing the two reads could not find a difference (layout: dumped's, from reading it).

    A block is whole `#` lines put before a line where a key or an item starts, or after the last line;
    an end-of-line comment is `  #...` put at the end of such a line. YAML reads a line of its own that
    starts with `#` as a comment, and ` #` after a line's last token too, except inside a scalar or flow
    collection that spans lines. So no block may follow a line that one of those goes on past, and no
    end-of-line comment may end a line that one of them reaches into or goes on past. A block scalar
    counts as going on past its last line: a comment line less indented than its text would end it as
    the next key's line does, but that is left to the comparison. So is whatever is less plain: a line
    break other than a newline (in a comment it would cut the line in two; in the dump, ruamel's line
    numbers would not be ours), a tag (an unknown one reads back equal to nothing), an anchor or alias,
    a complex key, and trailing newlines that render cuts off.
    """
    if not _reads_back_alike(dumped) or layout.anchored or _COMPLEX_KEY.search(dumped):
        return False
    inserted = [text for blocks in before.values() for _line, block in blocks for text in block]
    inserted += [text for comments in after.values() for text in comments]
    inserted += [text for _line, block in trailing for text in block]
    if _OTHER_LINE_BREAK.search(dumped) or any(_OTHER_LINE_BREAK.search(text) for text in inserted):
        return False
    continued = layout.continued
    last_line = dumped.count("\n") - 1
    return (all(line == 0 or line - 1 not in continued for line in before)
            and all(line not in continued and (line == 0 or line - 1 not in continued) for line in after)
            and (not trailing or last_line not in continued))


def render(tree: Any, conversion: Conversion, comments: Sequence[SourceComment]) -> str:
    """The v1 text of tree, with the v0 comments and the leftover blocks where they belong."""
    dumped = dump(tree)
    if not comments and not conversion.leftovers and _reads_back_alike(dumped):
        # Nothing to place: the text is the dump itself, which the check below would compare with itself.
        return dumped
    [reread] = load_documents(dumped, LineIndex(dumped), pyyaml_scalars=True)
    placed = _output_lines(tree, reread.data, conversion)
    origins = sorted(placed)
    dumped_lines = dumped.rstrip("\n").split("\n")
    before: Dict[int, List[Tuple[int, List[str]]]] = {}
    after: Dict[int, List[str]] = {}
    trailing: List[Tuple[int, List[str]]] = []

    def attach_before(line: int, block: List[str]) -> None:
        index = bisect.bisect_left(origins, line)
        target = placed[origins[index]] if index < len(origins) else None
        if block == [""]:
            # A blank line separates top-level sections: between two of them, where it cannot end a scalar.
            if target is not None and target > 0 and not dumped_lines[target].startswith((" ", "-")) and \
                    target - 1 not in reread.token_lines.continued:
                before.setdefault(target, []).append((line, block))
        elif target is not None:
            before.setdefault(target, []).append((line, block))
        else:
            trailing.append((line, block))

    for comment in comments:
        if comment.end_of_line and comment.line in placed:
            after.setdefault(placed[comment.line], []).append(comment.text)
        else:
            attach_before(comment.line, [comment.text])
    for leftover in conversion.leftovers:
        attach_before(leftover.line, leftover_lines(leftover, conversion))

    out: List[str] = []
    for number, line in enumerate(dumped_lines):
        indent = len(line) - len(line.lstrip(" "))
        for _source_line, block in sorted(before.get(number, []), key=lambda entry: entry[0]):
            if block != [""]:
                out.extend(" " * indent + text for text in block)
            elif out and out[-1]:
                out.append("")  # one blank line, however many stood there
        if number in after:
            line = line + "  " + " ".join(after[number])
        out.append(line)
    for _source_line, block in sorted(trailing, key=lambda entry: entry[0]):
        out.extend(block)
    rendered = "\n".join(out) + "\n"
    if (not _surely_unchanged(dumped, reread.token_lines, before, after, trailing)
            and new_yaml(pyyaml_scalars=True).load(rendered) != reread.data):
        raise ConversionError("the comments could not be placed without changing the document")
    return rendered
