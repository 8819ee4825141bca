"""Which links between authors bear on a thesis.

A link between two authors' claims **bears on** a thesis when both its claims argue on it: each
takes a side itself, or supports, within its author's argument, claims that do (``sides``). The
links are sorted by the kinds of ``clashes``: clashes of reading, changed with events and links
to a reported view, each in that module's ranked order, and **agreements**, the supports links
between two authors' own claims (as the agreement matrix counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def own_agreements(graph: Graph) -> list[Edge]:
    """Supports links between two authors' own claims (neither a reported view), in edge order."""
    return [(a, b) for a, b, data in graph.edges(data=True)
            if data["relation"] == SUPPORTS and data["scope"] == BETWEEN
            and not is_reported(graph, a) and not is_reported(graph, b)]


def thesis_links(graph: Graph, thesis: str, sides: dict[str, str], kinds: dict[str, list[Clash]],
                 agreements: list[Edge] | None = None) -> ThesisLinks:
    """The links that bear on ``thesis``; ``sides`` is ``Analysis.sides(thesis)``, ``kinds`` ``Analysis.clash_kinds``,
    ``agreements`` ``own_agreements(graph)`` when the caller has it already (one pass serves every thesis)."""

    def bears(clashes: list[Clash]) -> tuple[Clash, ...]:
        return tuple(c for c in clashes if c.earlier in sides and c.later in sides)

    pool = own_agreements(graph) if agreements is None else agreements
    bearing = tuple((a, b) for a, b in pool if a in sides and b in sides)
    return ThesisLinks(thesis, bears(kinds[READING]), bears(kinds[EVENTS]), bears(kinds[REPORTED]), bearing)


def all_thesis_links(sides: dict[str, dict[str, str]], kinds: dict[str, list[Clash]],
                     agreements: list[Edge]) -> dict[str, ThesisLinks]:
    """Thesis -> ``thesis_links`` for every thesis in ``sides`` (``Analysis``'s sides of every thesis),
    in one pass over the links: each link goes to the theses both its claims argue on."""
    bears: dict[str, list[str]] = {}
    for thesis, argued in sides.items():
        for claim in argued:
            bears.setdefault(claim, []).append(thesis)

    def common(a: str, b: str) -> list[str]:
        other = bears.get(b, ())
        return [t for t in bears.get(a, ()) if t in other]

    found: dict[str, list[list[Any]]] = {thesis: [[], [], [], []] for thesis in sides}
    for slot, kind in enumerate((READING, EVENTS, REPORTED)):
        for clash in kinds[kind]:
            for thesis in common(clash.earlier, clash.later):
                found[thesis][slot].append(clash)
    for a, b in agreements:
        for thesis in common(a, b):
            found[thesis][3].append((a, b))
    return {thesis: ThesisLinks(thesis, *(tuple(part) for part in parts)) for thesis, parts in found.items()}
