"""Load a corpus folder: read every file, run every check, fail with all problems at once."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from argmap.corpus.checked import Corpus
from argmap.corpus.checks import check_corpus
from argmap.corpus.inputs import MAX_PROBLEMS_SHOWN
from argmap.corpus.reader import Reader
from argmap.errors import CorpusError


def load_corpus(folder: Path, text_roots: Sequence[Path] = ()) -> Corpus:
    """Read and check the corpus in ``folder``; raise CorpusError listing every problem.

    Source texts must lie inside ``folder`` (symlinks resolved) or inside one of ``text_roots``.
    """
    reader = Reader(Path(folder), text_roots)
    reader.read_folder()
    corpus = check_corpus(reader)
    if reader.problems:
        raise CorpusError(reader.problems, reader.warnings, shown=MAX_PROBLEMS_SHOWN)
    return corpus
