"""Screenshots of every view of the map page, for a person to look at (saved under tmp_path, and
under $ARGMAP_SCREENSHOTS when it is set), with the checks a reader's first look makes: what is
in the first screen, how large the text is, what printing leaves out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from argmap.build import build_outputs
from argmap.files import write_file
from conftest import FLAGSHIP

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def flagship_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("flagship")
    for name, text in build_outputs(FLAGSHIP).items():
        write_file(out / name, text)
    return out / "argmap.html"


def shoot(page: Any, tmp_path: Path, name: str, full: bool = False) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def opened(chromium: Any, path: Path, hash_: str, width: int = 1400, height: int = 900, **options: Any) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.goto(path.resolve().as_uri() + hash_)
    page.wait_for_selector("body[data-settled=true]", state="attached", timeout=60_000)
    if "graph" in hash_ or "claim=" in hash_ and "#claim" in hash_:
        page.wait_for_selector("body[data-graph-drawn=true]", state="attached", timeout=60_000)
    page.wait_for_timeout(300)
    return page


def in_first_screen(page: Any, selector: str) -> bool:
    return bool(page.evaluate("s => document.querySelector(s).getBoundingClientRect().top < innerHeight", selector))


def test_overview(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    page = opened(chromium, flagship_page, "")
    assert in_first_screen(page, "#stance-matrix tbody tr") and in_first_screen(page, "#agreement tbody tr")
    shoot(page, tmp_path, "overview")
    page.evaluate("document.getElementById('clashes').scrollIntoView()")
    shoot(page, tmp_path, "overview-clashes")


def test_thesis_board_and_claim_panel(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    page = opened(chromium, flagship_page, "#thesis=mission-endures")
    sizes = page.evaluate("[...document.querySelectorAll('.card .text')].map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert sizes and min(sizes) >= 14
    assert page.locator("g.connector.clash").count() >= 1
    shoot(page, tmp_path, "thesis-board")
    page.locator(".card").first.click()
    page.wait_for_selector("#claim-panel:not([hidden])")
    shoot(page, tmp_path, "claim-panel")


def test_graph_view_opened_and_fitted(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    page = opened(chromium, flagship_page, "#graph", 1280, 720)
    assert page.evaluate("window.argmap.network.getScale()") * 13 >= 11
    shoot(page, tmp_path, "graph-opened-1280x720")
    page.click("#fit")
    page.wait_for_timeout(200)
    shoot(page, tmp_path, "graph-fitted-1280x720")
    page.fill("#search", "blockade")
    page.wait_for_timeout(200)
    assert page.locator("#result-list li").count() >= 3
    shoot(page, tmp_path, "graph-search-blockade")


def test_source_reader(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    page = opened(chromium, flagship_page, "#source=tatikyan&claim=tatikyan.lost-armenia-trust")
    assert page.locator("mark.current").count() >= 1
    shoot(page, tmp_path, "source-reader")


def test_phone(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    for hash_, name in (("", "phone-overview"), ("#thesis=mission-endures", "phone-thesis"),
                        ("#thesis=mission-endures&claim=socor.no-withdrawal-obligation", "phone-claim")):
        page = opened(chromium, flagship_page, hash_, 390, 844, is_mobile=True, device_scale_factor=2)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, name
        shoot(page, tmp_path, name)


def test_print(chromium: Any, flagship_page: Path, tmp_path: Path) -> None:
    for hash_, name in (("", "print-overview"), ("#thesis=mission-endures", "print-thesis"), ("#graph", "print-graph")):
        page = opened(chromium, flagship_page, hash_)
        if "graph" in hash_:
            page.evaluate("window.argmap.graph.preparePrint()")
            page.wait_for_function("() => document.body.classList.contains('print-picture')")
        page.emulate_media(media="print")
        assert page.locator("#tabs").is_hidden() and page.locator("#controls").is_hidden()
        if "graph" in hash_:
            assert page.locator("#graph-print").is_visible() and page.locator("#network").is_hidden()
        shoot(page, tmp_path, name, full=True)
