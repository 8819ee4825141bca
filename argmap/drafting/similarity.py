"""How alike two claims' words are: TF-IDF vectors over paraphrase and quote, in sparse matrices.

No model: words are lower-cased, folded (’ -> '), stop words dropped and plurals and common
endings cut, so "peacekeepers" meets "peacekeeper" and "withdrawal" meets "withdraw". Numbers
are kept as terms ("1,960", "2025"): two authors giving the same figure is often common ground.
Each term is weighted by sublinear term frequency times smoothed inverse document frequency;
rows are L2-normalised, so a row product is the cosine.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from argmap.drafting.guess import STOPWORDS

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*")
_EXTRA_STOP = frozenset({"said", "says", "also", "would", "could", "one", "two", "new", "well", "way", "made", "make",
                         "even", "however", "since", "many", "much", "like", "whose", "upon", "among", "amid",
                         "rather", "within", "without", "whether", "become", "became", "given"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripper: enough to join inflections, not a linguistic stemmer."""
    for suffix, keep in (("ations", 5), ("ation", 5), ("ments", 5), ("ment", 5), ("ings", 5), ("ing", 5),
                         ("ies", 4), ("edly", 5), ("ed", 5), ("ers", 5), ("er", 6), ("ly", 5), ("es", 5), ("s", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - 2 and len(word) > keep:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return word


def analyse(text: str) -> list[tuple[str, str]]:
    """(term, the word as written) for every word that counts."""
    found: list[tuple[str, str]] = []
    for word in _TOKEN.findall(text):
        token = word.lower().replace("’", "'")
        if token[0].isdigit():
            found.append((token.replace(",", ""), word))
            continue
        token = re.sub(r"'s$", "", token)
        if token in STOPWORDS or token in _EXTRA_STOP or len(token) < 3:
            continue
        found.append((stem(token), re.sub(r"['’]s$", "", word)))
    return found


def terms(text: str) -> list[str]:
    return [term for term, _ in analyse(text)]


class TfIdf:
    """The TF-IDF matrix of a list of documents, with its vocabulary."""

    def __init__(self, documents: Sequence[str]) -> None:
        analysed = [analyse(doc) for doc in documents]
        counts = [Counter(term for term, _ in pairs) for pairs in analysed]
        surfaces: dict[str, Counter[str]] = {}
        for pairs in analysed:
            for term, word in pairs:
                surfaces.setdefault(term, Counter())[word.lower()] += 1
        # Each term shown as the spelling used most (ties: the alphabetically first).
        self.surface = {term: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for term, c in surfaces.items()}
        vocabulary: dict[str, int] = {}
        for counter in counts:
            for term in sorted(counter):
                vocabulary.setdefault(term, len(vocabulary))
        self.vocabulary = vocabulary
        self.terms = sorted(vocabulary, key=vocabulary.__getitem__)
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for row, counter in enumerate(counts):
            for term, count in counter.items():
                rows.append(row)
                cols.append(vocabulary[term])
                values.append(1.0 + math.log(count))
        shape = (len(documents), max(len(vocabulary), 1))
        tf = sp.csr_matrix((np.array(values, dtype=np.float64), (rows, cols)), shape=shape)
        df = np.bincount(np.array(cols, dtype=np.int64), minlength=shape[1]).astype(np.float64)
        self.idf = np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0
        weighted = tf.multiply(self.idf[np.newaxis, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix: sp.csr_matrix = sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)
        self.document_frequency = df

    def distinctive(self, words: list[str]) -> set[str]:
        """The terms among ``words`` that few documents use (at most 5% of them, or 2): they name a topic."""
        most = max(2.0, 0.05 * self.matrix.shape[0])
        return {w for w in words if w in self.vocabulary and self.document_frequency[self.vocabulary[w]] <= most}

    def shared_terms(self, a: int, b: int, limit: int = 4) -> list[str]:
        """The terms that contribute most to the similarity of rows ``a`` and ``b``."""
        row_a, row_b = self.matrix.getrow(a), self.matrix.getrow(b)
        product = row_a.multiply(row_b).tocoo()
        order = np.argsort(-product.data, kind="stable")[:limit]
        return [self.surface.get(self.terms[product.col[i]], self.terms[product.col[i]]) for i in order]
