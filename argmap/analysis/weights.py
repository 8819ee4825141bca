"""Which claims carry each author's argument.

**Weight.** A claim's weight is 1 plus the number of its author's own claims that support it,
directly or through a chain of ``supports`` (within-author links only, so agreement from other
authors cannot inflate it): the size of the argument built up to the claim. A bare claim weighs
1; a conclusion resting on five reasons, two of which rest on a fact each, weighs 8. The count
is transparent and checkable by hand, unlike PageRank, and a chain counts once however it
branches.

**Core.** An author's core claims are their own (asserted, not reported) claims of highest
weight: the conclusions most of their argument is built to carry. Ties go to a claim that takes
a side on a thesis, then to the order of the text.
"""

from __future__ import annotations

import networkx as nx

from argmap.graph import Graph, graph_order, is_reported, within_author_supports


def claim_weights(graph: Graph) -> dict[str, int]:
    """Claim -> 1 + the number of its author's claims that support it, directly or in a chain."""
    sub = within_author_supports(graph)
    return {claim: 1 + len(nx.ancestors(sub, claim)) for claim in graph}


def core_claims(graph: Graph, author: str, weights: dict[str, int], limit: int = 3) -> list[tuple[str, int]]:
    """The author's ``limit`` own claims of highest weight, as (claim, weight)."""
    order = graph_order(graph)
    own = [c for c, d in graph.nodes(data=True) if d["author"] == author and not is_reported(graph, c)]
    own.sort(key=lambda c: (-weights[c], not graph.nodes[c]["theses"], order[c]))
    return [(c, weights[c]) for c in own[:limit]]
