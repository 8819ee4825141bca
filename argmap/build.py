"""What each command writes, rendered in memory first (name -> text), then written all at once."""

from __future__ import annotations

from pathlib import Path

from argmap.analysis import Analysis
from argmap.corpus import Corpus, load_corpus
from argmap.documents.brief import build_brief
from argmap.documents.worksheet import Worksheet
from argmap.files import quiz_paths
from argmap.graph import build_graph
from argmap.layout import compute_layout, store_positions
from argmap.quiz.model import Quiz
from argmap.render.html import render_brief_html, render_key_html, render_self_html, render_sheet_html, render_worksheet_html
from argmap.render.json import graph_to_json
from argmap.render.map_page import render_map
from argmap.render.markdown import render_brief_md, render_key_md, render_sheet_md, render_worksheet_md
from argmap.render.svg import render_svg


def build_outputs(corpus_dir: Path) -> dict[str, str]:
    """Load and check the corpus, then render every file ``argmap build`` writes."""
    return corpus_outputs(load_corpus(corpus_dir))


def corpus_outputs(corpus: Corpus) -> dict[str, str]:
    """Every file ``argmap build`` writes, for a loaded corpus."""
    graph = build_graph(corpus)
    layout = compute_layout(graph)
    store_positions(graph, layout)  # argmap.json carries the graph view's positions (x, y)
    analysis = Analysis(graph)
    brief = build_brief(analysis)
    svg = render_svg(graph, layout)
    return {
        "argmap.html": render_map(analysis, corpus.texts, layout, svg),
        "argmap.json": graph_to_json(graph),
        "argmap.svg": svg,
        "brief.html": render_brief_html(brief),
        "brief.md": render_brief_md(brief),
    }


def quiz_outputs(quiz: Quiz, out: Path, fmt: str) -> dict[Path, str]:
    """The student sheet, the answer key (both in ``fmt``) and the self-marking page."""
    sheet, key, self_page = quiz_paths(out, fmt)
    if fmt == "html":
        texts = (render_sheet_html(quiz), render_key_html(quiz))
    else:
        texts = (render_sheet_md(quiz), render_key_md(quiz))
    return {sheet: texts[0], key: texts[1], self_page: render_self_html(quiz)}


def quiz_text(quiz: Quiz) -> str:
    """What ``argmap quiz`` prints without --out: the Markdown sheet, then the key."""
    return render_sheet_md(quiz) + "\n" + render_key_md(quiz)


def worksheet_text(sheet: Worksheet, fmt: str, answer: bool = True) -> str:
    return render_worksheet_html(sheet, answer) if fmt == "html" else render_worksheet_md(sheet, answer)
