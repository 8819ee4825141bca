"""Synthetic graphs of any size, shaped like built argmap graphs, for scale tests and benchmarks."""

from __future__ import annotations

import random

import networkx as nx

from argmap.graph import FORMAT_VERSION

TYPES = ["fact", "interpretation", "causal", "evaluation", "prediction", "recommendation"]


def synthetic_graph(nodes: int, authors: int = 8, seed: int = 1) -> nx.DiGraph:
    rng = random.Random(seed)
    names = [f"Author {i}" for i in range(authors)]
    graph = nx.DiGraph(
        format=FORMAT_VERSION,
        title=f"Synthetic corpus of {nodes} claims",
        authors=names,
        sources=[
            {"id": f"s{i}", "author": name, "title": f"Text {i}", "publication": "Synthetic", "date": f"{2000 + i}",
             "date_precision": "year", "date_note": "", "url": "", "note": "", "author_index": i}
            for i, name in enumerate(names)
        ],
        theses=[{"id": f"t{i}", "text": f"Thesis {i}", "label": f"T{i}"} for i in range(10)],
        events=[{"id": "e1", "date": "2003-06-01", "label": "An event"}],
    )
    for n in range(nodes):
        a = n % authors
        graph.add_node(
            f"s{a}.c{n}", author=names[a], source=f"s{a}", date=f"{2000 + a}", type=TYPES[n % len(TYPES)],
            text=f"Claim {n} says something.", quote=f"quote {n}", quote_start=0, quote_end=7,
            voice="reports" if n % 11 == 0 else "asserts", speaker="someone" if n % 11 == 0 else "",
            theses={f"t{n % 10}": "pro" if n % 3 else "con"}, note="",
        )
    ids = list(graph.nodes)
    for n in range(nodes):
        same = ids[(n + authors) % nodes]
        graph.add_edge(ids[n], same, relation="supports", rationale="", scope="author", timing="")
        other = ids[rng.randrange(nodes)]
        if other != ids[n] and not graph.has_edge(other, ids[n]) and not graph.has_edge(ids[n], other):
            kind = "contradicts" if n % 2 else "supports"
            graph.add_edge(ids[n], other, relation=kind, rationale=f"link {n}", scope="between", timing="")
    return graph


WORDS = (
    "the mission mandate ceasefire troops border corridor talks treaty guarantees security region peace "
    "withdrawal deployment leverage influence agreement status monitoring presence conflict settlement "
    "government army offensive blockade access road humanitarian observers referendum sovereignty"
).split()


def argument_graph(nodes: int, authors: int = 8, seed: int = 1, links_per_claim: float = 0.48) -> nx.DiGraph:
    """A graph shaped like a curated corpus, for layout benchmarks and pictures: each author's
    claims form argument trees (a conclusion, reasons under it, now and then a wide fan of reasons
    or a reason for two claims), about one claim in twelve stands alone, and links between
    authors (contradicts, supports, a few superseded) favour the upper levels of the arguments, as
    curators link theses more than evidence. Paraphrases are sentences of 60 to 200 characters;
    one claim in five has a short ``label``."""
    rng = random.Random(seed)
    graph = synthetic_graph(0, authors=authors, seed=seed)
    graph.graph["title"] = f"Synthetic corpus of {nodes} claims in argument trees"
    names = graph.graph["authors"]
    per_author = [nodes // authors + (1 if i < nodes % authors else 0) for i in range(authors)]
    levels: dict[str, int] = {}
    counter = 0
    for a, count in enumerate(per_author):
        made: list[str] = []
        while len(made) < count:
            size = min(count - len(made), rng.choice([1, 1, 3, 5, 8, 12, 20, 35]))
            tree: list[str] = []
            for i in range(size):
                node = f"s{a}.c{counter}"
                counter += 1
                words = [rng.choice(WORDS) for _ in range(rng.randint(9, 30))]
                text = " ".join(words).capitalize() + "."
                reported = rng.random() < 0.1
                graph.add_node(
                    node, author=names[a], source=f"s{a}", date=f"{2000 + a}", type=TYPES[rng.randrange(len(TYPES))],
                    text=text, quote=text[:40], quote_start=0, quote_end=min(40, len(text)),
                    voice="reports" if reported else "asserts", speaker="a minister" if reported else "",
                    theses={f"t{rng.randrange(10)}": rng.choice(["pro", "con"])}, note="",
                    label=" ".join(words[:3]).capitalize() if rng.random() < 0.2 else "",
                )
                if i:  # a reason for a claim already in the tree; fans come from favouring one parent
                    parent = tree[0] if rng.random() < 0.25 else tree[rng.randrange(len(tree))]
                    graph.add_edge(node, parent, relation="supports", rationale="", scope="author", timing="")
                    levels[node] = levels[parent] + 1
                    if len(tree) > 2 and rng.random() < 0.05:
                        other = tree[rng.randrange(len(tree))]
                        if other != parent and levels[other] <= levels[parent]:
                            graph.add_edge(node, other, relation="supports", rationale="", scope="author", timing="")
                else:
                    levels[node] = 0
                tree.append(node)
            made += tree
    ids = list(graph.nodes)
    by_level = sorted(ids, key=lambda n: (levels[n], n))
    upper = by_level[: max(1, len(by_level) * 2 // 3)]
    for _ in range(round(nodes * links_per_claim)):
        a, b = rng.choice(upper), rng.choice(upper if rng.random() < 0.7 else ids)
        if graph.nodes[a]["author"] == graph.nodes[b]["author"] or graph.has_edge(a, b) or graph.has_edge(b, a):
            continue
        if graph.nodes[a]["source"] < graph.nodes[b]["source"]:
            a, b = b, a  # the later account links to the earlier
        roll = rng.random()
        kind = "contradicts" if roll < 0.42 else "superseded" if roll < 0.47 else "supports"
        graph.add_edge(a, b, relation=kind, rationale=f"link {a} {b}", scope="between",
                       timing="e1" if kind == "superseded" else "")
    return graph
