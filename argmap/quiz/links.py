"""Exercises about how accounts relate: which claim supports or contradicts another, where each
author stands on a thesis, and whether a turning point falls between two clashing accounts.

Stances come from the derived stance cells (argmap.analysis.stances), so a view an author only reports is
never given as that author's stance. Dates are compared as ranges: a text dated 2022-12 is neither
before nor after an event on 2022-12-12, and such a pairing is not asked about.
"""

from __future__ import annotations

from random import Random
from typing import Any

import networkx as nx

from argmap.analysis import Analysis
from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.dates import AFTER, BEFORE, UNCLEAR, side_of
from argmap.documents.refs import citation_of, claim_ref
from argmap.graph import CONTRADICTS, Graph, SUPPORTS, edge_between, linked
from argmap.quiz.model import Exercise, Option, Passage, Question, arrange, choose, interleave
from argmap.quiz.similar import similar_text

MAX_STANCE_EVIDENCE = 3


def _claim_passage(analysis: Analysis, claim_id: str) -> Passage:
    graph = analysis.graph
    node = graph.nodes[claim_id]
    source = analysis.sources[node["source"]]
    return Passage(citation_of(source).short, node["text"], node["quote"])


def _supports_only(analysis: Analysis) -> Graph:
    graph = analysis.graph
    view: Graph = nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["relation"] == SUPPORTS)
    return view


# --- relation ----------------------------------------------------------------------------------

RelationSubject = tuple[str, str, str]  # (the claim shown, the relation asked about, the right answer)


def relation_order(analysis: Analysis, rng: Random) -> list[RelationSubject]:
    graph = analysis.graph
    clashes: list[RelationSubject] = []
    between: list[RelationSubject] = []
    within: list[RelationSubject] = []
    for u, v, data in graph.edges(data=True):
        if data["relation"] == CONTRADICTS:
            clashes += [(u, CONTRADICTS, v), (v, CONTRADICTS, u)]
        elif data["relation"] != SUPPORTS:
            continue  # superseded: neither agreement nor clash, so no one right answer
        elif data["scope"] == "between":
            between.append((v, SUPPORTS, u))
        else:
            within.append((v, SUPPORTS, u))
    return interleave(rng, clashes, between, within)


def _relation_pool(analysis: Analysis, shown: str, relation: str, answer: str) -> list[str]:
    """Claims the map surely does not link to ``shown`` by ``relation``, from a fair set of authors."""
    graph = analysis.graph
    author = graph.nodes[shown]["author"]
    same_author = graph.nodes[answer]["author"] == author
    if relation == CONTRADICTS:
        joined = linked(graph, shown, CONTRADICTS)
        # A claim that agrees with one of its contradictors most likely clashes with it too.
        excluded = joined | {n for c in joined for n in linked(graph, c, SUPPORTS)}
    else:
        supports = _supports_only(analysis)
        # A reason of a reason still supports the claim: leave out everything above or below it.
        joined = nx.ancestors(supports, shown) | nx.descendants(supports, shown)
        excluded = set(joined)
        if same_author:
            # Within one author, keep to other lines of argument: the curator may not map every reason.
            own = supports.subgraph(n for n, d in graph.nodes(data=True) if d["author"] == author)
            excluded |= nx.node_connected_component(own.to_undirected(as_view=True), shown)
    lookalikes = [graph.nodes[n]["text"] for n in joined | {shown}]
    # Opposite sides on a thesis count as a clash, the same side as agreement (README: relation).
    stances = graph.nodes[shown]["theses"]
    return [
        n for n, d in graph.nodes(data=True)
        if n != shown and n not in excluded
        and (d["author"] == author) == (same_author and relation == SUPPORTS)
        and not any((d["theses"].get(t) == side) == (relation == SUPPORTS) for t, side in stances.items() if t in d["theses"])
        and not any(similar_text(d["text"], text) for text in lookalikes)
    ]


