"""GraphML for yEd, Gephi, Cytoscape desktop and networkx.

networkx cannot write the graph as it is (``write_graphml`` refuses list and dict attributes), so it
is flattened deliberately (see ``argmap.render.flat``): one string attribute per node column and
per thesis (``thesis:ID``), the corpus title, theses, events and sources as graph attributes
(``thesis:ID`` = the thesis text, ``event:ID`` = date and label, ``source:ID`` = the citation).
Each node and edge also carries yEd's graphics (yFiles ``ShapeNode`` and ``PolyLineEdge``): the
label yEd shows (the claim's label, else its id), the author's colour, the map's shape for the
claim type, the map's position when the graph has one; dashed red for contradicts.

Written with ElementTree, which escapes every text and attribute value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx

from argmap.render.flat import (EDGE_COLUMNS, INTEGER_COLUMNS, NODE_COLUMNS, flat_edges, flat_nodes, printable,
                                source_line, thesis_column, thesis_ids)

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
YFILES = "http://www.yworks.com/xml/graphml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The map's shapes in yEd's vocabulary.
YED_SHAPES = {"square": "rectangle", "dot": "ellipse", "diamond": "diamond", "star": "star6",
              "triangle": "triangle", "hexagon": "hexagon"}


def _tag(name: str) -> str:
    return f"{{{GRAPHML}}}{name}"


def _y(name: str) -> str:
    return f"{{{YFILES}}}{name}"


def render_graphml(graph: nx.DiGraph[str]) -> str:
    """The graph as GraphML text (UTF-8, yEd graphics included)."""
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("y", YFILES)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_tag("graphml"), {
        f"{{{XSI}}}schemaLocation": f"{GRAPHML} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"})
    meta = graph.graph
    graph_keys = ["title"] + [thesis_column(t["id"]) for t in meta["theses"]] \
        + [f"event:{e['id']}" for e in meta["events"]] + [f"source:{s['id']}" for s in meta["sources"]]
    node_keys = list(NODE_COLUMNS) + [thesis_column(t) for t in thesis_ids(graph)] + ["colour"]
    edge_keys = list(EDGE_COLUMNS)
    ids: dict[tuple[str, str], str] = {}
    for domain, names in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys)):
        for index, name in enumerate(names):
            key_id = f"{domain[0]}{index}"
            ids[(domain, name)] = key_id
            kind = "int" if domain == "node" and name in INTEGER_COLUMNS else "string"
            ET.SubElement(root, _tag("key"), {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind})
    ET.SubElement(root, _tag("key"), {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, _tag("key"), {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    body = ET.SubElement(root, _tag("graph"), {"id": "argmap", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, name: str, value: object) -> None:
        ET.SubElement(parent, _tag("data"), {"key": ids[(domain, name)]}).text = printable(str(value))

    data(body, "graph", "title", meta["title"])
    for thesis in meta["theses"]:
        data(body, "graph", thesis_column(thesis["id"]), thesis["text"])
    for event in meta["events"]:
        data(body, "graph", f"event:{event['id']}", f"{event['date']} {event['label']}")
    for source in meta["sources"]:
        data(body, "graph", f"source:{source['id']}", source_line(source))
    for node in flat_nodes(graph):
        element = ET.SubElement(body, _tag("node"), {"id": node.id})
        # Graphics first: networkx reads a yFiles label as 'label', and the claim's own label,
        # written after it, must win.
        shape = ET.SubElement(ET.SubElement(element, _tag("data"), {"key": "ng"}), _y("ShapeNode"))
        geometry = {"height": "40.0", "width": f"{max(60, 8 * len(node.display)):.1f}"}
        if node.position is not None:
            geometry.update(x=f"{node.position[0]:.1f}", y=f"{node.position[1]:.1f}")
        ET.SubElement(shape, _y("Geometry"), geometry)
        ET.SubElement(shape, _y("Fill"), {"color": node.colour, "transparent": "false"})
        ET.SubElement(shape, _y("BorderStyle"), {"color": "#1D2330", "type": "dashed" if node.values["voice"] == "reports" else "line",
                                                  "width": "1.0"})
        ET.SubElement(shape, _y("NodeLabel")).text = printable(node.display)
        ET.SubElement(shape, _y("Shape"), {"type": YED_SHAPES.get(node.shape, "ellipse")})
        for name, value in node.values.items():
            data(element, "node", name, value)
        data(element, "node", "colour", node.colour)
    for edge in flat_edges(graph):
        element = ET.SubElement(body, _tag("edge"), {"id": edge.id, "source": edge.source, "target": edge.target})
        line = ET.SubElement(ET.SubElement(element, _tag("data"), {"key": "eg"}), _y("PolyLineEdge"))
        ET.SubElement(line, _y("LineStyle"), {"color": edge.colour, "type": "dashed" if edge.dashed else "line", "width": "1.5"})
        ET.SubElement(line, _y("Arrows"), {"source": "none", "target": "standard" if edge.directed else "none"})
        for name, value in edge.values.items():
            data(element, "edge", name, value)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
