"""How fast the map page opens and responds, measured in headless Chromium (not a unit test).

    python3 tests/benchmarks/map_page_speed.py 1000 3000 10000

For each synthetic corpus size it builds the page as ``argmap build`` does, then reports the
page's size per claim, the time from navigation to the graph's first drawing (opened on the
graph view), and how long a filter change (hiding one author) and a reset take until the graph
has drawn again. ``test_map_page_speed.py`` runs it once on a small corpus so it cannot rot.
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
from synthetic import synthetic_graph  # noqa: E402

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


def render_page(graph: Any) -> str:
    from argmap.analysis import Analysis
    from argmap import build

    render = getattr(build, "render_map_page", None)
    if render is not None:
        return str(render(Analysis(graph)))
    from argmap.render.map_panels import render_map_with_panels

    return render_map_with_panels(Analysis(graph))


def measure(size: int, browser: Any, folder: Path) -> dict[str, float]:
    graph = synthetic_graph(size)
    started = time.perf_counter()
    html = render_page(graph)
    render_seconds = time.perf_counter() - started
    path = folder / f"map-{size}.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(HOOK)
    page.goto(path.resolve().as_uri() + "#graph", timeout=600_000)
    first_draw = None
    while first_draw is None:  # polled from here: wait_for_function would need eval, which the CSP forbids
        page.wait_for_timeout(100)
        first_draw = page.evaluate("window.__firstDraw")
    page.wait_for_timeout(300)
    _, filter_ms = page.evaluate(REDRAW, 'input[name="author"]')
    page.wait_for_timeout(300)
    _, reset_ms = page.evaluate(REDRAW, "#reset")
    context.close()
    return {"claims": size, "kb_per_claim": len(html.encode("utf-8")) / size / 1024, "mb": len(html.encode("utf-8")) / 2**20,
            "render_s": render_seconds, "first_draw_s": first_draw / 1000, "filter_ms": filter_ms, "reset_ms": reset_ms}


def main(sizes: list[int]) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in sizes:
            row = measure(size, browser, Path(folder))
            rows.append(row)
            print(f"{size:>6} claims: {row['mb']:6.2f} MB = {row['kb_per_claim']:.2f} KB/claim, rendered in {row['render_s']:.2f} s;"
                  f" first draw {row['first_draw_s']:.2f} s; filter {row['filter_ms']:.0f} ms; reset {row['reset_ms']:.0f} ms",
                  flush=True)
        browser.close()
    return rows


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 3000, 10000])
