"""Benchmarks (pytest-benchmark). They run once as smoke tests in the normal suite; measure with

    python3 -m pytest tests/benchmarks --benchmark-enable

Speed is measured here, never asserted in unit tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from argmap.graph import build_graph
from argmap.render.json import graph_to_json
from argmap.analysis import Analysis
from argmap.render.map_page import render_map
from argmap.corpus import load_corpus
from conftest import REPO
from synthetic import argument_graph, synthetic_graph


def test_load_and_build_the_flagship_corpus(benchmark: Any) -> None:
    graph = benchmark(lambda: build_graph(load_corpus(REPO / "claims")))
    assert graph.number_of_nodes() > 100


@pytest.mark.parametrize("size", [300, 3000, 10000], ids=lambda n: f"{n}-nodes")
def test_render_map(benchmark: Any, size: int) -> None:
    from argmap.layout import compute_layout

    graph = argument_graph(size)
    layout = compute_layout(graph)
    html = benchmark.pedantic(render_map, args=(Analysis(graph), None, layout), rounds=1, iterations=1)
    assert html.count('"id":') >= size


def test_graph_json_10k(benchmark: Any) -> None:
    graph = synthetic_graph(10000)
    text = benchmark.pedantic(graph_to_json, args=(graph,), rounds=1, iterations=1)
    assert text.startswith("{")


@pytest.mark.parametrize("size", [1000, 3000, 10000], ids=lambda n: f"{n}-claims")
def test_layout(benchmark: Any, size: int) -> None:
    from argmap.layout import compute_layout

    graph = argument_graph(size)
    layout = benchmark.pedantic(compute_layout, args=(graph,), rounds=3, iterations=1)
    assert len(layout.boxes) == size


def test_layout_of_long_supports_chains_10k(benchmark: Any) -> None:
    from argmap.layout import compute_layout

    graph = synthetic_graph(10000)  # one supports cycle of 1,250 claims per author: the worst shape for layers
    layout = benchmark.pedantic(compute_layout, args=(graph,), rounds=1, iterations=1)
    assert len(layout.boxes) == 10000


@pytest.mark.parametrize("size", [1000, 10000], ids=lambda n: f"{n}-claims")
def test_render_svg(benchmark: Any, size: int) -> None:
    from argmap.layout import compute_layout
    from argmap.render.svg import render_svg

    graph = argument_graph(size)
    layout = compute_layout(graph)
    svg = benchmark.pedantic(render_svg, args=(graph, layout), rounds=1, iterations=1)
    assert svg.count("<tspan") >= size
