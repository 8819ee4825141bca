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
from argmap.dates import AFTER, BEFORE, side_of
from argmap.documents.refs import citation_of, claim_ref
from argmap.graph import BETWEEN, CONTRADICTS, SUPERSEDED, SUPPORTS, Graph, edge_between, linked
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

BOTH_BEFORE, BOTH_AFTER = "both-before", "both-after"
TimingSubject = tuple[str, str, str]  # (claim of the earlier text, claim of the later text, event id)


def timing_order(analysis: Analysis, rng: Random) -> list[TimingSubject]:
    """Links between two accounts that the corpus dates to a turning point falling surely between them."""
    graph = analysis.graph
    rank = analysis.source_rank
    groups: dict[str, list[TimingSubject]] = {}
    for u, v, data in graph.edges(data=True):
        if data["relation"] not in (CONTRADICTS, SUPERSEDED) or data["scope"] != BETWEEN or not data["timing"]:
            continue
        first, second = sorted((u, v), key=lambda c: (rank[graph.nodes[c]["source"]], c))
        event = analysis.events[data["timing"]]
        if side_of(_date(analysis, first), event["date"]) == BEFORE and side_of(_date(analysis, second), event["date"]) == AFTER:
            groups.setdefault(data["relation"], []).append((first, second, event["id"]))
    # Take turns between changes and contradictions, so a quiz asks both.
    return interleave(rng, *(groups[key] for key in sorted(groups)))


def _date(analysis: Analysis, claim_id: str) -> str:
    return str(analysis.sources[analysis.graph.nodes[claim_id]["source"]]["date"])


def _undated_passage(analysis: Analysis, claim_id: str) -> Passage:
    """A claim with its author and title but not its date: the student dates it from what it says."""
    node = analysis.graph.nodes[claim_id]
    source = analysis.sources[node["source"]]
    return Passage(f"{node['author']}, \u201c{source['title']}\u201d", node["text"], node["quote"])


def build_timing(analysis: Analysis, rng: Random, subject: TimingSubject) -> Exercise | None:
    """Place two accounts either side of a turning point from what they say, then judge the clash.

    The accounts' dates are not shown (the turning point's is): the student reasons from what
    each passage reports. Then: can both claims be true, each of its own period (``superseded``),
    or do they contradict each other whatever the dates?
    """
    graph = analysis.graph
    first, second, event_id = subject
    event = analysis.events[event_id]
    when = f"{event['label']} ({event['date']})"
    a, b = graph.nodes[first]["author"], graph.nodes[second]["author"]
    if a == b:
        return None  # "which author wrote first" would have no answer
    shown = [first, second]
    rng.shuffle(shown)  # the order on the page gives nothing away
    x, y = (graph.nodes[c]["author"] for c in shown)
    options = (Option(f"{x} wrote before it, {y} after it", shown[0]), Option(f"{y} wrote before it, {x} after it", shown[1]),
               Option("Both wrote before it", BOTH_BEFORE), Option("Both wrote after it", BOTH_AFTER))
    edge = edge_between(graph, first, second) or {}
    da, db = _date(analysis, first), _date(analysis, second)
    order = Question(
        f"Which account was written before the turning point, {when}, and which after it?",
        options, [o.value for o in options].index(first),
        f"{a}'s account dates from {da}, before {event['date']}; {b}'s from {db}, after it. {edge.get('rationale', '')}".strip(),
        (claim_ref(analysis, first), claim_ref(analysis, second)),
        {"event": event_id, "shown": f"{shown[0]} {shown[1]}"},
    )
    kinds = (Option("Yes: each held in its own period; what happened after the turning point overturned the earlier one",
                    SUPERSEDED),
             Option("No: they contradict each other, whatever the dates", CONTRADICTS))
    if edge["relation"] == SUPERSEDED:
        why = (f"The map records that events overturned {a}'s claim: {a} described things before {event['label']}, "
               f"{b} after it, and each held in its own period.")
    else:
        why = (f"The map records a contradiction: the two claims cannot both hold, though {event['label']} falls "
               "between them and is part of the story.")
    both = Question(  # the quotes are given with the first question
        "Can both claims be true?", kinds, [o.value for o in kinds].index(edge["relation"]), why, (),
        {"first": first, "second": second},
    )
    return Exercise(
        "timing", "Before or after?",
        "The accounts' dates are not given: work out from what each passage says whether it was written before or "
        "after the turning point. Then decide whether the two claims clash, or each was true of its own time.",
        (Passage("Turning point", when), *(_undated_passage(analysis, c) for c in shown)),
        (order, both), frozenset({first, second}),
    )
