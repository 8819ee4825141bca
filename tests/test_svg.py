"""argmap.svg: well-formed standalone SVG at the layout's positions, every corpus string escaped,
a legend, and link kinds told apart by more than colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from argmap.layout import compute_layout
from argmap.render.style import LINK_STYLES
from argmap.render.svg import render_svg
from synthetic import argument_graph

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def mini_svg(mini_graph: Any) -> str:
    return render_svg(mini_graph, compute_layout(mini_graph))


def _claim_groups(root: ET.Element) -> dict[str, ET.Element]:
    claims = root.find(f".//{NS}g[@id='claims']")
    assert claims is not None
    return {(g.findtext(f"{NS}title") or "").split(" ", 1)[0]: g for g in claims.findall(f"{NS}g")}


def test_the_svg_is_well_formed_and_standalone(mini_svg: str) -> None:
    root = ET.fromstring(mini_svg)
    assert root.tag == f"{NS}svg" and root.get("viewBox", "").startswith("0 0 ")
    assert {el.tag.removeprefix(NS) for el in root.iter()} <= {
        "svg", "title", "desc", "defs", "marker", "path", "rect", "g", "line", "text", "tspan"}
    assert "href" not in mini_svg and "<script" not in mini_svg and "style=" not in mini_svg


def test_hostile_corpus_text_stays_text(mini_svg: str, mini_graph: Any) -> None:
    root = ET.fromstring(mini_svg)
    assert root.findtext(f"{NS}title") == "The bridge collapse <b>three accounts</b>"
    assert "&lt;img src=x onerror=alert(1)&gt;" in mini_svg and "<img" not in mini_svg and "<b>" not in mini_svg
    hostile = _claim_groups(root)["alder.hostile"]
    shown = " ".join(t.text or "" for t in hostile.iter(f"{NS}tspan"))
    assert "<img src=x" in shown
    assert mini_graph.nodes["alder.hostile"]["text"] in (hostile.findtext(f"{NS}title") or "")


def test_control_characters_cannot_break_the_xml() -> None:
    graph = argument_graph(6, authors=2)
    first = next(iter(graph))
    graph.nodes[first]["text"] = "bell\x07 escape\x1b[2J nul\x00 & <tag> \"quoted\" 'single'"
    graph.graph["title"] = "Title\x0b with a vertical tab"
    svg = render_svg(graph, compute_layout(graph))
    root = ET.fromstring(svg)
    assert "\x07" not in svg and "\x1b" not in svg and "\x00" not in svg
    assert "&lt;tag&gt;" in svg and root.findtext(f"{NS}title") == "Title with a vertical tab"


def test_boxes_are_drawn_at_the_layouts_positions(flagship_graph: Any) -> None:
    layout = compute_layout(flagship_graph)
    root = ET.fromstring(render_svg(flagship_graph, layout))
    groups = _claim_groups(root)
    assert list(groups) == list(layout.boxes)
    for node, group in groups.items():
        rect, box = group.find(f"{NS}rect"), layout.boxes[node]
        assert rect is not None
        assert (int(rect.get("x", "")), int(rect.get("y", "")), int(rect.get("width", "")), int(rect.get("height", ""))) == (
            box.left, box.top, box.width, box.height)
        assert [t.text for t in group.iter(f"{NS}tspan")] == list(box.lines)
        assert (rect.get("stroke-dasharray") is not None) == box.reported


def test_the_legend_names_every_author_type_and_link_kind(flagship_graph: Any) -> None:
    layout = compute_layout(flagship_graph)
    root = ET.fromstring(render_svg(flagship_graph, layout))
    legend = root.find(f".//{NS}g[@id='legend']")
    assert legend is not None
    words = [t.text or "" for t in legend.iter(f"{NS}text")]
    assert all(lane.label in words for lane in layout.lanes)
    assert all(t in words for t in ("fact", "interpretation", "causal", "evaluation", "prediction", "recommendation"))
    assert all(str(style["label"]) in words for style in LINK_STYLES.values())
    assert any(w.startswith("reported") for w in words)


def test_link_kinds_differ_by_more_than_colour() -> None:
    graph = argument_graph(300, seed=3)
    kinds = {d["relation"] for _, _, d in graph.edges(data=True)}
    assert {"supports", "contradicts", "superseded"} <= kinds
    root = ET.fromstring(render_svg(graph, compute_layout(graph)))
    looks = {}
    for kind in LINK_STYLES:
        group = root.find(f".//{NS}g[@id='links-{kind}']")
        assert group is not None and len(group.findall(f"{NS}line")) > 0, kind
        starts = {line.get("marker-start") for line in group.findall(f"{NS}line")} - {None}
        ends = {line.get("marker-end") for line in group.findall(f"{NS}line")} - {None}
        looks[kind] = (group.get("stroke-width"), group.get("stroke-dasharray"), tuple(starts), tuple(ends))
    assert len(set(looks.values())) == len(looks), looks  # no two kinds look alike without their colours
    assert looks["contradicts"][2] == looks["contradicts"][3] == ("url(#bar-contradicts)",)  # a bar at both ends
    assert root.find(f".//{NS}g[@id='links-contradicts-halo']") is not None
    superseded = {n for a, b, d in graph.edges(data=True) if d["relation"] == "superseded" for n in (a, b)}
    marked = {claim for claim, group in _claim_groups(root).items()
              if any((t.text or "").startswith("\u27f3") for t in group.findall(f"{NS}text"))}
    assert marked == superseded  # a purple badge on every claim a superseded link touches, and only there


def test_badges_count_clashes_and_agreements(mini_svg: str) -> None:
    groups = _claim_groups(ET.fromstring(mini_svg))

    def badges(claim: str) -> list[str]:
        return [t.text or "" for t in groups[claim].findall(f"{NS}text") if (t.text or "").strip()]

    assert badges("birch.steel") == ["\u27151", "+1"]  # alder.design contradicts it, cedar.steel supports it
    assert badges("alder.design") == ["\u27151", "+1"]  # it contradicts birch.steel, cedar.design supports it
    assert badges("alder.girders") == []  # its one link is within Alder's own argument


def test_a_link_fades_where_it_passes_through_a_third_authors_lane(mini_graph: Any) -> None:
    layout = compute_layout(mini_graph)
    root = ET.fromstring(render_svg(mini_graph, layout))
    through = root.find(f".//{NS}g[@id='links-supports-through']")
    assert through is not None  # cedar.design supports alder.design, across Birch's lane
    assert root.find(f".//{NS}g[@id='links-contradicts-through']") is None  # both clashes are with the next lane
    faded = [(float(line.get("y1", "")), float(line.get("y2", ""))) for line in through.findall(f"{NS}line")]
    middle = layout.lanes[1].bounds
    assert faded and all(middle.y - 0.1 <= min(y) and max(y) <= middle.y + middle.height + 0.1 for y in faded)
    assert all(line.get("marker-start") is None and line.get("marker-end") is None for line in through.findall(f"{NS}line"))
