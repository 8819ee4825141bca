"""Plain text for the terminal: one claim in full, the stance table, the agreement matrix and two
authors compared."""

from __future__ import annotations

import textwrap


from argmap.analysis import AGREEMENT_METHOD, Analysis, Clash, Comparison, PairAgreement, StanceCell
from argmap.analysis.agreement import format_score
from argmap.analysis.stances import MIXED
from argmap.corpus import Corpus
from argmap.corpus.quotes import sentence_around
from argmap.graph import CONTRADICTS, Graph, SUPERSEDED, SUPPORTS, events_by_id

WIDTH = 100
LABEL_WIDTH = 34


def _wrap(text: str, indent: str, hang: str = "", width: int = WIDTH) -> list[str]:
    """Wrapped lines; claim ids are never split at their hyphens."""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + hang,
                         break_on_hyphens=False, break_long_words=False) or [indent.rstrip()]


def _within(lines: list[str], width: int) -> list[str]:
    """Headings and other fixed lines wrapped too, so that nothing runs past ``width``; tables stay whole."""
    out: list[str] = []
    for line in lines:
        if len(line) <= width or "  " in line.strip():
            out.append(line)  # short, or a table row (columns are runs of spaces)
        else:
            indent = line[: len(line) - len(line.lstrip())]
            out += _wrap(line.strip(), indent, "  ", width)
    return out


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def table(rows: list[list[str]], gap: int = 3) -> list[str]:
    """Left-aligned columns, each as wide as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [(" " * gap).join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]


def _cell_label(cell: StanceCell) -> str:
    return cell.summary + (f" (r{len(cell.reported)})" if cell.reported else "")


def _labels(graph: Graph) -> dict[str, str]:
    return {t["id"]: t["label"] for t in graph.graph["theses"]}


def render_stances(analysis: Analysis, only: str | None = None, width: int = WIDTH) -> str:
    """The theses x authors table, then the claims behind every cell, wrapped to ``width``."""
    graph = analysis.graph
    cells = analysis.stances
    authors = analysis.authors
    short = analysis.short_names
    labels = _labels(graph)
    texts = {t["id"]: t["text"] for t in graph.graph["theses"]}
    theses = [t for t in analysis.thesis_ids if only is None or t == only]
    cell_rows = [[short[a] for a in authors]] + [[_cell_label(cells[t, a]) for a in authors] for t in theses]
    # On a narrow terminal the columns close up, then the labels give way.
    gap = 3 if width >= WIDTH else 2
    columns = sum(max(len(row[i]) for row in cell_rows) + gap for i in range(len(authors)))
    label_width = max(12, min(LABEL_WIDTH, width - columns))
    rows = [["Thesis", *cell_rows[0]]] + [[_fit(labels[t], label_width), *row] for t, row in zip(theses, cell_rows[1:])]
    lines = ["Where each author stands (from their own claims; reported views never count)", ""]
    lines += table(rows, gap)
    if width >= WIDTH:
        lines += ["", "pro N / con N: the side the author's N claims take; mixed P/C: P claims pro, C con;",
                  "\u00b7 silent; (rN): N views the author only reports, not counted.", ""]
    else:
        lines += ["", *_wrap("pro N / con N: the side the author's N claims take; mixed P/C: P claims pro, C con; "
                             "\u00b7 silent; (rN): N views the author only reports, not counted.", "", width=width), ""]
    for thesis in theses:
        lines += _wrap(f"{labels[thesis]} ({thesis}): {texts[thesis]}", "", "  ", width)
        detail = []
        for author in authors:
            cell = cells[thesis, author]
            if cell.stance == MIXED:
                claims = f"pro: {', '.join(cell.pro)}; con: {', '.join(cell.con)}"
            else:
                claims = ", ".join(cell.claims)
            if cell.reported:
                claims += ("; " if claims else "") + "reports: " + ", ".join(
                    f"{c} (view of {graph.nodes[c]['speaker']})" for c in cell.reported)
            detail.append((author, cell.stance, claims))
        name_width = max(len(a) for a, _, _ in detail)
        for author, stance, claims in detail:
            head = f"  {author.ljust(name_width)}  {stance.ljust(6)}  "
            lines += _wrap(head + claims, "", " " * len(head), width) if claims else [head.rstrip()]
        lines.append("")
    return "\n".join(_within(lines, width)).rstrip() + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _pair_cell(pair: PairAgreement) -> str:
    return f"{format_score(pair.score)} ({pair.agreements}/{pair.disagreements})"


def render_agreement(analysis: Analysis, width: int = WIDTH) -> str:
    """The author x author agreement matrix with its method, wrapped to ``width``."""
    matrix = analysis.agreement
    authors = analysis.authors
    short = analysis.short_names
    rows = [["", *(short[a] for a in authors)]]
    rows += [[short[a], *("\u00b7" if a == b else _pair_cell(matrix[a, b]) for b in authors)] for a in authors]
    lines = ["Agreement between authors: score (agreements/disagreements)", ""]
    lines += table(rows)
    lines += ["", "Method:"]
    for line in AGREEMENT_METHOD:
        lines += _wrap(line, "  ", width=width)
    return "\n".join(_within(lines, width)) + "\n"


def _quoted(graph: Graph, claim: str, indent: str, width: int) -> list[str]:
    """A claim on one or more lines: id, author, date, paraphrase; then its quote."""
    node = graph.nodes[claim]
    voice = f" [reported: the view of {node['speaker']}]" if node["voice"] == "reports" else ""
    head = f"{claim} ({node['author']}, {node['date']}){voice}: {node['text']}"
    return _wrap(head, indent, "  ", width) + _wrap(f"\u201c{node['quote']}\u201d", indent + "  ", width=width)


def _clash_lines(graph: Graph, number: int, clash: Clash, events: dict[str, str], width: int) -> list[str]:
    lines = [f"  {number}. sharpness {clash.sharpness} (weights {clash.weights[0]} + {clash.weights[1]})"]
    lines += _quoted(graph, clash.earlier, "     ", width) + _quoted(graph, clash.later, "     ", width)
    lines += _wrap("why: " + clash.rationale, "     ", width=width)
    if clash.turning_point:  # only the turning point the corpus names, not every event in between
        lines += _wrap(f"turning point: {events[clash.turning_point]}: the earlier text was written before it, "
                       "the later after", "     ", width=width)
    return lines


def _theses_lines(graph: Graph, comparison: Comparison, theses: tuple[str, ...], width: int) -> list[str]:
    """One entry per thesis: each author's stance and the claims behind it."""
    lines = []
    for thesis in theses:
        lines.append(f"    {_labels(graph)[thesis]}:")
        for author in (comparison.a, comparison.b):
            cell = comparison.cells[thesis, author]
            lines += _wrap(f"{author} {cell.stance}: {', '.join(cell.claims)}", "      ", "  ", width)
    return lines


