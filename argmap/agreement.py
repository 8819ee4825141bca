"""How far each pair of authors agrees, and what exactly two authors agree and clash on.

The method is data (``METHOD``) so every page and the terminal state it in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.ranking import Clash, is_reported, sharpest_clashes
from argmap.stances import CON, PRO, SILENT, StanceCell, stance_matrix, thesis_ids

METHOD: tuple[str, ...] = (
    "Agreement of two authors = (agreements - disagreements) / (agreements + disagreements),"
    " from -1 (they only clash) to +1 (they only agree); no score when neither occurs.",
    "Agreements: supports links between their claims, and theses on which both take the same side.",
    "Disagreements: contradicts links between their claims, and theses on which they take opposite sides.",
    "Each link and each thesis counts once. A mixed stance (both sides) counts neither way, and"
    " views an author only reports are left out: they are not the author's own.",
)


@dataclass(frozen=True)
class PairAgreement:
    """The evidence for one pair of authors, ``a`` the earlier in time order."""

    a: str
    b: str
    supports: tuple[tuple[str, str], ...]  # (from, to) edges between their own claims
    contradicts: tuple[tuple[str, str], ...]
    same_side: tuple[str, ...]  # thesis ids
    opposite_sides: tuple[str, ...]

    @property
    def agreements(self) -> int:
        return len(self.supports) + len(self.same_side)

    @property
    def disagreements(self) -> int:
        return len(self.contradicts) + len(self.opposite_sides)

    @property
    def score(self) -> float | None:
        total = self.agreements + self.disagreements
        return (self.agreements - self.disagreements) / total if total else None

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim on a link between the two (to focus a map on them)."""
        return tuple(dict.fromkeys(c for edge in self.supports + self.contradicts for c in edge))


def format_score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:+.2f}".replace("+0.00", "0.00")


def _pair_edges(graph: nx.DiGraph, a: str, b: str, relation: str) -> tuple[tuple[str, str], ...]:
    edges = []
    for x, y, data in graph.edges(data=True):
        if data["relation"] != relation or is_reported(graph, x) or is_reported(graph, y):
            continue
        if {graph.nodes[x]["author"], graph.nodes[y]["author"]} == {a, b} and a != b:
            edges.append((x, y))
    return tuple(edges)


def pair_agreement(
    graph: nx.DiGraph, a: str, b: str, cells: dict[tuple[str, str], StanceCell] | None = None
) -> PairAgreement:
    authors: list[str] = graph.graph["authors"]
    a, b = sorted((a, b), key=authors.index)
    cells = cells or stance_matrix(graph)
    same: list[str] = []
    opposite: list[str] = []
    for thesis in thesis_ids(graph):
        sa, sb = cells[thesis, a].stance, cells[thesis, b].stance
        if sa in (PRO, CON) and sb in (PRO, CON):
            (same if sa == sb else opposite).append(thesis)
    return PairAgreement(
        a, b, _pair_edges(graph, a, b, "supports"), _pair_edges(graph, a, b, "contradicts"), tuple(same), tuple(opposite)
    )


def agreement_matrix(graph: nx.DiGraph) -> dict[tuple[str, str], PairAgreement]:
    """(a, b) -> their agreement, for every ordered pair of different authors (symmetric)."""
    cells = stance_matrix(graph)
    authors: list[str] = graph.graph["authors"]
    matrix: dict[tuple[str, str], PairAgreement] = {}
    for i, a in enumerate(authors):
        for b in authors[i + 1 :]:
            matrix[a, b] = matrix[b, a] = pair_agreement(graph, a, b, cells)
    return matrix


@dataclass(frozen=True)
class Comparison:
    """What ``argmap compare A B`` reports: agreement, clashes and what only one addresses."""

    a: str
    b: str
    agreement: PairAgreement
    clashes: tuple[Clash, ...]  # contradicts edges between their own claims, sharpest first
    reported_links: tuple[tuple[str, str], ...]  # edges between the two that touch a reported view
    partly: tuple[str, ...]  # theses both address, at least one of them mixed
    only_a: tuple[str, ...]  # theses only ``a`` takes a side on
    only_b: tuple[str, ...]
    cells: dict[tuple[str, str], StanceCell]


def compare(graph: nx.DiGraph, first: str, second: str) -> Comparison:
    """Compare two authors in the order given (``first`` is reported first)."""
    cells = stance_matrix(graph)
    agreement = pair_agreement(graph, first, second, cells)
    pair = {first, second}
    clashes = tuple(
        c for c in sharpest_clashes(graph)
        if {graph.nodes[c.earlier]["author"], graph.nodes[c.later]["author"]} == pair
        and not any(is_reported(graph, x) for x in c.claims) and first != second
    )
    reported = tuple(
        (x, y) for x, y in graph.edges
        if {graph.nodes[x]["author"], graph.nodes[y]["author"]} == pair and first != second
        and (is_reported(graph, x) or is_reported(graph, y))
    )
    partly: list[str] = []
    only_a: list[str] = []
    only_b: list[str] = []
    for thesis in thesis_ids(graph):
        sa, sb = cells[thesis, first].stance, cells[thesis, second].stance
        if sa != SILENT and sb == SILENT:
            only_a.append(thesis)
        elif sb != SILENT and sa == SILENT:
            only_b.append(thesis)
        elif sa != SILENT and thesis not in agreement.same_side + agreement.opposite_sides:
            partly.append(thesis)
    return Comparison(first, second, agreement, clashes, reported, tuple(partly), tuple(only_a), tuple(only_b), cells)
