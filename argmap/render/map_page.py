"""The interactive map: one self-contained, offline HTML page with four views.

**Overview** (the landing view: stance matrix, agreement heatmap, clashes by kind, timeline,
common ground, each author's core), **Thesis** (a debate board per thesis), **Graph** (every claim
at the layout's positions, drawn by vis-network with physics off) and **Sources** (each text with
every quoted span highlighted). A claim panel opens over any of them. Each view has a URL hash
(``#thesis=ID``, ``#claim=ID``, ``#author=ID``, ``#graph``, ``#source=ID``) so it can be linked.

The overview is rendered here, as HTML; the other views are built by the page scripts from the
page's JSON data (``map_data``, ``map_boards``), setting corpus text only with ``textContent``.

pyvis 0.3.2 supplies the vis-network bundle; its Network class and stock template are not used
(the template loads Bootstrap from a CDN, switches tooltips to innerHTML when a title contains
"href" and inserts the heading unescaped; ``from_nx`` is quadratic and mutates the graph), nor is
vis-network's stylesheet (220 KB, mostly images for buttons the page does not show).
"""

from __future__ import annotations

import base64
import gzip
from typing import Any, Mapping

from argmap.analysis import Analysis
from argmap.layout import Layout, compute_layout
from argmap.render.map_boards import thesis_boards, time_order
from argmap.render.map_data import page_data
from argmap.render.map_overview import Focus, overview
from argmap.render.pages import render

SCRIPTS = ("map_core.js", "map_panel.js", "map_board.js", "map_reader.js", "map_graph.js")
STYLES = ("badges.css", "map.css", "map_overview.css", "map_board.css", "map_graph.css", "map_print.css")


def packed_svg(svg: str) -> str:
    """The SVG picture gzipped and in base64, for a ``<script type="application/gzip">`` data block.

    The picture repeats every box and link of the page's data in SVG markup (about 1 KB a claim);
    packed, it is about a sixth of that. The page unpacks it with the browser's own
    DecompressionStream when a reader downloads or prints it. ``mtime=0`` keeps builds identical.
    """
    return base64.b64encode(gzip.compress(svg.encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


def render_map(analysis: Analysis, texts: Mapping[str, str] | None = None, layout: Layout | None = None,
               svg: str = "") -> str:
    """The map page. ``texts`` (source id -> text, as ``Corpus.texts``) feed the source reader
    and the quotes in their paragraphs; ``layout`` places the graph view (computed when not
    given); ``svg`` (``render_svg`` at the same layout) is offered as a download and printed."""
    focus = Focus()
    data = page_data(analysis, texts, layout or compute_layout(analysis.graph))
    data["boards"] = thesis_boards(analysis)
    data["time_order"] = time_order(analysis)
    view = overview(analysis, focus)
    data["focus"] = focus.sets
    meta = analysis.graph.graph
    context: dict[str, Any] = {
        "page": data,
        "o": view,
        "heading": meta["title"],
        "types": data["types"],
        "theses": data["theses"],
        "edge_styles": data["edge_styles"],
        "first_thesis": meta["theses"][0]["id"] if meta["theses"] else "",
        "first_source": meta["sources"][0]["id"] if meta["sources"] else "",
        "svg": packed_svg(svg) if svg else "",
        "script_names": list(SCRIPTS),
        "styles": list(STYLES),
    }
    return render("map.html.j2", **context)
