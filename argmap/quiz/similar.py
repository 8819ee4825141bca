"""Whether two passages say nearly the same thing, so a quiz never offers a look-alike as wrong."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from argmap.corpus.quotes import fold

SIMILAR = 0.8  # how alike two sentences must be to count as the same claim


@lru_cache(maxsize=4096)
def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).casefold()))


@lru_cache(maxsize=65536)
def similar_text(a: str, b: str) -> bool:
    """Same words, one inside the other, or nearly the same sentence (typography ignored)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return left == right
    if left in right or right in left:
        return True
    left_set, right_set = set(left.split()), set(right.split())
    if len(left_set & right_set) < 0.5 * min(len(left_set), len(right_set)):
        return False  # too few words in common for 80% of the letters to line up
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    # The cheap upper bounds rule out most pairs before the full comparison.
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR
