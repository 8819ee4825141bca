"""A comparative analysis worksheet, derived from the graph: guiding questions, an evidence table
for the student to fill, and a model answer (stances, agreements, clashes with quotes, what each
account leaves out, and timing).

Two kinds: two authors compared across every thesis either addresses (built on
``Analysis.compare``), or one thesis across every author. Stances are the derived stance cells, so
a view an author only reports is listed apart and never counted as that author's stance. Clashes
come sharpest first (``Analysis.clashes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from argmap.analysis import Analysis
from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.analysis.timeline import events_between
from argmap.documents.refs import ClaimRef, citation_of, claim_ref
from argmap.errors import SameAuthorError
from argmap.graph import BETWEEN, SUPPORTS, order_by_time


@dataclass(frozen=True)
class Cell:
    author: str
    stance: str
    claims: tuple[ClaimRef, ...]
    reported: tuple[ClaimRef, ...]


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
    relation: str
    rationale: str
    timing: str  # "label (date)" of the turning point between them, or ""


@dataclass(frozen=True)
class Worksheet:
    corpus_title: str
    title: str
    authors: tuple[str, ...]
    accounts: tuple[str, ...]  # full citations of the authors' sources, in time order
    questions: tuple[str, ...]
    table_columns: tuple[str, ...]
    table_rows: tuple[str, ...]
    stances: tuple[StanceRow, ...]
    agreements: tuple[LinkedPair, ...]
    clashes: tuple[LinkedPair, ...]
    stance_agreements: tuple[str, ...]
    stance_clashes: tuple[str, ...]
    omissions: tuple[str, ...]
    timing: tuple[str, ...]


def _stance_row(analysis: Analysis, thesis: dict[str, Any], authors: Iterable[str]) -> StanceRow:
    cells = []
    for author in authors:
        cell = analysis.stances[thesis["id"], author]
        cells.append(Cell(author, cell.stance, tuple(claim_ref(analysis, c) for c in cell.claims),
                          tuple(claim_ref(analysis, c) for c in cell.reported)))
    return StanceRow(thesis["id"], thesis["label"], thesis["text"], tuple(cells))


def _link(analysis: Analysis, a: str, b: str) -> LinkedPair:
    """The edge between two claims, the claim of the earlier text first."""
    graph = analysis.graph
    first, second = order_by_time(graph, *sorted((a, b)))
    data = graph.get_edge_data(a, b) or graph.get_edge_data(b, a)
    event = analysis.events.get(data["timing"])
    return LinkedPair(claim_ref(analysis, first), claim_ref(analysis, second), data["relation"], data["rationale"],
                      f"{event['label']} ({event['date']})" if event else "")


def _between_links(analysis: Analysis, keep: Callable[[str, str], bool]) -> tuple[list[LinkedPair], list[LinkedPair]]:
    """(agreements, clashes) between different authors for which ``keep`` holds; clashes sharpest first."""
    graph = analysis.graph
    agreements = [_link(analysis, u, v) for u, v, d in graph.edges(data=True)
                  if d["relation"] == SUPPORTS and d["scope"] == BETWEEN and keep(u, v)]
    clashes = [_link(analysis, c.earlier, c.later) for c in analysis.clashes
               if graph.nodes[c.earlier]["author"] != graph.nodes[c.later]["author"] and keep(c.earlier, c.later)]
    return agreements, clashes


def _accounts(analysis: Analysis, authors: Iterable[str]) -> tuple[str, ...]:
    wanted = set(authors)
    return tuple(str(citation_of(s)) for s in analysis.graph.graph["sources"] if s["author"] in wanted)


def _events_between(analysis: Analysis, earlier: str, later: str) -> list[dict[str, Any]]:
    return [analysis.events[e] for e in events_between(analysis.graph, earlier, later)[0]]


def _timing(analysis: Analysis, authors: list[str], clashes: list[LinkedPair]) -> tuple[str, ...]:
    dates = analysis.first_dates
    lines = ["In time order: " + "; ".join(f"{a} ({dates[a]})" for a in authors) + "."]
    between = _events_between(analysis, dates[authors[0]], dates[authors[-1]])
    if between:
        lines.append("Turning points between the first and the last account: "
                     + "; ".join(f"{e['label']} ({e['date']})" for e in between) + ".")
    else:
        lines.append("No turning point in the corpus falls between these accounts, so their clashes are not "
                     "a matter of one author knowing more.")
    for link in clashes:
        if link.timing:
            lines.append(f"{link.first.author} and {link.second.author} clash across {link.timing}: "
                         f"{link.first.id} vs {link.second.id}.")
    return tuple(lines)


def _sides(label: str, side: str, names: list[str]) -> str:
    return f"{label}: {', '.join(names[:-1])} and {names[-1]} are {'both' if len(names) == 2 else 'all'} {side}."


def authors_worksheet(analysis: Analysis, first: str, second: str) -> Worksheet:
    """Compare two authors (named by full name, source id or surname) across the theses."""
    graph = analysis.graph
    a, b = analysis.author(first), analysis.author(second)
    if a == b:
        raise SameAuthorError(a)
    a, b = [x for x in analysis.authors if x in (a, b)]  # time order
    comparison = analysis.compare(a, b)
    theses = analysis.theses
    stances = [
        row for row in (_stance_row(analysis, t, (a, b)) for t in graph.graph["theses"])
        if any(c.stance != SILENT or c.reported for c in row.cells)
    ]
    pair = {a, b}
    agreements, clashes = _between_links(
        analysis, lambda u, v: {graph.nodes[u]["author"], graph.nodes[v]["author"]} == pair)
    shared = []
    for thesis in comparison.agreement.same_side:
        side = comparison.cells[thesis, a].stance
        shared.append(_sides(theses[thesis]["label"], side, [a, b]))
    opposed = [f"{theses[t]['label']}: {a} is {comparison.cells[t, a].stance}, {b} is {comparison.cells[t, b].stance}."
               for t in comparison.agreement.opposite_sides]
    omissions = []
    for me, other, only_other in ((a, b, comparison.only_b), (b, a, comparison.only_a)):
        if only_other:
            omissions.append(f"{me} takes no side on what {other} argues about: "
                             + ", ".join(theses[t]["label"] for t in only_other) + ".")
        else:
            omissions.append(f"{me} takes a side on every thesis {other} takes a side on.")
    dates = analysis.first_dates
    between = _events_between(analysis, dates[a], dates[b])
    events_q = (f"{a}'s account is dated {dates[a]} and {b}'s {dates[b]}. Which turning points fell in between "
                f"({'; '.join(e['label'] + ', ' + e['date'] for e in between)})? Does any of them explain a clash?"
                if between else
                f"{a}'s account is dated {dates[a]} and {b}'s {dates[b]}, with no turning point in the corpus in between. "
                "Are their clashes about facts or about how to read them?")
    questions = [
        f"Who are the two authors, and when and where did each publish? ({a}; {b})",
        "On which theses does each take a side? Fill in the table with a short quote for each.",
        f"Where do {a} and {b} agree? Find a claim of one that the other's account supports.",
        "Where do they clash? Quote both sides of each clash and say whether both could be true.",
        "What does each account leave out that the other argues about?",
        events_q,
    ]
    if any(c.reported for row in stances for c in row.cells):
        questions.append("Which passages only report someone else's view? Why do they not count as the author's stance?")
    return Worksheet(
        str(graph.graph["title"]), f"Comparing {a} and {b}", (a, b), _accounts(analysis, (a, b)), tuple(questions),
        ("Thesis", f"{a}: side and quote", f"{b}: side and quote", "Agree or clash?"),
        tuple(row.label for row in stances) or tuple(t["label"] for t in graph.graph["theses"]),
        tuple(stances), tuple(agreements), tuple(clashes), tuple(shared), tuple(opposed), tuple(omissions),
        _timing(analysis, [a, b], clashes),
    )


def thesis_worksheet(analysis: Analysis, thesis_name: str) -> Worksheet:
    """Compare every author on one thesis."""
    graph = analysis.graph
    thesis = analysis.theses[analysis.thesis(thesis_name)]
    authors = list(analysis.authors)
    row = _stance_row(analysis, thesis, authors)
    on_thesis = {n for n, d in graph.nodes(data=True) if thesis["id"] in d["theses"]}
    agreements, clashes = _between_links(analysis, lambda u, v: u in on_thesis or v in on_thesis)
    pro = [c.author for c in row.cells if c.stance == PRO]
    con = [c.author for c in row.cells if c.stance == CON]
    shared = [_sides(row.label, side, names) for side, names in ((PRO, pro), (CON, con)) if len(names) > 1]
    opposed = [f"{row.label}: {', '.join(pro)} pro against {', '.join(con)} con."] if pro and con else []
    omissions = [f"{c.author} takes no side on it." + (" (Only reports others' views on it.)" if c.reported else "")
                 for c in row.cells if c.stance == SILENT]
    omissions += [f"{c.author}'s own claims take both sides." for c in row.cells if c.stance == MIXED]
    dates = analysis.first_dates
    questions = [
        f"Read the thesis: \u201c{thesis['text']}\u201d What would an author have to say to be for it, or against it?",
        "For each author, find a claim that takes a side and quote it in the table. Who is pro, who is con, who is silent?",
        "Which claims of one author support or contradict another author's claim on this thesis?",
        "Which side is better supported by its quotes, and why?",
        "Put the accounts in time order (" + "; ".join(f"{a}, {dates[a]}" for a in authors)
        + "). Did a turning point change how authors see the thesis?",
    ]
    if any(c.reported for c in row.cells):
        questions.insert(3, "Which authors only report someone else's view on it? Why is that not their own stance?")
    return Worksheet(
        str(graph.graph["title"]), f"Thesis: {thesis['label']}", tuple(authors), _accounts(analysis, authors),
        tuple(questions), ("Author (date)", "Pro, con or silent?", "Quote that shows it", "Views only reported"),
        tuple(f"{a} ({dates[a]})" for a in authors), (row,), tuple(agreements), tuple(clashes),
        tuple(shared), tuple(opposed), tuple(omissions) or ("Every author takes a side on it.",),
        _timing(analysis, authors, clashes),
    )
