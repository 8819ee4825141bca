"""The argument graph: claims as nodes, supports, contradicts and superseded links as edges.

A ``networkx.DiGraph``: at most one edge per ordered pair (the checks allow one kind of relation
per pair of claims). ``supports`` edges point from the reason to what it supports;
``contradicts`` and ``superseded`` edges keep the direction they were written in and mean the
same both ways.

Graph attributes describe the corpus (title, sources, theses, events, authors in time order) so
that everything downstream needs nothing but the graph. The accessors below are the one way
to ask the graph the small questions every consumer has (a source by id, the edge between two
claims, each author's first date).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx

from argmap.corpus import Corpus
from argmap.corpus.models import Source
from argmap.dates import time_key
from argmap.errors import GraphFileError

Graph: TypeAlias = "nx.DiGraph[str]"  # claim ids as nodes

FORMAT_VERSION = 1
SUPPORTS, CONTRADICTS, SUPERSEDED = "supports", "contradicts", "superseded"
WITHIN, BETWEEN = "author", "between"  # an edge's scope


def _source_record(source: Source) -> dict[str, Any]:
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
    }


def sources_in_time_order(corpus: Corpus) -> list[Source]:
    return sorted(corpus.sources.values(), key=lambda s: (time_key(s.date), s.author, s.id))


def build_graph(corpus: Corpus) -> Graph:
    """Build the graph; node order follows the sources in time order, then file order."""
    ordered = sources_in_time_order(corpus)
    graph: Graph = nx.DiGraph(
        format=FORMAT_VERSION,
        title=corpus.title,
        authors=list(dict.fromkeys(source.author for source in ordered)),
        sources=[_source_record(s) for s in ordered],
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
            draft=claim.draft,
        )
    for claim_id in claim_ids:
        for target in corpus.claims[claim_id].supports:
            graph.add_edge(claim_id, target, relation=SUPPORTS, rationale="", scope=WITHIN, timing="")
    for relation in corpus.relations:
        same = corpus.author_of(relation.source) == corpus.author_of(relation.target)
        graph.add_edge(
            relation.source,
            relation.target,
            relation=relation.relation.value,
            rationale=relation.rationale,
            scope=WITHIN if same else BETWEEN,
            timing=relation.timing or "",
        )
    return graph


def graph_from_json(path: Path) -> Graph:
    """Read back a graph written by ``argmap build`` (argmap.json)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        read = nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GraphFileError(path, f"not an argmap graph JSON file ({exc})") from None
    if not isinstance(read, nx.DiGraph):
        raise GraphFileError(path, "not a directed graph")
    graph: Graph = read
    if graph.graph.get("format") != FORMAT_VERSION:
        raise GraphFileError(path, f"graph format {graph.graph.get('format')!r} is not {FORMAT_VERSION}; rebuild it with 'argmap build'")
    return graph


# -- accessors -------------------------------------------------------------------------------

def sources_by_id(graph: Graph) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in graph.graph["sources"]}


def events_by_id(graph: Graph) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in graph.graph["events"]}


def theses_by_id(graph: Graph) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in graph.graph["theses"]}


def first_dates(graph: Graph) -> dict[str, str]:
    """Author -> the date of their first source (sources are stored in time order)."""
    dates: dict[str, str] = {}
    for source in graph.graph["sources"]:
        dates.setdefault(source["author"], source["date"])
    return dates


def edge_between(graph: Graph, a: str, b: str) -> dict[str, Any] | None:
    """The edge joining two claims, whichever way it was written, or None."""
    data = graph.get_edge_data(a, b) or graph.get_edge_data(b, a)
    return dict(data) if data else None


def linked(graph: Graph, claim: str, relation: str) -> set[str]:
    """Claims joined to ``claim`` by a ``relation`` edge, either way."""
    return {n for n in nx.all_neighbors(graph, claim) if (edge_between(graph, claim, n) or {}).get("relation") == relation}


def is_reported(graph: Graph, claim: str) -> bool:
    """Whether the author only reports this view (it never counts as theirs)."""
    return bool(graph.nodes[claim]["voice"] == "reports")


def within_author_supports(graph: Graph) -> Graph:
    """Every claim, with only the supports edges that stay inside one author's argument."""
    sub: Graph = nx.DiGraph()
    sub.add_nodes_from(graph)
    sub.add_edges_from(
        (a, b) for a, b, d in graph.edges(data=True) if d["relation"] == SUPPORTS and d["scope"] == WITHIN
    )
    return sub


def graph_order(graph: Graph) -> dict[str, int]:
    """Claim -> its place in the graph (sources in time order, then the order of each file)."""
    return {claim: i for i, claim in enumerate(graph)}


def source_rank(graph: Graph) -> dict[str, int]:
    """Source id -> its place in time order."""
    return {s["id"]: i for i, s in enumerate(graph.graph["sources"])}


def order_by_time(graph: Graph, a: str, b: str) -> tuple[str, str]:
    """Two claims, the one from the earlier text first (ties keep the given order)."""
    rank = source_rank(graph)
    return (b, a) if rank[graph.nodes[b]["source"]] < rank[graph.nodes[a]["source"]] else (a, b)
