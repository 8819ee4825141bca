"""Which claims carry each argument, which clashes matter most, and where three or more agree.

**Weight.** A claim's weight is 1 plus the number of its author's own claims that support it,
directly or through a chain of ``supports`` (within-author links only, so agreement from other
authors cannot inflate it): the size of the argument built up to the claim. A bare claim weighs
1; a conclusion resting on five reasons, two of which rest on a fact each, weighs 8. The count
is transparent and checkable by hand, unlike PageRank, and a chain counts once however it
branches.

**Core.** An author's core claims are their own (asserted, not reported) claims of highest
weight: the conclusions most of their argument is built to carry. Ties go to a claim that takes
a side on a thesis, then to the order of the text.

**Sharpest clashes.** A ``contradicts`` edge's sharpness is the sum of its two claims' weights:
a clash between two authors' main conclusions outranks one between two passing remarks. Ties go
to the clash whose lighter claim is heavier, then to the earlier texts.

**Common ground.** Claims joined by ``supports`` edges between different authors form groups
(connected components, direction ignored); a group whose claims come from three or more
authors is common ground. Reported views are left out: the author does not hold them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.timeline import ClashTiming, clash_timing, source_rank


def is_reported(graph: nx.DiGraph, claim: str) -> bool:
    return bool(graph.nodes[claim]["voice"] == "reports")


def within_author_supports(graph: nx.DiGraph) -> nx.DiGraph:
    """Every claim, with only the supports edges that stay inside one author's argument."""
    sub = nx.DiGraph()
    sub.add_nodes_from(graph)
    sub.add_edges_from(
        (a, b) for a, b, d in graph.edges(data=True) if d["relation"] == "supports" and d["scope"] == "author"
    )
    return sub


def claim_weights(graph: nx.DiGraph) -> dict[str, int]:
    """Claim -> 1 + the number of its author's claims that support it, directly or in a chain."""
    sub = within_author_supports(graph)
    return {claim: 1 + len(nx.ancestors(sub, claim)) for claim in graph}


def graph_order(graph: nx.DiGraph) -> dict[str, int]:
    """Claim -> its place in the graph (sources in time order, then the order of each file)."""
    return {claim: i for i, claim in enumerate(graph)}


def core_claims(graph: nx.DiGraph, author: str, limit: int = 3, weights: dict[str, int] | None = None) -> list[tuple[str, int]]:
    """The author's ``limit`` own claims of highest weight, as (claim, weight)."""
    weights = weights or claim_weights(graph)
    order = graph_order(graph)
    own = [c for c, d in graph.nodes(data=True) if d["author"] == author and d["voice"] != "reports"]
    own.sort(key=lambda c: (-weights[c], not graph.nodes[c]["theses"], order[c]))
    return [(c, weights[c]) for c in own[:limit]]


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


def sharpest_clashes(graph: nx.DiGraph, weights: dict[str, int] | None = None) -> list[Clash]:
    """Every contradicts edge, sharpest first (see the module notes for the ranking)."""
    weights = weights or claim_weights(graph)
    rank = source_rank(graph)
    order = graph_order(graph)
    clashes = []
    for a, b, data in graph.edges(data=True):
        if data["relation"] != "contradicts":
            continue
        timing = clash_timing(graph, a, b)
        pair = (weights[timing.earlier], weights[timing.later])
        clashes.append(Clash(timing.earlier, timing.later, data["rationale"], pair, timing))

    def key(c: Clash) -> tuple[int, int, int, int, int, int]:
        sources = (rank[graph.nodes[c.earlier]["source"]], rank[graph.nodes[c.later]["source"]])
        return (-c.sharpness, -min(c.weights), *sources, order[c.earlier], order[c.later])

    return sorted(clashes, key=key)


@dataclass(frozen=True)
class CommonGround:
    claims: tuple[str, ...]  # graph order: texts in time order
    authors: tuple[str, ...]  # time order
    links: tuple[tuple[str, str], ...]  # the supports edges that join them (from, to)
    contested_by: tuple[str, ...]  # claims outside the group that contradict one of its claims

    @property
    def hub(self) -> str:
        """The claim most others in the group link to (ties: earliest)."""
        degree = {c: 0 for c in self.claims}
        for a, b in self.links:
            degree[a] += 1
            degree[b] += 1
        return max(self.claims, key=lambda c: (degree[c], -self.claims.index(c)))


def common_ground(graph: nx.DiGraph, min_authors: int = 3) -> list[CommonGround]:
    """Groups of claims that ``min_authors`` or more authors support (widest first)."""
    order = graph_order(graph)
    authors: list[str] = graph.graph["authors"]
    links = sorted(
        ((a, b) for a, b, d in graph.edges(data=True)
         if d["relation"] == "supports" and d["scope"] == "between"
         and not is_reported(graph, a) and not is_reported(graph, b)),
        key=lambda e: (order[e[0]], order[e[1]]),
    )
    joined = nx.Graph(links)
    groups = []
    for component in nx.connected_components(joined):
        claims = tuple(sorted(component, key=order.__getitem__))
        who = {graph.nodes[c]["author"] for c in claims}
        if len(who) < min_authors:
            continue
        contested = {
            other
            for c in claims
            for other in nx.all_neighbors(graph, c)
            if other not in component and _contradicts(graph, c, other)
        }
        groups.append(
            CommonGround(
                claims,
                tuple(a for a in authors if a in who),
                tuple(e for e in links if e[0] in component),
                tuple(sorted(contested, key=order.__getitem__)),
            )
        )
    return sorted(groups, key=lambda g: (-len(g.authors), -len(g.claims), order[g.claims[0]]))


def _contradicts(graph: nx.DiGraph, a: str, b: str) -> bool:
    edge = graph.edges[a, b] if graph.has_edge(a, b) else graph.edges[b, a] if graph.has_edge(b, a) else None
    return edge is not None and edge["relation"] == "contradicts"
