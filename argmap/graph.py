"""The argument graph: claims as nodes, supports and contradicts as edges.

A ``networkx.DiGraph``: at most one edge per ordered pair (the checks forbid a pair that both
supports and contradicts). ``supports`` edges point from the reason to what it supports;
``contradicts`` edges keep the direction they were written in and mean the same both ways.

Graph attributes describe the corpus (title, sources, theses, events, authors in time order) so
that a renderer needs nothing but the graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.corpus import Corpus, date_range
from argmap.errors import GraphFileError
from argmap.models import Source

FORMAT_VERSION = 1


def _source_record(source: Source, author_index: int) -> dict[str, Any]:
    return {
        "id": source.id,
        "author": source.author,
        "title": source.title,
        "publication": source.publication,
        "date": source.date,
        "date_precision": source.date_precision,
        "date_note": source.date_note,
        "url": source.url,
        "byline": source.byline,
        "provenance": source.provenance,
        "note": source.note,
        "author_index": author_index,
    }


def sources_in_time_order(corpus: Corpus) -> list[Source]:
    return sorted(corpus.sources.values(), key=lambda s: (date_range(s.date)[0], s.author, s.id))


def build_graph(corpus: Corpus) -> nx.DiGraph:
    """Build the graph; node order follows the sources in time order, then file order."""
    ordered = sources_in_time_order(corpus)
    authors = list(dict.fromkeys(source.author for source in ordered))
    graph = nx.DiGraph(
        format=FORMAT_VERSION,
        title=corpus.title,
        authors=authors,
        sources=[_source_record(s, authors.index(s.author)) for s in ordered],
        theses=[{"id": t.id, "text": t.text, "label": t.short} for t in corpus.theses.values()],
        events=[{"id": e.id, "date": e.date, "label": e.label} for e in corpus.events.values()],
    )
    rank = {source.id: index for index, source in enumerate(ordered)}
    claim_ids = sorted(corpus.claims, key=lambda cid: rank[corpus.claim_source[cid]])  # stable: keeps file order
    for claim_id in claim_ids:
        claim = corpus.claims[claim_id]
        source = corpus.source_of(claim_id)
        span = corpus.spans[claim_id]
        graph.add_node(
            claim_id,
            author=source.author,
            source=source.id,
            date=source.date,
            type=claim.type.value,
            text=claim.text,
            label=claim.label,
            quote=claim.quote,
            quote_start=span.start,
            quote_end=span.end,
            voice=claim.voice.value,
            speaker=claim.speaker,
            theses={thesis: stance.value for thesis, stance in claim.theses.items()},
            note=claim.note,
        )
    for claim_id in claim_ids:
        for target in corpus.claims[claim_id].supports:
            graph.add_edge(claim_id, target, relation="supports", rationale="", scope="author", timing="")
    for relation in corpus.relations:
        same = corpus.author_of(relation.source) == corpus.author_of(relation.target)
        graph.add_edge(
            relation.source,
            relation.target,
            relation=relation.relation.value,
            rationale=relation.rationale,
            scope="author" if same else "between",
            timing=relation.timing or "",
        )
    return graph


def graph_to_json(graph: nx.DiGraph) -> str:
    """The node-link JSON of the graph, stable byte for byte for the same graph."""
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def graph_from_json(path: Path) -> nx.DiGraph:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        graph = nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GraphFileError(path, f"not an argmap graph JSON file ({exc})") from None
    if graph.graph.get("format") != FORMAT_VERSION:
        raise GraphFileError(path, f"graph format {graph.graph.get('format')!r} is not {FORMAT_VERSION}; rebuild it with 'argmap build'")
    return graph
