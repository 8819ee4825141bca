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

from argmap.graph import Graph, graph_order, within_author_supports


def claim_weights(graph: Graph, sub: Graph | None = None) -> dict[str, int]:
    """Claim -> 1 + the number of its author's claims that support it, directly or in a chain.

    ``sub`` is ``within_author_supports(graph)`` when the caller has it already.
    """
    sub = within_author_supports(graph) if sub is None else sub
    preds = {node: list(sub.predecessors(node)) for node in sub}
    weights: dict[str, int] = {}
    for claim in graph:
        # A plain search over the reasons (nx.ancestors, without its per-call overhead).
        seen = {claim}
        stack = [claim]
        while stack:
            for reason in preds[stack.pop()]:
                if reason not in seen:
                    seen.add(reason)
                    stack.append(reason)
        weights[claim] = len(seen)
    return weights


def core_ranking(graph: Graph, weights: dict[str, int]) -> dict[str, list[str]]:
    """Author -> every own claim of theirs, heaviest first (ties: a side taken on a thesis, then text order)."""
    order = graph_order(graph)
    own: dict[str, list[str]] = {}
    for claim, data in graph.nodes(data=True):
        if data["voice"] != "reports":
            own.setdefault(data["author"], []).append(claim)
    for claims in own.values():
        claims.sort(key=lambda c: (-weights[c], not graph.nodes[c]["theses"], order[c]))
    return own


def core_claims(graph: Graph, author: str, weights: dict[str, int], limit: int = 3) -> list[tuple[str, int]]:
    """The author's ``limit`` own claims of highest weight, as (claim, weight)."""
    return [(c, weights[c]) for c in core_ranking(graph, weights).get(author, [])[:limit]]
