"""How fast the map page opens and responds, measured in headless Chromium (not a unit test).

    python3 tests/benchmarks/map_page_speed.py 1000 3000 10000 [--trees]

For each synthetic corpus size it builds the page as ``argmap build`` does, then reports the
page's size per claim, the time from navigation to the graph's first drawing (opened on the
graph view), and how long a filter change (hiding one author) and a reset take until the graph
has drawn again, each the best of a few runs (the machine may be shared). ``test_map_page_speed.py`` runs it once on a small corpus so it cannot rot.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent)]

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from synthetic import argument_graph, synthetic_graph  # noqa: E402

OPENINGS, FILTERS = 2, 3

# Registered before the page's own scripts run; records when the graph first draws.
HOOK = """
document.addEventListener('DOMContentLoaded', () => {
  const a = window.argmap;
  const network = a && (a.network || (a.graph && a.graph.network));
  if (network) network.once('afterDrawing', () => { window.__firstDraw = performance.now(); });
});
"""

REDRAW = """async (selector) => {
  const a = window.argmap;
  const network = a.network || (a.graph && a.graph.network);
  const drawn = new Promise(resolve => network.once('afterDrawing', resolve));
  const start = performance.now();
  document.querySelector(selector).click();
  const sync = performance.now() - start;
  await drawn;
  return [sync, performance.now() - start];
}"""


def with_texts(graph: Any) -> dict[str, str]:
    """Source texts for a synthetic graph: each source's quotes, a paragraph each, the offsets set."""
    parts: dict[str, list[str]] = {}
    lengths: dict[str, int] = {}
    for node, data in graph.nodes(data=True):
        source = data["source"]
        start = lengths.get(source, 0)
        parts.setdefault(source, []).append(data["quote"])
        data["quote_start"], data["quote_end"] = start, start + len(data["quote"])
        lengths[source] = start + len(data["quote"]) + 2
    return {source: "\n\n".join(quotes) for source, quotes in parts.items()}


def render_page(graph: Any) -> str:
    """The page as ``argmap build`` makes it: layout, SVG picture, source texts."""
    from argmap.analysis import Analysis
    from argmap.layout import compute_layout, store_positions
    from argmap.render.map_page import render_map
    from argmap.render.svg import render_svg

    texts = with_texts(graph)
    layout = compute_layout(graph)
    store_positions(graph, layout)
    return render_map(Analysis(graph), texts, layout, render_svg(graph, layout))


def measure(size: int, browser: Any, folder: Path, shape: str = "plain") -> dict[str, float]:
    graph = argument_graph(size) if shape == "trees" else synthetic_graph(size)
    started = time.perf_counter()
    html = render_page(graph)
    render_seconds = time.perf_counter() - started
    path = folder / f"map-{shape}-{size}.html"
    path.write_text(html, encoding="utf-8")
    first_draws, filters, resets = [], [], []
    for _ in range(OPENINGS):  # the machine is shared: keep the best of a few runs
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.add_init_script(HOOK)
        page.goto(path.resolve().as_uri() + "#graph", timeout=600_000)
        first_draw = None
        while first_draw is None:  # polled from here: wait_for_function would need eval, which the CSP forbids
            page.wait_for_timeout(100)
            first_draw = page.evaluate("window.__firstDraw || (window.argmap && window.argmap.graphFirstDraw) || null")
        first_draws.append(first_draw)
        for _ in range(FILTERS):
            page.wait_for_timeout(300)
            filters.append(page.evaluate(REDRAW, 'input[name="author"]')[1])
            page.wait_for_timeout(300)
            resets.append(page.evaluate(REDRAW, "#reset")[1])
        context.close()
    first_draw, filter_ms, reset_ms = min(first_draws), min(filters), min(resets)
    return {"claims": size, "kb_per_claim": len(html.encode("utf-8")) / size / 1024, "mb": len(html.encode("utf-8")) / 2**20,
            "render_s": render_seconds, "first_draw_s": first_draw / 1000, "filter_ms": filter_ms, "reset_ms": reset_ms}


def main(sizes: list[int], shape: str = "plain") -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in sizes:
            row = measure(size, browser, Path(folder), shape)
            rows.append(row)
            print(f"{shape:>6} {size:>6} claims: {row['mb']:6.2f} MB = {row['kb_per_claim']:.2f} KB/claim, rendered in {row['render_s']:.2f} s;"
                  f" first draw {row['first_draw_s']:.2f} s; filter {row['filter_ms']:.0f} ms; reset {row['reset_ms']:.0f} ms",
                  flush=True)
        browser.close()
    return rows


if __name__ == "__main__":
    args = sys.argv[1:]
    shape = "trees" if "--trees" in args else "plain"  # tests/synthetic.argument_graph, else synthetic_graph
    main([int(n) for n in args if n.isdigit()] or [1000, 3000, 10000], shape)
