"""A checked corpus: the data every renderer and analysis starts from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from argmap.models import Claim, Event, Relation, Source, Thesis
from argmap.quotes import Span

@dataclass(frozen=True)
class Where:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Corpus:
    """A checked corpus: every reference resolves and every quote was found in its source."""

    root: Path
    title: str
    sources: dict[str, Source]
    claims: dict[str, Claim]
    claim_source: dict[str, str]
    theses: dict[str, Thesis]
    events: dict[str, Event]
    relations: list[Relation]
    texts: dict[str, str]
    spans: dict[str, Span]
    where: dict[str, Where] = field(default_factory=dict)

    def source_of(self, claim_id: str) -> Source:
        return self.sources[self.claim_source[claim_id]]

    def author_of(self, claim_id: str) -> str:
        return self.source_of(claim_id).author


def date_range(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date can mean: a partial date (YYYY, YYYY-MM, YYYY-MM-DD) or an
    inferred range EARLIEST/LATEST (from the first day of EARLIEST to the last day of LATEST)."""
    if "/" in date:
        earliest, latest = date.split("/")
        return date_range(earliest)[0], date_range(latest)[1]
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
