"""The interactive map: one self-contained, offline HTML page drawn by vis-network.

pyvis 0.3.2 supplies the vis-network bundle; its Network class and stock template are not used
(the template loads Bootstrap from a CDN, switches tooltips to innerHTML when a title contains
"href" and inserts the heading unescaped; ``from_nx`` is quadratic and mutates the graph). Our
template escapes everything, inlines every asset and carries a Content-Security-Policy.
"""

from __future__ import annotations

import math
from typing import Any


from argmap.analysis import Analysis
from argmap.corpus.models import CLAIM_TYPE_MEANINGS, ClaimType
from argmap.documents.refs import citation_of
from argmap.render.pages import render
from argmap.render.style import EDGE_STYLES, TYPE_GLYPHS, TYPE_SHAPES, author_colour, lighten

LARGE = 1000  # past this many nodes, trade layout polish for a page that opens quickly


def _tooltip(node: dict[str, Any], source: dict[str, Any]) -> str:
    voice = f"\nReported view of {node['speaker']} (not {node['author']}'s own)" if node["voice"] == "reports" else ""
    return f"{node['id']} · {node['type']}{voice}\n{node['text']}\n\u201c{node['quote']}\u201d\n{citation_of(source)}"


def vis_options(node_count: int) -> dict[str, Any]:
    large = node_count > LARGE
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0 if large else 0.5,
            },
            "stabilization": {"enabled": True, "iterations": 120 if large else 400, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
            "maxVelocity": 60,
            "timestep": 0.45,
        },
        "edges": {"smooth": False, "width": 1.4, "selectionWidth": 1.5},
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif", "color": "#1d2330"}, "borderWidth": 2},
        "interaction": {
            "hover": not large,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
    }


def map_payload(analysis: Analysis) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data."""
    graph = analysis.graph
    meta = graph.graph
    sources = analysis.sources
    author_index = {name: i for i, name in enumerate(meta["authors"])}
    support_in = {n: 0 for n in graph}
    for _, target, data in graph.edges(data=True):
        if data["relation"] == "supports":
            support_in[target] += 1
    nodes = []
    for node_id, data in graph.nodes(data=True):
        node = {"id": node_id, **data}
        colour = author_colour(author_index[data["author"]])
        reported = data["voice"] == "reports"
        fill = lighten(colour, 0.6) if reported else colour
        nodes.append(
            {
                "id": node_id,
                "label": node_id,
                "author": data["author"],
                "source": data["source"],
                "date": data["date"],
                "ctype": data["type"],
                "voice": data["voice"],
                "speaker": data["speaker"],
                "theses": data["theses"],
                "text": data["text"],
                "quote": data["quote"],
                "shape": TYPE_SHAPES.get(data["type"], "dot"),
                "size": round(11 + 4 * math.sqrt(support_in[node_id]), 2),
                "color": {
                    "background": fill,
                    "border": colour,
                    "highlight": {"background": fill, "border": "#1d2330"},
                    "hover": {"background": fill, "border": "#1d2330"},
                },
                "shapeProperties": {"borderDashes": [4, 3] if reported else False},
                "title": _tooltip(node, sources[data["source"]]),
            }
        )
    events = {e["id"]: e for e in meta["events"]}
    edges = []
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        style = EDGE_STYLES[data["relation"]]
        width = 1.2 if data["scope"] == "author" else 2.0
        timing = events.get(data.get("timing", ""))
        edges.append(
            {
                "id": f"e{index}",
                "from": source,
                "to": target,
                "relation": data["relation"],
                "scope": data["scope"],
                "rationale": data["rationale"],
                "timing": data.get("timing", ""),
                "timing_label": f"{timing['label']} ({timing['date']})" if timing else "",
                "arrows": style["arrows"],
                "dashes": style["dashes"],
                "width": width,
                "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"], "opacity": 0.9},
                "title": f"{source} {data['relation']} {target}" + (f"\n{data['rationale']}" if data["rationale"] else ""),
            }
        )
    relations = [d["relation"] for _, _, d in graph.edges(data=True)]
    first_dates = analysis.first_dates
    return {
        "title": meta["title"],
        "nodes": nodes,
        "edges": edges,
        "authors": [{"name": a, "colour": author_colour(i), "date": first_dates[a]} for i, a in enumerate(meta["authors"])],
        "types": [{"type": t.value, "glyph": TYPE_GLYPHS[TYPE_SHAPES[t.value]], "meaning": CLAIM_TYPE_MEANINGS[t]} for t in ClaimType],
        "theses": meta["theses"],
        "sources": [{**s, "citation": str(citation_of(s))} for s in meta["sources"]],
        "events": meta["events"],
        "edge_styles": EDGE_STYLES,
        "stats": {"claims": len(nodes), "supports": relations.count("supports"), "contradicts": relations.count("contradicts")},
        "options": vis_options(len(nodes)),
    }


def render_map(
    analysis: Analysis,
    extra: dict[str, Any] | None = None,
    template: str = "map.html.j2",
    scripts: tuple[str, ...] = (),
) -> str:
    """Render the map page.

    ``extra`` adds panels' data to the page's JSON; ``scripts`` names further script files in
    templates/ to inline (each is allowed by its hash in the page's Content-Security-Policy).
    """
    payload = map_payload(analysis)
    if extra:
        payload.update(extra)
    return render(template, page=payload, heading=payload["title"], extra_scripts=list(scripts))
