"""A comparative analysis worksheet, derived from the graph, as data: what the student reads (the
accounts, the theses in full, the turning points), guiding questions with room to write, an
evidence table to fill in, and for the teacher a model answer to every question, with the quotes.

Two kinds: two authors compared across every thesis either addresses (built on
``Analysis.compare``), or one thesis across every author. No question carries its own answer:
the sheet lists the material (every account with its date, every turning point in the corpus),
and the student works out what follows from it. Stances are the derived stance cells, so a
view an author only reports is listed apart and never counted as that author's stance;
clashes come as the analysis ranks them, clashes of reading apart from what changed with events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from argmap.analysis import Analysis, Clash
from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.analysis.timeline import events_between
from argmap.documents.refs import ClaimRef, citation_of, claim_ref
from argmap.errors import SameAuthorError
from argmap.graph import BETWEEN, SUPPORTS, is_reported, order_by_time

ROOM = {"short": 3, "table": 2, "long": 6}  # ruled lines the student's copy leaves under a question
LINKS_PER_ANSWER = 5  # pairs of claims quoted in one answer, sharpest clashes first
QUOTES_PER_CELL = 1  # quotes the model answer gives for an author's stance on a thesis (two when mixed)
CORE = 1  # an author's heaviest own claim: the conclusion most of the account is built to carry


@dataclass(frozen=True)
class Cell:
    author: str
    stance: str
    claims: tuple[ClaimRef, ...]  # the heaviest of the author's claims that put the cell where it is
    reported: tuple[ClaimRef, ...]
    more: int = 0  # how many more of the author's claims take a side here


@dataclass(frozen=True)
class StanceRow:
    thesis: str
    label: str
    text: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class LinkedPair:
    """Two claims of different authors that the map joins, earlier author first."""

    first: ClaimRef
    second: ClaimRef
    relation: str  # supports, contradicts or superseded
    rationale: str
    timing: str  # "label (date)" of the turning point the corpus dates the link to, or ""


@dataclass(frozen=True)
class Answer:
    """The model answer to one question: what to say, and the quotes that show it."""

    lines: tuple[str, ...] = ()
    claims: tuple[ClaimRef, ...] = ()
    links: tuple[LinkedPair, ...] = ()
    stances: tuple[StanceRow, ...] = ()
    more_links: int = 0  # links the map has beyond those shown


def _answer_with_links(lines: tuple[str, ...], links: tuple[LinkedPair, ...]) -> Answer:
    """An answer that quotes the first LINKS_PER_ANSWER links (clashes come ranked) and counts the rest."""
    return Answer(lines, links=links[:LINKS_PER_ANSWER], more_links=max(0, len(links) - LINKS_PER_ANSWER))


@dataclass(frozen=True)
class GuidingQuestion:
    text: str
    room: int  # ruled lines for the student's answer
    answer: Answer


@dataclass(frozen=True)
class Worksheet:
    corpus_title: str
    title: str
    thesis: tuple[str, str] | None  # (label, text) of a one-thesis worksheet
    authors: tuple[str, ...]
    accounts: tuple[str, ...]  # full citations of the authors' sources, in time order
    theses: tuple[tuple[str, str], ...]  # (label, text) of every thesis the table asks about
    events: tuple[str, ...]  # every turning point of the corpus, "label (date)", in time order
    questions: tuple[GuidingQuestion, ...]
    table_columns: tuple[str, ...]
    table_rows: tuple[str, ...]


def _stance_row(analysis: Analysis, thesis: dict[str, Any], authors: Iterable[str]) -> StanceRow:
    cells = []
    for author in authors:
        cell = analysis.stances[thesis["id"], author]
        # Both sides of a mixed cell are shown; otherwise the heaviest claims, in the order of the text.
        heaviest = sorted(cell.claims, key=lambda c: (-analysis.weights[c], analysis.order[c]))
        shown = (heaviest[:QUOTES_PER_CELL] if cell.stance != MIXED else
                 sorted(cell.pro, key=analysis.order.__getitem__)[:1] + sorted(cell.con, key=analysis.order.__getitem__)[:1])
        shown = sorted(shown, key=analysis.order.__getitem__)
        cells.append(Cell(author, cell.stance, tuple(claim_ref(analysis, c) for c in shown),
                          tuple(claim_ref(analysis, c) for c in cell.reported), len(cell.claims) - len(shown)))
    return StanceRow(thesis["id"], thesis["label"], thesis["text"], tuple(cells))


def _event(analysis: Analysis, event_id: str) -> str:
    event = analysis.events.get(event_id)
    return f"{event['label']} ({event['date']})" if event else ""


def _link(analysis: Analysis, a: str, b: str) -> LinkedPair:
    """The edge between two claims, the claim of the earlier text first."""
    graph = analysis.graph
    first, second = order_by_time(graph, *sorted((a, b)))
    data = graph.get_edge_data(a, b) or graph.get_edge_data(b, a)
    return LinkedPair(claim_ref(analysis, first), claim_ref(analysis, second), data["relation"], data["rationale"],
                      _event(analysis, data["timing"]))


def _clash_pair(analysis: Analysis, clash: Clash) -> LinkedPair:
    return _link(analysis, clash.earlier, clash.later)


def _agreements(analysis: Analysis, keep: Any) -> tuple[LinkedPair, ...]:
    graph = analysis.graph
    return tuple(_link(analysis, u, v) for u, v, d in graph.edges(data=True)
                 if d["relation"] == SUPPORTS and d["scope"] == BETWEEN and keep(u, v)
                 and not is_reported(graph, u) and not is_reported(graph, v))


def _accounts(analysis: Analysis, authors: Iterable[str]) -> tuple[str, ...]:
    wanted = set(authors)
    return tuple(str(citation_of(s)) for s in analysis.graph.graph["sources"] if s["author"] in wanted)


def _all_events(analysis: Analysis) -> tuple[str, ...]:
    return tuple(f"{e.label} ({e.date})" for e in analysis.timeline if e.kind == "event")


def _between(analysis: Analysis, first: str, last: str) -> list[str]:
    dates = analysis.first_dates
    certain, possible = events_between(analysis.graph, dates[first], dates[last])
    return [_event(analysis, e) for e in certain] + [f"perhaps {_event(analysis, e)} (partial dates)" for e in possible]


def _timing_answer(analysis: Analysis, authors: list[str], changes: tuple[LinkedPair, ...]) -> Answer:
    dates = analysis.first_dates
    lines = ["In time order: " + "; ".join(f"{a} ({dates[a]})" for a in authors) + "."]
    between = _between(analysis, authors[0], authors[-1])
    if between:
        lines.append("Turning points between the first and the last account: " + "; ".join(between) + ".")
    else:
        lines.append("No turning point in the corpus falls between these accounts, so their clashes are not a matter "
                     "of one author knowing more.")
    for link in changes:  # quoted in full under the clashes; named here
        kind = "each true of its own period" if link.relation == "superseded" else "a contradiction, partly a matter of timing"
        lines.append(f"{link.timing} falls between {link.first.author}'s \u201c{link.first.short}\u201d and "
                     f"{link.second.author}'s \u201c{link.second.short}\u201d: {kind}.")
    if between and not changes:
        lines.append("The map dates none of their clashes to a turning point.")
    return Answer(tuple(lines))


def _reported(rows: Iterable[StanceRow]) -> tuple[ClaimRef, ...]:
    return tuple(dict.fromkeys(r for row in rows for cell in row.cells for r in cell.reported))


def _reported_answer(reported: tuple[ClaimRef, ...]) -> Answer:
    return Answer(tuple(f"{r.author} reports the view of {r.speaker}; it is not {r.author}'s own, so it does not "
                        "count as their stance." for r in reported), claims=reported)


def authors_worksheet(analysis: Analysis, first: str, second: str) -> Worksheet:
    """Compare two authors (named by full name, source id or surname) across the theses."""
    graph = analysis.graph
    a, b = analysis.author(first), analysis.author(second)
    if a == b:
        raise SameAuthorError(a)
    a, b = [x for x in analysis.authors if x in (a, b)]  # time order
    comparison = analysis.compare(a, b)
    theses = analysis.theses
    rows = [row for row in (_stance_row(analysis, t, (a, b)) for t in graph.graph["theses"])
            if any(c.stance != SILENT or c.reported for c in row.cells)]
    pair = {a, b}

    def ours(u: str, v: str) -> bool:
        return {graph.nodes[u]["author"], graph.nodes[v]["author"]} == pair

    agreements = _agreements(analysis, ours)
    clashes = tuple(_clash_pair(analysis, c) for c in analysis.clashes_of_reading if ours(*c.claims))
    changes = tuple(_clash_pair(analysis, c) for c in analysis.changed_with_events if ours(*c.claims))
    same = [f"{theses[t]['label']}: both are {comparison.cells[t, a].stance}." for t in comparison.agreement.same_side]
    opposed = [f"{theses[t]['label']}: {a} is {comparison.cells[t, a].stance}, {b} is {comparison.cells[t, b].stance}."
               for t in comparison.agreement.opposite_sides]
    omissions = []
    for me, other, only_other in ((a, b, comparison.only_b), (b, a, comparison.only_a)):
        if only_other:
            omissions.append(f"{me} takes no side on what {other} argues about: "
                             + ", ".join(theses[t]["label"] for t in only_other) + ".")
        else:
            omissions.append(f"{me} takes a side on every thesis {other} takes a side on.")
    core = tuple(claim_ref(analysis, c) for author in (a, b) for c, _ in analysis.core(author, CORE))
    questions = [
        GuidingQuestion("What is the main argument of each account? Put it in a sentence, and quote the sentence of the "
                        "text that states it.", ROOM["short"],
                        Answer(tuple(f"{author}: {next(r.text for r in core if r.author == author)}" for author in (a, b)
                                     if any(r.author == author for r in core)), claims=core)),
        GuidingQuestion("On which theses does each author take a side? Fill in the table with the side and a short quote "
                        "for each.", ROOM["table"], Answer(stances=tuple(rows))),
        GuidingQuestion(f"Where do {a} and {b} agree? Find a claim of one that the other's account supports.", ROOM["short"],
                        _answer_with_links(tuple(same) or ("They take the same side on no thesis.",), agreements)),
        GuidingQuestion("Where do they clash? Quote both sides of each clash and say whether both could be true.",
                        ROOM["long"],
                        _answer_with_links(tuple(opposed) + (() if clashes or changes else ("The map records no clash between them.",)),
                                           clashes + changes)),
        GuidingQuestion("What does each account leave out that the other argues about?", ROOM["short"], Answer(tuple(omissions))),
        GuidingQuestion("Which of the turning points listed above fell between the two accounts? Does any of them explain a "
                        "clash?", ROOM["short"], _timing_answer(analysis, [a, b], changes)),
    ]
    reported = _reported(rows)
    if reported:
        questions.append(GuidingQuestion("Which passages only report someone else's view? Why do they not count as the "
                                         "author's stance?", ROOM["short"], _reported_answer(reported)))
    return Worksheet(
        str(graph.graph["title"]), f"Comparing {a} and {b}", None, (a, b), _accounts(analysis, (a, b)),
        tuple((row.label, row.text) for row in rows), _all_events(analysis), tuple(questions),
        ("Thesis", f"{a}: side and quote", f"{b}: side and quote", "Agree or clash?"),
        tuple(row.label for row in rows) or tuple(t["label"] for t in graph.graph["theses"]),
    )


def thesis_worksheet(analysis: Analysis, thesis_name: str) -> Worksheet:
    """Compare every author on one thesis (named by id, label or the start of either)."""
    graph = analysis.graph
    thesis = analysis.theses[analysis.thesis(thesis_name)]
    tid = thesis["id"]
    authors = list(analysis.authors)
    row = _stance_row(analysis, thesis, authors)
    bearing = analysis.thesis_links(tid)  # the links whose two claims both argue on the thesis
    agreements = tuple(_link(analysis, u, v) for u, v in bearing.agreements)
    clashes = tuple(_clash_pair(analysis, c) for c in bearing.clashes)
    changes = tuple(_clash_pair(analysis, c) for c in bearing.changed)
    sides = {side: [c.author for c in row.cells if c.stance == side] for side in (PRO, CON, MIXED, SILENT)}
    examples = []
    for side in (PRO, CON):
        claims = sorted((c for a in authors for c in analysis.stances[tid, a].claims if graph.nodes[c]["theses"][tid] == side),
                        key=lambda c: (-analysis.weights[c], analysis.order[c]))
        examples += [claim_ref(analysis, c) for c in claims[:1]]
    standing = [f"{word.capitalize()}: {', '.join(sides[side]) or 'none'}." for side, word in
                ((PRO, "pro"), (CON, "con"), (MIXED, "mixed (their own claims take both sides)"), (SILENT, "silent"))
                if sides[side] or side in (PRO, CON)]
    taking = {side: [c for a in authors for c in analysis.stances[tid, a].claims if graph.nodes[c]["theses"][tid] == side]
              for side in (PRO, CON)}
    weight = {side: sum(analysis.weights[c] for c in claims) for side, claims in taking.items()}
    count = {side: len(claims) for side, claims in taking.items()}
    questions = [
        GuidingQuestion("Read the thesis. What would an author have to say to be for it, or against it?", ROOM["short"],
                        Answer(tuple(f"{'For' if graph.nodes[c.id]['theses'][tid] == PRO else 'Against'}, for example "
                                     f"{c.author}: {c.text}" for c in examples), claims=tuple(examples))),
        GuidingQuestion("For each author, find a claim that takes a side and quote it in the table. Who is pro, who is con, "
                        "who is silent?", ROOM["table"], Answer(tuple(standing), stances=(row,))),
    ]
    reported = _reported([row])
    if reported:
        questions.append(GuidingQuestion("Which authors only report someone else's view on it? Why is that not their own "
                                         "stance?", ROOM["short"], _reported_answer(reported)))
    questions += [
        GuidingQuestion("Which claims of one author support or contradict another author's claim on this thesis?",
                        ROOM["long"], _answer_with_links(() if agreements or clashes or changes else
                                                         ("The map links no two authors' claims on it.",),
                                                         clashes + changes + agreements)),
        GuidingQuestion("Which side is better supported by its quotes, and why?", ROOM["long"],
                        Answer((f"The pro side rests on {count[PRO]} claims that take it (arguments of total weight "
                                f"{weight[PRO]}: each claim counts 1 plus the claims its author builds up to it), the con "
                                f"side on {count[CON]} (total weight {weight[CON]}). A good answer weighs the quotes "
                                "themselves: facts against readings, and what each author knew when writing.",))),
        GuidingQuestion("Which of the turning points listed above fell between the accounts? Did one change how authors "
                        "see the thesis?", ROOM["short"], _timing_answer(analysis, authors, changes)),
    ]
    dates = analysis.first_dates
    return Worksheet(
        str(graph.graph["title"]), f"Thesis: {thesis['label']}", (thesis["label"], thesis["text"]), tuple(authors),
        _accounts(analysis, authors), ((thesis["label"], thesis["text"]),), _all_events(analysis), tuple(questions),
        ("Author (date)", "Pro, con or silent?", "Quote that shows it", "Views only reported"),
        tuple(f"{a} ({dates[a]})" for a in authors),
    )
