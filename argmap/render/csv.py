"""CSV tables for Gephi's spreadsheet import and for any spreadsheet: nodes.csv and edges.csv.

Gephi's column names lead (``Id``, ``Label`` for nodes; ``Source``, ``Target``, ``Type``, ``Id``,
``Label`` for edges; ``Type`` is ``Directed``, or ``Undirected`` for contradicts, which means the
same both ways); then every node column and one column per thesis (``thesis:ID``: ``pro``,
``con`` or empty), the author's colour; the relation, rationale, scope and timing on edges.
UTF-8 without a byte-order mark, a header row, every field quoted when it needs to be.

A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading ``'``, as OWASP advises, so it shows as text.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

import networkx as nx

from argmap.render.flat import EDGE_COLUMNS, NODE_COLUMNS, flat_edges, flat_nodes, thesis_column, thesis_ids

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> str:
    """A cell's text, defused if a spreadsheet would take it for a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _table(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return out.getvalue()


def render_nodes_csv(graph: nx.DiGraph[str]) -> str:
    theses = [thesis_column(t) for t in thesis_ids(graph)]
    header = ["Id", "Label", *NODE_COLUMNS, *theses, "colour"]
    return _table(header, ([n.id, n.display, *n.values.values(), n.colour] for n in flat_nodes(graph)))


def render_edges_csv(graph: nx.DiGraph[str]) -> str:
    header = ["Source", "Target", "Type", "Id", "Label", *EDGE_COLUMNS]
    return _table(header, ([e.source, e.target, "Directed" if e.directed else "Undirected", e.id,
                            e.values["relation"], *e.values.values()] for e in flat_edges(graph)))


def render_csv(graph: nx.DiGraph[str]) -> dict[str, str]:
    """The two tables, by file name: nodes.csv and edges.csv."""
    return {"nodes.csv": render_nodes_csv(graph), "edges.csv": render_edges_csv(graph)}
