"""A checked corpus: the data the graph is built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from argmap.corpus.models import Claim, Event, Relation, Source, Thesis
from argmap.corpus.quotes import Span
from argmap.errors import Problem


@dataclass(frozen=True)
class Where:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Corpus:
    """A checked corpus: every reference resolves and every quote was found in its source."""

    title: str
    sources: dict[str, Source]
    claims: dict[str, Claim]
    claim_source: dict[str, str]
    theses: dict[str, Thesis]
    events: dict[str, Event]
    relations: list[Relation]
    texts: dict[str, str]
    spans: dict[str, Span]
    warnings: list[Problem] = field(default_factory=list)  # what is allowed but likely a slip
    inputs: tuple[Path, ...] = ()  # every file read (resolved): outputs never replace one

    def source_of(self, claim_id: str) -> Source:
        return self.sources[self.claim_source[claim_id]]

    def author_of(self, claim_id: str) -> str:
        return self.source_of(claim_id).author
