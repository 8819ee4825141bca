"""Stance cells, worked out by hand on the two small corpora.

mini: Alder's design claim is pro design-fault; Birch's design-ok and steel claims are con; Cedar's
design claim is pro. Alder only reports the council's steel view, so Alder is silent on
steel-fault. harbour: Fjord has one claim on each side of council-misled (mixed), and Dune's
mayor claim is a reported con view that must not touch Dune's pro stance.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from argmap.analysis.stances import StanceCell, stance_cell, stance_matrix, thesis_sides


MINI_CELLS = {
    ("design-fault", "Ann Alder"): ("pro", ("alder.design",), (), ()),
    ("design-fault", "Ben Birch"): ("con", (), ("birch.design-ok", "birch.steel"), ()),
    ("design-fault", "Cy Cedar"): ("pro", ("cedar.design",), (), ()),
    ("steel-fault", "Ann Alder"): ("silent", (), (), ("alder.council",)),
    ("steel-fault", "Ben Birch"): ("pro", ("birch.steel",), (), ()),
    ("steel-fault", "Cy Cedar"): ("pro", ("cedar.steel",), (), ()),
    ("city-liable", "Ann Alder"): ("pro", ("alder.hostile",), (), ()),
    ("city-liable", "Ben Birch"): ("silent", (), (), ()),
    ("city-liable", "Cy Cedar"): ("con", (), ("cedar.city",), ()),
}

HARBOUR_CELLS = {
    ("closure-justified", "Dana Dune"): ("pro", ("dune.unsafe", "dune.close"), (), ("dune.mayor",)),
    ("closure-justified", "Eli Ebb"): ("con", (), ("ebb.needless",), ()),
    ("closure-justified", "Flo Fjord"): ("pro", ("fjord.justified",), (), ()),
    ("closure-justified", "Gus Gale"): ("con", (), ("gale.wrong",), ()),
    ("council-misled", "Dana Dune"): ("silent", (), (), ()),
    ("council-misled", "Eli Ebb"): ("pro", ("ebb.hid-report",), (), ()),
    ("council-misled", "Flo Fjord"): ("mixed", ("fjord.spin",), ("fjord.report-public",), ()),
    ("council-misled", "Gus Gale"): ("silent", (), (), ()),
}


def _as_tuple(cell: StanceCell) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return (cell.stance, cell.pro, cell.con, cell.reported)


def test_mini_matrix_is_known(mini_graph: Any) -> None:
    cells = stance_matrix(mini_graph)
    assert list(cells) == list(MINI_CELLS)  # theses in corpus order, authors in time order
    assert {key: _as_tuple(cell) for key, cell in cells.items()} == MINI_CELLS


def test_harbour_matrix_is_known(harbour_graph: nx.DiGraph) -> None:
    assert {key: _as_tuple(cell) for key, cell in stance_matrix(harbour_graph).items()} == HARBOUR_CELLS


def test_a_cell_lists_the_claims_that_put_it_there(harbour_graph: nx.DiGraph) -> None:
    cell = stance_cell(harbour_graph, "council-misled", "Flo Fjord")
    assert cell.claims == ("fjord.spin", "fjord.report-public")


@pytest.mark.parametrize(
    "thesis, expected",
    [
        pytest.param("design-fault", {"alder.girders": "pro", "alder.cracks": "pro", "alder.design": "pro",
                                      "birch.tests": "con", "birch.design-ok": "con", "birch.steel": "con",
                                      "cedar.design": "pro"}, id="reasons-argue-their-conclusions-side"),
        # birch.design-ok takes no side on steel-fault itself but supports birch.steel (pro).
        pytest.param("steel-fault", {"alder.council": "pro", "birch.tests": "pro", "birch.design-ok": "pro",
                                     "birch.steel": "pro", "cedar.steel": "pro"}, id="own-stance-and-derived"),
        pytest.param("city-liable", {"alder.hostile": "pro", "cedar.city": "con"}, id="no-supports"),
    ],
)
def test_thesis_sides_follow_the_support_structure(mini_graph: Any, thesis: str, expected: dict[str, str]) -> None:
    assert thesis_sides(mini_graph, thesis) == expected


def test_sides_travel_only_along_the_authors_own_supports(harbour_graph: nx.DiGraph) -> None:
    sides = thesis_sides(harbour_graph, "closure-justified")
    assert sides == {
        "dune.cracks": "pro", "dune.traffic": "pro", "dune.unsafe": "pro", "dune.close": "pro",
        "dune.mayor": "con",  # a reported view keeps its own tag (it is the speaker's side)
        "ebb.repairable": "con", "ebb.needless": "con",
        "fjord.audit-cracks": "pro", "fjord.justified": "pro",
        "gale.jobs": "con", "gale.wrong": "con",
    }
    # ebb.cracks-real and gale.cracks only support other authors' claims: no side.
    assert "ebb.cracks-real" not in sides and "gale.cracks" not in sides
