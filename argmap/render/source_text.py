"""A source text cut into paragraphs and segments for the page's source reader.

Quote offsets (``quote_start``, ``quote_end``) are Python string indices, which JavaScript's
UTF-16 strings do not share (a character outside the Basic Multilingual Plane is one index here
and two there). So the text is cut here, at every quote's start and end and at every paragraph,
and the page only ever joins the pieces: each segment carries the claims whose quote covers it,
and the segments of a source, joined, are its text exactly.

A paragraph ends at a blank line; a text without blank lines is read one line per paragraph. The
white space between two paragraphs stays at the end of the first, so nothing is lost.
"""

from __future__ import annotations

import re
from typing import Mapping

Segment = tuple[str, tuple[str, ...]]  # (text, the claims whose quote covers it, in the order given)

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_END = re.compile(r"\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph begins (the first is 0)."""
    pattern = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_END
    return [0] + [m.end() for m in pattern.finditer(text) if 0 < m.end() < len(text)]


def paragraphs(text: str, spans: Mapping[str, tuple[int, int]]) -> list[list[Segment]]:
    """The text as paragraphs of segments; ``spans`` maps claim -> (start, end) in ``text``."""
    size = len(text)
    starts = set(paragraph_starts(text))
    rank = {claim: i for i, claim in enumerate(spans)}
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for claim, (start, end) in spans.items():
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start < end:
            opening.setdefault(start, []).append(claim)
            closing.setdefault(end, []).append(claim)
    cuts = sorted(starts | set(opening) | set(closing) | {size})
    active: set[str] = set()
    found: list[list[Segment]] = []
    for left, right in zip(cuts, cuts[1:]):  # a sweep: the quotes open at ``left`` cover the segment
        active.difference_update(closing.get(left, ()))
        active.update(opening.get(left, ()))
        if left in starts or not found:
            found.append([])
        found[-1].append((text[left:right], tuple(sorted(active, key=rank.__getitem__))))
    return found
