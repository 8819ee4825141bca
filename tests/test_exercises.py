"""Quiz exercises: exactly one right option per question according to the map, distractors that
are real claims and surely wrong, stances that ignore reported views, reproducible seeds.

The checks below recompute every answer from the graph itself (node and edge attributes, source
dates), never by asking the generator again.
"""

from __future__ import annotations

import re
from random import Random
from typing import Any

import networkx as nx
import pytest

from argmap.dates import date_range
from argmap.quiz.links import build_relation, build_stance, build_timing, timing_order
from argmap.quiz.model import Exercise, Question, quiz_data
from argmap.errors import CountError, NoExercisesError
from argmap.quiz.generate import KIND_NAMES, KINDS, generate_quiz
from argmap.render.html import render_self_html, render_sheet_html
from argmap.render.markdown import render_key_md, render_sheet_md
from argmap.analysis import Analysis

SEEDS = [0, 1, 7, 2024]


@pytest.fixture(params=["mini", "flagship"])
def graph(request: pytest.FixtureRequest, mini_graph: Any, flagship_graph: Any) -> Any:
    return mini_graph if request.param == "mini" else flagship_graph


# --- independent answers from the graph --------------------------------------------------------

def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.replace("\u2019", "'").casefold()))


def _edge(graph: nx.DiGraph, a: str, b: str) -> dict[str, Any] | None:
    return graph.get_edge_data(a, b) or graph.get_edge_data(b, a)


def _own_stance(graph: nx.DiGraph, thesis: str, author: str) -> str:
    sides = {d["theses"][thesis] for _, d in graph.nodes(data=True)
             if d["author"] == author and d["voice"] == "asserts" and thesis in d["theses"]}
    return "silent" if not sides else "mixed" if len(sides) == 2 else sides.pop()


def _source_date(graph: nx.DiGraph, source_id: str) -> str:
    return next(s["date"] for s in graph.graph["sources"] if s["id"] == source_id)


def _event_date(graph: nx.DiGraph, event_id: str) -> str:
    return next(e["date"] for e in graph.graph["events"] if e["id"] == event_id)


def _before(date: str, event_date: str) -> bool:
    return date_range(date)[1] < date_range(event_date)[0]


def _after(date: str, event_date: str) -> bool:
    return date_range(date)[0] > date_range(event_date)[1]


def right_options(graph: nx.DiGraph, kind: str, question: Question) -> set[int]:
    """Which options the map makes right, worked out from the graph alone."""
    about = question.about
    values = [o.value for o in question.options]
    if kind == "attribution":
        return {i for i, v in enumerate(values) if v == graph.nodes[about["claim"]]["author"]}
    if kind == "relation":
        shown, relation = about["claim"], about["relation"]
        if relation == "contradicts":
            return {i for i, v in enumerate(values) if (_edge(graph, v, shown) or {}).get("relation") == "contradicts"}
        return {i for i, v in enumerate(values)
                if graph.has_edge(v, shown) and graph.edges[v, shown]["relation"] == "supports"}
    if kind == "stance":
        return {i for i, v in enumerate(values) if v == _own_stance(graph, about["thesis"], about["author"])}
    if kind == "voice":
        node = graph.nodes[about["claim"]]
        truth = "asserts" if node["voice"] == "asserts" else f"reports:{node['speaker']}".casefold()
        return {i for i, v in enumerate(values) if v.casefold() == truth}
    if kind == "timing" and "shown" in about:  # which account came before the turning point
        event_date = _event_date(graph, about["event"])
        shown = about["shown"].split()
        before = [c for c in shown if _before(_source_date(graph, graph.nodes[c]["source"]), event_date)]
        after = [c for c in shown if _after(_source_date(graph, graph.nodes[c]["source"]), event_date)]
        truth = ("both-before" if len(before) == 2 else "both-after" if len(after) == 2
                 else before[0] if len(before) == len(after) == 1 else "ambiguous")
        return {i for i, v in enumerate(values) if v == truth}
    if kind == "timing":  # can both be true: superseded, or a contradiction
        relation = _edge(graph, about["first"], about["second"])["relation"]  # type: ignore[index]
        return {i for i, v in enumerate(values) if v == relation}
    if kind == "evidence":  # the option that is the reason, or what the reason supports, in the author's argument
        def supports(a: str, b: str) -> bool:
            return graph.has_edge(a, b) and graph.edges[a, b]["relation"] == "supports"
        shown = about["claim"]
        if about["direction"] == "for":
            return {i for i, v in enumerate(values) if supports(v, shown)}
        return {i for i, v in enumerate(values) if supports(shown, v)}
    raise AssertionError(f"unknown kind {kind}")


