"""The comparative panels and the HTML brief in real headless Chromium: they render, clicks focus
the map on exactly the right claims, hostile text stays text, nothing is fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap.documents.brief import build_brief
from argmap.render.html import render_brief_html
from argmap.render.map_panels import render_map_with_panels
from argmap.files import write_file
from argmap.analysis.stances import stance_matrix
from argmap.analysis import Analysis

pytestmark = pytest.mark.browser


@pytest.fixture
def mini_views(tmp_path: Path, mini_graph: Any) -> Path:
    return write_file(tmp_path / "argmap.html", render_map_with_panels(Analysis(mini_graph)))


@pytest.fixture
def harbour_views(tmp_path: Path, harbour_graph: nx.DiGraph) -> Path:
    return write_file(tmp_path / "harbour.html", render_map_with_panels(Analysis(harbour_graph)))


def shown(page: Any) -> list[str]:
    return sorted(page.evaluate("window.argmap.nodesView.getIds()"))


def clean(opened: Any) -> None:
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.network_requests == [] and opened.dialogs == []


def test_stance_matrix_and_heatmap_render(open_page: Any, mini_views: Path) -> None:
    opened = open_page(mini_views)
    page = opened.page
    rows = page.locator("#stance-matrix tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("td").all_text_contents() for i in range(3)] == [
        ["pro 1", "con 2", "pro 1"], ["· r1", "pro 1", "pro 1"], ["pro 1", "·", "con 1"]]
    assert page.locator("#stance-matrix thead th").all_text_contents() == ["Thesis", "Alder", "Birch", "Cedar"]
    heat = page.locator("#agreement tbody tr")
    assert [heat.nth(i).locator("td").all_text_contents() for i in range(3)] == [
        ["·", "-1.000 / 2", "+0.332 / 1"], ["-1.000 / 2", "·", "0.002 / 2"], ["+0.332 / 1", "0.002 / 2", "·"]]
    # -1 is solid vermillion (213, 94, 0); +0.33 is a third of the way from white to blue (0, 114, 178).
    colours = page.evaluate("[...document.querySelectorAll('#agreement tbody tr:first-child td')].map(td => td.style.backgroundColor)")
    assert colours[1:] == ["rgb(213, 94, 0)", "rgb(170, 208, 229)"]
    assert page.locator("#agreement ul.method li").count() == 4
    assert page.locator("#timeline svg g.source").count() == 3
    assert page.locator("#timeline svg g.event text").all_text_contents() == ["The inquiry publishes its tests"]
    clean(opened)


def test_every_stance_cell_click_focuses_exactly_its_claims(open_page: Any, mini_views: Path, mini_graph: Any) -> None:
    opened = open_page(mini_views)
    page = opened.page
    cells = stance_matrix(mini_graph)
    theses = [t["id"] for t in mini_graph.graph["theses"]]
    clicked = 0
    for row, thesis in enumerate(theses, 1):
        for column, author in enumerate(mini_graph.graph["authors"], 2):
            button = page.locator(f"#stance-matrix tbody tr:nth-child({row}) td:nth-child({column}) button")
            if not cells[thesis, author].claims:
                assert button.count() == 0  # a silent cell has nothing to focus
                continue
            button.click()
            assert shown(page) == sorted(cells[thesis, author].claims), (thesis, author)
            assert page.locator("#cell-claims li").count() == len(cells[thesis, author].claims)
            assert button.get_attribute("aria-pressed") == "true"
            clicked += 1
    assert clicked == 7
    page.locator("#focus-clear").click()
    assert len(shown(page)) == 12
    assert page.locator("#cell-claims li").count() == 0
    clean(opened)


def test_cell_click_lists_the_claims_and_reset_clears_the_focus(open_page: Any, mini_views: Path) -> None:
    opened = open_page(mini_views)
    page = opened.page
    page.locator("#stance-matrix tbody tr:nth-child(1) td:nth-child(3) button").click()
    assert shown(page) == ["birch.design-ok", "birch.steel"]
    assert page.locator("#focus-status").text_content().startswith("The map shows 2 claims (Ben Birch on ")
    assert page.locator("#cell-claims li").all_text_contents() == [
        "birch.design-ok (Ben Birch; design-fault con): The design met every standard of its day.",
        "birch.steel (Ben Birch; design-fault con, steel-fault pro): The steel, not the design, brought the bridge down.",
    ]
    page.locator("#reset").click()
    assert len(shown(page)) == 12
    assert page.locator("#focus-clear").is_hidden()
    clean(opened)


@pytest.mark.parametrize(
    "selector, expected",
    [
        pytest.param("#agreement tbody tr:nth-child(1) td:nth-child(4) button", ["alder.design", "cedar.design"], id="heatmap-cell"),
        pytest.param("#clashes li:nth-child(1) button", ["alder.design", "birch.steel"], id="sharpest-clash"),
        pytest.param("#timeline ul.spans button", ["alder.design", "birch.steel"], id="turning-point"),
        pytest.param("#core .core-grid > div:nth-child(2) button", ["birch.design-ok", "birch.steel", "birch.tests"], id="core"),
    ],
)
def test_other_panels_focus_the_map(open_page: Any, mini_views: Path, selector: str, expected: list[str]) -> None:
    opened = open_page(mini_views)
    page = opened.page
    page.locator(selector).click()
    assert shown(page) == expected
    clean(opened)


def test_harbour_panels_clash_order_and_common_ground(open_page: Any, harbour_views: Path) -> None:
    opened = open_page(harbour_views)
    page = opened.page
    assert page.locator("#clashes li > button").all_text_contents() == ["Sharpness 6", "Sharpness 4", "Sharpness 2"]
    page.locator("#common-ground li button").click()
    assert shown(page) == ["dune.cracks", "ebb.cracks-real", "fjord.audit-cracks", "gale.cracks"]
    assert page.locator("#stance-matrix tbody tr:nth-child(2) td:nth-child(4)").text_content() == "mixed 1/1"
    assert page.locator("#timeline ul.spans li").all_text_contents() == [
        "The November storm damages the pier (2019-11-03): 1 clash between a text before and one after",
        "The audit report is published (2020-06): 0 clashes between a text before and one after, 2 more perhaps (partial dates)",
    ]
    clean(opened)


def test_hostile_text_stays_text_in_the_panels(open_page: Any, mini_views: Path, harbour_views: Path) -> None:
    opened = open_page(mini_views)
    page = opened.page
    assert page.locator("#stance-matrix tbody th").nth(2).text_content() == "City <i>liable</i>"
    assert page.locator("#core").get_by_text("<img src=x onerror=alert(1)> a reader's letter").count() == 1
    assert page.locator("#views i, #views img, #views b, #views script").count() == 0
    clean(opened)
    opened = open_page(harbour_views)
    page = opened.page
    title = page.locator("#timeline svg g.source title").nth(3).text_content()
    assert title == "Gus Gale, A Town Without <em>Its</em> Harbour (2021-03)"
    assert page.locator("#views em, #views script").count() == 0
    assert page.evaluate("document.scripts.length") == 4  # data, vis-network, map.js, views.js
    clean(opened)


def test_html_brief_escapes_hostile_text_and_runs_nothing(open_page: Any, tmp_path: Path, mini_graph: Any,
                                                         harbour_graph: nx.DiGraph) -> None:
    for name, graph in (("mini", mini_graph), ("harbour", harbour_graph)):
        path = write_file(tmp_path / f"{name}-brief.html", render_brief_html(build_brief(Analysis(graph))))
        opened = open_page(path, settle=False)
        page = opened.page
        assert page.evaluate("document.scripts.length") == 0
        assert page.locator("img, em.hostile, b").count() == 0
        body = page.locator("body").inner_text()
        if name == "mini":
            assert "<script>alert('quote')</script>" in body
            assert "<img src=x onerror=alert(1)> a reader's letter" in body
            assert page.locator("h1").text_content() == "Debate brief: The bridge collapse <b>three accounts</b>"
        else:
            assert "A Town Without <em>Its</em> Harbour" in body
        clean(opened)
