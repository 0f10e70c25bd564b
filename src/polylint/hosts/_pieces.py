"""Regions made of pieces of a host: the body lines of a fence, a recipe without its prefixes, a YAML
block scalar without its indentation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

from polylint.diagnostics import Edit
from polylint.source import Region, Segment


@dataclass
class GuardedRegion(Region):
    """A region whose host forbids some text in inserted text (a quote inside a quoted YAML scalar, a
    backslash where the host has escapes, `: ` inside a plain one): an edit bringing one is not carried
    back. `forbidden` holds those pieces of text (a plain string: each of its characters)."""

    forbidden: Sequence[str] = ""
    read_only: bool = False  # positions map, but the host text is not the region text: no edit goes back

    def host_edits(self, edits: Sequence[Edit]) -> Optional[List[Edit]]:
        if self.read_only or any(bad in edit.content for edit in edits for bad in self.forbidden):
            return None
        return super().host_edits(edits)


def pieces_region(surface: str, pieces: Sequence[Tuple[Optional[int], str]], forbidden: Sequence[str] = "",
                  read_only: bool = False, **kwargs: Any) -> Region:
    """A region made of host text pieces ``(host_start, text)``, joined in order.

    Pieces that follow each other in the host share a segment, so an edit may span them; an edit that
    would cross a gap in the host (a removed prompt or indentation) is not carried back. A piece whose
    host_start is None is text the host does not hold as such (the space a folded YAML scalar puts
    between two lines): it has no segment, so no edit can touch it."""
    segments: List[Segment] = []
    total = 0
    for host_start, piece in pieces:
        if host_start is None or not piece:
            pass
        elif segments and segments[-1].host_start + segments[-1].length == host_start \
                and segments[-1].region_start + segments[-1].length == total:
            last = segments[-1]
            segments[-1] = Segment(last.region_start, last.host_start, last.length + len(piece))
        else:
            segments.append(Segment(total, host_start, len(piece)))
        total += len(piece)
    text = "".join(piece for _, piece in pieces)
    first = next((start for start, _ in pieces if start is not None), 0)
    region_segments = segments or [Segment(0, first, 0)]
    if forbidden or read_only:
        return GuardedRegion(surface, text, region_segments, forbidden=forbidden, read_only=read_only, **kwargs)
    return Region(surface, text, region_segments, **kwargs)
