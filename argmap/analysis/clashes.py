"""Which clashes matter most.

**Sharpest clashes.** A ``contradicts`` edge's sharpness is the sum of its two claims' weights
(see ``weights``): a clash between two authors' main conclusions outranks one between two passing
remarks. Ties go to the clash whose lighter claim is heavier, then to the earlier texts.
"""

from __future__ import annotations

from dataclasses import dataclass


from argmap.analysis.timeline import ClashTiming, clash_timing
from argmap.graph import CONTRADICTS, Graph, graph_order, source_rank


@dataclass(frozen=True)
class Clash:
    """One contradicts edge, its two claims ordered by the date of their texts."""

    earlier: str
    later: str
    rationale: str
    weights: tuple[int, int]
    timing: ClashTiming

    @property
    def sharpness(self) -> int:
        return sum(self.weights)

    @property
    def claims(self) -> tuple[str, str]:
        return (self.earlier, self.later)


def sharpest_clashes(graph: Graph, weights: dict[str, int]) -> list[Clash]:
    """Every contradicts edge, sharpest first (see the module notes for the ranking)."""
    rank = source_rank(graph)
    order = graph_order(graph)
    clashes = []
    for a, b, data in graph.edges(data=True):
        if data["relation"] != CONTRADICTS:
            continue
        timing = clash_timing(graph, a, b)
        pair = (weights[timing.earlier], weights[timing.later])
        clashes.append(Clash(timing.earlier, timing.later, data["rationale"], pair, timing))

    def key(c: Clash) -> tuple[int, int, int, int, int, int]:
        sources = (rank[graph.nodes[c.earlier]["source"]], rank[graph.nodes[c.later]["source"]])
        return (-c.sharpness, -min(c.weights), *sources, order[c.earlier], order[c.later])

    return sorted(clashes, key=key)
