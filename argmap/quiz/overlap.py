"""Wrong options that do not let word matching find the right one.

A student who cannot answer a question can still pick the option that shares the most words
with the prompt. ``balanced`` picks the wrong options so that this guess is right exactly as
often as a blind one: of the ``k`` wrong options, a number drawn evenly from 0 to ``k`` share
*more* content words with the prompt than the right option does, the rest fewer (an option that
shares exactly as many is never offered, so "the most" is never a tie with the right one). Over
many questions the right option is the one sharing the most words in 1 of every ``k + 1``, as
chance would have it, and the one sharing the fewest just as often.
"""

from __future__ import annotations

import re
from functools import lru_cache
from random import Random

from argmap.corpus.quotes import fold

# Words that carry no content: sharing them says nothing about meaning.
STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in into is it its not of on or"
    " our she so than that the their them there these they this those to was we were which who whom will"
    " with would".split()
)


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` (typography folded, any case), without the stopwords."""
    return frozenset(w for w in re.findall(r"\w+", fold(text).casefold()) if w not in STOPWORDS)


def shared_words(a: str, b: str) -> int:
    """How many content words two passages have in common."""
    return len(content_words(a) & content_words(b))


def balanced(rng: Random, prompt: str, right: str, candidates: dict[str, str], k: int, least: int = 2) -> list[str] | None:
    """Up to ``k`` ids of ``candidates`` (id -> option text) to offer as wrong options, or None.

    Every place the right option can take in the ranking by words shared with ``prompt`` is
    equally likely; so ``k`` is cut to what both the options sharing more and those sharing fewer
    can fill, and None is returned when that leaves fewer than ``least`` wrong options.
    """
    score = shared_words(prompt, right)
    more = sorted(c for c, text in candidates.items() if shared_words(prompt, text) > score)
    fewer = sorted(c for c, text in candidates.items() if shared_words(prompt, text) < score)
    k = min(k, len(more), len(fewer))
    if k < least:
        return None
    above = rng.randint(0, k)  # how many wrong options share more words than the right one
    return rng.sample(more, above) + rng.sample(fewer, k - above)
