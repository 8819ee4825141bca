"""A synthetic corpus on disk of any size, with a realistic spread of words, for suggest's benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

WORDS_PER_CLAIM = (8, 30)


def _vocabulary(size: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 10))))
    return sorted(words)


def write_synthetic_corpus(folder: Path, claims: int, authors: int = 20, theses: int = 30, seed: int = 7) -> Path:
    """``claims`` claims by ``authors`` authors, Zipf-distributed words, some thesis stances and links."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(8000, rng)
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    corpus = ["title: Synthetic corpus", "theses:"]
    corpus += [f"  - id: t{i}\n    text: Thesis {i} holds." for i in range(theses)]
    corpus += ["events:", "  - id: e1", "    date: 2010-06-01", "    label: An event"]
    (folder / "corpus.yaml").write_text("\n".join(corpus) + "\n")
    per_author = claims // authors
    ids: list[list[str]] = []
    for a in range(authors):
        sentences, lines, mine = [], [], []
        for c in range(per_author):
            words = rng.choices(vocabulary, weights, k=rng.randint(*WORDS_PER_CLAIM))
            sentence = " ".join(words).capitalize() + f" number {a}x{c}."
            sentences.append(sentence)
            ident = f"a{a}.c{c}"
            mine.append(ident)
            lines += [f"  - id: {ident}", f"    text: \"{sentence}\"", f"    quote: \"{sentence}\"",
                      "    type: interpretation"]
            if rng.random() < 0.3:
                lines.append(f"    theses: {{t{rng.randrange(theses)}: {rng.choice(['pro', 'con'])}}}")
            if c and rng.random() < 0.5:
                lines.append(f"    supports: [a{a}.c{rng.randrange(c)}]")
        ids.append(mine)
        (folder / "texts" / f"a{a}.txt").write_text("\n\n".join(sentences) + "\n")
        head = [f"source:\n  id: a{a}\n  author: Author {a}\n  title: Text {a}\n  publication: Synthetic\n"
                f"  date: {2000 + a}\n  text: texts/a{a}.txt", "claims:"]
        (folder / f"a{a}.yaml").write_text("\n".join(head + lines) + "\n")
    relations = ["relations:"]
    for _ in range(claims // 10):
        a, b = rng.sample(range(authors), 2)
        relations += [f"  - from: {rng.choice(ids[a])}", f"    to: {rng.choice(ids[b])}", "    relation: supports",
                      "    rationale: synthetic"]
    # Duplicate pairs would be a corpus error: keep the first of each.
    seen: set[frozenset[str]] = set()
    kept = ["relations:"]
    for i in range(1, len(relations), 4):
        pair = frozenset((relations[i].split(": ")[1], relations[i + 1].split(": ")[1]))
        if pair not in seen:
            seen.add(pair)
            kept += relations[i:i + 4]
    (folder / "relations.yaml").write_text("\n".join(kept) + "\n")
    return folder


def synthetic_text_graph(claims: int, authors: int = 20, theses: int = 30, seed: int = 7) -> "nx.DiGraph[str]":
    """The graph such a corpus builds into, made directly (no files), for ranking benchmarks."""
    import networkx as nx

    from argmap.graph import FORMAT_VERSION

    rng = random.Random(seed)
    vocabulary = _vocabulary(8000, rng)
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    names = [f"Author {a}" for a in range(authors)]
    graph: nx.DiGraph[str] = nx.DiGraph(
        format=FORMAT_VERSION, title="Synthetic", authors=names,
        sources=[{"id": f"a{a}", "author": n, "title": f"Text {a}", "publication": "Synthetic", "date": f"{2000 + a}",
                  "date_precision": "year", "date_note": "", "url": "", "byline": "", "provenance": "", "note": ""}
                 for a, n in enumerate(names)],
        theses=[{"id": f"t{i}", "text": f"Thesis {i} holds.", "label": f"T{i}"} for i in range(theses)],
        events=[{"id": "e1", "date": "2010-06-01", "label": "An event"}])
    per_author = claims // authors
    for a in range(authors):
        for c in range(per_author):
            sentence = " ".join(rng.choices(vocabulary, weights, k=rng.randint(*WORDS_PER_CLAIM))).capitalize() + "."
            stance = {f"t{rng.randrange(theses)}": rng.choice(["pro", "con"])} if rng.random() < 0.3 else {}
            graph.add_node(f"a{a}.c{c}", author=names[a], source=f"a{a}", date=f"{2000 + a}", type="interpretation",
                           text=sentence, label="", quote=sentence, quote_start=0, quote_end=len(sentence),
                           voice="asserts", speaker="", theses=stance, note="", draft=False)
            if c and rng.random() < 0.5:
                graph.add_edge(f"a{a}.c{c}", f"a{a}.c{rng.randrange(c)}", relation="supports", rationale="",
                               scope="author", timing="")
    ids = list(graph)
    for _ in range(claims // 10):
        x, y = rng.sample(ids, 2)
        if graph.nodes[x]["author"] != graph.nodes[y]["author"] and not graph.has_edge(y, x):
            graph.add_edge(x, y, relation="supports", rationale="synthetic", scope="between", timing="")
    return graph
