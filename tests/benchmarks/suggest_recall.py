"""Recall of `argmap suggest` on a curated corpus: hold each link between authors out in turn.

For every relation between two authors, the relation is removed, the ranker is built on what
is left, and the held-out partner's place among each end's candidates is read off: recall at 5
is the share of ends whose partner is among their 5 best candidates (both ends of every link
count). The kind is right when the guess for the held-out pair equals the curated relation.

Against fitting one corpus: the links are split into two halves by a hash of the pair (``half``),
weights are chosen on half 0 ("tune") and reported on half 1 ("test") as well; "words alone" is
the cold start of a new corpus, with no theses and no links yet.

    python3 tests/benchmarks/suggest_recall.py [CORPUS] [--model]
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from argmap.corpus import load_corpus
from argmap.drafting.suggest import DEFAULT_WEIGHTS, Encoder, Ranker, Weights
from argmap.graph import build_graph


@dataclass
class Recall:
    links: int = 0
    ends: int = 0
    hits: dict[int, int] = field(default_factory=dict)   # k -> ends whose partner is in the top k
    either: int = 0                                      # links found at 5 from at least one end
    kind_right: int = 0
    candidates: list[int] = field(default_factory=list)  # how many candidates each end had
    misses: list[tuple[str, str, int, int]] = field(default_factory=list)
    kinds: dict[tuple[str, str], int] = field(default_factory=dict)

    def at(self, k: int) -> float:
        return self.hits.get(k, 0) / self.ends if self.ends else 0.0

    @property
    def random_at_5(self) -> float:
        return float(np.mean([min(5, c) / c for c in self.candidates if c])) if self.candidates else 0.0


def half(a: str, b: str) -> int:
    """Which half of the links a pair falls in: 0 (tune) or 1 (test), by a hash of the pair, stable across runs."""
    return hashlib.sha1("|".join(sorted((a, b))).encode()).digest()[0] % 2


def held_out_recall(graph: Any, encoder: Encoder | None = None, weights: Weights = DEFAULT_WEIGHTS,
                    ks: tuple[int, ...] = (1, 5, 10), texts: Sequence[str] = (), which: int | None = None) -> Recall:
    result = Recall(hits={k: 0 for k in ks})
    embeddings = None
    if encoder is not None:  # embed once: the texts do not change when a link is held out
        ids = list(graph.nodes)
        vectors = encoder([graph.nodes[c]["text"] for c in ids])
        embeddings = {c: vectors[i] for i, c in enumerate(ids)}
    related = Ranker(graph, None, weights, texts=texts).related  # the words do not change either
    held = [(a, b, d) for a, b, d in graph.edges(data=True) if d["scope"] == "between" and which in (None, half(a, b))]
    for a, b, data in held:
        rest = graph.copy()
        rest.remove_edge(a, b)
        cached = (lambda texts, _ids=list(rest.nodes): np.array([embeddings[c] for c in _ids])) if embeddings else None
        ranker = Ranker(rest, cached, weights, related=related)
        result.links += 1
        found_here = False
        for end, partner in ((a, b), (b, a)):
            i = ranker.index[end]
            row = ranker.scores(slice(i, i + 1))[0]
            finite = np.isfinite(row)
            result.candidates.append(int(finite.sum()))
            rank = 1 + int((row[finite] > row[ranker.index[partner]]).sum())
            result.ends += 1
            for k in ks:
                result.hits[k] += rank <= k
            found_here |= rank <= 5
            if rank > 5:
                result.misses.append((end, partner, rank, int(finite.sum())))
        result.either += found_here
        guess = ranker.explain(a, b, 0.0)
        result.kind_right += guess.relation == data["relation"]
        result.kinds[(data["relation"], guess.relation)] = result.kinds.get((data["relation"], guess.relation), 0) + 1
    return result


def report(result: Recall, label: str) -> str:
    kinds = ", ".join(f"{kind} {sum(n for (k, g), n in result.kinds.items() if k == kind and g == kind)}/"
                      f"{sum(n for (k, _), n in result.kinds.items() if k == kind)}"
                      for kind in sorted({k for k, _ in result.kinds}))
    return (f"{label}: {result.links} links, {result.ends} ends; recall@1 {result.at(1):.0%}, recall@5 {result.at(5):.0%}, "
            f"recall@10 {result.at(10):.0%}; found at 5 from either end {result.either / max(1, result.links):.0%}; "
            f"kind right {result.kind_right / max(1, result.links):.0%} ({kinds}); random recall@5 {result.random_at_5:.0%}")


def main(argv: list[str]) -> None:
    from argmap.drafting.embeddings import load_encoder

    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "claims"
    corpus = load_corpus(folder)
    graph = build_graph(corpus)
    texts = [corpus.texts[source] for source in sorted(corpus.texts)]
    words_alone = Weights(same_side=0, opposite_side=0, neighbours=0, links=0, author_pairs=0)
    runs: list[tuple[str, Encoder | None, Weights]] = [
        ("default (TF-IDF, related words, structure)", None, DEFAULT_WEIGHTS),
        ("without related words", None, Weights(related=0)),
        ("words alone (a new corpus: no theses, no links)", None, words_alone),
        ("TF-IDF alone", None, Weights(same_side=0, opposite_side=0, neighbours=0, links=0, author_pairs=0, related=0)),
    ]
    if "--model" in argv:
        encoder = load_encoder()
        runs += [("with all-MiniLM-L6-v2", encoder, DEFAULT_WEIGHTS),
                 ("MiniLM, words alone", encoder, words_alone)]
    for label, encoder_, weights in runs:
        for which, name in ((None, "all"), (0, "tune half"), (1, "test half")):
            print(report(held_out_recall(graph, encoder_, weights, texts=texts, which=which), f"{label} [{name}]"))


if __name__ == "__main__":
    main(sys.argv[1:])
