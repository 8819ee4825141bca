"""DOT for Graphviz: ``dot -Tsvg map.dot -o map.svg`` (or -Tpdf, -Tpng).

Left to right, one cluster per source (its author and date), nodes in the author's colour with
the map's shape and a dashed outline for reported views; supports are green arrows from the
reason, contradicts dashed red lines without arrowheads, superseded dotted purple arrows. The
paraphrase is each node's tooltip (shown in SVG); rationales are edge tooltips.

Every string is a double-quoted DOT string with backslashes and quotes escaped and line breaks
written as ``\\n``, so no corpus text can end a string, start an HTML label or reach a Graphviz
escape such as ``\\N``.
"""

from __future__ import annotations

import networkx as nx

from argmap.render.flat import flat_edges, flat_nodes, ink, printable

DOT_SHAPES = {"square": "box", "dot": "ellipse", "diamond": "diamond", "star": "octagon",
              "triangle": "triangle", "hexagon": "hexagon"}


def dot_string(text: str) -> str:
    """A DOT double-quoted string that Graphviz shows as exactly ``text``."""
    escaped = printable(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return f'"{escaped}"'


def _attributes(values: dict[str, str]) -> str:
    return "[" + ", ".join(f"{key}={dot_string(value)}" for key, value in values.items()) + "]"


def render_dot(graph: nx.DiGraph[str]) -> str:
    """The graph as a Graphviz DOT digraph."""
    meta = graph.graph
    lines = [
        "digraph argmap {",
        f"  graph {_attributes({'rankdir': 'LR', 'label': meta['title'], 'labelloc': 't', 'fontname': 'Helvetica'})};",
        f"  node {_attributes({'style': 'filled', 'fontname': 'Helvetica', 'fontsize': '10'})};",
        f"  edge {_attributes({'fontname': 'Helvetica', 'fontsize': '9'})};",
    ]
    nodes = flat_nodes(graph)
    for index, source in enumerate(meta["sources"]):
        colour = next((n.colour for n in nodes if n.values["source"] == source["id"]), "#999999")
        lines.append(f"  subgraph {dot_string(f'cluster_{index}')} {{")
        caption = f"{source['author']} ({source['date']})"
        lines.append(f"    graph {_attributes({'label': caption, 'color': colour})};")
        for node in (n for n in nodes if n.values["source"] == source["id"]):
            style = "filled,dashed" if node.values["voice"] == "reports" else "filled"
            attributes = {"label": node.display, "tooltip": node.values["text"], "fillcolor": node.colour,
                          "fontcolor": ink(node.colour),
                          "shape": DOT_SHAPES.get(node.shape, "ellipse"), "style": style}
            lines.append(f"    {dot_string(node.id)} {_attributes(attributes)};")
        lines.append("  }")
    for edge in flat_edges(graph):
        relation = edge.values["relation"]
        style = {"supports": "solid", "contradicts": "dashed"}.get(relation, "dotted")
        attributes = {"color": edge.colour, "style": style, "tooltip": edge.values["rationale"] or relation}
        if not edge.directed:
            attributes["dir"] = "none"
        lines.append(f"  {dot_string(edge.source)} -> {dot_string(edge.target)} {_attributes(attributes)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
