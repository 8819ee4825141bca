"""Candidate links between claims of different authors, ranked, with a reason and a guessed kind.

The score of a pair (claim ``i``, candidate ``j`` by another author) adds up evidence a curator
would weigh, each part computed for all pairs at once with sparse matrices, one block of rows at
a time (no loop over pairs):

- **words**: the cosine of their TF-IDF vectors (``similarity``), or, with the optional model, a
  blend with the cosine of their sentence embeddings;
- **theses**: both take a side on the same thesis (the same side, or opposite sides);
- **neighbours**: how like ``i`` the claims already linked to ``j`` are (a claim tends to meet
  the arguments its neighbours meet);
- **author pairs**: the share of the links between authors that these two authors already hold
  (on a log scale): authors who answer each other tend to do so more than once;
- **links** (off by default): how many links between authors ``j`` already has.

The weights were set on the flagship corpus by holding each link out in turn
(``tests/benchmarks/suggest_recall.py``), so they are fitted to one corpus of five authors.

The kind is guessed from the same structure: opposite sides of a thesis with a turning point
between the two texts is ``superseded`` (each true of its own period; the turning point is the
``timing``), opposite sides without one ``contradicts``, and so is a pair where one claim denies
what the other asserts in the same words; anything else ``supports``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, Sequence

import numpy as np
import scipy.sparse as sp

from argmap.dates import CERTAIN, between, time_key
from argmap.drafting.similarity import Related, TfIdf, terms
from argmap.graph import CONTRADICTS, SUPERSEDED, SUPPORTS, Graph, events_by_id, theses_by_id

Progress = Callable[[str], None]


class Encoder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Weights:
    words: float = 1.0
    same_side: float = 0.30
    opposite_side: float = 0.30
    neighbours: float = 0.6
    links: float = 0.0
    author_pairs: float = 0.05
    model: float = 0.5  # share of the embedding cosine in "words", when a model is given
    related: float = 1 / 3  # share of the related-words cosine (co-occurrence in the texts) in the no-model part


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Candidate:
    """A suggested link: ``source`` -> ``target`` as a relation would be written."""

    source: str
    target: str
    score: float
    relation: str
    timing: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    """The guessed kind of a pair, with the evidence for it: ``first`` and ``last`` in time order."""

    relation: str
    timing: str
    first: str
    last: str
    reasons: tuple[str, ...]


# Cue words, English, for any corpus: a denial or failure ...
_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|none|nothing|without|fail(?:s|ed|ing|ure)?|unable|ineffective|"
                       r"lack\w*|cannot|can't|didn't|doesn't|won't|isn't|wasn't|aren't|hardly)\b", re.I)
# ... a change the later text reports (what "superseded" needs besides a turning point between the texts) ...
_CHANGE = re.compile(r"\b(?:increasingly|no longer|any ?more|now|after|following|lost|losing|grow(?:ing|n)|"
                     r"diminish\w*|declin\w*|eroded|erosion|weaken\w*|collapsed?|ended|became|has become|turned|"
                     r"shift(?:ed)?|changed|transform\w*|gradual(?:ly)?|further|recent(?:ly)?|previous(?:ly)?)\b", re.I)
# ... and pairs of opposite words (word beginnings): one claim using one side, the other the other.
_OPPOSITES: tuple[tuple[str, str], ...] = (
    ("adher|compl(?:y|ied|ies|iance)|respect|uphold|honou?r", "breach|violat|flout|disregard"),
    ("succe(?:ss|ed)|ensur|achiev|effective", "fail|ineffective|unable"),
    ("strength|bolster|reinforc", "weaken|undermin|erod"),
    ("improv|better", "worsen|deteriorat|worse"),
    ("increas|grow|grew|ris(?:e|es|en|ing)\\b|rose\\b|expan", "decreas|declin|shrank|shrink|fell\\b|fall|reduc"),
    ("gain|win\\b|won\\b", "lose|lost\\b|losing"),
    ("accept|welcom|embrac", "reject|refus|oppos"),
    ("legitima", "illegitima|unlawful|illegal"),
    ("stabl|calm", "unstabl|instabil|volatil"),
    ("trust", "distrust|mistrust"),
    ("cooperat|partner", "confront|rival|hostil"),
    ("clear|defined", "unclear|vague|undefined|ambigu"),
    ("protect|safeguard|shield", "abandon|expos|endanger"),
)
_OPPOSITE_PATTERNS = tuple((re.compile(rf"\b(?:{a})\w*", re.I), re.compile(rf"\b(?:{b})\w*", re.I))
                           for a, b in _OPPOSITES)


BLOCK_SCORES = 1_000_000


class Ranker:
    """Scores every cross-author pair of a graph's claims, block by block."""

    def __init__(self, graph: Graph, encoder: Encoder | None = None, weights: Weights = DEFAULT_WEIGHTS,
                 excluded: Iterable[frozenset[str]] = (), progress: Progress | None = None,
                 texts: Sequence[str] = (), related: Related | None = None) -> None:
        """``texts``: the source texts, where related words are learnt; ``related``: those already learnt
        for the same claims (they depend on the words, not on the links)."""
        self.graph = graph
        self.weights = weights
        self.progress = progress or (lambda message: None)
        self.ids: list[str] = list(graph.nodes)
        self.index = {claim: i for i, claim in enumerate(self.ids)}
        nodes = [graph.nodes[c] for c in self.ids]
        documents = [f"{n['text']} {n['quote']}" for n in nodes]
        self.progress(f"weighing the words of {len(self.ids)} claims")
        self.tfidf = TfIdf(documents)
        self.progress("finding the words the texts use in the same places")
        self.related = related or Related(self.tfidf, list(texts) or documents)
        self.embeddings: np.ndarray | None = None
        if encoder is not None:
            self.progress(f"embedding {len(self.ids)} claims with the sentence model")
            self.embeddings = np.asarray(encoder([n["text"] for n in nodes]), dtype=np.float64)
        authors = sorted({n["author"] for n in nodes})
        author_index = {a: i for i, a in enumerate(authors)}
        self.author = np.array([author_index[n["author"]] for n in nodes], dtype=np.int64)
        self._theses(nodes)
        self._links(excluded)

    def _theses(self, nodes: list[dict[str, object]]) -> None:
        thesis_ids = sorted({t for n in nodes for t in n["theses"]})  # type: ignore[attr-defined]
        column = {t: i for i, t in enumerate(thesis_ids)}
        shape = (len(nodes), max(len(thesis_ids), 1))
        cells: dict[str, tuple[list[int], list[int]]] = {"pro": ([], []), "con": ([], [])}
        for row, node in enumerate(nodes):
            for thesis, side in sorted(node["theses"].items()):  # type: ignore[attr-defined]
                cells[side][0].append(row)
                cells[side][1].append(column[thesis])
        self.pro, self.con = (
            sp.csr_matrix((np.ones(len(r)), (r, c)), shape=shape) for r, c in (cells["pro"], cells["con"]))

    def _links(self, excluded: Iterable[frozenset[str]]) -> None:
        n = len(self.ids)
        rows: list[int] = []
        cols: list[int] = []
        between_links = np.zeros(n)
        for a, b, data in self.graph.edges(data=True):
            i, j = self.index[a], self.index[b]
            rows += [i, j]
            cols += [j, i]
            if data.get("scope") == "between":
                between_links[i] += 1
                between_links[j] += 1
        adjacency = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        adjacency.data[:] = 1.0
        self.linked = adjacency
        degree = np.asarray(adjacency.sum(axis=0)).ravel()
        degree[degree == 0] = 1.0
        neighbour_mean = sp.csr_matrix(adjacency @ sp.diags(1.0 / degree))  # column j: mean over j's neighbours
        # Each claim's neighbourhood as one vector: the mean of the vectors of the claims linked to it.
        self.neighbour_mean = neighbour_mean
        self.context = sp.csr_matrix(neighbour_mean.T @ self.tfidf.matrix)
        self.context_related = np.asarray(neighbour_mean.T @ self.related.matrix)
        self.context_embeddings = None if self.embeddings is None else np.asarray(neighbour_mean.T @ self.embeddings)
        self.link_prior = np.log1p(between_links)
        authors = int(self.author.max()) + 1 if len(self.author) else 1
        pair_links = np.zeros((authors, authors))
        for a, b, data in self.graph.edges(data=True):
            if data.get("scope") == "between":
                pair_links[self.author[self.index[a]], self.author[self.index[b]]] += 1
        pair_links += pair_links.T
        # The share of the links between authors that this pair of authors holds, on a log scale.
        self.pair_prior = np.log1p(pair_links / max(1.0, pair_links.sum() / 2) * authors * authors)
        skip_rows: list[int] = []
        skip_cols: list[int] = []
        for pair in excluded:
            if len(pair) == 2 and all(c in self.index for c in pair):
                a, b = sorted(pair)
                skip_rows += [self.index[a], self.index[b]]
                skip_cols += [self.index[b], self.index[a]]
        self.excluded = sp.csr_matrix((np.ones(len(skip_rows)), (skip_rows, skip_cols)), shape=(n, n))

    def _words(self, rows: slice) -> np.ndarray:
        x = self.tfidf.matrix  # sparse times a dense block: cheaper than a sparse product with millions of entries
        block = np.ascontiguousarray(np.asarray(x @ x[rows].toarray().T, dtype=np.float64).T)
        if self.weights.related:
            r = self.related.matrix
            block *= 1.0 - self.weights.related
            block += self.weights.related * (r[rows] @ r.T)
        if self.embeddings is not None:
            share = self.weights.model
            block *= 1.0 - share
            block += share * (self.embeddings[rows] @ self.embeddings.T)
        return block

    def _neighbours(self, rows: slice, words: np.ndarray) -> np.ndarray:
        """How like each claim's neighbours the other claim is, both ways round; ``words`` is
        ``_words(rows)``."""
        # One way round, a claim in ``rows`` against the mean of another's neighbours, is the mean
        # of its word scores against those neighbours: the block already scored, times the
        # neighbour-mean matrix (sparse), instead of a product with the context vectors.
        block = np.asarray(words @ self.neighbour_mean)
        x, c = self.tfidf.matrix, self.context
        other = np.asarray(x @ c[rows].toarray().T).T
        if self.weights.related:
            share, r, cr = self.weights.related, self.related.matrix, self.context_related
            other *= 1.0 - share
            other += share * (cr[rows] @ r.T)
        if self.embeddings is not None and self.context_embeddings is not None:
            share = self.weights.model
            other *= 1.0 - share
            other += share * (self.context_embeddings[rows] @ self.embeddings.T)
        block += other
        block *= 0.5
        return block

    def scores(self, rows: slice) -> np.ndarray:
        """Scores of the claims in ``rows`` against every claim; -inf where no link may be suggested."""
        w = self.weights
        score = self._words(rows)
        neighbours = self._neighbours(rows, score) if w.neighbours else None
        score *= w.words
        if w.same_side:
            score += w.same_side * ((self.pro[rows] @ self.pro.T + self.con[rows] @ self.con.T).toarray() > 0)
        if w.opposite_side:
            score += w.opposite_side * ((self.pro[rows] @ self.con.T + self.con[rows] @ self.pro.T).toarray() > 0)
        if neighbours is not None:
            neighbours *= w.neighbours
            score += neighbours
        if w.links:
            score += w.links * self.link_prior[np.newaxis, :]
        if w.author_pairs:
            score += w.author_pairs * self.pair_prior[self.author[rows]][:, self.author]
        score[self.author[rows, np.newaxis] == self.author[np.newaxis, :]] = -np.inf
        for mask in (self.linked[rows], self.excluded[rows]):
            coo = mask.tocoo()
            score[coo.row, coo.col] = -np.inf
        return score

    def top(self, per_claim: int, block_rows: int | None = None) -> dict[str, list[tuple[str, float]]]:
        """For every claim, its ``per_claim`` best candidates (best first; ties by graph order)."""
        found: dict[str, list[tuple[str, float]]] = {}
        n = len(self.ids)
        if block_rows is None:
            # About a million scores a block: each block's arrays stay in cache-sized megabytes
            # (512 rows at 10,000 claims was slower and twice the memory); rows score the same
            # whatever the block.
            block_rows = max(16, min(512, BLOCK_SCORES // max(n, 1)))
        k = min(per_claim, n)
        for start in range(0, n, block_rows):
            rows = slice(start, min(n, start + block_rows))
            self.progress(f"scoring candidates: claims {start + 1}-{rows.stop} of {n}")
            score = self.scores(rows)
            if k <= 0 or score.shape[1] == 0:
                continue
            part = np.argpartition(-score, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (score.shape[0], 1))
            for offset, columns in enumerate(part):
                row_scores = score[offset, columns]
                order = np.lexsort((columns, -row_scores))
                found[self.ids[start + offset]] = [
                    (self.ids[columns[o]], float(row_scores[o])) for o in order if np.isfinite(row_scores[o])]
        return found

    # -- explaining one pair ------------------------------------------------------------------
    def explain(self, a: str, b: str, score: float) -> Candidate:
        """The reasons for the pair and its guessed kind, direction and timing."""
        graph = self.graph
        node_a, node_b = graph.nodes[a], graph.nodes[b]
        reasons: list[str] = []
        shared = self.tfidf.shared_terms(self.index[a], self.index[b])
        if shared:
            reasons.append("shared terms: " + ", ".join(shared))
        related = self.related.related_terms(self.index[a], self.index[b]) if self.weights.related else []
        if related:
            reasons.append("related words in the texts: " + ", ".join(f"{x} ~ {y}" for x, y in related))
        theses = theses_by_id(graph)
        same = sorted(t for t, s in node_a["theses"].items() if node_b["theses"].get(t) == s)
        opposite = sorted(t for t, s in node_a["theses"].items() if node_b["theses"].get(t) not in (None, s))
        for thesis in same:
            reasons.append(f"both {node_a['theses'][thesis]} '{theses[thesis]['label']}'")
        for thesis in opposite:
            reasons.append(f"opposite sides of '{theses[thesis]['label']}' ({_surname(node_a['author'])} "
                           f"{node_a['theses'][thesis]}, {_surname(node_b['author'])} {node_b['theses'][thesis]})")
        for node, other in ((node_a, node_b), (node_b, node_a)):
            if node["voice"] == "reports" and other["voice"] != "reports":
                reasons.append(f"{_surname(node['author'])} reports the view of {node['speaker']}; "
                               f"{_surname(other['author'])} answers it")
        kind = self.kind(a, b, same, opposite, bool(shared))
        relation, turning = kind.relation, kind.timing
        reasons += kind.reasons
        neighbours = [n for n in sorted(self.graph.predecessors(b)) + sorted(self.graph.successors(b))
                      if n != a and self._word_score(a, n) >= 0.2]
        if neighbours:
            reasons.append(f"like claims already linked to {b}: {', '.join(dict.fromkeys(neighbours[:2]))}")
        elif not reasons:
            reasons.append("little in common: ranked only by the links around them")
        if relation == SUPPORTS:
            source, target = _supports_direction(graph, a, b, self.index)
        else:
            source, target = kind.first, kind.last
        return Candidate(source, target, round(score, 4), relation, turning if relation == SUPERSEDED else "",
                         tuple(reasons))

    def kind(self, a: str, b: str, same: list[str], opposite: list[str], shared: bool) -> Kind:
        """Supports, contradicts or superseded, and why.

        Opposite sides of a thesis, or one claim denying or using the opposite word for what the
        other says in shared terms, is a clash; a clash is ``superseded`` when a turning point lies
        surely between the two texts and the later claim reports a change (a change word, or words
        naming that event), else ``contradicts``. Anything else ``supports``.
        """
        graph = self.graph
        first, last = sorted((a, b), key=lambda c: (time_key(graph.nodes[c]["date"]), self.index[c]))
        text = {c: f"{graph.nodes[c]['text']} {graph.nodes[c]['quote']}" for c in (a, b)}
        reasons: list[str] = []
        clash = len(opposite) > len(same)
        if not clash and not same and shared:
            opposed = _opposite_words(text[a], text[b])
            denial = bool(_NEGATION.search(text[a])) != bool(_NEGATION.search(text[b]))
            if opposed:
                clash = True
                reasons.append(f"opposite words: {opposed}")
            elif denial and (self._word_score(a, b) >= 0.25 or (self._turning_points(first, last)[0] and self.tfidf.distinctive(
                    sorted(set(terms(text[a])) & set(terms(text[b])))))):
                # In the same words; or across a turning point the later claim names (what held then no longer does).
                clash = True
                reasons.append("one denies what the other asserts")
        if not clash:
            return Kind(SUPPORTS, "", first, last, tuple(reasons))
        named, latest = self._turning_points(first, last)
        change = _CHANGE.search(text[last])
        turning = named or (latest if change else "")
        if not turning:
            return Kind(CONTRADICTS, "", first, last, tuple(reasons))
        event = events_by_id(graph)[turning]
        later = _surname(graph.nodes[last]["author"])
        because = f", which {later} names" if named else f"; {later} reports a change ('{change.group(0)}')" if change else ""
        reasons.append(f"the texts straddle '{event['label']}' ({event['date']}){because}")
        return Kind(SUPERSEDED, turning, first, last, tuple(reasons))

    def _turning_points(self, first: str, last: str) -> tuple[str, str]:
        """The event surely between the two texts that the later claim's distinctive words name, and the latest one."""
        graph = self.graph
        early, late = graph.nodes[first]["date"], graph.nodes[last]["date"]
        events = [e for e in graph.graph["events"] if between(early, late, e["date"]) == CERTAIN]
        if not events:
            return "", ""
        words = set(terms(f"{graph.nodes[last]['text']} {graph.nodes[last]['quote']}"))
        named = [e for e in events if words & self.tfidf.distinctive(terms(f"{e['label']} {e['id'].replace('-', ' ')}"))]
        return (str(named[-1]["id"]) if named else ""), str(events[-1]["id"])

    def _word_score(self, a: str, b: str) -> float:
        i, j = self.index[a], self.index[b]
        return float(self.tfidf.matrix.getrow(i).multiply(self.tfidf.matrix.getrow(j)).sum())


def _surname(author: str) -> str:
    return author.split()[-1] if author.split() else author


def _opposite_words(one: str, other: str) -> str:
    """'x / y' when one text uses a word and the other its opposite (and neither uses both)."""
    for left, right in _OPPOSITE_PATTERNS:
        for x, y in ((one, other), (other, one)):
            found_x, found_y = left.search(x), right.search(y)
            if found_x and found_y and not right.search(x) and not left.search(y):
                return f"{found_x.group(0).lower()} / {found_y.group(0).lower()}"
    return ""


_TYPE_ORDER = {"fact": 0, "causal": 1, "interpretation": 2, "evaluation": 3, "prediction": 4, "recommendation": 5}


def _supports_direction(graph: Graph, a: str, b: str, index: dict[str, int]) -> tuple[str, str]:
    """The reason first: the more factual claim, else the earlier text."""
    key = {c: (_TYPE_ORDER.get(graph.nodes[c]["type"], 9), time_key(graph.nodes[c]["date"]), index[c]) for c in (a, b)}
    return (a, b) if key[a] <= key[b] else (b, a)


def suggest_links(graph: Graph, per_claim: int = 3, limit: int = 100, encoder: Encoder | None = None,
                  excluded: Iterable[frozenset[str]] = (), weights: Weights = DEFAULT_WEIGHTS,
                  progress: Progress | None = None, texts: Sequence[str] = ()) -> list[Candidate]:
    """The best ``limit`` links no relation covers yet, from each claim's ``per_claim`` best candidates.

    ``texts``: the source texts, where related words are learnt (without them, the claims' own words).
    """
    ranker = Ranker(graph, encoder, weights, excluded, progress, texts)
    best: dict[frozenset[str], tuple[float, str, str]] = {}
    for claim, found in ranker.top(per_claim).items():
        for other, score in found:
            pair = frozenset((claim, other))
            # Found from both ends, the pair keeps the end that scored it higher; on a tie within
            # rounding, the end first in the corpus, so the explanation's order of the two claims
            # does not hang on the last bits of a matrix product.
            if pair not in best or score > best[pair][0] + 1e-9 * max(1.0, abs(score)):
                best[pair] = (score, claim, other)
    ranked = sorted(best.values(), key=lambda t: (-t[0], ranker.index[t[1]], ranker.index[t[2]]))[:limit]
    if progress:
        progress(f"explaining the {len(ranked)} best candidates")
    return [ranker.explain(a, b, score) for score, a, b in ranked if math.isfinite(score)]