def render_comparison(analysis: Analysis, comparison: Comparison, width: int = WIDTH) -> str:
    """Where two authors agree, where they clash (both quotes and why), what only one addresses."""
    graph = analysis.graph
    a, b = comparison.a, comparison.b
    pair = comparison.agreement
    dates = analysis.first_dates
    labels = _labels(graph)
    events = analysis.event_labels
    lines = [f"{a} ({dates[a]}) and {b} ({dates[b]})",
             f"Agreement {format_score(pair.score)}: {_count(pair.agreements, 'agreement')}, "
             f"{_count(pair.disagreements, 'disagreement')}"
             " (see 'argmap compare' for the method)", "", "WHERE THEY AGREE"]
    if not pair.supports and not pair.same_side:
        lines.append("  Nowhere: no supports link and no thesis on which they take the same side.")
    for source, target in pair.supports:
        lines += [f"  {source} supports {target}"]
        lines += _quoted(graph, source, "     ", width) + _quoted(graph, target, "     ", width)
        lines += _wrap("why: " + graph.edges[source, target]["rationale"], "     ", width=width)
    if pair.same_side:
        lines.append("  Same side on a thesis:")
        lines += _theses_lines(graph, comparison, pair.same_side, width)
    lines += ["", "WHERE THEY CLASH"]
    if not comparison.clashes and not pair.opposite_sides:
        lines.append("  Nowhere: no contradicts link and no thesis on which they take opposite sides.")
    for number, clash in enumerate(comparison.clashes, 1):
        lines += _clash_lines(graph, number, clash, events, width)
    if pair.opposite_sides:
        lines.append("  Opposite sides on a thesis:")
        lines += _theses_lines(graph, comparison, pair.opposite_sides, width)
    if comparison.changed:
        lines += ["", "WHAT CHANGED WITH EVENTS (each held in its own period; not counted as a disagreement)"]
        for number, clash in enumerate(comparison.changed, 1):
            lines += _wrap(f"{number}. across {events[clash.turning_point]}", "  ", width=width)
            lines += _quoted(graph, clash.earlier, "     ", width) + _quoted(graph, clash.later, "     ", width)
            lines += _wrap("why: " + clash.rationale, "     ", width=width)
    if comparison.reported_links:
        lines += ["", "LINKS TO A VIEW ONE OF THEM ONLY REPORTS (not counted as theirs)"]
        for source, target in comparison.reported_links:
            edge = graph.edges[source, target]
            lines += [f"  {source} {edge['relation']} {target}"]
            lines += _quoted(graph, source, "     ", width) + _quoted(graph, target, "     ", width)
            lines += _wrap("why: " + edge["rationale"], "     ", width=width)
    if comparison.partly:
        lines += ["", "BOTH ADDRESS, AT LEAST ONE MIXED"]
        lines += _theses_lines(graph, comparison, comparison.partly, width)
    lines += ["", "ONLY ONE OF THEM ADDRESSES"]
    for author, only in ((a, comparison.only_a), (b, comparison.only_b)):
        lines.append(f"  Only {author} takes a side on:" + ("" if only else " no thesis."))
        for thesis in only:
            cell = comparison.cells[thesis, author]
            lines += _wrap(f"{labels[thesis]} ({cell.stance}): {', '.join(cell.claims)}", "    ", "  ", width)
    return "\n".join(_within(lines, width)) + "\n"


