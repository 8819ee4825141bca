"""The map page's graph view in real headless Chromium: claims drawn at the layout's positions
(those of argmap.json), which filters, focus, search and reset never move; lanes per author;
boxes that never overlap; legible labels where it opens; the downloads; hostile text as text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import Analysis
from argmap.build import build_outputs
from argmap.files import write_file
from argmap.layout import FONT_SIZE, compute_layout
from argmap.render.map_page import render_map
from conftest import FLAGSHIP, MINI

pytestmark = pytest.mark.browser


def built(corpus: Path, out: Path) -> tuple[Path, dict[str, Any]]:
    files = build_outputs(corpus)
    for name, text in files.items():
        write_file(out / name, text)
    return out / "argmap.html", json.loads(files["argmap.json"])


@pytest.fixture(scope="module")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    return built(MINI, tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="module")
def flagship_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    return built(FLAGSHIP, tmp_path_factory.mktemp("flagship"))


def open_graph(chromium: Any, path: Path, hash_: str = "#graph", width: int = 1280, height: int = 720) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: page.errors.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto(path.resolve().as_uri() + hash_)
    page.wait_for_selector("body[data-graph-drawn=true]", state="attached", timeout=120_000)
    return page


def routed(page: Any, hash_: str) -> None:
    page.evaluate("h => { location.hash = h; }", hash_)
    page.wait_for_function("h => document.body.dataset.routed === h", arg=hash_)


def positions(page: Any) -> dict[str, list[float]]:
    return {k: [v["x"], v["y"]] for k, v in page.evaluate("window.argmap.network.getPositions(Object.keys(window.argmap.network.body.nodes))").items()}


def shown(page: Any) -> list[str]:
    return sorted(page.evaluate("window.argmap.graph.visibleClaims().map(c => c.id)"))


def drawn(page: Any) -> list[str]:
    """The claims vis-network actually draws."""
    return sorted(page.evaluate("window.argmap.network.body.nodeIndices.slice()"))


def click(page: Any, selector: str) -> None:
    page.locator(selector).click()


def test_positions_are_those_of_argmap_json_and_nothing_moves_them(chromium: Any, mini_built: Any) -> None:
    path, graph_json = mini_built
    page = open_graph(chromium, path)
    expected = {n["id"]: [n["x"], n["y"]] for n in graph_json["nodes"]}
    assert positions(page) == expected
    steps = [
        lambda: click(page, 'input[name=author][value="1"]'),
        lambda: page.fill("#search", "steel"),
        lambda: page.fill("#search", ""),
        lambda: click(page, "#reset"),
        lambda: routed(page, "#graph&focus=pair-0-2"),
        lambda: click(page, "input[name=type][value=fact]"),
        lambda: click(page, "#focus-clear"),
        lambda: routed(page, "#graph&claim=birch.steel"),
        lambda: click(page, "#reset"),
    ]
    for step in steps:
        step()
        page.wait_for_timeout(50)
        assert positions(page) == expected
    assert drawn(page) == sorted(expected)
    assert page.errors == []


def test_filters_hide_claims_fit_the_view_to_them_and_list_them(chromium: Any, mini_built: Any) -> None:
    page = open_graph(chromium, mini_built[0])
    page.fill("#search", "steel")
    assert shown(page) == drawn(page) == ["alder.council", "birch.steel", "birch.tests", "cedar.steel"]
    assert page.locator("#shown-count").text_content() == "4 of 12 claims shown"
    assert page.locator("#result-list li a").all_text_contents() == [
        "The city council blames the steel supplier.", "The inquiry’s tests showed the steel was weaker than certified.",
        "The steel, not the design, brought the bridge down.", "The steel removed what little margin there was."]
    # The view is fitted to what is left: every shown box lies inside the canvas.
    inside = page.evaluate("""() => { const n = window.argmap.network, c = n.canvas.frame.canvas;
        return window.argmap.graph.visibleClaims().every(cl => { const p = n.canvasToDOM({x: cl.box[0], y: cl.box[1]});
          return p.x > 0 && p.y > 0 && p.x < c.clientWidth && p.y < c.clientHeight; }); }""")
    assert inside
    page.click("#reset")
    assert len(drawn(page)) == 12 and page.locator("#shown-count").text_content() == "All 12 claims"


def test_the_relation_checkboxes_work_after_reset(chromium: Any, mini_built: Any) -> None:
    page = open_graph(chromium, mini_built[0])
    page.click("#reset")
    page.click("input[name=relation][value=contradicts]")
    assert page.evaluate("window.argmap.network.body.edgeIndices.map(i => window.argmap.network.body.edges[i].options.color.color)") \
        and page.evaluate("window.argmap.network.body.edgeIndices.length") == 8
    page.click("#reset")
    page.click("input[name=relation][value=supports]")
    assert page.evaluate("window.argmap.network.body.edgeIndices.length") == 2
    page.click("input[name=scope]")
    page.click("input[name=relation][value=supports]")
    assert page.evaluate("window.argmap.network.body.edgeIndices.length") == 4  # the 2 clashes and 2 supports between authors


def test_focus_and_filters_compose(chromium: Any, mini_built: Any) -> None:
    page = open_graph(chromium, mini_built[0])
    routed(page, "#graph&focus=pair-1-2")  # Birch and Cedar: the links between them
    assert shown(page) == ["birch.design-ok", "birch.steel", "cedar.design", "cedar.steel"]
    page.click('input[name=author][value="2"]')  # hide Cedar: the focus keeps Birch's two
    assert shown(page) == drawn(page) == ["birch.design-ok", "birch.steel"]
    assert page.locator("#focus-status").text_content() == "Focused on 4 claims from the overview; 2 of them hidden by the filters."
    page.click("#focus-clear")
    page.wait_for_function("() => document.body.dataset.routed === '#graph'")
    assert shown(page) == drawn(page) and len(shown(page)) == 8  # the filter stays: Cedar's 4 claims hidden
    page.click("#reset")
    assert len(drawn(page)) == 12
    assert page.locator("#claim-panel").is_hidden()


def test_reset_closes_a_stale_claim_panel(chromium: Any, mini_built: Any) -> None:
    page = open_graph(chromium, mini_built[0], "#graph&claim=alder.design")
    assert page.locator("#claim-panel").is_visible()
    assert page.evaluate("window.argmap.network.getSelectedNodes()") == ["alder.design"]
    page.click("#reset")
    page.wait_for_function("() => document.body.dataset.routed === '#graph'")
    assert page.locator("#claim-panel").is_hidden()
    assert page.evaluate("window.argmap.network.getSelectedNodes()") == []


def test_clicking_a_box_opens_its_claim(chromium: Any, mini_built: Any) -> None:
    page = open_graph(chromium, mini_built[0])
    point = page.evaluate("window.argmap.network.canvasToDOM(window.argmap.network.getPosition('alder.design'))")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("() => document.body.dataset.routed === '#graph&claim=alder.design'")
    assert page.locator("#panel-title").text_content() == "The collapse was a design failure."


def test_lanes_are_disjoint_in_time_order_and_no_boxes_overlap(chromium: Any, flagship_built: Any) -> None:
    page = open_graph(chromium, flagship_built[0])
    boxes = page.evaluate("""() => { const b = window.argmap.network.body.nodes;
        return window.argmap.data.claims.map(c => { const n = b[c.id];
          return [c.author, n.x - n.shape.width / 2, n.y - n.shape.height / 2, n.x + n.shape.width / 2, n.y + n.shape.height / 2,
                  n.shape.width === c.box[2] && n.shape.height === c.box[3]]; }); }""")
    assert all(b[5] for b in boxes)  # vis-network's boxes are the layout's, drawn or not
    authors = page.evaluate("window.argmap.data.authors.length")
    spans = [(min(b[2] for b in boxes if b[0] == a), max(b[4] for b in boxes if b[0] == a)) for a in range(authors)]
    assert all(upper[1] < lower[0] for upper, lower in zip(spans, spans[1:])), spans  # lanes top to bottom in time order
    ordered = sorted(boxes, key=lambda b: b[1])
    overlaps = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[1] >= a[3]:
                break
            if a[2] < b[4] and b[2] < a[4]:
                overlaps.append((a, b))
    assert overlaps == []


def test_the_view_opens_legible_and_the_fitted_view_keeps_lanes_and_clashes_apart(chromium: Any, flagship_built: Any) -> None:
    page = open_graph(chromium, flagship_built[0])
    assert page.evaluate("window.argmap.network.getScale()") * FONT_SIZE >= 11
    # The first lane's header is in view where the graph opens.
    top = page.evaluate("window.argmap.network.canvasToDOM({x: 0, y: window.argmap.data.layout.lanes[0].header[1]}).y")
    assert 0 <= top < 100
    page.click("#fit")
    scale = page.evaluate("window.argmap.network.getScale()")
    lanes = page.evaluate("window.argmap.data.layout.lanes.map(l => l.bounds)")
    gaps = [(b[1] - (a[1] + a[3])) * scale for a, b in zip(lanes, lanes[1:])]
    assert min(gaps) >= 5
    # Every clash line is drawn red, visibly, along its length (sampled from the canvas itself).
    red = page.evaluate("""() => { const n = window.argmap.network, c = n.canvas.frame.canvas, ctx = c.getContext('2d');
        n.redraw();
        const ratio = c.width / c.clientWidth;
        return window.argmap.data.links.filter(l => l.relation === 'contradicts').map(l => {
          const a = n.canvasToDOM(n.getPosition(l.from)), b = n.canvasToDOM(n.getPosition(l.to));
          let hits = 0;
          for (let i = 1; i < 20; i++) {
            const x = (a.x + (b.x - a.x) * i / 20) * ratio, y = (a.y + (b.y - a.y) * i / 20) * ratio;
            const d = ctx.getImageData(Math.round(x) - 1, Math.round(y) - 1, 3, 3).data;
            for (let p = 0; p < d.length; p += 4) if (d[p] > 150 && d[p + 1] < 110 && d[p + 2] < 110) { hits++; break; }
          }
          return hits; }); }""")
    assert red and min(red) >= 8, red  # of 19 points along each line; boxes cover the rest
    assert page.errors == []


def test_an_author_hash_opens_their_lane(chromium: Any, flagship_built: Any) -> None:
    page = open_graph(chromium, flagship_built[0], "#author=breeding")
    lane = page.evaluate("window.argmap.data.layout.lanes[2].header")
    top = page.evaluate("h => window.argmap.network.canvasToDOM({x: h[0], y: h[1]}).y", lane)
    assert 0 <= top < 40
    assert page.locator("#tabs a[aria-current=page]").text_content() == "Graph"


def test_the_svg_and_png_downloads(chromium: Any, mini_built: Any, tmp_path: Path) -> None:
    path, _ = mini_built
    page = open_graph(chromium, path)
    with page.expect_download() as svg_download:
        page.click("#download-svg")
    svg = Path(svg_download.value.path()).read_text(encoding="utf-8")
    assert svg == (path.parent / "argmap.svg").read_text(encoding="utf-8")
    with page.expect_download() as png_download:
        page.click("#download-png")
    assert png_download.value.suggested_filename == "argmap.png"
    png = tmp_path / "argmap.png"
    png_download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Chromium itself reads the PNG back: twice the SVG's size, not blank.
    viewer = write_file(tmp_path / "view.html", "<!doctype html><img src='argmap.png'>")
    check = chromium.new_page()
    check.goto(viewer.as_uri())
    check.wait_for_function("() => document.images[0].complete")
    size = check.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    width = float(svg.split('width="', 1)[1].split('"', 1)[0])
    assert size[0] == round(2 * width)
    check.close()
    assert page.errors == []


def test_hostile_text_stays_text_in_the_graph_and_its_svg(chromium: Any, mini_built: Any) -> None:
    path, _ = mini_built
    page = open_graph(chromium, path, "#graph&claim=alder.hostile")
    point = page.evaluate("window.argmap.network.canvasToDOM(window.argmap.network.getPosition('alder.hostile'))")
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    tooltip = page.locator("div.vis-tooltip")
    assert "<img src=x onerror=alert(1)> a reader's letter" in tooltip.text_content()
    assert tooltip.locator("img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator("#result-list").text_content()
    assert page.locator("#result-list img, #controls i").count() == 0
    assert page.locator("#filter-thesis option", has_text="City <i>liable</i>").count() == 1
    svg = page.evaluate("window.argmap.graph.svgText()")
    assert "<img" not in svg and "&lt;img src=x" in svg and "<script" not in svg.replace("&lt;script", "")
    assert page.errors == []


def test_thousands_of_claims_open_without_physics(chromium: Any, synthetic_3k: Any, tmp_path: Path) -> None:
    layout = compute_layout(synthetic_3k)
    path = write_file(tmp_path / "big.html", render_map(Analysis(synthetic_3k), None, layout))
    page = open_graph(chromium, path)
    assert page.evaluate("window.argmap.network.body.nodeIndices.length") == 3000
    assert page.evaluate("window.argmap.network.physics.physicsEnabled") is False
    assert page.evaluate("window.argmap.network.getScale()") * FONT_SIZE >= 11
    first = synthetic_3k.graph["authors"][0]
    page.click('input[name=author][value="0"]')
    assert len(drawn(page)) == 3000 - sum(1 for _, d in synthetic_3k.nodes(data=True) if d["author"] == first)
    assert page.errors == []
