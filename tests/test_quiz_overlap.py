"""Evidence items cannot be answered by matching words: over many seeds, the right option is the
one sharing the most words with the prompt no more often than chance (and no less often either,
or "never the most alike" would be a give-away of its own).

Word overlap is measured here independently of the generator: the content words (lower case,
without a short list of stopwords) the prompt and an option have in common. A tie for the most
counts as a share of the win.
"""

from __future__ import annotations

import math
import re
from random import Random
from typing import Any

import networkx as nx

from argmap.quiz.generate import generate_quiz
from argmap.quiz.model import Exercise

SEEDS = range(200)
STOP = set("a an and are as at be been but by for from had has have he her his in into is it its not of on or our she"
           " so than that the their them there these they this those to was we were which who whom will with would".split())


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.replace("\u2019", "'").casefold()) if w not in STOP}


def shared(a: str, b: str) -> int:
    return len(words(a) & words(b))


def prompt(exercise: Exercise) -> str:
    """What the student compares the options with: the passage shown (a paraphrase or a quote)."""
    return " ".join(p.text + " " + p.quote for p in exercise.passages)


def most_alike(exercise: Exercise) -> tuple[float, float, float]:
    """(share of "the right option shares the most words", the same for "the fewest", chance)."""
    question = exercise.questions[0]
    scores = [shared(prompt(exercise), o.label) for o in question.options]
    right = scores[question.answer]
    top = 1 / scores.count(right) if right == max(scores) else 0.0
    bottom = 1 / scores.count(right) if right == min(scores) else 0.0
    return top, bottom, 1 / len(scores)


def measure(items: list[tuple[float, float, float]]) -> tuple[float, float, float, float]:
    """Observed rates of "most alike" and "least alike", the chance rate, and its standard error."""
    count = len(items)
    chance = sum(c for _, _, c in items) / count
    error = math.sqrt(sum(c * (1 - c) for _, _, c in items)) / count
    return sum(t for t, _, _ in items) / count, sum(b for _, b, _ in items) / count, chance, error


def evidence_items(analysis: Any) -> list[tuple[float, float, float]]:
    items = []
    for seed in SEEDS:
        quiz = generate_quiz(analysis, count=30, seed=seed, kinds=["evidence"])
        items += [most_alike(e) for e in quiz.exercises]
    return items


def test_the_right_option_is_the_most_alike_no_more_often_than_chance(flagship_analysis: Any) -> None:
    items = evidence_items(flagship_analysis)
    assert len(items) >= 2000, len(items)
    top, bottom, chance, error = measure(items)
    # Both ways round: word matching neither finds the answer nor rules it out.
    assert abs(top - chance) <= 3 * error, (top, chance, error)
    assert abs(bottom - chance) <= 3 * error, (bottom, chance, error)


def test_the_measure_catches_word_matching(flagship_analysis: Any) -> None:
    """The old evidence item (a paraphrase, then its own quote among the author's other quotes) fails it."""
    graph = flagship_analysis.graph
    items = []
    rng = Random(0)
    for claim, node in sorted(graph.nodes(data=True)):
        others = sorted(n for n, d in graph.nodes(data=True) if d["author"] == node["author"] and n != claim)
        options = [node["quote"]] + [graph.nodes[n]["quote"] for n in rng.sample(others, 3)]
        scores = [shared(node["text"], o) for o in options]
        items.append((1 / scores.count(scores[0]) if scores[0] == max(scores) else 0.0, 0.0, 0.25))
    top, _, chance, error = measure(items)
    assert top > chance + 10 * error and top > 0.9


def test_both_ways_round_are_asked(flagship_analysis: Any) -> None:
    quiz = generate_quiz(flagship_analysis, count=12, seed=0, kinds=["evidence"])
    assert {e.questions[0].about["direction"] for e in quiz.exercises} == {"for", "backs"}
    for exercise in quiz.exercises:
        question = exercise.questions[0]
        shown = question.about["claim"]
        # The right option is never the prompt's own words: it is another claim, a step along the argument.
        assert question.correct.value != shown
        assert nx.has_path(flagship_analysis.graph, question.correct.value, shown) or \
            nx.has_path(flagship_analysis.graph, shown, question.correct.value)
