"""The one-pass derivations give what their definitions say, claim by claim.

Each reference below is the rule as the README states it, computed the slow way (one search per
claim, one scan per cell); the library computes the same in one pass over the graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap.analysis import Analysis
from argmap.analysis.stances import MIXED, all_thesis_sides, stance_cell, stance_matrix, thesis_sides
from argmap.analysis.weights import claim_weights
from argmap.graph import within_author_supports
from synthetic import synthetic_graph, write_corpus


def _sides_by_definition(graph: Any, thesis: str) -> dict[str, str]:
    sub = within_author_supports(graph)
    sides: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if thesis in data["theses"]:
            sides[node] = data["theses"][thesis]
            continue
        found = {graph.nodes[d]["theses"][thesis] for d in nx.descendants(sub, node)
                 if thesis in graph.nodes[d]["theses"] and graph.nodes[d]["voice"] != "reports"}
        if found:
            sides[node] = found.pop() if len(found) == 1 else MIXED
    return sides


@pytest.fixture(scope="module")
def synthetic_corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    folder = tmp_path_factory.mktemp("one-pass") / "corpus"
    write_corpus(folder, 700, seed=11)
    return build_graph(load_corpus(folder))


def _graphs(synthetic_corpus_graph: Any, mini_graph: Any, harbour_graph: Any, flagship_graph: Any) -> list[Any]:
    # synthetic_graph's within-author supports wrap around, so they form cycles.
    return [synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph, synthetic_graph(300, 5, seed=2)]


def test_sides_follow_their_definition(synthetic_corpus_graph: Any, mini_graph: Any, harbour_graph: Any,
                                       flagship_graph: Any) -> None:
    for graph in _graphs(synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph):
        theses = {t for _, d in graph.nodes(data=True) for t in d["theses"]}
        every = all_thesis_sides(graph)
        assert set(every) == theses
        for thesis in sorted(theses):
            expected = _sides_by_definition(graph, thesis)
            assert list(every[thesis].items()) == list(expected.items())  # the same claims, in graph order
            assert thesis_sides(graph, thesis) == expected
            assert Analysis(graph).sides(thesis) == expected
        assert thesis_sides(graph, "no-such-thesis") == {}


def test_stance_matrix_is_every_cell(synthetic_corpus_graph: Any, mini_graph: Any, harbour_graph: Any,
                                     flagship_graph: Any) -> None:
    for graph in _graphs(synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph):
        matrix = stance_matrix(graph)
        keys = [(t["id"], a) for t in graph.graph["theses"] for a in graph.graph["authors"]]
        assert list(matrix) == keys
        assert all(matrix[key] == stance_cell(graph, *key) for key in keys)


def test_weights_count_every_reason_in_the_chain(synthetic_corpus_graph: Any, mini_graph: Any, harbour_graph: Any,
                                                 flagship_graph: Any) -> None:
    for graph in _graphs(synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph):
        sub = within_author_supports(graph)
        expected = {claim: 1 + len(nx.ancestors(sub, claim)) for claim in graph}
        assert claim_weights(graph) == expected
        assert claim_weights(graph, sub) == expected


def test_the_synthetic_corpus_is_valid_and_varied(synthetic_corpus_graph: Any, tmp_path: Path) -> None:
    graph = synthetic_corpus_graph
    relations = {d["relation"] for *_, d in graph.edges(data=True)}
    assert relations == {"supports", "contradicts", "superseded"}
    assert any(d["timing"] for *_, d in graph.edges(data=True))
    assert {d["voice"] for _, d in graph.nodes(data=True)} == {"asserts", "reports"}
    assert {s["date_precision"] for s in graph.graph["sources"]} == {"day", "month", "year", "range"}
    analysis = Analysis(graph)
    assert {c.stance for c in analysis.stances.values()} == {"pro", "con", "mixed", "silent"}
    assert analysis.common_ground and analysis.clashes
    # The same arguments write the same bytes.
    write_corpus(tmp_path / "a", 200, seed=4)
    write_corpus(tmp_path / "b", 200, seed=4)
    for path in sorted((tmp_path / "a").rglob("*.*")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


def test_links_bearing_on_each_thesis_as_one_thesis_at_a_time(synthetic_corpus_graph: Any, mini_graph: Any,
                                                              harbour_graph: Any, flagship_graph: Any) -> None:
    from argmap.analysis.bearing import own_agreements, thesis_links

    for graph in _graphs(synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph):
        analysis = Analysis(graph)
        for thesis in [t["id"] for t in graph.graph["theses"]] + ["no-such-thesis"]:
            expected = thesis_links(graph, thesis, thesis_sides(graph, thesis), analysis.clash_kinds)
            assert analysis.thesis_links(thesis) == expected
            assert thesis_links(graph, thesis, analysis.sides(thesis), analysis.clash_kinds, own_agreements(graph)) == expected


def test_agreement_counts_every_thesis_both_take_a_side_on(synthetic_corpus_graph: Any, mini_graph: Any,
                                                           harbour_graph: Any, flagship_graph: Any) -> None:
    for graph in _graphs(synthetic_corpus_graph, mini_graph, harbour_graph, flagship_graph):
        analysis = Analysis(graph)
        cells = analysis.stances
        for (a, b), pair in analysis.agreement.items():
            sided = [t["id"] for t in graph.graph["theses"]
                     if {cells[t["id"], a].stance, cells[t["id"], b].stance} <= {"pro", "con"}]
            first, second = sorted((a, b), key=analysis.authors.index)
            assert (pair.a, pair.b) == (first, second)
            assert pair.same_side == tuple(t for t in sided if cells[t, a].stance == cells[t, b].stance)
            assert pair.opposite_sides == tuple(t for t in sided if cells[t, a].stance != cells[t, b].stance)


def test_events_between_asks_every_event_the_date_rule() -> None:
    import random

    from argmap.analysis.timeline import Timings
    from argmap.dates import between, time_key

    rng = random.Random(1)

    def date() -> str:
        year, month, day = rng.randint(2000, 2004), rng.randint(1, 12), rng.randint(1, 28)
        form = rng.random()
        if form < 0.5:
            return f"{year}-{month:02d}-{day:02d}"
        if form < 0.75:
            return f"{year}-{month:02d}"
        if form < 0.85:
            return str(year)
        return f"{year}-{month:02d}/{year + rng.randint(0, 1)}-12"

    graph = synthetic_graph(20, 3)
    graph.graph["events"] = [{"id": f"e{i}", "date": date(), "label": ""} for i in range(40)]
    timings = Timings(graph)
    ordered = sorted(graph.graph["events"], key=lambda e: (time_key(e["date"]), e["id"]))
    for _ in range(2000):
        earlier, later = date(), date()  # in either order: links are ordered by source rank, not date
        verdicts = [(e["id"], between(earlier, later, e["date"])) for e in ordered]
        expected = (tuple(i for i, v in verdicts if v == "certain"), tuple(i for i, v in verdicts if v == "possible"))
        assert timings.events_between(earlier, later) == expected


def test_a_stance_exercise_for_more_than_26_authors_is_numbered_on(tmp_path: Path) -> None:
    """Found by the 30,000-claim benchmark (52 authors): the 27th question had no letter."""
    from argmap.build import quiz_text
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.quiz.generate import generate_quiz
    from argmap.quiz.model import _sub_letter

    assert [_sub_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == \
        ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]
    write_corpus(tmp_path / "corpus", 9000, seed=3)  # 28 authors
    quiz = generate_quiz(Analysis(build_graph(load_corpus(tmp_path / "corpus"))), 2, 0, ("stance",))
    assert max(len(e.questions) for e in quiz.exercises) > 26
    text = quiz_text(quiz)
    assert "\n**1z.** " in text and "\n**1aa.** " in text
