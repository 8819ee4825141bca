"""Where each author stands on each thesis, derived from their own claims only.

A cell is ``pro`` or ``con`` when the author's asserted claims on the thesis all take that side,
``mixed`` when they take both, ``silent`` when none bears on it. Claims in which the author only
reports someone else's view never count towards the author's stance; they are kept apart so a
reader can still see them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.graph import Graph, is_reported, within_author_supports

PRO, CON, MIXED, SILENT = "pro", "con", "mixed", "silent"


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


def stance_cell(graph: Graph, thesis: str, author: str) -> StanceCell:
    pro: list[str] = []
    con: list[str] = []
    reported: list[str] = []
    for node, data in graph.nodes(data=True):
        if data["author"] != author or thesis not in data["theses"]:
            continue
        if is_reported(graph, node):
            reported.append(node)
        elif data["theses"][thesis] == PRO:
            pro.append(node)
        else:
            con.append(node)
    stance = MIXED if pro and con else PRO if pro else CON if con else SILENT
    return StanceCell(thesis, author, stance, tuple(pro), tuple(con), tuple(reported))


def stance_matrix(graph: Graph) -> dict[tuple[str, str], StanceCell]:
    """Every (thesis, author) cell, theses in corpus order and authors in time order."""
    return {
        (thesis, author): stance_cell(graph, thesis, author)
        for thesis in thesis_ids(graph)
        for author in graph.graph["authors"]
    }


def thesis_sides(graph: Graph, thesis: str) -> dict[str, str]:
    """Claim -> the side (pro, con or mixed) it argues on ``thesis``, for every claim that bears on it.

    A claim bears on a thesis when it takes a side itself, or when it supports, directly or in
    a chain within its author's argument, the author's own claims that do; it then argues their
    side (``mixed`` when they disagree). A claim's own stance always wins over a derived one.
    """
    sub = within_author_supports(graph)
    sides: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if thesis in data["theses"]:
            sides[node] = data["theses"][thesis]
            continue
        found = {
            graph.nodes[d]["theses"][thesis]
            for d in nx.descendants(sub, node)
            if thesis in graph.nodes[d]["theses"] and not is_reported(graph, d)
        }
        if found:
            sides[node] = found.pop() if len(found) == 1 else MIXED
    return sides