def check_distractors(graph: nx.DiGraph, kind: str, question: Question) -> None:
    """What the brief asks of wrong options, kind by kind, beyond not being right."""
    about = question.about
    wrong = [o.value for i, o in enumerate(question.options) if i != question.answer]
    if kind == "attribution":
        quote = _words(graph.nodes[about["claim"]]["quote"])
        for author in wrong:
            assert author in graph.graph["authors"]
            assert all(quote not in _words(d["quote"]) and _words(d["quote"]) not in quote
                       for _, d in graph.nodes(data=True) if d["author"] == author)
    elif kind == "relation":
        shown = graph.nodes[about["claim"]]
        supports = nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["relation"] == "supports")
        for claim in wrong:
            other = graph.nodes[claim]  # a real claim of the corpus
            if about["relation"] == "contradicts":
                assert (_edge(graph, claim, about["claim"]) or {}).get("relation") != "contradicts"
                assert other["author"] != shown["author"]
                assert not any(other["theses"].get(t) not in (None, side) for t, side in shown["theses"].items())
            else:
                assert not nx.has_path(supports, claim, about["claim"])
                assert not nx.has_path(supports, about["claim"], claim)
    elif kind == "evidence":
        shown = about["claim"]
        author = graph.nodes[shown]["author"]
        own = nx.subgraph_view(graph, filter_node=lambda n: graph.nodes[n]["author"] == author,
                               filter_edge=lambda u, v: graph.edges[u, v]["relation"] == "supports").to_undirected()
        field = "quote" if about["direction"] == "for" else "text"
        for claim, option in zip(wrong, [o for i, o in enumerate(question.options) if i != question.answer]):
            assert option.label == graph.nodes[claim][field]  # a real claim's words, the same author's
            assert graph.nodes[claim]["author"] == author
            assert not nx.has_path(own, claim, shown)  # another line of the author's argument
    elif kind == "voice":
        speakers = {d["speaker"].casefold() for _, d in graph.nodes(data=True) if d["voice"] == "reports"}
        assert all(v == "asserts" or v.split(":", 1)[1].casefold() in speakers for v in wrong)


def check_exercise(graph: nx.DiGraph, exercise: Exercise) -> None:
    assert exercise.questions
    for question in exercise.questions:
        assert len(question.options) >= 2
        assert len({o.value for o in question.options}) == len(question.options)
        assert right_options(graph, exercise.kind, question) == {question.answer}, question
        check_distractors(graph, exercise.kind, question)
        for item in question.evidence:  # explanations quote the corpus verbatim
            assert item.quote == graph.nodes[item.id]["quote"]


# --- tests -------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KIND_NAMES)
def test_every_kind_is_generated_on_the_flagship_corpus(flagship_graph: Any, kind: str) -> None:
    quiz = generate_quiz(Analysis(flagship_graph), count=3, seed=0, kinds=[kind])
    assert quiz.exercises and {e.kind for e in quiz.exercises} == {kind}
    for exercise in quiz.exercises:
        check_exercise(flagship_graph, exercise)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_question_has_exactly_one_right_option_per_the_map(graph: Any, seed: int) -> None:
    quiz = generate_quiz(Analysis(graph), count=30, seed=seed)
    assert len(quiz.exercises) >= 5
    for exercise in quiz.exercises:
        check_exercise(graph, exercise)


