"""The interactive map in real headless Chromium: counts, escaping, filters, clicks, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.render.map_page import render_map
from argmap.files import write_file
from argmap.analysis import Analysis
from synthetic import synthetic_graph

pytestmark = pytest.mark.browser


@pytest.fixture
def mini_map(tmp_path: Path, mini_graph: Any) -> Path:
    return write_file(tmp_path / "argmap.html", render_map(Analysis(mini_graph)))


def shown(page: Any) -> list[str]:
    return sorted(page.evaluate("window.argmap.nodesView.getIds()"))


def test_counts_match_the_graph_with_no_errors_and_no_network(open_page: Any, mini_map: Path, mini_graph: Any) -> None:
    opened = open_page(mini_map)
    page = opened.page
    assert page.evaluate("window.argmap.nodesView.length") == mini_graph.number_of_nodes() == 12
    assert page.evaluate("window.argmap.edgesView.length") == mini_graph.number_of_edges() == 10
    assert page.evaluate("window.argmap.network.body.nodeIndices.length") == 12
    assert page.evaluate("window.argmap.network.body.edgeIndices.length") == 10
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.network_requests == []
    assert page.locator("#shown-count").text_content() == "All 12 claims shown"


def test_hostile_text_is_shown_as_characters_and_never_runs(open_page: Any, mini_map: Path) -> None:
    opened = open_page(mini_map)
    page = opened.page
    assert page.locator("h1").text_content() == "The bridge collapse <b>three accounts</b>"
    assert page.locator("header b").count() == 0
    assert page.locator("#filter-thesis option", has_text="City <i>liable</i>").count() == 1
    # Hover the hostile claim: vis-network shows the plain-text tooltip.
    position = page.evaluate(
        "(() => { const p = window.argmap.network.getPosition('alder.hostile');"
        " return window.argmap.network.canvasToDOM(p); })()"
    )
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    tooltip = page.locator("div.vis-tooltip")
    assert "<img src=x onerror=alert(1)> a reader's letter" in tooltip.text_content()
    assert tooltip.locator("img").count() == 0
    page.evaluate("window.argmap.select('alder.hostile')")
    details = page.locator("#details")
    assert "<img src=x onerror=alert(1)> a reader's letter" in details.text_content()
    assert "<script>alert('quote')</script>" in details.text_content()
    assert page.locator("#details img, #details script").count() == 0
    assert opened.dialogs == [] and opened.page_errors == [] and opened.console_errors == []


@pytest.mark.parametrize(
    "action, expected",
    [
        pytest.param("document.querySelector('input[name=author][value=\"Ben Birch\"]').click()",
                     ["alder.council", "alder.cracks", "alder.design", "alder.girders", "alder.hostile",
                      "cedar.both", "cedar.city", "cedar.design", "cedar.steel"], id="author"),
        pytest.param("document.querySelector('input[name=type][value=fact]').click()",
                     ["alder.council", "alder.design", "alder.hostile", "birch.design-ok", "birch.steel",
                      "cedar.both", "cedar.city", "cedar.design", "cedar.steel"], id="type"),
        pytest.param("const s = document.getElementById('filter-thesis'); s.value = 'design-fault';"
                     " s.dispatchEvent(new Event('change'))",
                     ["alder.design", "birch.design-ok", "birch.steel", "cedar.design"], id="thesis"),
        pytest.param("document.getElementById('show-reported').click()",
                     ["alder.cracks", "alder.design", "alder.girders", "alder.hostile", "birch.design-ok",
                      "birch.steel", "birch.tests", "cedar.both", "cedar.city", "cedar.design", "cedar.steel"],
                     id="reported-views"),
    ],
)
def test_filters_hide_the_right_claims(open_page: Any, mini_map: Path, action: str, expected: list[str]) -> None:
    page = open_page(mini_map).page
    page.evaluate(f"() => {{ {action}; }}")
    assert shown(page) == expected
    assert page.locator("#shown-count").text_content() == f"{len(expected)} of 12 claims shown"
    page.click("#reset")
    assert len(shown(page)) == 12


def test_relation_filter_hides_contradicts_edges(open_page: Any, mini_map: Path) -> None:
    page = open_page(mini_map).page
    page.click("input[name=relation][value=contradicts]")
    relations = page.evaluate("window.argmap.edgesView.get().map(e => e.relation)")
    assert relations == ["supports"] * 8


def test_search_finds_words_in_text_and_quotes(open_page: Any, mini_map: Path) -> None:
    page = open_page(mini_map).page
    page.fill("#search", "steel")
    assert shown(page) == ["alder.council", "birch.steel", "birch.tests", "cedar.steel"]


def test_clicking_a_claim_highlights_it_and_its_neighbours(open_page: Any, mini_map: Path) -> None:
    page = open_page(mini_map).page
    position = page.evaluate("window.argmap.network.canvasToDOM(window.argmap.network.getPosition('alder.design'))")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    assert page.locator("#details h2").first.text_content() == "alder.design"
    assert "“the collapse was, in the end, a design failure - plain and simple”" in page.locator("#details blockquote").text_content()
    faded = page.evaluate(
        "window.argmap.nodes.get().filter(n => String(n.color.background).startsWith('rgba(200')).map(n => n.id).sort()"
    )
    neighbours = {"alder.design", "alder.girders", "alder.cracks", "cedar.design", "birch.steel"}
    assert set(faded) == {f"{n}" for n in shown(page)} - neighbours


def test_thousands_of_nodes_still_open_and_settle(open_page: Any, tmp_path: Path) -> None:
    graph = synthetic_graph(3000)
    page_file = write_file(tmp_path / "big.html", render_map(Analysis(graph)))
    opened = open_page(page_file, timeout=180_000)
    assert opened.page.evaluate("window.argmap.nodesView.length") == 3000
    assert opened.page.evaluate("window.argmap.network.physics.physicsEnabled") is False
    assert opened.console_errors == [] and opened.page_errors == []
