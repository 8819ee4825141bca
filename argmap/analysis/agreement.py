"""How far each pair of authors agrees, and what exactly two authors agree and clash on.

The method is data (``AGREEMENT_METHOD``) so every page and the terminal state it in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass


from argmap.analysis.clashes import Clash
from argmap.analysis.stances import CON, PRO, SILENT, StanceCell, thesis_ids
from argmap.graph import CONTRADICTS, SUPERSEDED, SUPPORTS, Graph, is_reported

AGREEMENT_METHOD: tuple[str, ...] = (
    "Agreement of two authors = (agreements - disagreements) / (agreements + disagreements),"
    " from -1 (they only clash) to +1 (they only agree); no score when neither occurs.",
    "Agreements: supports links between their claims, and theses on which both take the same side.",
    "Disagreements: contradicts links between their claims, and theses on which they take opposite sides.",
    "Each link and each thesis counts once. A mixed stance (both sides) counts neither way, and"
    " views an author only reports are left out: they are not the author's own.",
)

Edge = tuple[str, str]


@dataclass(frozen=True)
class PairAgreement:
    """The evidence for one pair of authors, ``a`` the earlier in time order."""

    a: str
    b: str
    supports: tuple[Edge, ...]  # (from, to) edges between their own claims
    contradicts: tuple[Edge, ...]
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


def pair_edges(graph: Graph) -> dict[tuple[frozenset[str], str], list[Edge]]:
    """({author, author}, relation) -> the edges between those two authors' own claims, in edge order.

    One pass over the edges serves every pair; links that touch a reported view are left out.
    """
    found: dict[tuple[frozenset[str], str], list[Edge]] = {}
    for x, y, data in graph.edges(data=True):
        a, b = graph.nodes[x]["author"], graph.nodes[y]["author"]
        if a == b or data["relation"] not in (SUPPORTS, CONTRADICTS) or is_reported(graph, x) or is_reported(graph, y):
            continue
        found.setdefault((frozenset((a, b)), data["relation"]), []).append((x, y))
    return found


def agreement_matrix(graph: Graph, cells: dict[tuple[str, str], StanceCell]) -> dict[tuple[str, str], PairAgreement]:
    """(a, b) -> their agreement, for every ordered pair of different authors (symmetric)."""
    edges = pair_edges(graph)
    authors: list[str] = graph.graph["authors"]
    theses = thesis_ids(graph)
    # Thesis by thesis, only the pairs of authors who both take a side on it (in thesis order).
    same: dict[tuple[str, str], list[str]] = {}
    opposite: dict[tuple[str, str], list[str]] = {}
    for thesis in theses:
        sided = [(a, cells[thesis, a].stance) for a in authors if cells[thesis, a].stance in (PRO, CON)]
        for i, (a, sa) in enumerate(sided):
            for b, sb in sided[i + 1 :]:
                (same if sa == sb else opposite).setdefault((a, b), []).append(thesis)
    matrix: dict[tuple[str, str], PairAgreement] = {}
    for i, a in enumerate(authors):
        for b in authors[i + 1 :]:
            pair = frozenset((a, b))
            matrix[a, b] = matrix[b, a] = PairAgreement(
                a, b, tuple(edges.get((pair, SUPPORTS), ())), tuple(edges.get((pair, CONTRADICTS), ())),
                tuple(same.get((a, b), ())), tuple(opposite.get((a, b), ())))
    return matrix


@dataclass(frozen=True)
class Comparison:
    """What ``argmap compare A B`` reports: agreement, clashes and what only one addresses."""

    a: str
    b: str
    agreement: PairAgreement
    clashes: tuple[Clash, ...]  # contradicts edges between their own claims, sharpest first
    changed: tuple[Clash, ...]  # superseded links between their own claims (each held in its own period)
    reported_links: tuple[Edge, ...]  # edges between the two that touch a reported view
    partly: tuple[str, ...]  # theses both address, at least one of them mixed
    only_a: tuple[str, ...]  # theses only ``a`` takes a side on
    only_b: tuple[str, ...]
    cells: dict[tuple[str, str], StanceCell]


def compare(graph: Graph, first: str, second: str, cells: dict[tuple[str, str], StanceCell],
            matrix: dict[tuple[str, str], PairAgreement], clashes: list[Clash], changed: list[Clash]) -> Comparison:
    """Compare two different authors in the order given (``first`` is reported first)."""
    agreement = matrix[first, second]
    pair = {first, second}

    def theirs(links: list[Clash]) -> tuple[Clash, ...]:
        return tuple(c for c in links if {graph.nodes[c.earlier]["author"], graph.nodes[c.later]["author"]} == pair
                     and not any(is_reported(graph, x) for x in c.claims))

    between = theirs(clashes)
    overtaken = theirs([c for c in changed if c.relation == SUPERSEDED])
    reported = tuple(
        (x, y) for x, y in graph.edges
        if {graph.nodes[x]["author"], graph.nodes[y]["author"]} == pair
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
    return Comparison(first, second, agreement, between, overtaken, reported, tuple(partly), tuple(only_a), tuple(only_b),
                      cells)
