"""The graph flattened to scalar columns, for the exchange formats that hold only scalars.

GraphML, GEXF, CSV, DOT and Cytoscape.js want one value per attribute, so the dict ``theses``
becomes one column per thesis (``thesis:ID`` = ``pro``, ``con`` or ``""``) and every node gets its
author's colour and the label a viewer should show. Each exchange renderer asks here, so the
columns are named and ordered the same in every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

import networkx as nx

from argmap.dates import date_range
from argmap.render.style import EDGE_STYLES, TYPE_SHAPES, author_colour

# The node attributes every format carries, in this order (then one column per thesis).
NODE_COLUMNS = ("author", "source", "date", "type", "text", "short_label", "quote", "quote_start", "quote_end",
                "voice", "speaker", "note")
# The claim's own label is 'short_label' here: Gephi, yEd and Cytoscape keep 'label' for what a node shows.
GRAPH_NAMES = {"short_label": "label"}
EDGE_COLUMNS = ("relation", "rationale", "scope", "timing")
INTEGER_COLUMNS = frozenset({"quote_start", "quote_end"})

# XML 1.0 cannot hold most control characters at all, not even escaped; Graphviz chokes on them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def thesis_column(thesis_id: str) -> str:
    return f"thesis:{thesis_id}"


@dataclass(frozen=True)
class FlatNode:
    id: str
    display: str          # what a viewer shows on the node: the claim's label, else its id
    colour: str           # the author's colour, as on the map
    shape: str            # the map's shape for the claim type
    values: dict[str, Any]  # NODE_COLUMNS, then thesis:ID columns
    position: tuple[float, float] | None


@dataclass(frozen=True)
class FlatEdge:
    id: str
    source: str
    target: str
    colour: str
    dashed: bool
    directed: bool        # contradicts means the same both ways
    values: dict[str, Any]  # EDGE_COLUMNS


def thesis_ids(graph: nx.DiGraph[str]) -> list[str]:
    return [t["id"] for t in graph.graph["theses"]]


def author_colours(graph: nx.DiGraph[str]) -> dict[str, str]:
    return {name: author_colour(index) for index, name in enumerate(graph.graph["authors"])}


def flat_nodes(graph: nx.DiGraph[str]) -> list[FlatNode]:
    colours = author_colours(graph)
    theses = thesis_ids(graph)
    nodes = []
    for node_id, data in graph.nodes(data=True):
        values: dict[str, Any] = {column: data.get(GRAPH_NAMES.get(column, column), "") for column in NODE_COLUMNS}
        values.update({thesis_column(t): data["theses"].get(t, "") for t in theses})
        position = (float(data["x"]), float(data["y"])) if "x" in data and "y" in data else None
        nodes.append(FlatNode(node_id, data.get("label") or node_id, colours[data["author"]],
                              TYPE_SHAPES.get(data["type"], "dot"), values, position))
    return nodes


def flat_edges(graph: nx.DiGraph[str]) -> list[FlatEdge]:
    edges = []
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        style = cast(dict[str, Any], EDGE_STYLES.get(data["relation"], EDGE_STYLES["supports"]))
        edges.append(FlatEdge(f"e{index}", source, target, str(style["color"]), bool(style["dashes"]),
                              data["relation"] != "contradicts",
                              {column: data.get(column, "") for column in EDGE_COLUMNS}))
    return edges


def ink(colour: str) -> str:
    """Dark or white text, whichever reads better on ``colour`` (#RRGGBB)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#1D2330" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#FFFFFF"


def source_line(source: dict[str, Any]) -> str:
    """One line citing a source: author, title (publication, date)."""
    return f"{source['author']}, {source['title']} ({source['publication']}, {source['date']})"


def first_day(date: str) -> str:
    """The first day a source date can mean (a partial date or a range), as YYYY-MM-DD."""
    return date_range(date)[0].isoformat()
