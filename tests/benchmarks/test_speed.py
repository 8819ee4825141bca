"""Benchmarks (pytest-benchmark). They run once as smoke tests in the normal suite; measure with

    python3 -m pytest tests/benchmarks --benchmark-enable
    ARGMAP_BENCH_SIZES=1000,3000,10000,30000 python3 -m pytest tests/benchmarks --benchmark-enable

Each command runs in process (``CliRunner``) on a synthetic corpus of each size in
``ARGMAP_BENCH_SIZES`` (default 1000), with the checked-corpus cache off. ``scale.py`` beside
this file runs every command as its own process and prints the table with memory and growth.
Speed is measured here, never asserted in unit tests.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.analysis import Analysis
from argmap.cli import cli
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render.json import graph_to_json
from argmap.render.map_page import render_map
from conftest import REPO
from synthetic import Shape, argument_graph, synthetic_graph, write_corpus

SIZES = [int(s) for s in os.environ.get("ARGMAP_BENCH_SIZES", "1000").split(",") if s.strip()]
_corpora: dict[tuple[int, bool], tuple[Path, Shape]] = {}


@pytest.fixture(scope="session")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Any:
    def get(size: int, broken: int = 0) -> tuple[Path, Shape]:
        if (size, broken) not in _corpora:
            folder = tmp_path_factory.mktemp(f"bench-{size}") / "corpus"
            shape = write_corpus(folder, size, broken_quotes=broken, misspelt_ids=broken)
            _corpora[size, broken] = (folder, shape)
        return _corpora[size, broken]
    return get


def _commands(folder: Path, shape: Shape, out: Path) -> dict[str, list[str]]:
    a, b = shape.authors[:2]
    corpus = ["--corpus", str(folder)]
    return {
        "validate": ["validate", str(folder)],
        "build": ["build", str(folder), "--out", str(out)],
        "stances": ["stances", *corpus],
        "compare": ["compare", *corpus],
        "compare-two": ["compare", a, b, *corpus],
        "brief": ["brief", *corpus],
        "quiz": ["quiz", *corpus],
        "worksheet-authors": ["worksheet", "--authors", a, b, *corpus],
        "worksheet-thesis": ["worksheet", "--thesis", shape.theses[0], *corpus],
        "show": ["show", shape.claim_ids[len(shape.claim_ids) // 2], *corpus],
        "suggest": ["suggest", *corpus],
    }


COMMANDS = list(_commands(Path("."), Shape(0, 0, ["a", "b"], ["t"], 0, 0, 0, ["c"]), Path(".")))


@pytest.mark.parametrize("size", SIZES, ids=lambda n: f"{n}-claims")
@pytest.mark.parametrize("command", COMMANDS)
def test_command(benchmark: Any, corpora: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 command: str, size: int) -> None:
    if command == "suggest" and "suggest" not in cli.commands:  # type: ignore[attr-defined]
        pytest.skip("argmap suggest is not part of this checkout yet")
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    folder, shape = corpora(size)
    args = _commands(folder, shape, tmp_path / "out")[command]
    result = benchmark.pedantic(CliRunner().invoke, args=(cli, args), kwargs={"catch_exceptions": False},
                                rounds=1, iterations=1)
    assert result.exit_code == 0, result.output[-2000:]


@pytest.mark.parametrize("size", SIZES, ids=lambda n: f"{n}-claims")
def test_validate_with_100_broken_quotes_and_100_misspelt_ids(benchmark: Any, corpora: Any,
                                                                monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    broken = 5 if benchmark.disabled else 100  # the normal run only checks that it works
    folder, _ = corpora(size, broken)
    result = benchmark.pedantic(CliRunner().invoke, args=(cli, ["validate", str(folder)]), rounds=1, iterations=1)
    assert result.exit_code == 1 and f"{2 * broken} problems found" in result.output


@pytest.mark.parametrize("size", SIZES, ids=lambda n: f"{n}-claims")
def test_map_page(benchmark: Any, corpora: Any, size: int) -> None:
    """The map page as the build makes it: layout, SVG picture and page."""
    from argmap.layout import compute_layout, store_positions
    from argmap.render.svg import render_svg

    folder, _ = corpora(size)
    corpus = load_corpus(folder)
    graph = build_graph(corpus)

    def page() -> str:
        layout = compute_layout(graph)
        store_positions(graph, layout)
        return render_map(Analysis(graph), corpus.texts, layout, render_svg(graph, layout))

    html = benchmark.pedantic(page, rounds=1, iterations=1)
    assert html.count('"id":') >= size


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
