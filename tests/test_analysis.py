"""Known answers for the derivations: agreement, weights, core, clash ranking, common ground,
timeline and turning points, and author lookup. Worked out by hand:

mini (Alder 2020-01-10, Birch 2021-06, Cedar 2022; event inquiry 2021-01-15)
  Alder-Birch: 1 contradicts + opposite on design-fault             -> 0/2, -1.00
  Alder-Cedar: 1 supports + same on design-fault, opposite on city  -> 2/1, +0.33
  Birch-Cedar: 1 supports, 1 contradicts, same steel, opposite design -> 2/2, 0.00
harbour (Dune 2019-10-01, Ebb 2020, Fjord 2020-09-15, Gale 2021-03; storm 2019-11-03, audit 2020-06)
  Dune-Ebb:    supports cracks, contradicts close/needless, opposite closure -> 1/2 (the supports
               link to Dune's reported mayor view does not count)
  Dune-Fjord:  supports cracks, same closure                        -> 2/0
  Dune-Gale:   opposite closure                                     -> 0/1
  Ebb-Fjord:   contradicts report, opposite closure (council: pro vs mixed, neither) -> 0/2
  Ebb-Gale:    supports jobs->needless, same closure                -> 2/0
  Fjord-Gale:  supports cracks, contradicts justified/wrong, opposite closure -> 1/2
  weights: dune.close 4 (cracks, traffic, unsafe), dune.unsafe 3, ebb.needless 2,
  fjord.justified 2, gale.wrong 2, every other claim 1.
"""

from __future__ import annotations

from typing import Any

from pathlib import Path

import networkx as nx
import pytest

from argmap.corpus import load_corpus
from argmap.graph import build_graph
from conftest import edit

from argmap.analysis import AGREEMENT_METHOD, Analysis
from argmap.analysis.agreement import format_score
from argmap.analysis.ground import common_ground
from argmap.analysis.names import resolve_author, resolve_thesis, short_names
from argmap.analysis.timeline import contradiction_timings, events_between, timeline
from argmap.analysis.weights import claim_weights
from argmap.errors import AmbiguousAuthorError, UnknownIdError


def _figures(graph: nx.DiGraph) -> dict[tuple[str, str], tuple[int, int, str]]:
    matrix = Analysis(graph).agreement
    return {(a, b): (p.agreements, p.disagreements, format_score(p.score)) for (a, b), p in matrix.items() if a < b}


def test_mini_agreement_matrix(mini_graph: Any) -> None:
    assert _figures(mini_graph) == {
        ("Ann Alder", "Ben Birch"): (0, 2, "-1.00"),
        ("Ann Alder", "Cy Cedar"): (2, 1, "+0.33"),
        ("Ben Birch", "Cy Cedar"): (2, 2, "0.00"),
    }


def test_harbour_agreement_matrix(harbour_graph: nx.DiGraph) -> None:
    assert _figures(harbour_graph) == {
        ("Dana Dune", "Eli Ebb"): (1, 2, "-0.33"),
        ("Dana Dune", "Flo Fjord"): (2, 0, "+1.00"),
        ("Dana Dune", "Gus Gale"): (0, 1, "-1.00"),
        ("Eli Ebb", "Flo Fjord"): (0, 2, "-1.00"),
        ("Eli Ebb", "Gus Gale"): (2, 0, "+1.00"),
        ("Flo Fjord", "Gus Gale"): (1, 2, "-0.33"),
    }


def test_agreement_is_symmetric_and_keeps_its_evidence(harbour_graph: nx.DiGraph) -> None:
    matrix = Analysis(harbour_graph).agreement
    assert len(matrix) == 12  # 4 authors: every ordered pair of different authors
    pair = matrix["Eli Ebb", "Dana Dune"]
    assert pair is matrix["Dana Dune", "Eli Ebb"]
    assert (pair.a, pair.b) == ("Dana Dune", "Eli Ebb")  # earlier author first
    assert pair.supports == (("ebb.cracks-real", "dune.cracks"),)
    assert pair.contradicts == (("dune.close", "ebb.needless"),)
    assert pair.same_side == () and pair.opposite_sides == ("closure-justified",)
    assert pair.claims == ("ebb.cracks-real", "dune.cracks", "dune.close", "ebb.needless")


def test_no_evidence_means_no_score() -> None:
    assert format_score(None) == "n/a"
    assert [line.split(":")[0] for line in AGREEMENT_METHOD[1:3]] == ["Agreements", "Disagreements"]


