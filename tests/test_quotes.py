"""Quote matching folds typography, never wording, and reports offsets in the original."""

from __future__ import annotations

import pytest

from argmap.corpus.quotes import FoldedText, sentence_around

SOURCE = "He said: “It’s  fine” –\u00a0really.\nNext line. Russia’s role is pivotal."


@pytest.mark.parametrize(
    "quote, found",
    [
        pytest.param('"It\'s fine" - really', "“It’s  fine” –\u00a0really", id="quotes-dashes-nbsp-spaces"),
        pytest.param("Russia's role", "Russia’s role", id="apostrophe"),
        pytest.param("really.\n  Next line", "really.\nNext line", id="line-break"),
        pytest.param("  Russia’s role is pivotal.  ", "Russia’s role is pivotal.", id="outer-space"),
    ],
)
def test_typography_is_folded(quote: str, found: str) -> None:
    span = FoldedText(SOURCE).find(quote)
    assert span is not None
    assert SOURCE[span.start : span.end] == found


@pytest.mark.parametrize("quote", ["It is fine", "russia's role", "Russia’s role was pivotal", ""], ids=["words", "case", "tense", "empty"])
def test_wording_is_not_folded(quote: str) -> None:
    assert FoldedText(SOURCE).find(quote) is None


def test_closest_passage_is_given_in_the_source_characters() -> None:
    near = FoldedText(SOURCE).closest("Russia's role is central")
    assert near.passage == "Russia’s role is pivotal"
    assert 0.7 < near.similarity < 1


def test_sentence_around_a_quote() -> None:
    text = "First one. Then the quote sits here, in the middle. Last."
    span = FoldedText(text).find("the quote sits here")
    assert sentence_around(text, span) == ("Then ", "the quote sits here", ", in the middle.")
