"""Whether two passages say nearly the same thing, so a quiz never offers a look-alike as wrong.

``similar_text`` is the rule. ``Lookalikes`` asks it of one text against a whole set at once:
a wrong option is checked against every claim that could make it right, and on a corpus of
thousands of claims comparing every pair is millions of comparisons. It finds the same answer
while comparing only the pairs that share enough words to be similar at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from argmap.corpus.quotes import fold

SIMILAR = 0.8  # how alike two sentences must be to count as the same claim

# A passage's words, kept for the life of the process: a quiz asks about each text many times.
_WORDS: dict[str, tuple[str, frozenset[str]]] = {}
_WORDS_KEPT = 200_000  # forget them all past this many texts (a long-lived process, many corpora)


def _entry(text: str) -> tuple[str, frozenset[str]]:
    """(the words joined by single spaces, the set of words): case and typography folded."""
    found = _WORDS.get(text)
    if found is None:
        # Folding only changes typography and white space, never a word; plain ASCII needs none.
        joined = " ".join(re.findall(r"\w+", (text if text.isascii() else fold(text)).casefold()))
        found = (joined, frozenset(joined.split()))
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        _WORDS[text] = found
    return found


@lru_cache(maxsize=65536)
def similar_text(a: str, b: str) -> bool:
    """Same words, one inside the other, or nearly the same sentence (typography ignored)."""
    (left, left_set), (right, right_set) = _entry(a), _entry(b)
    if not left or not right:
        return left == right
    if left in right or right in left:
        return True
    if len(left_set & right_set) < 0.5 * min(len(left_set), len(right_set)):
        return False  # too few words in common for 80% of the letters to line up
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    # The cheap upper bounds rule out most pairs before the full comparison.
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _needed(size: int) -> int:
    """Distinct words two texts must share to be similar, the smaller having ``size`` of them.

    ``similar_text`` needs half the smaller set's words in common, or one text inside the other;
    then every word of the inner text but its first and last (which may be cut) is a word of the
    outer one. So at least the smaller of the two bounds; 0 or less means any pair may be similar.
    """
    return min(math.ceil(size / 2), size - 2)


class Lookalikes:
    """A set of texts, indexed so that ``matches(text)`` is ``any(similar_text(text, t) for t in texts)``.

    Prefix filtering (as in set-similarity joins): order words rarest first; two sets that share
    at least k words must share one of the first ``len(set) - k + 1`` words of either set. Each
    text is indexed under its first words; a candidate is compared, with ``similar_text`` itself,
    only with the texts it meets in the index, and with those too short for the bound to hold.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = list(dict.fromkeys(texts))
        entries = self.words = [_entry(text)[1] for text in self.texts]
        self.frequency = Counter(word for words in entries for word in words)
        self.sizes = [len(words) for words in entries]
        self.always: list[int] = []  # too few words for the bound: compare with every candidate
        self.by_prefix: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        for index, words in enumerate(entries):
            for word in words:
                self.by_word.setdefault(word, []).append(index)
            needed = _needed(len(words))
            if needed <= 0:
                self.always.append(index)
                continue
            for word in self._rarest(words, len(words) - needed + 1):
                self.by_prefix.setdefault(word, []).append(index)

    def _rarest(self, words: frozenset[str], count: int) -> list[str]:
        return sorted(words, key=lambda word: (self.frequency.get(word, 0), word))[:count]

    def matches(self, text: str) -> bool:
        """Whether ``text`` is similar to any of the texts (``similar_text``)."""
        words = _entry(text)[1]
        size = len(words)
        needed = _needed(size)
        if needed <= 0:
            return any(similar_text(text, other) for other in self.texts)
        candidates = set(self.always)
        # Pairs in which the indexed text is the smaller set share a word of its prefix ...
        for word in words:
            candidates.update(i for i in self.by_prefix.get(word, ()) if self.sizes[i] <= size)
        # ... and pairs in which it is the larger share a word of this text's prefix.
        for word in self._rarest(words, size - needed + 1):
            candidates.update(i for i in self.by_word.get(word, ()) if self.sizes[i] > size)
        return any(
            similar_text(text, self.texts[i]) for i in sorted(candidates)
            # The bound, counted exactly: most texts that meet in the index share one rare word only.
            if len(words & self.words[i]) >= _needed(min(size, self.sizes[i]))
        )
