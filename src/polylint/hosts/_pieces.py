"""Regions made of pieces of a host: the body lines of a fence, a recipe without its prefixes."""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

from polylint.source import Region, Segment


def pieces_region(surface: str, pieces: Sequence[Tuple[int, str]], **kwargs: Any) -> Region:
    """A region made of host text pieces ``(host_start, text)``, joined in order.

    Pieces that follow each other in the host share a segment, so an edit may span them; an edit that
    would cross a gap in the host (a removed prompt or indentation) is not carried back."""
    segments: List[Segment] = []
    total = 0
    for host_start, piece in pieces:
        if segments and segments[-1].host_start + segments[-1].length == host_start:
            last = segments[-1]
            segments[-1] = Segment(last.region_start, last.host_start, last.length + len(piece))
        elif piece:
            segments.append(Segment(total, host_start, len(piece)))
        total += len(piece)
    text = "".join(piece for _, piece in pieces)
    return Region(surface, text, segments or (Segment(0, pieces[0][0] if pieces else 0, 0),), **kwargs)
