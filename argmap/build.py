"""Everything `argmap build` writes, rendered in memory first."""

from __future__ import annotations

from pathlib import Path

from argmap.graph import build_graph, graph_to_json
from argmap.html_map import render_map
from argmap.load import load_corpus


def build_outputs(corpus_dir: Path) -> dict[str, str]:
    """Load and check the corpus, then render every output file (name -> content)."""
    corpus = load_corpus(corpus_dir)
    graph = build_graph(corpus)
    return {
        "argmap.html": render_map(graph),
        "argmap.json": graph_to_json(graph),
    }
