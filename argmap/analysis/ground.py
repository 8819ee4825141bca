"""Where three or more authors agree.

**Common ground.** A claim and the claims of other authors that a ``supports`` link joins to it
directly (either way round), when they span three or more authors. Chains are not followed:
that A's claim backs B's and B's backs C's does not put A and C on common ground, and a
group's first claim (its hub) is what each other claim in it was linked to by the curator.
Groups do not overlap: the widest (most authors, then most claims, then earliest hub) is
taken first, and its claims leave the pool. Reported views are left out: the author does not
hold them.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import networkx as nx

from argmap.graph import BETWEEN, CONTRADICTS, Graph, SUPPORTS, edge_between, graph_order, is_reported


@dataclass(frozen=True)
class CommonGround:
    hub: str  # the claim every other claim of the group is linked to
    claims: tuple[str, ...]  # graph order: texts in time order
    authors: tuple[str, ...]  # time order
    links: tuple[tuple[str, str], ...]  # the supports edges that join them to the hub (from, to)
    contested_by: tuple[str, ...]  # claims outside the group that contradict one of its claims


def common_ground(graph: Graph, min_authors: int = 3) -> list[CommonGround]:
    """Groups of claims that ``min_authors`` or more authors support (widest first)."""
    order = graph_order(graph)
    rank = {author: i for i, author in enumerate(graph.graph["authors"])}
    links = sorted(
        ((a, b) for a, b, d in graph.edges(data=True)
         if d["relation"] == SUPPORTS and d["scope"] == BETWEEN
         and not is_reported(graph, a) and not is_reported(graph, b)),
        key=lambda e: (order[e[0]], order[e[1]]),
    )
    linked: dict[str, list[tuple[str, tuple[str, str]]]] = {}
    for link in links:
        a, b = link
        linked.setdefault(a, []).append((b, link))
        linked.setdefault(b, []).append((a, link))
    author = {claim: graph.nodes[claim]["author"] for claim in linked}
    used: set[str] = set()

    def key(hub: str) -> tuple[int, int, int]:
        members = {hub, *(other for other, _ in linked[hub] if other not in used)}
        return (-len({author[c] for c in members}), -len(members), order[hub])

    # Greedy, widest first, with lazy re-scoring: a hub's group only shrinks as claims are taken,
    # so a popped hub whose key still holds is the widest left (near-linear in the links).
    heap = [key(hub) for hub in linked]
    hubs = {order[hub]: hub for hub in linked}
    heapq.heapify(heap)
    groups = []
    while heap:
        popped = heapq.heappop(heap)
        hub = hubs[popped[2]]
        if hub in used:
            continue
        now = key(hub)
        if -now[0] < min_authors:
            continue  # it can only shrink further
        if now != popped:
            heapq.heappush(heap, now)
            continue
        joined = [(other, link) for other, link in linked[hub] if other not in used]
        claims = tuple(sorted({hub, *(other for other, _ in joined)}, key=order.__getitem__))
        used.update(claims)
        who = {author[c] for c in claims}
        in_group = set(claims)
        contested = {
            other
            for c in claims
            for other in nx.all_neighbors(graph, c)
            if other not in in_group and (edge_between(graph, c, other) or {}).get("relation") == CONTRADICTS
        }
        groups.append(CommonGround(
            hub,
            claims,
            tuple(sorted((a for a in who if a in rank), key=rank.__getitem__)),
            tuple(link for _, link in joined),
            tuple(sorted(contested, key=order.__getitem__)),
        ))
    return sorted(groups, key=lambda g: (-len(g.authors), -len(g.claims), order[g.claims[0]]))
