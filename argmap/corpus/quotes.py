"""Find a claim's quote in its source text, tolerant of typography but not of wording.

Quotes are typed by people who cannot tell ’ from ' or – from -, and web texts are full of
non-breaking spaces and stray line breaks, so both sides are folded before matching. The source
itself is never rewritten: offsets are reported in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Near:
    passage: str
    similarity: float


class FoldedText:
    """A folded copy of a text that remembers where each character came from."""

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(original):
            if _SPACE.match(char) or char in "\u00a0\u202f\u2009\u200a\u2007":
                if chars and chars[-1] == " ":
                    continue
                char = " "
            else:
                char = _FOLD.get(char, char)
            chars.append(char)
            origin.append(index)
        self.folded = "".join(chars)
        self.origin = origin

    def find(self, quote: str) -> Span | None:
        needle = fold(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        end = at + len(needle) - 1
        return Span(self.origin[at], self.origin[end] + 1)

    def closest(self, quote: str) -> Near:
        """The sentence (or pair of sentences) most like ``quote``, and how alike they are.

        The passage is given in the source's own characters, ready to copy.
        """
        needle = fold(quote)
        bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", self.folded) if m.group().strip()]
        windows = bounds + [(a[0], b[1]) for a, b in zip(bounds, bounds[1:])]
        best, best_span = 0.0, (0, 0)
        for start, end in windows:
            window = self.folded[start:end]
            matcher = SequenceMatcher(None, needle, window, autojunk=False)
            if matcher.real_quick_ratio() == 0:
                continue
            # Judge the stretch of the window that the quote's words line up with, so a short
            # quote from a long sentence is compared with the part it came from; runs of one or
            # two letters are chance, not evidence.
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            if not blocks:
                continue
            first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
            matched = sum(b.size for b in blocks)
            ratio = 2 * matched / (len(needle) + (last - first))
            if ratio > best:
                best, best_span = ratio, (start + first, start + last)
        if best == 0.0:
            return Near("", 0.0)
        first, last = best_span
        text = self.folded
        # Widen to whole words and at least the quote's length, so the passage reads as text.
        last = min(len(text), max(last, first + len(needle)))
        while first > 0 and text[first - 1].isalnum():
            first -= 1
        while last < len(text) and text[last].isalnum():
            last += 1
        while first < last and text[first] == " ":
            first += 1
        while last > first and text[last - 1] == " ":
            last -= 1
        similarity = SequenceMatcher(None, needle, text[first:last], autojunk=False).ratio()
        passage = self.original[self.origin[first] : self.origin[last - 1] + 1]
        return Near(" ".join(passage.split()), similarity)


def fold(text: str) -> str:
    return FoldedText(text).folded.strip()


def sentence_around(text: str, span: Span) -> tuple[str, str, str]:
    """(before, quote, after): the quote within the sentence(s) that contain it."""
    start = span.start
    while start > 0 and text[start - 1] != "\n" and text[start - 2 : start] not in (". ", "? ", "! "):
        start -= 1
    end = span.end
    while end < len(text) and text[end] != "\n":
        end += 1
        if text[end - 1] in ".?!" and (end == len(text) or text[end] in " \n"):
            break
    return text[start : span.start], text[span.start : span.end], text[span.end : end]