def test_weights_count_the_authors_own_chain_of_reasons(harbour_graph: nx.DiGraph) -> None:
    heavy = {c: w for c, w in claim_weights(harbour_graph).items() if w > 1}
    assert heavy == {"dune.unsafe": 3, "dune.close": 4, "ebb.needless": 2, "fjord.justified": 2, "gale.wrong": 2}


def test_between_author_support_does_not_add_weight(mini_graph: Any) -> None:
    # cedar.design supports alder.design across authors; alder.design rests on girders and cracks.
    assert claim_weights(mini_graph)["alder.design"] == 3


@pytest.mark.parametrize(
    "author, expected",
    [
        pytest.param("Dana Dune", [("dune.close", 4), ("dune.unsafe", 3), ("dune.cracks", 1)], id="chain"),
        # ties at weight 1: a claim with a stance first, then text order; gale.sign has none.
        pytest.param("Eli Ebb", [("ebb.needless", 2), ("ebb.hid-report", 1), ("ebb.repairable", 1)], id="stance-breaks-ties"),
        pytest.param("Gus Gale", [("gale.wrong", 2), ("gale.cracks", 1), ("gale.jobs", 1)], id="text-order"),
    ],
)
def test_core_claims(harbour_graph: nx.DiGraph, author: str, expected: list[tuple[str, int]]) -> None:
    assert Analysis(harbour_graph).core(author) == expected


def test_core_claims_leave_out_reported_views(mini_graph: Any) -> None:
    assert Analysis(mini_graph).core("Ann Alder", limit=5) == [
        ("alder.design", 3), ("alder.hostile", 1), ("alder.girders", 1), ("alder.cracks", 1)]


def test_clashes_are_ranked_by_sharpness_not_file_order(harbour_graph: nx.DiGraph) -> None:
    ranked = [(c.claims, c.weights, c.sharpness) for c in Analysis(harbour_graph).clashes]
    # relations.yaml lists them in the reverse order.
    assert ranked == [
        (("dune.close", "ebb.needless"), (4, 2), 6),
        (("fjord.justified", "gale.wrong"), (2, 2), 4),
        (("ebb.hid-report", "fjord.report-public"), (1, 1), 2),
    ]


def test_clashes_are_listed_apart_by_kind(harbour_graph: nx.DiGraph) -> None:
    kinds = Analysis(harbour_graph).clash_kinds
    assert {kind: [c.claims for c in clashes] for kind, clashes in kinds.items()} == {
        "reading": [("fjord.justified", "gale.wrong"), ("ebb.hid-report", "fjord.report-public")],
        "events": [("dune.close", "ebb.needless")],  # its relation names the storm
        "reported": [],
    }
    assert kinds["events"][0].turning_point == "storm" and kinds["reading"][0].turning_point == ""


def test_a_link_to_a_reported_view_is_never_a_clash_of_reading(mini: Path) -> None:
    edit(mini, "relations.yaml", "  - from: cedar.design\n    to: birch.design-ok\n    relation: contradicts",
         "  - from: cedar.design\n    to: alder.council\n    relation: contradicts")
    kinds = Analysis(build_graph(load_corpus(mini))).clash_kinds
    assert [c.claims for c in kinds["reported"]] == [("alder.council", "cedar.design")]
    assert all("alder.council" not in c.claims for c in kinds["reading"] + kinds["events"])


def test_superseded_links_are_changed_with_events_not_clashes(mini: Path) -> None:
    edit(mini, "relations.yaml", "    relation: contradicts\n    rationale: Alder blames", "    relation: superseded\n    rationale: Alder blames")
    analysis = Analysis(build_graph(load_corpus(mini)))
    assert [(c.claims, c.relation) for c in analysis.changed_with_events] == [(("alder.design", "birch.steel"), "superseded")]
    assert all(c.relation == "contradicts" for c in analysis.clashes)
    assert analysis.agreement["Ann Alder", "Ben Birch"].contradicts == ()


def test_ranked_clashes_never_repeat_a_claim_among_the_top_entries() -> None:
    from argmap.analysis.clashes import Clash, without_repeats
    from argmap.analysis.timeline import ClashTiming

    def clash(a: str, b: str, weight: int) -> Clash:
        return Clash(a, b, "", (weight, 1), ClashTiming(a, b, "s1", "s2", (), (), ""))

    hub = [clash("hub", "x", 9), clash("hub", "y", 8), clash("p", "q", 3), clash("y", "z", 2)]
    assert [c.claims for c in without_repeats(hub)] == [("hub", "x"), ("p", "q"), ("y", "z"), ("hub", "y")]


