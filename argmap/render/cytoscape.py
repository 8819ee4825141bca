"""Cytoscape.js JSON: ``cytoscape({container, ...json})`` or ``cy.json(json)`` shows the map.

``elements.nodes`` and ``elements.edges`` in Cytoscape.js's element format: each node's ``data``
holds its id, the label to show, its author's colour and every node attribute, ``theses`` kept as
a mapping; edges carry the relation, rationale, scope and timing. ``position`` is set when the
map's layout gave one (else run a layout, e.g. ``{name: "breadthfirst"}``). ``data`` holds the
corpus title, authors, sources, theses and events; ``style`` draws the map's colours, shapes and
dashes. The JSON escapes <, > and & so it can be pasted into a page's script as it is.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.render.aif import safe_json
from argmap.render.flat import flat_edges, flat_nodes

CYTOSCAPE_SHAPES = {"square": "rectangle", "dot": "ellipse", "diamond": "diamond", "star": "star",
                    "triangle": "triangle", "hexagon": "hexagon"}

STYLE: list[dict[str, Any]] = [
    {"selector": "node", "style": {"label": "data(label)", "background-color": "data(colour)", "shape": "data(shape)",
                                   "font-size": 10, "text-valign": "bottom", "text-margin-y": 4}},
    {"selector": "node[voice = 'reports']", "style": {"border-style": "dashed", "border-width": 2, "border-color": "#1D2330"}},
    {"selector": "edge", "style": {"line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                   "target-arrow-shape": "triangle", "curve-style": "bezier", "width": 1.5}},
    {"selector": "edge[relation = 'contradicts']", "style": {"line-style": "dashed", "target-arrow-shape": "none"}},
    {"selector": "edge[relation = 'superseded']", "style": {"line-style": "dotted"}},
]


def cytoscape_data(graph: nx.DiGraph[str]) -> dict[str, Any]:
    nodes = []
    for node in flat_nodes(graph):
        attributes = graph.nodes[node.id]
        data: dict[str, Any] = {"id": node.id, "label": node.display, "colour": node.colour,
                                "shape": CYTOSCAPE_SHAPES.get(node.shape, "ellipse")}
        for column, value in node.values.items():
            if not column.startswith("thesis:"):
                data[column] = value
        data["theses"] = dict(attributes["theses"])
        element: dict[str, Any] = {"data": data}
        if node.position is not None:
            element["position"] = {"x": node.position[0], "y": node.position[1]}
        nodes.append(element)
    edges = [{"data": {"id": e.id, "source": e.source, "target": e.target, "colour": e.colour, **e.values}}
             for e in flat_edges(graph)]
    meta = graph.graph
    about = {key: meta[key] for key in ("title", "authors", "sources", "theses", "events")}
    return {"data": about, "elements": {"nodes": nodes, "edges": edges}, "style": STYLE}


def render_cytoscape(graph: nx.DiGraph[str]) -> str:
    """The graph as Cytoscape.js JSON text."""
    return safe_json(cytoscape_data(graph))
