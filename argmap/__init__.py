"""argmap: map where several authors' accounts of one event agree and clash.

The library, in pipeline order::

    from argmap import load_corpus, build_graph, Analysis, build_brief, generate_quiz

    corpus = load_corpus("claims")             # checked Corpus, or CorpusError listing every problem
    graph = build_graph(corpus)                # networkx.DiGraph of claims and links
    analysis = Analysis(graph)                 # stances, agreement, clashes, common ground, timeline
    brief = build_brief(analysis, thesis="mission-endures")
    print(render_brief_md(brief))

Every error argmap raises for a person is an ``ArgmapError``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported on first use, so that `argmap --help` does not load the whole library.
_EXPORTS = {
    "Analysis": "argmap.analysis",
    "ArgmapError": "argmap.errors",
    "Brief": "argmap.documents.brief",
    "Corpus": "argmap.corpus",
    "CorpusError": "argmap.errors",
    "InvalidRequestError": "argmap.errors",
    "Problem": "argmap.errors",
    "Quiz": "argmap.quiz.model",
    "Worksheet": "argmap.documents.worksheet",
    "authors_worksheet": "argmap.documents.worksheet",
    "build_brief": "argmap.documents.brief",
    "build_graph": "argmap.graph",
    "generate_quiz": "argmap.quiz.generate",
    "graph_from_json": "argmap.graph",
    "graph_to_json": "argmap.render.json",
    "load_corpus": "argmap.corpus",
    "render_brief_html": "argmap.render.html",
    "render_brief_md": "argmap.render.markdown",
    "render_worksheet_html": "argmap.render.html",
    "render_worksheet_md": "argmap.render.markdown",
    "thesis_worksheet": "argmap.documents.worksheet",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


if TYPE_CHECKING:
    from argmap.analysis import Analysis
    from argmap.corpus import Corpus, load_corpus
    from argmap.documents.brief import Brief, build_brief
    from argmap.documents.worksheet import Worksheet, authors_worksheet, thesis_worksheet
    from argmap.errors import ArgmapError, CorpusError, InvalidRequestError, Problem
    from argmap.graph import build_graph, graph_from_json
    from argmap.quiz.generate import generate_quiz
    from argmap.quiz.model import Quiz
    from argmap.render.html import render_brief_html, render_worksheet_html
    from argmap.render.json import graph_to_json
    from argmap.render.markdown import render_brief_md, render_worksheet_md


__all__ = [
    "Analysis",
    "ArgmapError",
    "Brief",
    "Corpus",
    "CorpusError",
    "InvalidRequestError",
    "Problem",
    "Quiz",
    "Worksheet",
    "authors_worksheet",
    "build_brief",
    "build_graph",
    "generate_quiz",
    "graph_from_json",
    "graph_to_json",
    "load_corpus",
    "render_brief_html",
    "render_brief_md",
    "render_worksheet_html",
    "render_worksheet_md",
    "thesis_worksheet",
    "__version__",
]