# Evidence needs an author with several lines of argument to draw wrong options from: the flagship.
CANDIDATES = [pytest.param(kind, "flagship" if kind == "evidence" else "mini", id=kind) for kind in KIND_NAMES]


@pytest.mark.parametrize("kind, corpus", CANDIDATES)
def test_every_candidate_is_unambiguous_or_skipped(request: pytest.FixtureRequest, kind: str, corpus: str) -> None:
    analysis = request.getfixturevalue(f"{corpus}_analysis")
    rng = Random(3)
    built = [KINDS[kind].build(analysis, rng, s) for s in KINDS[kind].order(analysis, rng)]
    assert any(built)
    for exercise in filter(None, built):
        check_exercise(analysis.graph, exercise)


def test_a_quiz_mixes_kinds_and_never_reuses_a_claim(flagship_graph: Any) -> None:
    quiz = generate_quiz(Analysis(flagship_graph), count=12, seed=4)
    assert [e.kind for e in quiz.exercises[:6]] == list(KIND_NAMES)
    seen: set[str] = set()
    for exercise in quiz.exercises:
        assert not exercise.focus & seen
        seen |= exercise.focus


def test_reported_views_are_never_an_authors_stance(mini_graph: Any) -> None:
    exercise = build_stance(Analysis(mini_graph), Random(0), "steel-fault")
    assert exercise is not None
    answers = {q.about["author"]: q.correct.value for q in exercise.questions}
    # Alder only reports the city council's view that the steel was at fault.
    assert answers == {"Ann Alder": "silent", "Ben Birch": "pro", "Cy Cedar": "pro"}
    alder = next(q for q in exercise.questions if q.about["author"] == "Ann Alder")
    assert "the city council" in alder.explanation and "not Ann Alder's own stance" in alder.explanation
    assert [e.id for e in alder.evidence] == ["alder.council"]


def test_reported_views_are_never_a_stance_on_the_flagship(flagship_graph: Any) -> None:
    quiz = generate_quiz(Analysis(flagship_graph), count=14, seed=0, kinds=["stance"])
    for question in (q for e in quiz.exercises for q in e.questions):
        thesis, author = question.about["thesis"], question.about["author"]
        own = [n for n, d in flagship_graph.nodes(data=True)
               if d["author"] == author and d["voice"] == "asserts" and thesis in d["theses"]]
        if not own:
            assert question.correct.value == "silent"


def test_relation_distractors_on_the_small_corpus_are_worked_out_by_hand(mini_graph: Any) -> None:
    exercise = build_relation(Analysis(mini_graph), Random(0), ("alder.design", "contradicts", "birch.steel"))
    assert exercise is not None
    question = exercise.questions[0]
    assert question.correct.value == "birch.steel"
    # Not Alder's own claims, not birch.steel's supporters (birch.tests, birch.design-ok, cedar.steel).
    assert {o.value for o in question.options} - {"birch.steel"} == {"cedar.design", "cedar.both", "cedar.city"}
    assert "Alder blames the design" in question.explanation


def test_timing_on_the_small_corpus_is_worked_out_by_hand(mini_graph: Any) -> None:
    # Only the clash the corpus dates to the inquiry, which falls between Alder (2020-01-10) and Birch (2021-06).
    assert timing_order(Analysis(mini_graph), Random(0)) == [("alder.design", "birch.steel", "inquiry")]
    exercise = build_timing(Analysis(mini_graph), Random(0), ("alder.design", "birch.steel", "inquiry"))
    assert exercise is not None
    order, both = exercise.questions
    assert order.correct.value == "alder.design"  # Alder wrote before the inquiry, Birch after it
    assert {o.value for o in order.options} == {"alder.design", "birch.steel", "both-before", "both-after"}
    assert both.correct.value == "contradicts"  # a contradiction the turning point does not dissolve
    # The student reasons from the accounts: their dates are nowhere on the sheet, the turning point's is.
    sheet = " ".join([exercise.instruction, *(p.label + p.text + p.quote for p in exercise.passages),
                      *(q.prompt for q in exercise.questions), *(o.label for q in exercise.questions for o in q.options)])
    assert "2021-01-15" in sheet and "2020-01-10" not in sheet and "2021-06" not in sheet
    assert "2020-01-10" in order.explanation and "2021-06" in order.explanation


