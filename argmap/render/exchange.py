"""The exchange formats by name: what ``argmap export --format`` offers, for the command and for code.

Each format is one module of this package; CSV alone writes two files (see ``render_csv``).
"""

from __future__ import annotations

from typing import Callable

import networkx as nx

from argmap.render.aif import render_aif
from argmap.render.argdown import render_argdown
from argmap.render.cytoscape import render_cytoscape
from argmap.render.dot import render_dot
from argmap.render.gexf import render_gexf
from argmap.render.graphml import render_graphml

TEXT_RENDERERS: dict[str, Callable[[nx.DiGraph[str]], str]] = {
    "aif": render_aif, "argdown": render_argdown, "graphml": render_graphml, "gexf": render_gexf,
    "dot": render_dot, "cytoscape": render_cytoscape,
}
EXPORT_FORMATS = ("aif", "argdown", "graphml", "gexf", "csv", "dot", "cytoscape")
# File suffixes that name one format (.json could be AIF or Cytoscape.js, so it names none).
SUFFIXES = {".aif": "aif", ".argdown": "argdown", ".ad": "argdown", ".graphml": "graphml", ".gexf": "gexf",
            ".dot": "dot", ".gv": "dot", ".cyjs": "cytoscape"}