def test_clash_keeps_the_earlier_text_first_and_its_rationale(mini_graph: Any) -> None:
    first, second = Analysis(mini_graph).clashes
    assert (first.earlier, first.later, first.sharpness) == ("alder.design", "birch.steel", 6)
    assert first.rationale.startswith("Alder blames the design")
    # written cedar.design -> birch.design-ok; Birch (2021-06) wrote before Cedar (2022).
    assert (second.earlier, second.later, second.sharpness) == ("birch.design-ok", "cedar.design", 2)


def test_common_ground_needs_three_authors(harbour_graph: nx.DiGraph, mini_graph: Any) -> None:
    [group] = common_ground(harbour_graph)
    # Gale's claim backs Fjord's audit, not Dune's claim: a chain is not common ground.
    assert group.claims == ("dune.cracks", "ebb.cracks-real", "fjord.audit-cracks")
    assert group.authors == ("Dana Dune", "Eli Ebb", "Flo Fjord")
    assert group.links == (("ebb.cracks-real", "dune.cracks"), ("fjord.audit-cracks", "dune.cracks"))
    assert group.hub == "dune.cracks"
    assert group.contested_by == ()
    # Ebb's repair figure supports Dune's *reported* mayor view: a reported view joins no group.
    assert all("dune.mayor" not in g.claims for g in common_ground(harbour_graph, min_authors=2))
    assert common_ground(mini_graph) == []  # only pairs of authors agree there


def _agreements(links: list[tuple[str, str]]) -> nx.DiGraph:
    """A graph of supports links between authors: claim ``x.n`` is author ``x``'s."""
    graph = nx.DiGraph(authors=sorted({c.split(".")[0] for link in links for c in link}))
    for claim in sorted({c for link in links for c in link}):
        graph.add_node(claim, author=claim.split(".")[0], voice="asserts", date="2020")
    for a, b in links:
        graph.add_edge(a, b, relation="supports", scope="between")
    return graph


@pytest.mark.parametrize(("links", "groups"), [
    # a -> b -> c -> d -> e: each claim agrees only with its neighbours, so a group is one claim and
    # the two beside it (the earliest first); d and e are not brought in along the chain.
    ([("a.1", "b.1"), ("b.1", "c.1"), ("c.1", "d.1"), ("d.1", "e.1")], [("b.1", ("a.1", "b.1", "c.1"))]),
    # A star: three authors back b's claim.
    ([("a.1", "b.1"), ("c.1", "b.1"), ("d.1", "b.1")], [("b.1", ("a.1", "b.1", "c.1", "d.1"))]),
    # Two stars sharing a claim: the wider is taken first and the other loses the shared claim.
    ([("a.1", "b.1"), ("c.1", "b.1"), ("d.1", "b.1"), ("d.1", "e.1"), ("f.1", "e.1")],
     [("b.1", ("a.1", "b.1", "c.1", "d.1"))]),
    ([("a.1", "b.1"), ("c.1", "b.1"), ("d.1", "b.1"), ("e.1", "f.1"), ("g.1", "f.1"), ("d.2", "f.1")],
     [("b.1", ("a.1", "b.1", "c.1", "d.1")), ("f.1", ("d.2", "e.1", "f.1", "g.1"))]),
    # Two claims of one author count once.
    ([("a.1", "b.1"), ("a.2", "b.1")], []),
], ids=["a-chain-is-not-followed", "star", "overlap-goes-to-the-wider", "two-groups", "one-author-twice"])
def test_common_ground_is_claims_linked_to_one_claim(links: list[tuple[str, str]],
                                                   groups: list[tuple[str, tuple[str, ...]]]) -> None:
    found = common_ground(_agreements(links))
    assert [(g.hub, tuple(sorted(g.claims))) for g in found] == groups
    assert all(all(g.hub in link for link in g.links) for g in found)


def test_common_ground_with_two_authors_shows_what_contests_it(mini_graph: Any) -> None:
    groups = common_ground(mini_graph, min_authors=2)
    assert [(g.claims, g.contested_by) for g in groups] == [
        (("alder.design", "cedar.design"), ("birch.design-ok", "birch.steel")),
        (("birch.steel", "cedar.steel"), ("alder.design",)),
    ]


def test_timeline_interleaves_accounts_and_turning_points(harbour_graph: nx.DiGraph) -> None:
    assert [(e.kind, e.id, e.date) for e in timeline(harbour_graph)] == [
        ("source", "dune", "2019-10-01"),
        ("event", "storm", "2019-11-03"),
        ("source", "ebb", "2020"),  # a year-only date starts on 1 January
        ("event", "audit", "2020-06"),
        ("source", "fjord", "2020-09-15"),
        ("source", "gale", "2021-03"),
    ]


