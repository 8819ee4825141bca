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
                         "rather", "within", "without", "whether", "become", "became", "given", "therefore", "hence",
                         "thereby", "indeed"})


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
        # A possessive's 's dropped (a token never holds a newline, so this is the old r"'s$").
        if token.endswith("'s"):
            token = token[:-2]
        if token in STOPWORDS or token in _EXTRA_STOP or len(token) < 3:
            continue
        found.append((stem(token), word[:-2] if word.endswith(("'s", "’s")) else word))
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


def _orthonormal(block: np.ndarray) -> np.ndarray:
    """An orthonormal basis of the columns of a tall ``block``, from its small Gram matrix (a Householder QR
    of the tall block can be many times slower when the BLAS threads compete with other work)."""
    values, vectors = np.linalg.eigh(block.T @ block)
    keep = values > values.max(initial=0.0) * 1e-10
    return np.asarray(block @ (vectors[:, keep] / np.sqrt(values[keep])))


def _top_singular(matrix: sp.csr_matrix, k: int, oversample: int = 10, passes: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """The top ``k`` left singular vectors and values, by a randomised range finder (Halko, Martinsson and
    Tropp 2011) with a fixed seed: the same matrix always gives the same vectors, in well under a second."""
    width = min(matrix.shape[1], k + oversample)
    basis = _orthonormal(np.asarray(matrix @ np.random.default_rng(0).standard_normal((matrix.shape[1], width))))
    for _ in range(passes):  # power passes sharpen the spectrum, re-orthonormalised each time
        basis = _orthonormal(np.asarray(matrix @ _orthonormal(np.asarray(matrix.T @ basis))))
    small = np.asarray(basis.T @ matrix)
    values, vectors = np.linalg.eigh(small @ small.T)  # the small matrix's SVD, from its Gram matrix
    order = np.argsort(-values, kind="stable")[:k]
    return basis @ vectors[:, order], np.sqrt(np.maximum(values[order], 0.0))


class Related:
    """Words the texts use in the same places, so claims can meet without sharing a word.

    From the source texts (or, without them, the claims themselves): each term's neighbours
    within ``window`` words, weighted by positive pointwise mutual information (context counts
    smoothed to the power 0.75), reduced to ``dims`` dimensions by a truncated SVD. A claim's
    vector is the TF-IDF-weighted sum of its terms' vectors; rows are L2-normalised, so a row
    product is the cosine. "Moscow" and "Kremlin", "renew" and "extend" meet when the texts use
    them among the same words. No model: everything comes from the corpus at hand.
    """

    def __init__(self, tfidf: TfIdf, texts: Sequence[str], window: int = 3, dims: int = 100) -> None:
        self.tfidf = tfidf
        vocabulary = dict(tfidf.vocabulary)
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        for text in texts:
            ids = np.array([vocabulary.setdefault(t, len(vocabulary)) for t in terms(text)], dtype=np.int64)
            for offset in range(1, window + 1):  # both directions: the matrix is made symmetric below
                rows.append(ids[:-offset])
                cols.append(ids[offset:])
        size = max(len(vocabulary), 1)
        r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        counts = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(size, size))
        counts = sp.csr_matrix(counts + counts.T)
        counts.sum_duplicates()
        n = tfidf.matrix.shape[1]
        self.vectors = np.zeros((n, 0))
        if counts.nnz:
            total = counts.sum()
            row_sums = np.asarray(counts.sum(axis=1)).ravel()
            context = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
            context *= total / context.sum()
            coo = counts.tocoo()
            pmi = np.log(coo.data * total / (row_sums[coo.row] * context[coo.col]))
            keep = pmi > 0
            ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(size, size))
            k = min(dims, size - 1)
            if k >= 1 and ppmi.nnz:
                u, s = _top_singular(ppmi, k)
                order = np.argsort(-s, kind="stable")[:k]
                vectors = u[:n, order] * np.sqrt(s[order])
                norms = np.linalg.norm(vectors, axis=1)
                norms[norms == 0] = 1.0
                self.vectors = vectors / norms[:, np.newaxis]
        claims = np.asarray(tfidf.matrix @ self.vectors) if self.vectors.shape[1] else np.zeros((tfidf.matrix.shape[0], 1))
        norms = np.linalg.norm(claims, axis=1)
        norms[norms == 0] = 1.0
        self.matrix: np.ndarray = claims / norms[:, np.newaxis]

    def related_terms(self, a: int, b: int, limit: int = 2) -> list[tuple[str, str]]:
        """The pairs of different terms, one from each claim, that add most to their cosine here."""
        if not self.vectors.shape[1]:
            return []
        x = self.tfidf.matrix
        row_a, row_b = x.getrow(a).tocoo(), x.getrow(b).tocoo()
        if not row_a.nnz or not row_b.nnz:
            return []
        link = self.vectors[row_a.col] @ self.vectors[row_b.col].T
        gain = row_a.data[:, np.newaxis] * row_b.data[np.newaxis, :] * link
        gain[row_a.col[:, np.newaxis] == row_b.col[np.newaxis, :]] = 0.0  # the same term: a shared term, said elsewhere
        order = np.argsort(-gain, axis=None, kind="stable")
        found: list[tuple[str, str]] = []
        used: set[int] = set()
        for flat in order:
            i, j = divmod(int(flat), len(row_b.col))
            if gain[i, j] <= 0.02 or len(found) == limit:
                break
            if row_a.col[i] in used or row_b.col[j] in used:
                continue
            used.update((int(row_a.col[i]), int(row_b.col[j])))
            surface = self.tfidf.surface
            found.append((surface.get(self.tfidf.terms[row_a.col[i]], ""), surface.get(self.tfidf.terms[row_b.col[j]], "")))
        return found
