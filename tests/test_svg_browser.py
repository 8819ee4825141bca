"""argmap.svg in real Chromium: it opens cleanly, every label fits its box as the font really
renders, the opening view draws labels at 11 CSS px or more, and the fitted view keeps lanes and
clash lines apart. Screenshots go to tmp_path, and also to $ARGMAP_SCREENSHOTS when it is set,
for a person to look at."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from argmap.layout import FONT_SIZE, PAD_X, Layout, View, compute_layout
from argmap.render.style import LINK_STYLES
from argmap.render.svg import render_svg

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 720


def _save(path: Path) -> None:
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def _open(chromium: Any, svg: Path) -> tuple[Any, Any, list[str]]:
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: problems.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(svg.as_uri())
    return context, page, problems


def _look_at(page: Any, left: float, top: float, view_width: float, view_height: float) -> None:
    """Show that part of the SVG (its user units) in the whole 1280 x 720 viewport."""
    page.evaluate(
        """([x, y, w, h, W, H]) => { const s = document.documentElement;
             s.setAttribute('viewBox', `${x} ${y} ${w} ${h}`); s.setAttribute('width', W); s.setAttribute('height', H); }""",
        [left, top, view_width, view_height, WIDTH, HEIGHT],
    )


def _view_box(offset: tuple[float, float], view: View) -> tuple[float, float, float, float]:
    width, height = WIDTH / view.scale, HEIGHT / view.scale
    return offset[0] + view.x - width / 2, offset[1] + view.y - height / 2, width, height


@pytest.fixture(scope="module")
def pictures(flagship_graph: Any, synthetic_3k: Any, tmp_path_factory: Any) -> dict[str, tuple[Path, Layout]]:
    folder = tmp_path_factory.mktemp("svg")
    out = {}
    for name, graph in (("flagship", flagship_graph), ("synthetic-3k", synthetic_3k)):
        layout = compute_layout(graph)
        path = folder / f"{name}.svg"
        path.write_text(render_svg(graph, layout), encoding="utf-8")
        out[name] = (path, layout)
    return out


def _offset(svg: Path) -> tuple[float, float]:
    found = re.search(r'<g id="drawing" transform="translate\(([\d.]+) ([\d.]+)\)">', svg.read_text(encoding="utf-8"))
    assert found
    return float(found[1]), float(found[2])


@pytest.mark.parametrize("name", ["flagship", "synthetic-3k"])
def test_the_svg_opens_and_every_label_fits_its_box(chromium: Any, pictures: dict[str, tuple[Path, Layout]], name: str) -> None:
    svg, layout = pictures[name]
    context, page, problems = _open(chromium, svg)
    try:
        overflow = page.evaluate(
            """(pad) => { const out = [];
                 for (const g of document.querySelectorAll('#claims > g')) {
                   const width = +g.querySelector('rect').getAttribute('width');
                   for (const t of g.querySelectorAll('tspan'))
                     if (t.getComputedTextLength() > width - 2 * pad + 0.5) out.push(t.textContent);
                 }
                 return [out, document.querySelectorAll('#claims tspan').length]; }""",
            PAD_X,
        )
        assert overflow[0] == [] and overflow[1] >= len(layout.boxes)
        assert page.evaluate("getComputedStyle(document.querySelector('#claims text')).fontFamily").startswith('"DejaVu Sans"')
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["flagship", "synthetic-3k"])
def test_screenshots_at_the_opening_and_the_fitted_view(chromium: Any, pictures: dict[str, tuple[Path, Layout]],
                                                        name: str, tmp_path: Path) -> None:
    svg, layout = pictures[name]
    offset = _offset(svg)
    context, page, problems = _open(chromium, svg)
    try:
        opening = layout.opening_view(WIDTH, HEIGHT)
        _look_at(page, *_view_box(offset, opening))
        label_px = page.evaluate("(size) => document.documentElement.getScreenCTM().a * size", FONT_SIZE)
        assert label_px >= 11
        first = page.evaluate("document.querySelector('#lane-labels text').getBoundingClientRect().top")
        assert 0 <= first < HEIGHT  # the first lane's header is in view
        page.screenshot(path=str(tmp_path / f"{name}-open-1280x720.png"))
        _save(tmp_path / f"{name}-open-1280x720.png")

        size = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg.read_text(encoding="utf-8"))
        assert size
        _look_at(page, 0, 0, int(size[1]), int(size[2]))
        scale = page.evaluate("document.documentElement.getScreenCTM().a")
        bands = page.evaluate("[...document.querySelectorAll('#lanes > g > rect:first-child')].map(r => {"
                              " const b = r.getBoundingClientRect(); return [b.top, b.bottom]; })")
        assert len(bands) == len(layout.lanes)
        assert all(b[0] - a[1] >= 5 for a, b in zip(bands, bands[1:])), "lanes run together at the fitted zoom"
        if name == "flagship":
            assert float(LINK_STYLES["contradicts"]["width"]) * scale >= 1.0  # every clash line a pixel wide or more
        page.screenshot(path=str(tmp_path / f"{name}-fitted-1280x720.png"))
        _save(tmp_path / f"{name}-fitted-1280x720.png")
        assert problems == []
    finally:
        context.close()


def test_vis_network_draws_the_same_boxes(chromium: Any, flagship_graph: Any, tmp_path: Path) -> None:
    """The page's graph view will draw boxes with vis-network: with the settings the layout
    documents (argmap/layout/__init__.py), vis-network's boxes are the layout's, line for line.
    No widthConstraint.maximum: vis-network 9.1 measures each gap between words as three spaces
    when it wraps, so it would break lines that fit; the lines come wrapped already."""
    import json

    from argmap.layout import FONT_STACK, PAD_Y
    from argmap.render.pages import asset

    layout = compute_layout(flagship_graph)
    nodes = [{"id": b.id, "x": b.x, "y": b.y, "label": "\n".join(b.lines), "shape": "box", "physics": False,
              "font": {"size": FONT_SIZE, "face": FONT_STACK}, "margin": {"top": PAD_Y, "bottom": PAD_Y, "left": PAD_X, "right": PAD_X},
              "widthConstraint": {"minimum": b.width - 2 * PAD_X}, "heightConstraint": {"minimum": b.height - 2 * PAD_Y}}
             for b in layout.boxes.values()]
    page_file = tmp_path / "vis.html"
    page_file.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><script>" + str(asset("vis-network.min.js")) + "</script></head>"
        "<body style='margin:0'><div id='net' style='width:1280px;height:720px'></div><script>"
        f"const nodes = {json.dumps(nodes)};"
        "window.net = new vis.Network(document.getElementById('net'), {nodes: new vis.DataSet(nodes), edges: []},"
        " {physics: false, layout: {improvedLayout: false}});"
        "</script></body></html>", encoding="utf-8")
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.wait_for_function("window.net !== undefined")
        # the shape's own size: getBoundingBox() adds the corner radius all round
        drawn = page.evaluate("""() => Object.fromEntries(net.body.nodeIndices.map(id => {
            const n = net.body.nodes[id];
            return [id, [n.x - n.shape.width / 2, n.y - n.shape.height / 2, n.x + n.shape.width / 2, n.y + n.shape.height / 2,
                         n.labelModule.lines.length]]; }))""")
        wrong = {b.id: drawn[b.id] for b in layout.boxes.values()
                 if any(abs(a - e) > 0.01 for a, e in zip(drawn[b.id][:4], (b.left, b.top, b.right, b.bottom)))
                 or drawn[b.id][4] != len(b.lines)}
        assert wrong == {}
    finally:
        context.close()
