"""The graph as node-link JSON (argmap.json): the stable interchange other tools read."""

from __future__ import annotations

import json

import networkx as nx
from argmap.graph import Graph


def graph_to_json(graph: Graph) -> str:
    """``networkx.node_link_data(graph, edges="edges")`` as text, stable byte for byte."""
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
