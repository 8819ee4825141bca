"""Everything `argmap build` writes, rendered in memory first."""

from __future__ import annotations

from pathlib import Path

from argmap.brief import build_brief
from argmap.brief_html import render_brief_html
from argmap.brief_md import render_brief_md
from argmap.graph import build_graph, graph_to_json
from argmap.html_views import render_views_map
from argmap.load import load_corpus


def build_outputs(corpus_dir: Path) -> dict[str, str]:
    """Load and check the corpus, then render every output file (name -> content)."""
    corpus = load_corpus(corpus_dir)
    graph = build_graph(corpus)
    brief = build_brief(graph)
    return {
        "argmap.html": render_views_map(graph),
        "argmap.json": graph_to_json(graph),
        "brief.html": render_brief_html(brief),
        "brief.md": render_brief_md(brief),
    }