# -- one claim --------------------------------------------------------------------------------

CLAIM_WIDTH = 88


def _fill(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, CLAIM_WIDTH, initial_indent=indent, subsequent_indent=indent)


def describe_claim(corpus: Corpus, graph: Graph, claim_id: str) -> str:
    """A claim with its citation, its quote in context and every link in and out."""
    node = graph.nodes[claim_id]
    source = corpus.source_of(claim_id)
    span = corpus.spans[claim_id]
    before, quote, after = sentence_around(corpus.texts[source.id], span)
    date = source.date + f" ({source.date_precision})" + (f"; {source.date_note}" if source.date_note else "")
    lines = [
        f"{claim_id}  [{node['type']}]",
        _fill(node["text"], ""),
        "",
        f"Author:  {source.author}",
        f"Source:  {source.title}, {source.publication}",
        f"Date:    {date}",
        f"Voice:   {'reports the view of ' + node['speaker'] + ' (not the author’s own stance)' if node['voice'] == 'reports' else 'asserts (the author’s own claim)'}",
    ]
    if node["theses"]:
        lines.append("Theses:  " + ", ".join(f"{t} {s}" for t, s in sorted(node["theses"].items())))
    lines += ["", f"Quote ({source.text}, characters {span.start}-{span.end}), in its sentence:",
              _fill(f"{before}»{quote}«{after}".strip())]
    sections = [
        ("Supports", [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == SUPPORTS]),
        ("Supported by", [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == SUPPORTS]),
        ("Contradicts", [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == CONTRADICTS]
         + [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == CONTRADICTS]),
        ("Overtaken by events (each held in its own period)",
         [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == SUPERSEDED]
         + [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == SUPERSEDED]),
    ]
    events = events_by_id(graph)
    for title, links in sections:
        if not links:
            continue
        lines += ["", f"{title}:"]
        for other, data in links:
            other_node = graph.nodes[other]
            lines.append(_fill(f"{other} ({other_node['author']}): {other_node['text']}"))
            if data["rationale"]:
                lines.append(_fill("why: " + data["rationale"], "      "))
            if data.get("timing"):
                event = events[data["timing"]]
                lines.append(_fill(f"timing: the two texts fall either side of {event['label']} ({event['date']})", "      "))
    return "\n".join(lines)
