"""Which links between authors bear on a thesis.

A link between two authors' claims **bears on** a thesis when both its claims argue on it: each
takes a side itself, or supports, within its author's argument, claims that do (``sides``). The
links are sorted by the kinds of ``clashes``: clashes of reading, changed with events and links
to a reported view, each in that module's ranked order, and **agreements**, the supports links
between two authors' own claims (as the agreement matrix counts them).
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.clashes import EVENTS, READING, REPORTED, Clash
from argmap.graph import BETWEEN, SUPPORTS, Graph, is_reported

Edge = tuple[str, str]


@dataclass(frozen=True)
class ThesisLinks:
    """The links between authors whose two claims both argue on ``thesis``."""

    thesis: str
    clashes: tuple[Clash, ...]  # clashes of reading
    changed: tuple[Clash, ...]  # changed with events
    reported: tuple[Clash, ...]  # contradicts or superseded links to a view an author only reports
    agreements: tuple[Edge, ...]  # supports links (from, to) between two authors' own claims, in edge order

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim on one of these links, each once, in the order the links come."""
        pairs = [c.claims for c in self.clashes + self.changed + self.reported] + list(self.agreements)
        return tuple(dict.fromkeys(claim for pair in pairs for claim in pair))


def thesis_links(graph: Graph, thesis: str, sides: dict[str, str], kinds: dict[str, list[Clash]]) -> ThesisLinks:
    """The links that bear on ``thesis``; ``sides`` is ``Analysis.sides(thesis)``, ``kinds`` ``Analysis.clash_kinds``."""

    def bears(clashes: list[Clash]) -> tuple[Clash, ...]:
        return tuple(c for c in clashes if c.earlier in sides and c.later in sides)

    agreements = tuple(
        (a, b)
        for a, b, data in graph.edges(data=True)
        if data["relation"] == SUPPORTS and data["scope"] == BETWEEN and a in sides and b in sides
        and not is_reported(graph, a) and not is_reported(graph, b)
    )
    return ThesisLinks(thesis, bears(kinds[READING]), bears(kinds[EVENTS]), bears(kinds[REPORTED]), agreements)
