"""The graph view's geometry: lanes in time order, layered arguments, boxes that never overlap,
labels that fit, views that open legibly, the same numbers on every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap.graph import build_graph
from argmap.corpus import load_corpus
from argmap.layout import (
    FONT_SIZE,
    LINE_HEIGHT,
    PAD_X,
    PAD_Y,
    Box,
    Layout,
    compute_layout,
    display_label,
    printable,
)
from argmap.layout.text import UNITS_PER_EM, _RANGES, cut_at_word, fit_line, text_width, wrap
from conftest import MINI, REPO
from fontfile import DEJAVU_SANS, advance_widths
from synthetic import argument_graph, synthetic_graph

GRAPHS = ["mini", "flagship", "synthetic-3k", "chains-with-cycles"]


@pytest.fixture(scope="module")
def graphs(mini_graph: Any, flagship_graph: Any, synthetic_3k: Any) -> dict[str, Any]:
    # synthetic_graph's supports run in one long cycle per author: the layout must still cope
    return {"mini": mini_graph, "flagship": flagship_graph, "synthetic-3k": synthetic_3k,
            "chains-with-cycles": synthetic_graph(400)}


@pytest.fixture(scope="module")
def layouts(graphs: dict[str, Any]) -> dict[str, Layout]:
    return {name: compute_layout(graph) for name, graph in graphs.items()}


def overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    """Pairs of boxes whose rectangles share any area: a sweep over left edges."""
    ordered = sorted(boxes, key=lambda b: (b.left, b.id))
    active: list[Box] = []
    pairs = []
    for box in ordered:
        active = [a for a in active if a.right > box.left]
        pairs += [(a.id, box.id) for a in active if a.top < box.bottom and box.top < a.bottom]
        active.append(box)
    return pairs


def test_the_overlap_check_finds_an_overlap() -> None:
    a = Box("a", 100, 100, 40, 20, ("a",), False, 0, 0)
    assert overlapping([a, Box("b", 130, 110, 40, 20, ("b",), False, 0, 0)]) == [("a", "b")]
    assert overlapping([a, Box("c", 140, 100, 40, 20, ("c",), False, 0, 0)]) == []  # edges touch only


@pytest.mark.parametrize("name", GRAPHS)
def test_no_two_boxes_overlap(layouts: dict[str, Layout], name: str) -> None:
    assert overlapping(list(layouts[name].boxes.values())) == []


@pytest.mark.parametrize("name", GRAPHS)
def test_every_claim_has_a_box_in_node_order(graphs: dict[str, Any], layouts: dict[str, Layout], name: str) -> None:
    assert list(layouts[name].boxes) == list(graphs[name].nodes)


@pytest.mark.parametrize("name", GRAPHS)
def test_authors_occupy_disjoint_lanes_in_time_order(graphs: dict[str, Any], layouts: dict[str, Layout], name: str) -> None:
    graph, layout = graphs[name], layouts[name]
    assert [lane.author for lane in layout.lanes] == graph.graph["authors"]
    bands = [lane.bounds for lane in layout.lanes]
    assert all(a.y + a.height < b.y for a, b in zip(bands, bands[1:])), "lanes overlap or are out of order"
    for node, box in layout.boxes.items():
        lane = layout.lanes[box.lane]
        assert lane.author == graph.nodes[node]["author"]
        band = lane.bounds
        assert band.x <= box.left and box.right <= band.x + band.width, node
        assert band.y + lane.header.height <= box.top and box.bottom <= band.y + band.height, node
    assert all(0 <= b.x and b.x + b.width <= layout.width and b.y + b.height <= layout.height for b in bands)


@pytest.mark.parametrize("name", ["mini", "flagship", "synthetic-3k"])
def test_every_reason_is_drawn_below_what_it_supports(graphs: dict[str, Any], layouts: dict[str, Layout], name: str) -> None:
    graph, boxes = graphs[name], layouts[name].boxes
    checked = 0
    for source, target, data in graph.edges(data=True):
        if data["relation"] == "supports" and data["scope"] == "author":
            assert boxes[source].layer > boxes[target].layer >= 0, (source, target)
            assert boxes[source].top > boxes[target].bottom, (source, target)
            checked += 1
    assert checked


def test_a_reason_sits_one_row_under_the_lowest_claim_it_supports(flagship_graph: Any, layouts: dict[str, Layout]) -> None:
    boxes = layouts["flagship"].boxes
    for node in flagship_graph:
        targets = [t for t in flagship_graph.successors(node)
                   if flagship_graph.edges[node, t]["relation"] == "supports" and boxes[t].lane == boxes[node].lane]
        if targets:
            assert boxes[node].layer == 1 + max(boxes[t].layer for t in targets), node


def test_claims_without_supports_links_are_marked_and_packed(layouts: dict[str, Layout], flagship_graph: Any) -> None:
    boxes = layouts["flagship"].boxes
    loose = [n for n in flagship_graph if not any(
        d["relation"] == "supports" and d["scope"] == "author"
        for _, _, d in list(flagship_graph.in_edges(n, data=True)) + list(flagship_graph.out_edges(n, data=True)))]
    assert loose and all(boxes[n].layer == -1 for n in loose)
    assert all(boxes[n].layer >= 0 for n in flagship_graph if n not in loose)


def test_many_loose_claims_are_packed_in_grids_not_strung_out() -> None:
    graph = argument_graph(0, authors=1)
    for i in range(40):
        graph.add_node(f"s0.c{i}", author="Author 0", source="s0", date="2000", type="fact", text=f"Claim {i} stands alone.",
                       quote="q", quote_start=0, quote_end=1, voice="asserts", speaker="", theses={}, note="", label="")
    for i in range(0, 12, 3):
        graph.add_edge(f"s0.c{i + 1}", f"s0.c{i}", relation="supports", rationale="", scope="author", timing="")
    layout = compute_layout(graph)
    rows = {box.y for box in layout.boxes.values()}
    widest = max(b.width for b in layout.boxes.values())
    assert len(rows) >= 2 and layout.width < 40 * widest / 2  # several rows, far narrower than one row of 40


@pytest.mark.parametrize("name", GRAPHS)
def test_lines_fit_their_boxes(layouts: dict[str, Layout], name: str) -> None:
    for box in layouts[name].boxes.values():
        assert 1 <= len(box.lines) <= 4
        assert box.height == len(box.lines) * LINE_HEIGHT + 2 * PAD_Y
        assert all(text_width(line, FONT_SIZE) + 2 * PAD_X <= box.width for line in box.lines), box.lines
        assert box.width % 2 == 0 and box.height % 2 == 0  # whole-unit edges around whole-unit centres


def test_two_layouts_of_one_graph_are_equal(flagship_graph: Any, layouts: dict[str, Layout]) -> None:
    assert compute_layout(flagship_graph) == layouts["flagship"]
    assert compute_layout(flagship_graph).to_data() == layouts["flagship"].to_data()


LAYOUT_SCRIPT = """
import json, sys
sys.path.insert(0, "tests")
from synthetic import argument_graph
from argmap.layout import compute_layout
from argmap.render.svg import render_svg
graph = argument_graph(800, seed=5)
layout = compute_layout(graph)
sys.stdout.write(json.dumps(layout.to_data(), sort_keys=True) + render_svg(graph, layout))
"""


def test_layout_and_svg_are_the_same_under_other_hash_seeds() -> None:
    outputs = []
    for seed in ("1", "2718"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        run = subprocess.run([sys.executable, "-c", LAYOUT_SCRIPT], capture_output=True, env=env, cwd=REPO, check=True)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 100_000


def test_positions_in_argmap_json_are_the_layouts(runner: Any, tmp_path: Path) -> None:
    from argmap.cli import cli

    result = runner.invoke(cli, ["build", str(MINI), "--out", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0
    graph = nx.node_link_graph(json.loads((tmp_path / "argmap.json").read_text(encoding="utf-8")), edges="edges")
    layout = compute_layout(build_graph(load_corpus(MINI)))
    assert {n: (d["x"], d["y"]) for n, d in graph.nodes(data=True)} == {n: (b.x, b.y) for n, b in layout.boxes.items()}
    assert all(type(d["x"]) is int and type(d["y"]) is int for _, d in graph.nodes(data=True))


@pytest.mark.parametrize("name", GRAPHS)
def test_the_opening_view_draws_labels_at_11_css_px_or_more(layouts: dict[str, Layout], name: str) -> None:
    layout = layouts[name]
    view = layout.opening_view(1280, 720)
    assert FONT_SIZE * view.scale >= 11
    half_w, half_h = 640 / view.scale, 360 / view.scale
    in_view = [b for b in layout.boxes.values()
               if view.x - half_w <= b.left and b.right <= view.x + half_w and view.y - half_h <= b.top and b.bottom <= view.y + half_h]
    assert in_view and all(b.lane <= 1 for b in in_view) or layout.fitted_view(1280, 720).scale * FONT_SIZE >= 11
    first = layout.lanes[0].bounds
    assert view.y - half_h <= first.y + layout.lanes[0].header.height  # the first lane's header is in view


def test_a_small_map_opens_whole() -> None:
    layout = compute_layout(argument_graph(4, authors=2))
    assert layout.fitted_view(1280, 720).scale * FONT_SIZE >= 12
    fitted, opening = layout.fitted_view(1280, 720), layout.opening_view(1280, 720)
    assert (opening.x, opening.y, opening.scale) == (fitted.x, fitted.y, min(fitted.scale, 1.0))


def test_lane_views_put_each_header_at_the_top_left(layouts: dict[str, Layout]) -> None:
    layout = layouts["flagship"]
    for index, lane in enumerate(layout.lanes):
        view = layout.lane_view(index, 1280, 720)
        assert FONT_SIZE * view.scale >= 11
        top, left = view.y - 360 / view.scale, view.x - 640 / view.scale
        assert top < lane.bounds.y < top + 40 / view.scale and left <= lane.label_x[0]


@pytest.mark.parametrize("name", ["flagship", "synthetic-3k"])
def test_at_the_fitted_zoom_lanes_and_clash_lines_stay_distinct(graphs: dict[str, Any], layouts: dict[str, Layout], name: str) -> None:
    from argmap.render.style import LINK_STYLES

    layout = layouts[name]
    scale = layout.fitted_view(1280, 720).scale
    bands = [lane.bounds for lane in layout.lanes]
    gutters = [b.y - (a.y + a.height) for a, b in zip(bands, bands[1:])]
    assert min(gutters) * scale >= 5, "the white gap between lanes vanishes at the fitted zoom"
    assert min(b.height for b in bands) * scale >= 15
    widest_other = max(float(s["width"]) for k, s in LINK_STYLES.items() if k != "contradicts")
    assert float(LINK_STYLES["contradicts"]["width"]) >= 2 * widest_other
    if name == "flagship":  # a reader must see every clash line, at least a pixel wide
        assert float(LINK_STYLES["contradicts"]["width"]) * scale >= 1.0


def test_box_labels_follow_the_claim_label_else_the_cut_paraphrase() -> None:
    long = "Russia's peacekeeping mission in Karabakh is in effect a protectorate that Moscow can extend at will."
    assert display_label({"label": "Protectorate", "text": long}) == "Protectorate"
    assert display_label({"label": "", "text": long}) == "Russia's peacekeeping mission in Karabakh is in effect a protectorate\u2026"
    assert display_label({"label": "", "text": "Short claim."}) == "Short claim."
    assert display_label({"label": "  two\n words ", "text": long}) == "two words"
    assert display_label({"label": "", "text": "a\x1b[31mred\x07 bell"}) == "a[31mred bell"


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        pytest.param("one two three", 20, "one two three", id="fits"),
        pytest.param("one two three four", 12, "one two\u2026", id="word-boundary"),
        pytest.param("one, two, three", 10, "one, two\u2026", id="no-trailing-comma"),
        pytest.param("Supercalifragilistic", 8, "Superca\u2026", id="one-long-word"),
    ],
)
def test_cut_at_word(text: str, limit: int, expected: str) -> None:
    assert cut_at_word(text, limit) == expected
    assert len(cut_at_word(text, limit)) <= limit


def test_wrap_breaks_at_words_and_ends_a_cut_in_an_ellipsis() -> None:
    lines = wrap("The girder design caused the collapse of the bridge over the river last spring.", 100, 13, 3)
    assert len(lines) == 3 and lines[-1].endswith("\u2026") and all(text_width(line, 13) <= 100 for line in lines)
    broken = wrap("x" * 80, 100, 13, 20)  # a word wider than a line is broken where it must be
    assert "".join(broken) == "x" * 80 and len(broken) == 7
    assert all(text_width(line, 13) <= 100 < text_width(line + "x", 13) for line in broken[:-1])
    assert fit_line("reported: a very long speaker name indeed", 120, 13).endswith("\u2026")


def test_printable_drops_what_no_xml_may_carry() -> None:
    assert printable("a\x00b\x1fc\x7fd\x85e\ufffef\ud800g") == "abcdefg"
    assert printable("\u00e9 \u2014 \u2018q\u2019") == "\u00e9 \u2014 \u2018q\u2019"
    assert printable("\udfff\ue000\U0001f600\x9f\xa0\uffff") == "\ue000\U0001f600\xa0"  # the ranges' edges


def test_the_width_table_is_dejavu_sans_own() -> None:
    assert DEJAVU_SANS.is_file(), "fonts-dejavu-core must be installed (bash .ci/test installs it)"
    units, widths = advance_widths(DEJAVU_SANS)
    assert units == UNITS_PER_EM
    table = {start + i: w for start, ws in _RANGES for i, w in enumerate(ws)}
    assert len(table) > 300
    assert {code: widths.get(code) for code in table} == table
    assert text_width("\u4e2d\u6587", 10) == 20  # outside the table: a full em each


def test_an_empty_graph_and_a_lone_claim_lay_out() -> None:
    empty = argument_graph(0, authors=2)
    layout = compute_layout(empty)
    assert layout.boxes == {} and [lane.claims for lane in layout.lanes] == [0, 0]
    lone = argument_graph(1, authors=1)
    (box,) = compute_layout(lone).boxes.values()
    assert box.layer == -1 and box.left >= 0


def test_a_claim_by_an_author_missing_from_the_list_gets_a_lane_of_its_own() -> None:
    graph = argument_graph(20, authors=2)
    graph.add_node("x.1", author="Someone Else", source="x", date="2020", type="fact", text="An extra claim.",
                   quote="q", quote_start=0, quote_end=1, voice="asserts", speaker="", theses={}, note="", label="")
    layout = compute_layout(graph)
    assert [lane.author for lane in layout.lanes][-1] == "Someone Else" and layout.boxes["x.1"].lane == 2