def test_a_superseded_link_is_each_true_of_its_own_period(flagship_analysis: Any) -> None:
    graph = flagship_analysis.graph
    superseded = [s for s in timing_order(flagship_analysis, Random(0)) if _edge(graph, s[0], s[1])["relation"] == "superseded"]  # type: ignore[index]
    assert superseded
    exercise = build_timing(flagship_analysis, Random(0), superseded[0])
    assert exercise is not None and exercise.questions[1].correct.value == "superseded"
    assert exercise.questions[1].correct.label.startswith("Yes: each held in its own period")


def test_partial_dates_that_straddle_an_event_are_not_asked_about(mini_graph: Any) -> None:
    graph = mini_graph.copy()
    graph.graph["events"] = [{"id": "mid", "date": "2021-06-15", "label": "Mid-June"}]  # inside Birch's 2021-06
    graph.edges["alder.design", "birch.steel"]["timing"] = "mid"
    assert timing_order(Analysis(graph), Random(0)) == []


def test_same_seed_same_quiz_byte_for_byte(flagship_graph: Any) -> None:
    one, two = generate_quiz(Analysis(flagship_graph), count=10, seed=11), generate_quiz(Analysis(flagship_graph), count=10, seed=11)
    assert quiz_data(one) == quiz_data(two)
    for render in (render_sheet_md, render_key_md, render_sheet_html, render_self_html):
        assert render(one) == render(two)


def test_different_seeds_give_different_quizzes(flagship_graph: Any) -> None:
    sheets = {render_sheet_md(generate_quiz(Analysis(flagship_graph), count=10, seed=seed)) for seed in SEEDS}
    assert len(sheets) == len(SEEDS)


def test_count_is_a_ceiling_and_must_be_positive(mini_graph: Any) -> None:
    assert len(generate_quiz(Analysis(mini_graph), count=1).exercises) == 1
    few = generate_quiz(Analysis(mini_graph), count=50, kinds=["timing"])
    assert len(few.exercises) == 1 and few.requested == 50  # one clash is dated to a turning point
    with pytest.raises(CountError, match=r"the number of exercises must be at least 1 \(got 0\)"):
        generate_quiz(Analysis(mini_graph), count=0)


def test_a_map_that_cannot_make_an_exercise_says_so(mini_graph: Any) -> None:
    graph = mini_graph.copy()
    graph.graph["events"] = []
    for _, _, data in graph.edges(data=True):
        data["timing"] = ""
    with pytest.raises(NoExercisesError, match="cannot make an unambiguous exercise"):
        generate_quiz(Analysis(graph), kinds=["timing"])


def test_the_sheet_hides_answers_and_the_key_gives_them(mini_graph: Any) -> None:
    quiz = generate_quiz(Analysis(mini_graph), count=20, seed=3)
    sheet, key = render_sheet_md(quiz), render_key_md(quiz)
    assert sheet.startswith("# Quiz: The bridge collapse \\<b\\>three accounts\\</b\\>\n")
    assert "Answer: ____" in sheet and "**1. " not in sheet
    assert key.startswith("# Answer key: ")
    for number, exercise in enumerate(quiz.exercises, start=1):
        if len(exercise.questions) == 1:
            question = exercise.questions[0]
            assert f"**{number}. {'ABCD'[question.answer]}. " in key
    assert "\\<img src=x onerror=alert(1)\\>" in sheet + key
    assert not re.search(r"(?<!\\)<", sheet + key)  # every < is escaped (> starts quotes)
