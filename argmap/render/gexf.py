"""GEXF 1.3 for Gephi (and networkx, Sigma.js).

networkx's ``write_gexf`` writes the dict ``theses`` as a Python repr and drops graph attributes,
so the file is written here from the flattened graph (``argmap.render.flat``): one attribute per
node column and per thesis (``thesis:ID``), the relation and its rationale, scope and timing on
each edge, the author's colour, the map's shape and, when the map's layout gave them, positions
as ``viz`` elements. GEXF has no graph attributes, so the corpus title goes into the meta
description; thesis texts, events and sources are not carried (the node attributes name each
claim's author, source and date). Contradicts edges are undirected, the others directed.

Written with ElementTree, which escapes every text and attribute value; no timestamps.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx

from argmap.render.flat import EDGE_COLUMNS, INTEGER_COLUMNS, NODE_COLUMNS, flat_edges, flat_nodes, printable, \
    thesis_column, thesis_ids

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The map's shapes in GEXF's small vocabulary.
GEXF_SHAPES = {"square": "square", "dot": "disc", "diamond": "diamond", "star": "diamond",
               "triangle": "triangle", "hexagon": "disc"}


def _g(name: str) -> str:
    return f"{{{GEXF}}}{name}"


def _viz(name: str) -> str:
    return f"{{{VIZ}}}{name}"


def _rgb(colour: str) -> dict[str, str]:
    return {"r": str(int(colour[1:3], 16)), "g": str(int(colour[3:5], 16)), "b": str(int(colour[5:7], 16))}


def render_gexf(graph: nx.DiGraph[str]) -> str:
    """The graph as GEXF 1.3 text."""
    ET.register_namespace("", GEXF)
    ET.register_namespace("viz", VIZ)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_g("gexf"), {"version": "1.3",
                                   f"{{{XSI}}}schemaLocation": f"{GEXF} http://gexf.net/1.3/gexf.xsd"})
    meta = ET.SubElement(root, _g("meta"))
    ET.SubElement(meta, _g("creator")).text = "argmap"
    ET.SubElement(meta, _g("description")).text = printable(graph.graph["title"])
    body = ET.SubElement(root, _g("graph"), {"defaultedgetype": "directed", "mode": "static"})
    node_columns = list(NODE_COLUMNS) + [thesis_column(t) for t in thesis_ids(graph)]
    for kind, columns in (("node", node_columns), ("edge", list(EDGE_COLUMNS))):
        attributes = ET.SubElement(body, _g("attributes"), {"class": kind, "mode": "static"})
        for column in columns:
            ET.SubElement(attributes, _g("attribute"), {
                "id": column, "title": column, "type": "integer" if column in INTEGER_COLUMNS else "string"})
    nodes = ET.SubElement(body, _g("nodes"))
    for node in flat_nodes(graph):
        element = ET.SubElement(nodes, _g("node"), {"id": node.id, "label": printable(node.display)})
        values = ET.SubElement(element, _g("attvalues"))
        for column, value in node.values.items():
            ET.SubElement(values, _g("attvalue"), {"for": column, "value": printable(str(value))})
        ET.SubElement(element, _viz("color"), _rgb(node.colour))
        if node.position is not None:
            ET.SubElement(element, _viz("position"), {"x": f"{node.position[0]:.1f}", "y": f"{-node.position[1]:.1f}",
                                                      "z": "0.0"})
        ET.SubElement(element, _viz("shape"), {"value": GEXF_SHAPES.get(node.shape, "disc")})
    edges = ET.SubElement(body, _g("edges"))
    for edge in flat_edges(graph):
        element = ET.SubElement(edges, _g("edge"), {
            "id": edge.id, "source": edge.source, "target": edge.target, "label": edge.values["relation"]})
        values = ET.SubElement(element, _g("attvalues"))
        for column, value in edge.values.items():
            ET.SubElement(values, _g("attvalue"), {"for": column, "value": printable(str(value))})
        ET.SubElement(element, _viz("color"), _rgb(edge.colour))
        ET.SubElement(element, _viz("shape"), {"value": "dashed" if edge.dashed else "solid"})
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
