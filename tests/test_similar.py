"""The quiz's look-alike check: the indexed search gives exactly the answers of the plain rule."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from argmap.corpus.quotes import fold
from argmap.quiz.similar import Lookalikes, _entry, similar_text
from synthetic import write_corpus

TRICKY = [
    "", "!", "a", "a b", "the cat", "The cat sat.", "cat sat", "the cat sat on the mat",
    "The cat sat on the mat, and the dog sat on the log.",
    "the dog sat on the log", "on the mat and the dog", "Russia\u2019s peacekeepers \u2014 1,960 of them \u2014 stayed",
    "Russia's peacekeepers - 1,960 of them - stayed", "peacekeepers stayed", "1,960", "\u00a0spaced\u00a0 out\n text ",
    "spaced out text", "\u00ab quoted \u00bb words", "quoted words here", "x y z w", "y z w", "z w q r s t",
]


def _words_by_fold(text: str) -> tuple[str, frozenset[str]]:
    joined = " ".join(re.findall(r"\w+", fold(text).casefold()))
    return joined, frozenset(joined.split())


@pytest.fixture(scope="module")
def corpus_texts(tmp_path_factory: pytest.TempPathFactory, flagship_graph: Any) -> list[str]:
    """Paraphrases and quotes of a synthetic corpus and of the flagship, and the tricky cases."""
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    folder = tmp_path_factory.mktemp("similar") / "corpus"
    write_corpus(folder, 400, seed=5)
    graph = build_graph(load_corpus(folder))
    texts = [d[key] for g in (graph, flagship_graph) for _, d in g.nodes(data=True) for key in ("text", "quote")]
    return texts + TRICKY


def test_words_are_those_of_the_folded_text(corpus_texts: list[str]) -> None:
    # Plain ASCII skips folding: folding only changes typography and white space, never a word.
    for text in corpus_texts:
        assert _entry(text) == _words_by_fold(text), text


def test_lookalikes_answer_as_every_pair_compared(corpus_texts: list[str]) -> None:
    rng = random.Random(3)
    # Near copies, so that both answers come up often.
    variants = [" ".join(t.split()[: max(1, len(t.split()) * 4 // 5)]) for t in rng.sample(corpus_texts, 60)]
    variants += [t.replace(" the ", " a ", 1) for t in rng.sample(corpus_texts, 60)]
    pool = corpus_texts + variants
    answers = []
    for _ in range(40):
        chosen = rng.sample(pool, rng.choice((1, 3, 30, 200)))
        index = Lookalikes(chosen)
        for text in rng.sample(pool, 80) + chosen[:5]:
            expected = any(similar_text(text, other) for other in chosen)
            assert index.matches(text) == expected, (text, chosen[:3])
            answers.append(expected)
    assert 0.05 < sum(answers) / len(answers) < 0.95  # the test saw both answers


@pytest.mark.parametrize("text, others, expected", [
    ("the cat sat", ["The cat sat on the mat."], True),  # inside another
    ("x y z w", ["a y z b"], False),  # half the words, but not 80% alike
    ("", [""], True),
    ("", ["words"], False),
    ("a b", ["b a c d e f g h"], False),
    ("at sat on the", ["the cat sat on the mat"], True),  # cut words at both ends
], ids=["inside", "half-the-words", "both-empty", "one-empty", "two-words", "cut-ends"])
def test_lookalikes_on_edge_cases(text: str, others: list[str], expected: bool) -> None:
    assert Lookalikes(others).matches(text) is expected
    assert any(similar_text(text, o) for o in others) is expected


def test_no_lookalikes_match_nothing(tmp_path: Path) -> None:
    assert not Lookalikes([]).matches("anything at all")