def build_relation(analysis: Analysis, rng: Random, subject: RelationSubject) -> Exercise | None:
    graph = analysis.graph
    shown, relation, answer = subject
    author = graph.nodes[shown]["author"]
    distractors = choose(rng, _relation_pool(analysis, shown, relation, answer))
    if not distractors:
        return None

    def option(claim_id: str) -> Option:
        node = graph.nodes[claim_id]
        return Option(f"{node['text']} ({node['author']})", claim_id)

    options, index = arrange(rng, option(answer), [option(d) for d in distractors])
    edge = edge_between(graph, shown, answer) or {}
    within = graph.nodes[answer]["author"] == author
    if relation == CONTRADICTS:
        prompt = "Which of these claims contradicts it?"
        said = f"{graph.nodes[answer]['author']}'s claim contradicts it"
    elif within:
        prompt = f"Which of these claims does {author} give as a reason for it?"
        said = f"{author} gives this as a reason for it"
    else:
        prompt = "Which of these claims supports it?"
        said = f"{graph.nodes[answer]['author']}'s claim supports it"
    why = f": {edge['rationale']}" if edge.get("rationale") else "."
    node = graph.nodes[answer]
    if node["voice"] == "reports":
        why += f" (That claim is a view {node['author']} reports, that of {node['speaker']}.)"
    question = Question(
        prompt,
        options,
        index,
        f"{said}{why} No other option has a {relation} link with it on the map.",
        (claim_ref(analysis, shown), claim_ref(analysis, answer)),
        {"claim": shown, "relation": relation},
    )
    return Exercise("relation", "Which claim agrees or clashes?",
                    f"Read {author}'s claim, then find the claim the map links to it.",
                    (_claim_passage(analysis, shown),), (question,), frozenset({shown, answer}))


# --- stance ------------------------------------------------------------------------------------

STANCE_OPTIONS = (
    Option("pro: argues for it", PRO),
    Option("con: argues against it", CON),
    Option("silent: takes no side on it", SILENT),
)


def stance_order(analysis: Analysis, rng: Random) -> list[str]:
    graph = analysis.graph
    return interleave(rng, (t["id"] for t in graph.graph["theses"]))


def _stance_question(analysis: Analysis, thesis: str, author: str, date: str) -> Question:
    graph = analysis.graph
    cell = analysis.stances[thesis, author]
    if cell.stance == SILENT:
        explanation = f"None of {author}'s own claims takes a side on this thesis."
    else:
        explanation = f"{author}'s own claims take the {cell.stance} side."
    for claim_id in cell.reported:
        node = graph.nodes[claim_id]
        explanation += (f" {author} also reports a {node['theses'][thesis]} view, that of {node['speaker']}; "
                        f"a reported view is not {author}'s own stance.")
    shown = cell.claims[:MAX_STANCE_EVIDENCE] + cell.reported
    return Question(
        f"{author} ({date})",
        STANCE_OPTIONS,
        [o.value for o in STANCE_OPTIONS].index(cell.stance),
        explanation,
        tuple(claim_ref(analysis, c) for c in shown),
        {"thesis": thesis, "author": author},
    )


def build_stance(analysis: Analysis, rng: Random, thesis: str) -> Exercise | None:
    graph = analysis.graph
    dates = analysis.first_dates
    questions, left_out = [], []
    for author in graph.graph["authors"]:
        if analysis.stances[thesis, author].stance == MIXED:
            left_out.append(author)  # pro, con or silent would each be wrong
        else:
            questions.append(_stance_question(analysis, thesis, author, dates[author]))
    if len(questions) < 2 or all(q.correct.value == SILENT for q in questions):
        return None
    note = f" ({', '.join(left_out)} left out: their own claims take both sides.)" if left_out else ""
    info = analysis.theses[thesis]
    return Exercise(
        "stance", "Who stands where?",
        "Place each author pro, con or silent on the thesis. Count only what each author asserts, "
        f"not views an author merely reports.{note}",
        (Passage(f"Thesis: {info['label']}", info["text"]),), tuple(questions), frozenset({f"thesis:{thesis}"}),
    )


# --- timing ------------------------------------------------------------------------------------

SPANS, BOTH_BEFORE, BOTH_AFTER = "spans", "both-before", "both-after"
TimingSubject = tuple[str, str, str, str]  # (earlier claim, later claim, event id, verdict)


def _date(analysis: Analysis, claim_id: str) -> str:
    graph = analysis.graph
    return str(analysis.sources[graph.nodes[claim_id]["source"]]["date"])


