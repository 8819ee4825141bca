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
        """The sentence (or pair of sentences) most like ``quote``, and how alike they are."""
        needle = fold(quote)
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", self.folded) if s.strip()]
        windows = sentences + [a + " " + b for a, b in zip(sentences, sentences[1:])]
        best = Near("", 0.0)
        for window in windows:
            matcher = SequenceMatcher(None, needle, window, autojunk=False)
            if matcher.real_quick_ratio() <= best.similarity or matcher.quick_ratio() <= best.similarity:
                continue
            # Score the best-aligned stretch of the window, so a short quote from a long sentence
            # is judged against the part it came from.
            block = matcher.find_longest_match(0, len(needle), 0, len(window))
            start = max(0, block.b - block.a)
            piece = window[start : start + len(needle) + 20]
            ratio = SequenceMatcher(None, needle, piece, autojunk=False).ratio()
            ratio = max(ratio, matcher.ratio())
            if ratio > best.similarity:
                best = Near(piece if len(window) > len(piece) + 40 else window, ratio)
        return best


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
