"""Find a claim's quote in its source text, tolerant of typography but not of wording.

Quotes are typed by people who cannot tell ’ from ' or – from -, and web texts are full of
non-breaking spaces and stray line breaks, so both sides are folded before matching. The source
itself is never rewritten: offsets are reported in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
# Every character str.isspace() (and so the regular expression \s) counts as white space,
# no-break and thin spaces included: each becomes a plain space, then a run of them one.
_WHITE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_WHITE, " ")})
_RUNS = re.compile(" {2,}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Near:
    passage: str
    similarity: float


class FoldedText:
    """A folded copy of a text that can map each folded position back to the original.

    Folding maps characters one to one, except that a run of white space becomes one space; so
    the map is kept as the positions where the two drift apart (one per run of two or more
    white-space characters), not one entry per character: a 20 MB text costs 20 MB, not 1 GB.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        translated = original.translate(_TABLE)  # one character for one: offsets are unchanged
        self.folded = _RUNS.sub(" ", translated)
        self._folded_at: list[int] = [0]  # folded position -> ...
        self._original_at: list[int] = [0]  # ... the original position it stands for, from there on
        removed = 0
        for start, end in [m.span() for m in _RUNS.finditer(translated)]:
            self._folded_at.append(start - removed + 1)
            self._original_at.append(end)
            removed += end - start - 1

    def origin(self, index: int) -> int:
        """The original position of folded position ``index``."""
        at = bisect_right(self._folded_at, index) - 1
        return self._original_at[at] + index - self._folded_at[at]

    def find(self, quote: str) -> Span | None:
        needle = fold(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        return Span(self.origin(at), self.origin(at + len(needle) - 1) + 1)

    def occurrences(self, quote: str, limit: int = 2) -> list[Span]:
        """Where ``quote`` occurs, up to ``limit`` times."""
        needle = fold(quote)
        found: list[Span] = []
        at = self.folded.find(needle) if needle else -1
        while at >= 0 and len(found) < limit:
            found.append(Span(self.origin(at), self.origin(at + len(needle) - 1) + 1))
            at = self.folded.find(needle, at + 1)
        return found

    def closest(self, quote: str) -> Near:
        """The sentence (or pair of sentences) most like ``quote``, and how alike they are.

        rapidfuzz's partial alignment finds, in one pass over the text, the stretch that best
        matches the quote; difflib then judges only the sentences around that stretch, as it
        used to judge every sentence of the text (which cost seconds per megabyte). The passage
        is given in the source's own characters, ready to copy.
        """
        from rapidfuzz import fuzz

        needle = fold(quote)
        text = self.folded
        if not needle or not text.strip():
            return Near("", 0.0)
        aligned = fuzz.partial_ratio_alignment(needle, text)
        if aligned is None or aligned.score == 0:
            return Near("", 0.0)
        low, high = _around(text, aligned.dest_start, aligned.dest_end, len(needle))
        bounds = [m.span() for m in _SENTENCE.finditer(text, low, high) if m.group().strip()]
        windows = bounds + [(a[0], b[1]) for a, b in zip(bounds, bounds[1:])]
        best, best_span = 0.0, (0, 0)
        for start, end in windows:
            if end <= aligned.dest_start or start >= aligned.dest_end:
                continue  # not where the quote lines up
            window = text[start:end]
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
        passage = self.original[self.origin(first) : self.origin(last - 1) + 1]
        return Near(" ".join(passage.split()), similarity)


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_ENDS = ".!?\n"


def _around(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """From the start of the sentence before ``start`` to the end of the sentence after ``end``,
    but never more than a few quote lengths away (a text without full stops is one "sentence")."""
    reach = 4 * width + 1000
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    low = _sentence_start(text, start, floor)
    while low > floor and text[low - 1] in _ENDS:
        low -= 1
    low = _sentence_start(text, low, floor)
    high = _sentence_end(text, end, ceiling)
    while high < ceiling and text[high] in _ENDS:
        high += 1
    return low, _sentence_end(text, high, ceiling)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    return max(floor, *(text.rfind(c, floor, pos) + 1 for c in _ENDS))


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    found = [i for i in (text.find(c, pos, ceiling) for c in _ENDS) if i >= 0]
    if not found:
        return ceiling
    end = min(found)
    while end < ceiling and text[end] in ".!?":
        end += 1
    return end


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
