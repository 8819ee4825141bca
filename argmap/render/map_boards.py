"""The thesis view's debate boards, as data: per thesis, which claims stand in which column.

A board holds every claim that takes a side on the thesis itself (asserted ones in the pro and
con columns, views an author only reports in a strip apart), and every reason of theirs that is
on a link between authors bearing on the thesis (``Analysis.thesis_links``), so that each clash
and agreement the overview counts has both its cards on the board. A reason stands in the column
of the side it argues (``Analysis.sides``), ``both`` when it supports claims on both sides, and
says which of its author's claims it is a reason for. Cards come in the time order of their texts,
then the order of each file; ``time_order`` places the turning points between the texts. Each
board also carries every author's stance cell, so that the board of one cell shows exactly the
claims behind it.
"""

from __future__ import annotations

from typing import Any

from argmap.analysis import Analysis
from argmap.graph import is_reported, within_author_supports

COLUMNS = {"pro": "pro", "con": "con", "mixed": "both"}


def thesis_boards(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """Thesis id -> its board: the cards of each column, the reasons' conclusions and the links."""
    graph = analysis.graph
    sub = within_author_supports(graph)
    boards: dict[str, dict[str, Any]] = {}
    for thesis in analysis.thesis_ids:
        sides = analysis.sides(thesis)
        links = analysis.thesis_links(thesis)
        linked = set(links.claims)
        board: dict[str, Any] = {"pro": [], "con": [], "both": [], "reported": [], "reason_for": {}}
        for claim, data in graph.nodes(data=True):
            own = thesis in data["theses"]
            if not own and claim not in linked:
                continue
            if is_reported(graph, claim):
                board["reported"].append(claim)
            else:
                board[COLUMNS[sides[claim]]].append(claim)
            if not own:
                board["reason_for"][claim] = _nearest_stances(analysis, sub, claim, thesis)
        board["clashes"] = [list(c.claims) for c in links.clashes]
        board["changed"] = [list(c.claims) for c in links.changed]
        board["reported_links"] = [list(c.claims) for c in links.reported]
        board["agreements"] = [list(edge) for edge in links.agreements]
        # Each author's stance cell: the thesis view of one cell shows exactly these claims.
        cells = [analysis.stances[thesis, author] for author in analysis.authors]
        board["cells"] = [{"stance": c.stance, "summary": c.summary, "claims": list(c.claims), "reported": list(c.reported)}
                          for c in cells]
        boards[thesis] = board
    return boards


def _nearest_stances(analysis: Analysis, sub: Any, claim: str, thesis: str) -> list[str]:
    """The author's own claims on ``thesis`` that ``claim`` is a reason for, directly or through
    reasons that take no side themselves (the nearest ones along each chain), in graph order."""
    graph = analysis.graph
    found: set[str] = set()
    seen = {claim}
    frontier = [claim]
    while frontier:
        step = []
        for node in frontier:
            for target in sub.successors(node):
                if target in seen:
                    continue
                seen.add(target)
                if thesis in graph.nodes[target]["theses"] and not is_reported(graph, target):
                    found.add(target)
                else:
                    step.append(target)
        frontier = step
    return sorted(found, key=analysis.order.__getitem__)


def time_order(analysis: Analysis) -> list[list[Any]]:
    """Sources (by index) and turning points (by id) in time order: ``[["source", 0], ["event", "x"], ...]``."""
    index = {s["id"]: i for i, s in enumerate(analysis.graph.graph["sources"])}
    return [["source", index[e.id]] if e.kind == "source" else ["event", e.id] for e in analysis.timeline]
