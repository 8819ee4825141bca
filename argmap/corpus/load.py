"""Load a corpus folder: read every file, run every check, fail with all problems at once."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from argmap.corpus.cache import CorpusCache
from argmap.corpus.checked import Corpus
from argmap.corpus.checks import check_corpus
from argmap.corpus.inputs import MAX_PROBLEMS_SHOWN
from argmap.corpus.reader import Reader
from argmap.errors import CorpusError
from argmap.progress import Progress, no_progress

READING = "Reading corpus files"


class _ReportingReader(Reader):
    """A Reader that reports each file it has read."""

    def __init__(self, folder: Path, text_roots: Sequence[Path], progress: Progress) -> None:
        super().__init__(folder, text_roots)
        self.progress = progress
        # Only the bar's length: the reader itself decides which files it reads.
        self.total = sum(1 for pattern in ("*.yaml", "*.yml") for _ in folder.glob(pattern))
        self.done = 0

    def read_file(self, path: Path) -> None:
        super().read_file(path)
        self.done += 1
        self.progress(READING, self.done, max(self.total, self.done))


def load_corpus(folder: Path, text_roots: Sequence[Path] = (), progress: Progress = no_progress,
                cache: CorpusCache | None = None) -> Corpus:
    """Read and check the corpus in ``folder``; raise CorpusError listing every problem.

    Source texts must lie inside ``folder`` (symlinks resolved) or inside one of ``text_roots``.
    ``progress`` hears of each file read and each quote checked. With a ``cache``, a corpus
    checked before from the very same files is taken from it, and a newly checked one is kept.
    """
    key = ""
    if cache is not None:
        kept, key = cache.lookup(Path(folder), text_roots)
        if kept is not None:
            return kept
    reader = _ReportingReader(Path(folder), text_roots, progress)
    reader.read_folder()
    corpus = check_corpus(reader, progress)
    if reader.problems:
        raise CorpusError(reader.problems, reader.warnings, shown=MAX_PROBLEMS_SHOWN)
    if cache is not None:
        cache.store(Path(folder), text_roots, key, corpus)
    return corpus
