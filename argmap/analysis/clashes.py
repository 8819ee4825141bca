"""Which clashes matter most, and what kind of clash each is.

**Sharpness.** A clash's sharpness is the sum of its two claims' weights (see ``weights``): a
clash between two authors' main conclusions outranks one between two passing remarks. Ties go to
the clash whose lighter claim is heavier, then to the earlier texts.

**Kinds.** A link between two authors' claims is listed apart by what it is:

- a **clash of reading**: a ``contradicts`` link between two claims both authors assert, with no
  turning point named: the accounts read the same events differently;
- **changed with events**: a ``superseded`` link, or a ``contradicts`` link whose ``timing`` names
  the turning point it spans: one account was written before the events that the other reports;
- **with a reported view**: a link where one claim is a view its author only reports; it is never
  counted as that author's clash.

**Ranked lists** never show a claim twice among their top entries: clashes are taken sharpest
first, and one that repeats a claim already shown waits until every clash with two new claims
has been listed, so one hub claim cannot fill the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.timeline import ClashTiming, clash_timing
from argmap.graph import BETWEEN, CONTRADICTS, SUPERSEDED, Graph, edge_between, graph_order, is_reported, source_rank

READING, EVENTS, REPORTED = "reading", "events", "reported"

CLASH_METHOD: tuple[str, ...] = (
    "A clash's sharpness is the sum of its two claims' weights; a claim's weight is 1 plus the number"
    " of its author's claims that support it, directly or in a chain.",
    "Clashes of reading are contradicts links between claims both authors assert, with no turning point"
    " named. Changed with events are superseded links and contradicts links that the corpus dates to a"
    " turning point between the two texts. Links to a view an author only reports are listed apart and"
    " never counted as that author's.",
    "Sharpest first; a clash that repeats a claim already listed comes after every clash of two new claims.",
)


@dataclass(frozen=True)
class Clash:
    """One contradicts (or superseded) link, its two claims ordered by the date of their texts."""

    earlier: str
    later: str
    rationale: str
    weights: tuple[int, int]
    timing: ClashTiming
    relation: str = CONTRADICTS
    kind: str = READING

    @property
    def sharpness(self) -> int:
        return sum(self.weights)

    @property
    def claims(self) -> tuple[str, str]:
        return (self.earlier, self.later)

    @property
    def turning_point(self) -> str:
        """The event the corpus dates this link to (its ``timing``), or ""."""
        return self.timing.curated


def _kind(graph: Graph, a: str, b: str, relation: str, timing: str) -> str:
    if is_reported(graph, a) or is_reported(graph, b):
        return REPORTED
    return EVENTS if relation == SUPERSEDED or timing else READING


def _ranked(graph: Graph, weights: dict[str, int], relations: tuple[str, ...]) -> list[Clash]:
    rank = source_rank(graph)
    order = graph_order(graph)
    clashes = []
    for a, b, data in graph.edges(data=True):
        if data["relation"] not in relations:
            continue
        timing = clash_timing(graph, a, b)
        pair = (weights[timing.earlier], weights[timing.later])
        kind = _kind(graph, a, b, data["relation"], data["timing"])
        clashes.append(Clash(timing.earlier, timing.later, data["rationale"], pair, timing, data["relation"], kind))

    def key(c: Clash) -> tuple[int, int, int, int, int, int]:
        sources = (rank[graph.nodes[c.earlier]["source"]], rank[graph.nodes[c.later]["source"]])
        return (-c.sharpness, -min(c.weights), *sources, order[c.earlier], order[c.later])

    return sorted(clashes, key=key)


def sharpest_clashes(graph: Graph, weights: dict[str, int]) -> list[Clash]:
    """Every contradicts link, sharpest first (see the module notes for the ranking)."""
    return _ranked(graph, weights, (CONTRADICTS,))


def without_repeats(clashes: list[Clash]) -> list[Clash]:
    """The same clashes, each claim shown once among the top entries (sharpest first)."""
    seen: set[str] = set()
    first: list[Clash] = []
    later: list[Clash] = []
    for clash in clashes:
        if seen.isdisjoint(clash.claims):
            first.append(clash)
            seen.update(clash.claims)
        else:
            later.append(clash)
    return first + later


def clashes_by_kind(graph: Graph, weights: dict[str, int]) -> dict[str, list[Clash]]:
    """READING, EVENTS and REPORTED -> the links between authors of that kind, ranked without repeats."""
    found: dict[str, list[Clash]] = {READING: [], EVENTS: [], REPORTED: []}
    for clash in _ranked(graph, weights, (CONTRADICTS, SUPERSEDED)):
        if (edge_between(graph, *clash.claims) or {}).get("scope") == BETWEEN:
            found[clash.kind].append(clash)
    return {kind: without_repeats(found[kind]) for kind in found}
