"""The debate brief: its content on corpora known by hand, and the rules that every claim is shown
once in full (verbatim quote, numbered reference) and by its tag after that, that every reference
number leads to the full citation, and that corpus text stays inert in both renderings."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from markupsafe import escape

from argmap.analysis import Analysis
from argmap.corpus import load_corpus
from argmap.dates import date_range
from argmap.documents.brief import Brief, Mention, brief_mentions, build_brief
from argmap.graph import build_graph
from argmap.render.html import render_brief_html
from argmap.render.markdown import md, render_brief_md
from conftest import DATA, MINI, REPO

CORPORA = [pytest.param(MINI, id="mini"), pytest.param(DATA / "harbour", id="harbour"),
           pytest.param(REPO / "claims", id="flagship")]
VARIANTS = [pytest.param({}, id="both-sides"), pytest.param({"side": "con"}, id="negative")]


def _graph(folder: Path) -> nx.DiGraph:
    return build_graph(load_corpus(folder))


def _citation(graph: nx.DiGraph, claim: str) -> str:
    source = next(s for s in graph.graph["sources"] if s["id"] == graph.nodes[claim]["source"])
    return f"{source['author']}, \u201c{source['title']}\u201d, {source['publication']}, {source['date']}"


def _tags(mentions: list[Mention]) -> list[tuple[str, str, bool]]:
    return [(m.tag, m.claim.id, m.full) for m in mentions]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("folder", CORPORA)
def test_every_claim_is_shown_in_full_once_per_section_and_by_its_tag_after(folder: Path, variant: dict[str, str]) -> None:
    graph = _graph(folder)
    brief = build_brief(Analysis(graph), **variant)
    numbers = {r.source: r.number for r in brief.references}
    shown: dict[tuple[str, str], str] = {}  # (section, tag) -> claim
    mentions = brief_mentions(brief)
    assert mentions, "the brief shows no claim at all"
    for section, m in mentions:
        node = graph.nodes[m.claim.id]
        assert m.claim.quote == node["quote"] and m.claim.quote.strip()  # verbatim
        assert str(m.claim.citation) == _citation(graph, m.claim.id)
        assert m.ref == numbers[node["source"]]
        assert m.claim.reported == (node["voice"] == "reports")
        if m.full:
            assert (section, m.tag) not in shown, f"{m.tag} shown in full twice in {section}"
            assert m.claim.id not in [c for (s, _), c in shown.items() if s == section], m.claim.id
            shown[section, m.tag] = m.claim.id
        else:
            assert shown.get((section, m.tag)) == m.claim.id, f"{m.tag} in {section} points to no claim shown before"


@pytest.mark.parametrize("folder", CORPORA)
def test_references_are_the_sources_in_time_order_with_full_citations(folder: Path) -> None:
    graph = _graph(folder)
    brief = build_brief(Analysis(graph))
    assert [(r.number, r.source) for r in brief.references] == list(enumerate((s["id"] for s in graph.graph["sources"]), 1))
    listed = [e.reference.number for e in brief.timeline if e.reference]
    assert listed == [r.number for r in brief.references]
    assert [e.event for e in brief.timeline if not e.reference] == sorted(
        (e["label"] for e in graph.graph["events"]), key=lambda label: [e["date"] for e in graph.graph["events"] if e["label"] == label])


@pytest.mark.parametrize("folder", CORPORA)
def test_reported_views_never_enter_a_case(folder: Path) -> None:
    for part in build_brief(Analysis(_graph(folder))).theses:
        for case in part.cases:
            for contention in case.contentions:
                assert not any(m.claim.reported for m in (contention.claim, *contention.reasons, *contention.corroboration))
        assert all(m.claim.reported and m.tag.startswith("R") for m in part.reported)


@pytest.mark.parametrize("folder", CORPORA)
def test_the_summary_points_to_the_sections_that_argue_each_clash(folder: Path) -> None:
    analysis = Analysis(_graph(folder))
    brief = build_brief(analysis)
    parts = {p.number: p for p in brief.theses}
    others = {o.number: o for o in brief.others}
    for link, listed in [(link, "clashes") for link in brief.summary.clashes] + [(link, "changes") for link in brief.summary.changes]:
        assert bool(link.where) != bool(link.other)  # argued in a thesis section, or given in full apart
        if link.other:
            other = others[link.other]
            assert (other.earlier.claim.id, other.later.claim.id) == (link.earlier.id, link.later.id)
            assert other.earlier.full and other.later.full
        for number, clash, thesis in link.where:
            part = parts[number]
            assert part.id == thesis
            point = (part.clashes + part.changes)[clash - 1]
            assert {point.pro.claim.id, point.con.claim.id} == {link.earlier.id, link.later.id}
            assert (point in part.clashes) == (listed == "clashes")
    # The summary's clashes of reading and changes with events are the analysis's first three, in its order.
    assert [(link.earlier.id, link.later.id) for link in brief.summary.clashes] == \
        [c.claims for c in analysis.clashes_of_reading[:3]]
    assert [(link.earlier.id, link.later.id) for link in brief.summary.changes] == \
        [c.claims for c in analysis.changed_with_events[:3]]
    assert [o.number for o in brief.others] == list(range(1, len(brief.others) + 1))


def test_harbour_brief_content(harbour_graph: nx.DiGraph) -> None:
    brief = build_brief(Analysis(harbour_graph))
    closure, council = brief.theses
    assert closure.stances == {"pro": ("Dana Dune", "Flo Fjord"), "con": ("Eli Ebb", "Gus Gale"), "mixed": (), "silent": ()}
    pro, con = closure.cases
    # Strongest first, one per account: dune.close (weight 4) before fjord.justified (2); dune.unsafe is
    # the reason under dune.close, so it is not a contention of its own.
    assert [(_tags([c.claim]), _tags(list(c.reasons)), _tags(list(c.corroboration))) for c in pro.contentions] == [
        ([("A1", "dune.close", True)], [("A2", "dune.unsafe", True)], []),
        ([("A3", "fjord.justified", True)], [("A4", "fjord.audit-cracks", True)], []),
    ]
    assert [(_tags([c.claim]), _tags(list(c.reasons)), _tags(list(c.corroboration))) for c in con.contentions] == [
        ([("N1", "ebb.needless", True)], [("N2", "ebb.repairable", True)], [("N3", "gale.jobs", True)]),
        ([("N4", "gale.wrong", True)], [], []),
    ]
    assert _tags(list(closure.reported)) == [("R1", "dune.mayor", True)]
    # A clash of reading, and the clash the corpus dates to the storm under "changed with events".
    [reading] = closure.clashes
    assert (reading.pro.tag, reading.con.tag, reading.sharpness, reading.kind) == ("A3", "N4", 4, "reading")
    [storm] = closure.changes
    assert (storm.pro.tag, storm.con.tag, storm.earlier_side, storm.turning_point) == (
        "A1", "N1", "pro", "The November storm damages the pier (2019-11-03)")
    assert _tags(list(storm.con_backing)) == [("N2", "ebb.repairable", False)]
    assert [(q.to_side, q.target.tag, q.kind) for q in closure.questions] == [
        ("pro", "A3", "evaluation"), ("pro", "A1", "recommendation"),
        ("con", "N4", "evaluation"), ("con", "N1", "evaluation"), ("con", "R1", "reported"),
    ]
    # The storm came after Dune wrote: the question asks whether her recommendation still stood.
    assert closure.questions[1].ask == ("Who would carry it out, and at what cost? Did it still stand after the turning "
                                        "point, The November storm damages the pier (2019-11-03)?")
    assert closure.questions[4].background == "Dana Dune's own claims on this thesis take the affirmative side."
    [ground] = brief.ground
    assert (ground.number, ground.theses, ground.hub.claim.id) == (1, (1,), "dune.cracks")
    assert [(u.number, u.leans) for u in closure.ground] == [(1, "pro")]
    assert council.ground == () and [c.id for c in (council.cases[1].contentions[0].claim.claim,)] == ["fjord.report-public"]
    assert brief.summary.authors == (("Dune", "2019-10-01"), ("Ebb", "2020"), ("Fjord", "2020-09-15"), ("Gale", "2021-03"))
    assert [r.cells for r in brief.summary.grid] == [("pro", "con", "pro", "con"), ("silent", "pro", "mixed", "silent")]
    assert [(link.earlier.id, link.where) for link in brief.summary.changes] == [("dune.close", ((1, 2, "closure-justified"),))]


@pytest.mark.parametrize(
    "claim_type, start",
    [
        pytest.param("fact", "Which source does ", id="fact"),
        pytest.param("causal", "What else could explain it?", id="causal"),
        pytest.param("prediction", "Has it held since ", id="prediction"),
        pytest.param("interpretation", "What in the text supports that reading rather than the other side's?", id="interpretation"),
        pytest.param("evaluation", "By what standard is it judged", id="evaluation"),
        pytest.param("recommendation", "Who would carry it out, and at what cost?", id="recommendation"),
    ],
)
def test_questions_follow_from_the_kind_of_claim_under_attack(flagship_analysis: Any, mini_analysis: Any, claim_type: str,
                                                              start: str) -> None:
    asked = [q for a in (flagship_analysis, mini_analysis) for p in build_brief(a).theses for q in p.questions
             if q.kind == claim_type]
    assert asked, f"no {claim_type} question in the test corpora"
    for q in asked:
        assert q.target.claim.type == claim_type and not q.target.claim.reported
        if claim_type == "prediction" and not q.ask.startswith(start):
            assert q.ask == "What would show it wrong, and has that happened?"  # nothing has happened since
        else:
            assert q.ask.startswith(start), q.ask


def test_a_prediction_is_asked_whether_it_held_since_the_turning_points(flagship_analysis: Any) -> None:
    events = flagship_analysis.graph.graph["events"]
    asked = [q for part in build_brief(flagship_analysis).theses for q in part.questions if q.kind == "prediction"]
    assert any(q.ask.startswith("Has it held since ") for q in asked)
    for q in asked:
        since = [e for e in events if date_range(q.target.claim.date)[1] < date_range(e["date"])[0]]
        if since:  # a turning point came after the text: the question asks about the latest one
            assert q.ask.startswith("Has it held since the turning point, ")
            assert "before:" in q.background
        else:
            assert q.ask == "What would show it wrong, and has that happened?"


def test_reported_views_are_asked_who_holds_them(flagship_analysis: Any) -> None:
    asked = [q for p in build_brief(flagship_analysis).theses for q in p.questions if q.kind == "reported"]
    assert asked
    for q in asked:
        claim = q.target.claim
        assert q.ask == (f"{claim.author} only reports this as the view of {claim.speaker}. "
                         f"Who holds it, and does {claim.author} endorse it?")


def test_one_side_and_one_thesis(harbour_graph: nx.DiGraph) -> None:
    brief = build_brief(Analysis(harbour_graph), "closure-justified", "con")
    [part] = brief.theses
    assert [c.side for c in part.cases] == ["con"]
    assert {q.to_side for q in part.questions} == {"pro"}  # the negative's questions for the affirmative
    assert len(part.clashes + part.changes) == 2  # clashes keep both claims
    assert (brief.answer_order, brief.question_sides) == (("con", "pro"), ("pro",))
    assert [row.thesis for row in brief.summary.grid] == ["closure-justified"]


def test_mini_brief_clashes_are_those_that_bear_on_the_thesis(mini_graph: nx.DiGraph) -> None:
    brief = build_brief(Analysis(mini_graph))
    clashes = {part.id: [(p.pro.claim.id, p.con.claim.id, p.kind) for p in part.clashes + part.changes] for part in brief.theses}
    # A clash is argued under a thesis when both its claims argue on it (Analysis.thesis_links) on
    # opposite sides. alder.design takes no side on steel-fault and supports nothing that does, so its
    # clash with birch.steel is argued under design-fault only, where the corpus dates it to the inquiry.
    assert clashes == {
        "design-fault": [("cedar.design", "birch.design-ok", "reading"), ("alder.design", "birch.steel", "events")],
        "steel-fault": [],
        "city-liable": [],
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("<script>alert('x')</script>", "\\<script\\>alert('x')\\</script\\>", id="html"),
        pytest.param("*bold* _it_ [link](x) `code` #1 | a & b!", "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\#1 \\| a \\& b\\!", id="markdown"),
        pytest.param("two\n  lines", "two lines", id="one-line"),
    ],
)
def test_markdown_escaping(text: str, expected: str) -> None:
    assert md(text) == expected


@pytest.mark.parametrize("folder", CORPORA)
def test_every_full_claim_in_the_markdown_has_its_quote_and_reference(folder: Path) -> None:
    graph = _graph(folder)
    brief = build_brief(Analysis(graph))
    lines = render_brief_md(brief).splitlines()
    blocks = [(i, line) for i, line in enumerate(lines) if re.search(r"\*\*(?:[ANRC]\d+|O\d+\.\d+)\.\*\* ", line)]
    assert len(blocks) == sum(m.full for section, m in brief_mentions(brief) if not section.startswith("ground-"))
    for index, line in blocks:
        claim = re.search(r"; \[\\\[(\d+)\\\]\]\(#ref-\1\) ([a-z0-9.\\_-]+)\)$", line)
        assert claim, line
        node = graph.nodes[claim.group(2).replace("\\_", "_")]
        assert lines[index + 1].endswith(f"> \u201c{md(node['quote'])}\u201d")
        assert brief.references[int(claim.group(1)) - 1].source == node["source"]
    for ref in brief.references:
        assert f'<a id="ref-{ref.number}"></a>**\\[{ref.number}\\]** {md(str(ref.citation))}.' in "\n".join(lines)


@pytest.mark.parametrize("folder", CORPORA)
def test_every_claim_block_in_the_html_has_its_quote_and_a_reference_that_leads_to_the_citation(folder: Path) -> None:
    graph = _graph(folder)
    brief = build_brief(Analysis(graph))
    page = render_brief_html(brief)
    blocks = re.findall(r'<div class="claim[^"]*" id="([^"]+)" data-claim="([^"]+)">(.*?)</div>', page, flags=re.S)
    assert len(blocks) == sum(m.full for section, m in brief_mentions(brief) if not section.startswith("ground-"))
    for anchor, claim, block in blocks:
        assert f"<blockquote>\u201c{escape(graph.nodes[claim]['quote'])}\u201d</blockquote>" in block
        number = re.search(r'<a class="ref" href="#ref-(\d+)">\[\1\]</a>', block).group(1)  # type: ignore[union-attr]
        assert brief.references[int(number) - 1].source == graph.nodes[claim]["source"]
    for ref in brief.references:
        item = re.search(rf'<li id="ref-{ref.number}">(.*?)</li>', page, flags=re.S)
        assert item and html.unescape(item.group(1)).startswith(f'<span class="number">[{ref.number}]</span> {ref.citation}.')
    # Every pointer leads to a block on the page.
    anchors = {anchor for anchor, _, _ in blocks} | set(re.findall(r'<li class="claim" id="([^"]+)"', page))
    for target in re.findall(r'<a class="tag" href="#([^"]+)"', page):
        assert target in anchors, target


def test_html_brief_is_self_contained_scriptless_and_printable(mini_graph: nx.DiGraph) -> None:
    page = render_brief_html(build_brief(Analysis(mini_graph)))
    assert "script-src &#39;none&#39;" in page
    assert "<script" not in page.replace("&lt;script", "")
    assert "@media print" in page and "http" not in page.replace("http-equiv", "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert 'href="argmap.html#source=alder&amp;claim=alder.design"' in page  # claims lead to the map's source reader


def test_brief_output_is_deterministic(harbour_graph: nx.DiGraph) -> None:
    first: Brief = build_brief(Analysis(harbour_graph))
    second = build_brief(Analysis(build_graph(load_corpus(DATA / "harbour"))))
    assert render_brief_md(first) == render_brief_md(second)
    assert render_brief_html(first) == render_brief_html(second)


def test_a_reported_view_comes_with_the_claims_that_answer_it(mini: Path) -> None:
    (mini / "relations.yaml").write_text((mini / "relations.yaml").read_text(encoding="utf-8") + (
        "  - from: cedar.design\n    to: alder.council\n    relation: contradicts\n"
        "    rationale: Cedar puts the fall on the design, where the council Alder reports blames the steel.\n"),
        encoding="utf-8")
    analysis = Analysis(_graph(mini))
    [link_in_map] = analysis.clashes_with_reported
    assert set(link_in_map.claims) == {"alder.council", "cedar.design"}
    steel = next(part for part in build_brief(analysis).theses if part.id == "steel-fault")
    [link] = steel.reported_links
    assert (link.view.claim.id, link.other.claim.id, link.relation) == ("alder.council", "cedar.design", "contradicts")
    assert link.other.full and not link.other.claim.reported  # quoted where the view is listed
    # The question about the view presses with the claim that answers it.
    [question] = [q for q in steel.questions if q.kind == "reported"]
    assert [m.claim.id for m in question.press] == ["cedar.design"]
    assert question.background.endswith(f"Cy Cedar (2022) answers it: {link.other.tag}.")
    text = render_brief_md(build_brief(analysis, "steel-fault"))
    assert f"  - contradicted by ({md(link.rationale)}): **{link.other.tag}.** " in text


# -- what the brief derives says no more than the links record (the flagship, as a reviewer read it) --

@pytest.fixture(scope="module")
def flagship_brief(flagship_analysis: Analysis) -> Brief:
    return build_brief(flagship_analysis)


def _turning_point_between(analysis: Analysis, a: str, b: str) -> bool:
    from argmap.analysis.timeline import events_between

    dates = sorted((analysis.graph.nodes[a]["date"], analysis.graph.nodes[b]["date"]), key=date_range)
    return bool(events_between(analysis.graph, dates[0], dates[1])[0])


def test_a_question_says_otherwise_only_across_a_recorded_clash(flagship_brief: Brief, flagship_analysis: Analysis) -> None:
    from argmap.graph import CONTRADICTS, SUPPORTS, edge_between, linked

    graph = flagship_analysis.graph
    pressed = [(q, q.press[0].claim.id) for part in flagship_brief.theses for q in part.questions if q.press and q.kind != "reported"]
    assert pressed
    for question, press in pressed:
        target = question.target.claim.id
        edge = edge_between(graph, target, press) or {}
        if "says otherwise" in question.background:
            assert edge.get("relation") == CONTRADICTS, (target, press)
        if "takes the other side" in question.background:  # no clash names one: a claim of the other side
            near = {target, *graph.predecessors(target), *graph.successors(target)}
            assert not any(press in linked(graph, c, SUPPORTS) for c in near), (target, press)
            assert not _turning_point_between(flagship_analysis, target, press), (target, press)
    # Tatikyan's 2023 facts are no longer pressed with what Socor or Kuzio wrote before the events.
    assert not any(q.target.claim.id == "tatikyan.september-not-prevented" and q.press
                   and q.press[0].claim.author in ("Vladimir Socor", "Taras Kuzio") and "writing" not in q.background
                   for part in flagship_brief.theses for q in part.questions)


def test_another_accounts_claim_backs_a_case_only_from_an_author_not_against_it(
        flagship_brief: Brief, flagship_analysis: Analysis) -> None:
    from argmap.analysis.stances import CON, MIXED, PRO

    backed = [(part.id, case.side, contention.claim.claim.id, other.claim.id)
              for part in flagship_brief.theses for case in part.cases
              for contention in case.contentions for other in contention.corroboration]
    assert backed
    for thesis, side, claim, other in backed:
        stance = flagship_analysis.stances[thesis, flagship_analysis.graph.nodes[other]["author"]].stance
        assert stance not in (MIXED, CON if side == PRO else PRO), (thesis, claim, other)
        assert not _turning_point_between(flagship_analysis, claim, other), (thesis, claim, other)
    # Socor's concession that Moscow did not dictate the armistice no longer stands in the negative
    # case of theses on which Socor argues the affirmative.
    assert not any(other == "socor.not-dictated" and side == CON for _, side, _, other in backed)


def test_a_common_ground_group_argues_a_side_only_from_close_by(flagship_brief: Brief, flagship_analysis: Analysis) -> None:
    from argmap.analysis.stances import CON, MIXED, PRO
    from argmap.graph import WITHIN

    graph = flagship_analysis.graph
    groups = [g for g in flagship_analysis.common_ground if not g.contested_by]
    leaning = [(part.id, use.leans, groups[use.number - 1]) for part in flagship_brief.theses for use in part.ground if use.leans]
    assert leaning
    for thesis, side, group in leaning:
        hub_stance = flagship_analysis.stances[thesis, graph.nodes[group.hub]["author"]].stance
        assert hub_stance not in (MIXED, CON if side == PRO else PRO), (thesis, group.hub)
        near = {graph.nodes[c]["author"] for c in group.claims
                if graph.nodes[c]["theses"].get(thesis) == side
                or any(graph.nodes[t]["theses"].get(thesis) == side for t in graph.successors(c)
                       if graph.edges[c, t]["scope"] == WITHIN)}
        assert len(near) >= 2, (thesis, group.hub)
    # The group built on Tatikyan's exodus claim no longer "argues" that Armenia obstructed peace.
    assert not any(thesis == "armenia-obstructed-peace" and group.hub == "tatikyan.exodus-surprise"
                   for thesis, _, group in leaning)
