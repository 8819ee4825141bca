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
