"""Where three or more authors agree.

**Common ground.** Claims joined by ``supports`` edges between different authors form groups
(connected components, direction ignored); a group whose claims come from three or more
authors is common ground. Reported views are left out: the author does not hold them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.graph import BETWEEN, CONTRADICTS, Graph, SUPPORTS, edge_between, graph_order, is_reported


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
    joined = nx.Graph(links)
    components = list(nx.connected_components(joined))
    component_of = {claim: index for index, component in enumerate(components) for claim in component}
    links_of: dict[int, list[tuple[str, str]]] = {}
    for link in links:  # each group's links in one pass, in the order of ``links``
        links_of.setdefault(component_of[link[0]], []).append(link)
    groups = []
    for index, component in enumerate(components):
        claims = tuple(sorted(component, key=order.__getitem__))
        who = {graph.nodes[c]["author"] for c in claims}
        if len(who) < min_authors:
            continue
        contested = {
            other
            for c in claims
            for other in nx.all_neighbors(graph, c)
            if other not in component and (edge_between(graph, c, other) or {}).get("relation") == CONTRADICTS
        }
        groups.append(
            CommonGround(
                claims,
                tuple(sorted((a for a in who if a in rank), key=rank.__getitem__)),
                tuple(links_of.get(index, ())),
                tuple(sorted(contested, key=order.__getitem__)),
            )
        )
    return sorted(groups, key=lambda g: (-len(g.authors), -len(g.claims), order[g.claims[0]]))
