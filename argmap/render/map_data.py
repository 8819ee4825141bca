"""The map page's data: claims, links, sources (with their texts cut for the reader), authors.

Everything the page scripts draw from, as plain JSON-ready data; the scripts build the thesis
board, the claim panel, the source reader and the graph from it, and set every corpus string with
``textContent``. Each claim carries its box in the graph view (``argmap.layout``: centre, size and
wrapped lines), the same numbers as ``argmap.svg`` and the ``x``, ``y`` of ``argmap.json``. A link is a list ``[from, to, relation, scope, rationale, timing, kind]``, its
claims by their index in ``claims`` and empty trailing fields left off; ``kind`` is set on a clash
between two authors (``reading``, ``events`` or ``reported``: ``Analysis.clash_kinds``). Keys that would repeat a default on every claim are left out (``speaker`` only on
a reported view, ``label``, ``note`` and ``theses`` only when set, ``draft`` only when true), which
keeps a page of ten thousand claims small.
"""

from __future__ import annotations

from typing import Any, Mapping

from argmap.analysis import Analysis
from argmap.corpus.models import CLAIM_TYPE_MEANINGS, ClaimType
from argmap.documents.refs import citation_of
from argmap.layout import FONT_SIZE, FONT_STACK, HEADER_FONT_SIZE, HEADER_HEIGHT, LANE_BAR, LINE_HEIGHT, PAD_X, PAD_Y, Layout
from argmap.render.source_text import paragraphs
from argmap.render.style import EDGE_STYLES, LINK_STYLES, TYPE_GLYPHS, TYPE_SHAPES, author_colour, lighten


def author_slugs(analysis: Analysis) -> dict[str, str]:
    """Author -> the id of their first source: how a URL names an author (``#author=kuzio``)."""
    slugs: dict[str, str] = {}
    for source in analysis.graph.graph["sources"]:
        slugs.setdefault(source["author"], source["id"])
    return slugs


def _claim(node_id: str, data: dict[str, Any], author: int, source: int, weight: int) -> dict[str, Any]:
    claim: dict[str, Any] = {"id": node_id, "author": author, "source": source, "type": data["type"],
                             "text": data["text"], "quote": data["quote"], "weight": weight}
    if data["voice"] == "reports":
        claim["speaker"] = data["speaker"]
    for key in ("label", "note"):
        if data.get(key):
            claim[key] = data[key]
    if data["theses"]:
        claim["theses"] = data["theses"]
    if data.get("draft"):
        claim["draft"] = True
    return claim


def _link(source: int, target: int, data: dict[str, Any], kind: str) -> list[Any]:
    """``[from, to, relation, scope, rationale, timing, kind]`` (claims by index), empty ends left off."""
    link: list[Any] = [source, target, data["relation"], data["scope"], data.get("rationale", ""), data.get("timing", ""), kind]
    while link[-1] == "":
        link.pop()
    return link


def _source(record: dict[str, Any], author: int, text: str | None, spans: dict[str, tuple[int, int]]) -> dict[str, Any]:
    keep = ("id", "title", "publication", "date", "date_note", "url", "byline", "provenance", "note")
    source: dict[str, Any] = {key: record.get(key, "") for key in keep}
    source.update(author=author, citation=str(citation_of(record)))
    # None: the page was made without the texts (from a graph alone); the reader says so.
    source["paragraphs"] = None if text is None else [[[t, list(c)] for t, c in p] for p in paragraphs(text, spans)]
    return source


def layout_data(layout: Layout) -> dict[str, Any]:
    """What the graph view draws besides the boxes: the lanes, the font, the views to open at.

    Views are the layout's for a 1280 x 720 viewport (centre and scale); the page keeps their
    top-left corner and scale in whatever size its graph has."""
    lanes = [{"label": lane.label, "colour": lane.colour, "tint": lighten(lane.colour, 0.93),
              "bounds": [lane.bounds.x, lane.bounds.y, lane.bounds.width, lane.bounds.height],
              "header": [lane.header.x, lane.header.y, lane.header.width, lane.header.height], "label_x": list(lane.label_x)}
             for lane in layout.lanes]

    def view(v: Any) -> list[float]:
        return [v.x, v.y, v.scale]

    return {"width": layout.width, "height": layout.height, "lanes": lanes,
            "font": {"size": FONT_SIZE, "face": FONT_STACK, "line_height": LINE_HEIGHT, "pad_x": PAD_X, "pad_y": PAD_Y,
                     "header_size": HEADER_FONT_SIZE, "header_height": HEADER_HEIGHT, "lane_bar": LANE_BAR},
             "viewport": [1280, 720], "opening": view(layout.opening_view()),
             "lane_views": [view(layout.lane_view(i)) for i in range(len(layout.lanes))]}


def page_data(analysis: Analysis, texts: Mapping[str, str] | None, layout: Layout) -> dict[str, Any]:
    """Claims (with their boxes), links, sources, authors, theses, events, types, styles, JSON-ready."""
    graph = analysis.graph
    meta = graph.graph
    authors: list[str] = meta["authors"]
    author_index = {name: i for i, name in enumerate(authors)}
    source_index = {s["id"]: i for i, s in enumerate(meta["sources"])}
    slugs = author_slugs(analysis)
    weights = analysis.weights
    claims = [_claim(n, d, author_index[d["author"]], source_index[d["source"]], weights[n])
              for n, d in graph.nodes(data=True)]
    for claim in claims:  # the graph view's box: centre x, y, width, height, and its lines of text
        box = layout.boxes[claim["id"]]
        claim["box"] = [box.x, box.y, box.width, box.height]
        claim["lines"] = list(box.lines)
    # A clash between authors: "reading", "events" or "reported" (Analysis.clash_kinds says which).
    kinds = {frozenset(c.claims): kind for kind, clashes in analysis.clash_kinds.items() for c in clashes}
    index = {claim["id"]: i for i, claim in enumerate(claims)}
    links = [_link(index[a], index[b], d, kinds.get(frozenset((a, b)), "")) for a, b, d in graph.edges(data=True)]
    spans: dict[str, dict[str, tuple[int, int]]] = {}  # source -> its claims' quotes, in one pass (not one per source)
    for n, d in graph.nodes(data=True):
        spans.setdefault(d["source"], {})[n] = (d["quote_start"], d["quote_end"])
    dates: dict[str, list[str]] = {}
    for record in meta["sources"]:
        dates.setdefault(record["author"], []).append(record["date"])
    return {
        "title": meta["title"],
        "authors": [{"name": a, "short": analysis.short_names[a], "slug": slugs[a], "colour": author_colour(i),
                     "dates": dates[a]} for i, a in enumerate(authors)],
        "sources": [_source(s, author_index[s["author"]], None if texts is None else texts.get(s["id"]), spans.get(s["id"], {}))
                    for s in meta["sources"]],
        "theses": [{"id": t["id"], "label": t["label"], "text": t["text"]} for t in meta["theses"]],
        "events": [{"id": e["id"], "date": e["date"], "label": e["label"]} for e in meta["events"]],
        "types": [{"type": t.value, "glyph": TYPE_GLYPHS[TYPE_SHAPES[t.value]], "meaning": CLAIM_TYPE_MEANINGS[t]}
                  for t in ClaimType],
        "edge_styles": EDGE_STYLES,
        "link_styles": LINK_STYLES,
        "layout": layout_data(layout),
        "claims": claims,
        "links": links,
    }
