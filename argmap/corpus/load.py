"""Load a corpus folder: read every file, run every check, fail with all problems at once."""

from __future__ import annotations

from pathlib import Path

from argmap.corpus.checked import Corpus
from argmap.corpus.checks import check_corpus
from argmap.corpus.reader import Reader
from argmap.errors import CorpusError


def load_corpus(folder: Path) -> Corpus:
    """Read and check the corpus in ``folder``; raise CorpusError listing every problem."""
    reader = Reader(Path(folder))
    reader.read_folder()
    corpus = check_corpus(reader)
    if reader.problems:
        raise CorpusError(reader.problems)
    return corpus