@pytest.mark.parametrize(
    "earlier, later, certain, possible",
    [
        pytest.param("2019-10-01", "2020", ("storm",), ("audit",), id="year-may-precede-audit"),
        pytest.param("2020", "2020-09-15", (), ("audit",), id="year-may-follow-audit"),
        pytest.param("2020-09-15", "2021-03", (), (), id="nothing-between"),
        pytest.param("2019-10-01", "2020-09-15", ("storm", "audit"), (), id="both-certain"),
        pytest.param("2019-10-01", "2020-06-01", ("storm",), ("audit",), id="later-text-on-the-events-first-day"),
        pytest.param("2019-10-01", "2019-11-03", ("storm",), (), id="later-text-on-the-event-day-counts"),
    ],
)
def test_events_between(harbour_graph: nx.DiGraph, earlier: str, later: str, certain: tuple[str, ...], possible: tuple[str, ...]) -> None:
    assert events_between(harbour_graph, earlier, later) == (certain, possible)


def test_each_contradiction_knows_its_turning_points(harbour_graph: nx.DiGraph, mini_graph: Any) -> None:
    found = {(t.earlier, t.later): (t.certain, t.possible, t.curated) for t in contradiction_timings(harbour_graph)}
    assert found == {
        ("ebb.hid-report", "fjord.report-public"): ((), ("audit",), ""),
        ("fjord.justified", "gale.wrong"): ((), (), ""),
        ("dune.close", "ebb.needless"): (("storm",), ("audit",), "storm"),
    }
    [inquiry, none] = contradiction_timings(mini_graph)
    assert (inquiry.certain, inquiry.curated, none.events) == (("inquiry",), "inquiry", ())


@pytest.mark.parametrize(
    "name", ["Taras Kuzio", "taras kuzio", "  Taras   Kuzio ", "kuzio", "KUZIO", "Kuzio"], ids=repr
)
def test_authors_are_found_by_name_surname_or_source_id(name: str) -> None:
    graph = nx.DiGraph(authors=["Taras Kuzio", "Sossi Tatikyan"],
                       sources=[{"id": "kuzio", "author": "Taras Kuzio"}, {"id": "tatikyan", "author": "Sossi Tatikyan"}])
    assert resolve_author(graph, name) == "Taras Kuzio"


def test_unknown_author_suggests_the_closest_spelling(mini_graph: Any) -> None:
    with pytest.raises(UnknownIdError) as lower:
        resolve_author(mini_graph, "aldre")
    assert str(lower.value) == ("no author 'aldre' (did you mean 'alder'?). "
                                "Known authors (source ids): Ann Alder (alder); Ben Birch (birch); Cy Cedar (cedar)")
    with pytest.raises(UnknownIdError, match=r"did you mean 'Ben Birch'\?"):
        resolve_author(mini_graph, "Ben Burch")


def test_a_shared_surname_is_refused_not_guessed() -> None:
    graph = nx.DiGraph(authors=["Ann Smith", "Bob Smith"],
                       sources=[{"id": "smith-a", "author": "Ann Smith"}, {"id": "smith-b", "author": "Bob Smith"}])
    with pytest.raises(AmbiguousAuthorError, match="'smith' could be Ann Smith or Bob Smith"):
        resolve_author(graph, "smith")
    assert resolve_author(graph, "smith-b") == "Bob Smith"
    assert short_names(graph) == {"Ann Smith": "Ann Smith", "Bob Smith": "Bob Smith"}


def test_thesis_lookup(mini_graph: Any) -> None:
    assert resolve_thesis(mini_graph, "Design-Fault") == "design-fault"
    with pytest.raises(UnknownIdError, match=r"no thesis 'desgin-fault' \(did you mean 'design-fault'\?\)"):
        resolve_thesis(mini_graph, "desgin-fault")


def test_compare_sorts_what_two_authors_share_and_what_only_one_addresses(harbour_graph: nx.DiGraph) -> None:
    result = Analysis(harbour_graph).compare("Eli Ebb", "Flo Fjord")
    assert [c.claims for c in result.clashes] == [("ebb.hid-report", "fjord.report-public")]
    assert result.partly == ("council-misled",)  # Ebb pro, Fjord mixed
    assert (result.only_a, result.only_b) == ((), ())
    dune_ebb = Analysis(harbour_graph).compare("Eli Ebb", "Dana Dune")
    assert dune_ebb.reported_links == (("ebb.repairable", "dune.mayor"),)
    assert (dune_ebb.only_a, dune_ebb.only_b) == (("council-misled",), ())
