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
from synthetic import synthetic_graph


def test_load_and_build_the_flagship_corpus(benchmark: Any) -> None:
    graph = benchmark(lambda: build_graph(load_corpus(REPO / "claims")))
    assert graph.number_of_nodes() > 100


@pytest.mark.parametrize("size", [300, 3000, 10000], ids=lambda n: f"{n}-nodes")
def test_render_map(benchmark: Any, size: int) -> None:
    graph = synthetic_graph(size)
    html = benchmark.pedantic(render_map, args=(Analysis(graph),), rounds=1, iterations=1)
    assert html.count('"label"') >= size


def test_graph_json_10k(benchmark: Any) -> None:
    graph = synthetic_graph(10000)
    text = benchmark.pedantic(graph_to_json, args=(graph,), rounds=1, iterations=1)
    assert text.startswith("{")