def timing_verdict(analysis: Analysis, first: str, second: str, event: dict[str, Any], timing: str) -> str | None:
    """Whether ``event`` falls between two clashing claims' texts, or None when the map cannot say."""
    sides = (side_of(_date(analysis, first), event["date"]), side_of(_date(analysis, second), event["date"]))
    if UNCLEAR in sides:
        return None
    if sides[0] == sides[1]:
        return BOTH_BEFORE if sides[0] == BEFORE else BOTH_AFTER
    # The event falls between them; only the curator's timing says the clash turns on it.
    return SPANS if timing == event["id"] else None


def timing_order(analysis: Analysis, rng: Random) -> list[TimingSubject]:
    graph = analysis.graph
    rank = analysis.source_rank
    groups: dict[tuple[bool, str], list[TimingSubject]] = {}
    for u, v, data in graph.edges(data=True):
        if data["relation"] != CONTRADICTS or data["scope"] != "between":
            continue
        first, second = sorted((u, v), key=lambda c: (rank[graph.nodes[c]["source"]], c))
        for event in graph.graph["events"]:
            verdict = timing_verdict(analysis, first, second, event, data["timing"])
            if verdict is not None:
                groups.setdefault((verdict != SPANS, event["id"]), []).append((first, second, event["id"], verdict))
    # Take turns between "yes" and "no" answers and between turning points, so a quiz varies them.
    return interleave(rng, *(groups[key] for key in sorted(groups)))


def _account(source: dict[str, Any]) -> Option:
    return Option(citation_of(source).short, source["id"])


def build_timing(analysis: Analysis, rng: Random, clash: TimingSubject) -> Exercise | None:
    graph = analysis.graph
    first, second, event_id, verdict = clash
    event = analysis.events[event_id]
    sources = analysis.sources
    when = f"{event['label']} ({event['date']})"
    if verdict == BOTH_AFTER:
        before = [s for s, r in sources.items() if side_of(r["date"], event["date"]) == BEFORE]
        picked = choose(rng, before, 1)
        if not picked:
            return None
        right = picked[0]
    else:
        right = graph.nodes[first]["source"]
    after = [s for s, r in sources.items() if side_of(r["date"], event["date"]) == AFTER]
    distractors = choose(rng, after)
    if not distractors:
        return None
    options, index = arrange(rng, _account(sources[right]), [_account(sources[s]) for s in distractors])
    later = "; ".join(f"{sources[s]['author']} {sources[s]['date']}" for s in sorted(distractors))
    which = Question(
        f"Which of these accounts was written before the turning point, {when}?",
        options,
        index,
        f"{sources[right]['author']}'s account dates from {sources[right]['date']}, before {event['date']}; "
        f"the others date from after it ({later}).",
        (),
        {"event": event_id},
    )
    a, b = graph.nodes[first]["author"], graph.nodes[second]["author"]
    da, db = _date(analysis, first), _date(analysis, second)
    rationale = (edge_between(graph, first, second) or {}).get("rationale", "")
    if verdict == SPANS:
        because = (f"{a}'s account dates from {da}, before {when}; {b}'s from {db}, after it. "
                   f"The map dates this clash to that turning point: {rationale}")
    else:
        side = "before" if verdict == BOTH_BEFORE else "after"
        because = (f"Both accounts date from {side} {when}: {a}'s from {da}, {b}'s from {db}. So it cannot "
                   f"explain why they disagree. The clash: {rationale}")
    explains = Question(
        f"{a}'s claim and {b}'s claim contradict each other. Does the turning point fall between "
        "the two accounts, so that timing may explain the clash?",
        (Option(f"Yes: {a} wrote before it and {b} after it", SPANS),
         Option("No: both wrote before it", BOTH_BEFORE),
         Option("No: both wrote after it", BOTH_AFTER)),
        [SPANS, BOTH_BEFORE, BOTH_AFTER].index(verdict),
        because,
        (claim_ref(analysis, first), claim_ref(analysis, second)),
        {"event": event_id, "first": first, "second": second},
    )
    return Exercise(
        "timing", "Before or after?",
        "Accounts written before a turning point could not know what came after it. "
        "Date the accounts, then judge whether the turning point separates the two clashing claims.",
        (Passage("Turning point", when), _claim_passage(analysis, first), _claim_passage(analysis, second)),
        (which, explains), frozenset({first, second}),
    )
