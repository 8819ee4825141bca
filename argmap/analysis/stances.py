"""Where each author stands on each thesis, derived from their own claims only.

A cell is ``pro`` or ``con`` when the author's asserted claims on the thesis all take that side,
``mixed`` when they take both, ``silent`` when none bears on it. Claims in which the author only
reports someone else's view never count towards the author's stance; they are kept apart so a
reader can still see them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.graph import Graph, within_author_supports

PRO, CON, MIXED, SILENT = "pro", "con", "mixed", "silent"
REPORTS = "reports"  # a claim's voice when the author only reports the view


@dataclass(frozen=True)
class StanceCell:
    thesis: str
    author: str
    stance: str
    pro: tuple[str, ...]
    con: tuple[str, ...]
    reported: tuple[str, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        """The claims that put the cell where it is (the author's own)."""
        return self.pro + self.con

    @property
    def summary(self) -> str:
        """The cell in a table: 'pro 2', 'con 1', 'mixed 1/2' (pro/con counts) or '·' when silent."""
        if self.stance == SILENT:
            return "\u00b7"
        if self.stance == MIXED:
            return f"mixed {len(self.pro)}/{len(self.con)}"
        return f"{self.stance} {len(self.claims)}"


def thesis_ids(graph: Graph) -> list[str]:
    return [t["id"] for t in graph.graph["theses"]]


def _cell(thesis: str, author: str, pro: list[str], con: list[str], reported: list[str]) -> StanceCell:
    stance = MIXED if pro and con else PRO if pro else CON if con else SILENT
    return StanceCell(thesis, author, stance, tuple(pro), tuple(con), tuple(reported))


def _add(lists: tuple[list[str], list[str], list[str]], node: str, side: str, reported: bool) -> None:
    (lists[2] if reported else lists[0] if side == PRO else lists[1]).append(node)


def stance_cell(graph: Graph, thesis: str, author: str) -> StanceCell:
    lists: tuple[list[str], list[str], list[str]] = ([], [], [])
    for node, data in graph.nodes(data=True):
        if data["author"] == author and thesis in data["theses"]:
            _add(lists, node, data["theses"][thesis], data["voice"] == REPORTS)
    return _cell(thesis, author, *lists)


def stance_matrix(graph: Graph) -> dict[tuple[str, str], StanceCell]:
    """Every (thesis, author) cell, theses in corpus order and authors in time order.

    One pass over the claims fills every cell (claims in graph order within each).
    """
    keys = [(thesis, author) for thesis in thesis_ids(graph) for author in graph.graph["authors"]]
    lists: dict[tuple[str, str], tuple[list[str], list[str], list[str]]] = {key: ([], [], []) for key in keys}
    for node, data in graph.nodes(data=True):
        author, reported = data["author"], data["voice"] == REPORTS
        for thesis, side in data["theses"].items():
            cell = lists.get((thesis, author))
            if cell is not None:
                _add(cell, node, side, reported)
    return {key: _cell(*key, *lists[key]) for key in keys}


def all_thesis_sides(graph: Graph, sub: Graph | None = None) -> dict[str, dict[str, str]]:
    """Thesis -> ``thesis_sides`` for every thesis any claim takes a side on, in one pass.

    Each claim gets the set of (thesis, side) its own claims down the supports chains take, as
    bits of one integer: a claim's set is its own stances (unless it only reports them) together
    with the sets of the claims it supports, computed once per claim, conclusions first (through
    strongly connected groups, should links between one author's claims form a cycle).
    """
    sub = within_author_supports(graph) if sub is None else sub
    bit_of: dict[tuple[str, str], int] = {}
    own: dict[str, int] = {}
    for node, data in graph.nodes(data=True):
        mask = 0
        if data["voice"] != REPORTS:
            for pair in data["theses"].items():
                mask |= 1 << bit_of.setdefault(pair, len(bit_of))
        own[node] = mask
    reach = _reach(sub, own)
    pairs = list(bit_of)
    sides: dict[str, dict[str, str]] = {}
    for node, data in graph.nodes(data=True):
        mine = data["theses"]
        found: dict[str, list[str]] = {}
        mask = reach[node]
        while mask:  # each set bit, lowest first
            low = mask & -mask
            thesis, side = pairs[low.bit_length() - 1]
            if thesis not in mine:
                found.setdefault(thesis, []).append(side)
            mask ^= low
        for thesis in dict.fromkeys([*mine, *sorted(found)]):
            if thesis in mine:
                sides.setdefault(thesis, {})[node] = mine[thesis]
            else:
                values = found[thesis]
                sides.setdefault(thesis, {})[node] = values[0] if len(values) == 1 else MIXED
    return sides


def _reach(sub: Graph, own: dict[str, int]) -> dict[str, int]:
    """Node -> the OR of ``own`` over every node it reaches in ``sub``, itself included."""
    reach: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(sub):
        for node in reversed(list(nx.topological_sort(sub))):
            mask = own[node]
            for succ in sub.successors(node):
                mask |= reach[succ]
            reach[node] = mask
        return reach
    dag = nx.condensation(sub)
    group: dict[int, int] = {}
    for scc in reversed(list(nx.topological_sort(dag))):
        members: set[str] = dag.nodes[scc]["members"]
        mask = 0
        for member in members:
            mask |= own[member]
        for later in dag.successors(scc):
            mask |= group[later]
        group[scc] = mask
        for member in members:
            reach[member] = mask
    return reach


def thesis_sides(graph: Graph, thesis: str) -> dict[str, str]:
    """Claim -> the side (pro, con or mixed) it argues on ``thesis``, for every claim that bears on it.

    A claim bears on a thesis when it takes a side itself, or when it supports, directly or in
    a chain within its author's argument, the author's own claims that do; it then argues their
    side (``mixed`` when they disagree). A claim's own stance always wins over a derived one.
    """
    return all_thesis_sides(graph).get(thesis, {})
