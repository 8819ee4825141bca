"""The comparative panels under the map: stance matrix, agreement heatmap, timeline, clashes,
common ground and each author's core.

The panels are rendered by the page template from plain data (escaped like all corpus text);
views.js only wires clicks to ``window.argmap.focusClaims``. The claims each clickable element
focuses live in ``focus`` (key -> claim ids) inside the page's JSON data: an element carries only
a generated key (``stance-0-2``), and the script sets any text it shows with textContent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from argmap.analysis import AGREEMENT_METHOD, Analysis
from argmap.analysis.agreement import format_score
from argmap.graph import CONTRADICTS
from argmap.render.map_page import render_map
from argmap.render.style import author_colour

TOP_CLASHES = 12
AGREE, DISAGREE, NO_SCORE = "#0072B2", "#D55E00", "#EEF0F4"  # Okabe-Ito blue / vermillion

# The timeline strip, in SVG user units (the drawing scales to the panel's width).
STRIP_WIDTH, MARGIN, ROW, CHAR = 1000, 24, 16, 7.2


class _Focus:
    """Collects the claim sets panels can focus on, under short generated keys."""

    def __init__(self) -> None:
        self.sets: dict[str, list[str]] = {}

    def add(self, key: str, claims: list[str] | tuple[str, ...]) -> str:
        if not claims:
            return ""
        self.sets[key] = list(claims)
        return key


def heat_colour(score: float | None) -> tuple[str, str]:
    """(background, text colour) for an agreement score in [-1, 1]."""
    if score is None:
        return NO_SCORE, "#5a6272"
    target = AGREE if score > 0 else DISAGREE
    amount = abs(score)
    rgb = [int(target[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 + (c - 255) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed), "#ffffff" if amount > 0.55 else "#1d2330"


def _claim(analysis: Analysis, claim: str, colours: dict[str, str]) -> dict[str, Any]:
    node = analysis.graph.nodes[claim]
    return {"id": claim, "author": node["author"], "text": node["text"], "colour": colours[node["author"]],
            "reported": node["speaker"] if node["voice"] == "reports" else ""}


def _stances(analysis: Analysis, focus: _Focus) -> dict[str, Any]:
    graph = analysis.graph
    cells = analysis.stances
    authors: list[str] = graph.graph["authors"]
    rows = []
    for i, thesis in enumerate(graph.graph["theses"]):
        row = []
        for j, author in enumerate(authors):
            cell = cells[thesis["id"], author]
            title = f"{author} on \u201c{thesis['text']}\u201d: {cell.stance}"
            if cell.claims:
                title += "\n" + "\n".join(f"{graph.nodes[c]['theses'][thesis['id']]}: {c}" for c in cell.claims)
            if cell.reported:
                title += "\nreported, not counted: " + ", ".join(cell.reported)
            row.append({"stance": cell.stance, "label": cell.summary, "reported": len(cell.reported), "title": title,
                        "focus": focus.add(f"stance-{i}-{j}", cell.claims)})
        rows.append({"id": thesis["id"], "label": thesis["label"], "text": thesis["text"], "cells": row})
    return {"rows": rows}


def _agreement(analysis: Analysis, focus: _Focus) -> dict[str, Any]:
    graph = analysis.graph
    short = analysis.short_names
    matrix = analysis.agreement
    authors: list[str] = graph.graph["authors"]
    rows = []
    for i, a in enumerate(authors):
        row: list[dict[str, Any]] = []
        for j, b in enumerate(authors):
            if a == b:
                row.append({"self": True})
                continue
            pair = matrix[a, b]
            background, ink = heat_colour(pair.score)
            title = (f"{a} and {b}: {format_score(pair.score)}\n"
                     f"agreements {pair.agreements}: {len(pair.supports)} supports links, {len(pair.same_side)} theses same side\n"
                     f"disagreements {pair.disagreements}: {len(pair.contradicts)} contradicts links, "
                     f"{len(pair.opposite_sides)} theses opposite sides")
            row.append({"self": False, "score": format_score(pair.score), "agreements": pair.agreements,
                        "disagreements": pair.disagreements, "background": background, "ink": ink, "title": title,
                        "focus": focus.add(f"pair-{min(i, j)}-{max(i, j)}", pair.claims)})
        rows.append({"author": a, "short": short[a], "cells": row})
    return {"rows": rows, "method": list(AGREEMENT_METHOD)}


def _stack(items: list[dict[str, Any]], width_of: Callable[[dict[str, Any]], float]) -> int:
    """Give each label (sorted by x) the first row where it does not overlap; return row count."""
    ends: list[float] = []
    for item in items:
        start = item["x"] if item["anchor"] == "start" else item["x"] - width_of(item)
        for row, end in enumerate(ends):
            if start > end + 14:
                ends[row] = start + width_of(item)
                item["row"] = row
                break
        else:
            item["row"] = len(ends)
            ends.append(start + width_of(item))
    return len(ends)


def _timeline(analysis: Analysis, focus: _Focus, colours: dict[str, str]) -> dict[str, Any]:
    graph = analysis.graph
    short = analysis.short_names
    entries = analysis.timeline
    start = min(e.first for e in entries).replace(month=1, day=1)
    end = max(e.last for e in entries).replace(month=12, day=31) + dt.timedelta(days=1)
    span = (end - start).days

    def x(day: dt.date) -> float:
        return round(MARGIN + (STRIP_WIDTH - 2 * MARGIN) * (day - start).days / span, 1)

    def label_width(item: dict[str, Any]) -> float:
        return len(item["label"]) * CHAR

    sources: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for entry in entries:
        x1, x2 = x(entry.first), x(entry.last + dt.timedelta(days=1))
        mid = round((x1 + x2) / 2, 1)
        anchor = "end" if mid > STRIP_WIDTH * 0.75 else "start"
        if entry.kind == "source":
            sources.append({"x": mid, "x1": x1, "x2": max(x2, x1 + 2), "anchor": anchor, "date": entry.date,
                            "label": f"{short[entry.author]} {entry.date}", "title": f"{entry.author}, {entry.label} ({entry.date})",
                            "colour": colours[entry.author]})
        else:
            events.append({"x": mid, "anchor": anchor, "date": entry.date, "label": entry.label, "id": entry.id})
    above = _stack(sources, label_width)
    below = _stack(events, label_width)
    axis = 14 + ROW * above
    for item in sources:
        item["y"] = axis - 12 - ROW * item["row"]
    for item in events:
        item["y"] = axis + 22 + ROW * item["row"]
    # A year's label sits just right of its tick; the closing tick (1 January after the last year) has none.
    ticks = [{"x": x(dt.date(year, 1, 1)), "label": str(year) if year < end.year else ""}
             for year in range(start.year, end.year + 1)]
    clashes = analysis.clashes
    labels = analysis.event_labels
    spans = []
    for event in graph.graph["events"]:
        certain = [c for c in clashes if event["id"] in c.timing.certain]
        possible = [c for c in clashes if event["id"] in c.timing.possible]
        claims = list(dict.fromkeys(claim for c in certain + possible for claim in c.claims))
        spans.append({"label": labels[event["id"]], "date": event["date"], "certain": len(certain),
                      "possible": len(possible), "focus": focus.add(f"event-{event['id']}", claims)})
    return {"width": STRIP_WIDTH, "height": axis + 28 + ROW * max(below - 1, 0), "axis": axis, "ticks": ticks,
            "sources": sources, "events": events, "spans": spans}


def panels_payload(analysis: Analysis) -> dict[str, Any]:
    """Everything the panels show, JSON-ready; ``focus`` maps each clickable key to claim ids."""
    graph = analysis.graph
    focus = _Focus()
    short = analysis.short_names
    colours = {a: author_colour(i) for i, a in enumerate(analysis.authors)}
    events = analysis.event_labels
    clashes = []
    for rank, clash in enumerate(analysis.clashes[:TOP_CLASHES], 1):
        clashes.append({
            "rank": rank, "sharpness": clash.sharpness, "weights": list(clash.weights), "rationale": clash.rationale,
            "claims": [_claim(analysis, c, colours) for c in clash.claims],
            "certain": [events[e] for e in clash.timing.certain], "possible": [events[e] for e in clash.timing.possible],
            "focus": focus.add(f"clash-{rank}", clash.claims),
        })
    ground = [
        {"authors": list(g.authors), "claims": [_claim(analysis, c, colours) for c in g.claims],
         "contested": list(g.contested_by), "focus": focus.add(f"ground-{i}", g.claims)}
        # Uncontested groups first: they are the common ground neither side disputes.
        for i, g in enumerate(sorted(analysis.common_ground, key=lambda g: bool(g.contested_by)))
    ]
    core = []
    for i, author in enumerate(analysis.authors):
        claims = analysis.core(author)
        core.append({"author": author, "colour": colours[author],
                     "claims": [{"id": c, "text": graph.nodes[c]["text"], "weight": w} for c, w in claims],
                     "focus": focus.add(f"core-{i}", [c for c, _ in claims])})
    return {
        "authors": [{"name": a, "short": short[a], "colour": colours[a]} for a in graph.graph["authors"]],
        "stances": _stances(analysis, focus),
        "agreement": _agreement(analysis, focus),
        "timeline": _timeline(analysis, focus, colours),
        "clashes": clashes,
        "clash_total": sum(1 for *_, d in graph.edges(data=True) if d["relation"] == CONTRADICTS),
        "ground": ground,
        "core": core,
        "focus": focus.sets,
    }


def render_map_with_panels(analysis: Analysis) -> str:
    """The map page with the comparative panels under it."""
    return render_map(analysis, extra={"views": panels_payload(analysis)}, scripts=("views.js",))
