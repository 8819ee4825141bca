"""The error paths, measured: a large corpus with many problems must still be reported quickly.

Run with ``python3 -m pytest tests/benchmarks --benchmark-enable``; in the normal run each
benchmark runs once, as a smoke test.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from argmap.corpus import load_corpus
from argmap.corpus.quotes import FoldedText
from argmap.errors import CorpusError, did_you_mean
from synthetic_broken import write_corpus


@pytest.fixture(scope="module")
def broken_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("broken") / "corpus", claims=10_000, broken_quotes=100, misspelt_ids=100)


def test_validate_10k_claims_with_200_problems(benchmark: Any, broken_10k: Path) -> None:
    """The issue 12 target: under 20 s (it took 48 s before the closest-passage search was linear)."""

    def validate() -> int:
        with pytest.raises(CorpusError) as caught:
            load_corpus(broken_10k)
        return len(caught.value.problems)

    assert benchmark.pedantic(validate, rounds=1, iterations=1) == 199  # one misspelt id is a first claim's, with no supports


def test_closest_passage_in_an_8_mb_text(benchmark: Any) -> None:
    filler = "".join(f"Paragraph {n} says nothing about the bridge at all.\n\n" for n in range(150_000))
    text = FoldedText(filler + "Both accounts are half right.\n")
    near = benchmark.pedantic(text.closest, args=("Both accounts are half wrong.",), rounds=1, iterations=1)
    assert near.passage == "Both accounts are half right."


def test_did_you_mean_among_10k_ids(benchmark: Any) -> None:
    rng = random.Random(3)
    ids = [f"s{rng.randrange(100)}.claim-{n}" for n in range(10_000)]
    wanted = [f"s{rng.randrange(100)}.claim-{rng.randrange(10_000)}x" for _ in range(100)]
    hints = benchmark.pedantic(lambda: [did_you_mean(w, ids) for w in wanted], rounds=1, iterations=1)
    assert all(hint.startswith(" (did you mean") for hint in hints)
