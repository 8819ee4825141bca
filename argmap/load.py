"""Load a corpus folder: read every file, run every check, fail with all problems at once."""

from __future__ import annotations

from pathlib import Path

from argmap.checks import check_corpus
from argmap.corpus import Corpus
from argmap.errors import CorpusError
from argmap.reading import Reader


def load_corpus(folder: Path) -> Corpus:
    reader = Reader(Path(folder))
    reader.read_folder()
    corpus = check_corpus(reader)
    if reader.problems:
        raise CorpusError(reader.problems)
    return corpus
