"""The map page's overview (its landing view), as plain data for the template.

The stance matrix (theses x authors in time order, each thesis with the clashes and agreements
that bear on it), the agreement heatmap, the clashes by kind with their method, the timeline,
the common ground and each author's core. Every clickable element is a link to a view of the
page (``#thesis=ID&author=SLUG``, ``#overview&claim=ID``, ``#graph&focus=KEY``); the claims a
``focus`` key stands for are in the page's JSON data, so no corpus text ever sits in an attribute
a script reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from argmap.analysis import AGREEMENT_METHOD, CLASH_METHOD, Analysis, Clash
from argmap.analysis.agreement import format_score
from argmap.render.map_data import author_slugs
from argmap.render.style import HEAT_AGREE, HEAT_CLASH, HEAT_NONE, TYPE_GLYPHS, TYPE_SHAPES, author_colour

SHOWN_CLASHES = 6  # per kind; the rest fold away
LISTED_CLASHES = 60  # per kind, in the page at all (a big corpus has thousands; the graph view has every one)
LISTED_GROUPS = 24  # of common ground

# The timeline strip, in SVG user units (the drawing scales to the panel's width).
STRIP_WIDTH, MARGIN, ROW, CHAR = 1000, 24, 16, 7.2


class Focus:
    """Claim sets the graph view can focus on, under short generated keys."""

    def __init__(self) -> None:
        self.sets: dict[str, list[str]] = {}

    def add(self, key: str, claims: list[str] | tuple[str, ...]) -> str:
        if not claims:
            return ""
        self.sets[key] = list(claims)
        return key


def _mix(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed into white: 0 is white, 1 the colour itself."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 + (c - 255) * amount):02X}" for c in rgb)


def heat_colour(score: float | None) -> tuple[str, str]:
    """(background, text colour) for an agreement score in [-1, 1], on the diverging scale."""
    if score is None:
        return HEAT_NONE, "#4a5262"
    amount = abs(score)
    return _mix(HEAT_AGREE if score > 0 else HEAT_CLASH, amount), "#ffffff" if amount > 0.55 else "#1d2330"


def _claim(analysis: Analysis, claim: str, colours: dict[str, str]) -> dict[str, Any]:
    node = analysis.graph.nodes[claim]
    source = analysis.sources[node["source"]]
    return {"id": claim, "author": node["author"], "short": analysis.short_names[node["author"]],
            "date": source["date"], "text": node["text"], "colour": colours[node["author"]],
            "glyph": TYPE_GLYPHS[TYPE_SHAPES[node["type"]]], "type": node["type"],
            "reported": node["speaker"] if node["voice"] == "reports" else ""}


def _stances(analysis: Analysis, slugs: dict[str, str]) -> list[dict[str, Any]]:
    graph = analysis.graph
    rows = []
    for thesis in graph.graph["theses"]:
        cells = []
        for author in analysis.authors:
            cell = analysis.stances[thesis["id"], author]
            title = f"{author} on \u201c{thesis['text']}\u201d: {cell.stance}"
            if cell.reported:
                title += f"; also reports {len(cell.reported)} view{'s' if len(cell.reported) > 1 else ''} (not counted)"
            cells.append({"stance": cell.stance, "label": cell.summary, "reported": len(cell.reported), "title": title,
                          "href": f"#thesis={thesis['id']}&author={slugs[author]}" if cell.claims or cell.reported else ""})
        links = analysis.thesis_links(thesis["id"])
        rows.append({"id": thesis["id"], "label": thesis["label"], "text": thesis["text"], "cells": cells,
                     "clashes": len(links.clashes), "changed": len(links.changed), "reported": len(links.reported),
                     "agreements": len(links.agreements)})
    return rows


def _agreement(analysis: Analysis, focus: Focus) -> dict[str, Any]:
    short = analysis.short_names
    authors = analysis.authors
    rows = []
    for i, a in enumerate(authors):
        row: list[dict[str, Any]] = []
        for j, b in enumerate(authors):
            if a == b:
                row.append({"self": True})
                continue
            pair = analysis.agreement[a, b]
            background, ink = heat_colour(pair.score)
            title = (f"{a} and {b}: {format_score(pair.score)}; agreements {pair.agreements} "
                     f"({len(pair.supports)} supports links, {len(pair.same_side)} theses on the same side), "
                     f"disagreements {pair.disagreements} ({len(pair.contradicts)} contradicts links, "
                     f"{len(pair.opposite_sides)} theses on opposite sides)")
            row.append({"self": False, "score": format_score(pair.score), "agreements": pair.agreements,
                        "disagreements": pair.disagreements, "background": background, "ink": ink, "title": title,
                        "focus": focus.add(f"pair-{min(i, j)}-{max(i, j)}", pair.claims)})
        rows.append({"author": a, "short": short[a], "colour": author_colour(i), "cells": row})
    return {"rows": rows, "method": list(AGREEMENT_METHOD), "agree": HEAT_AGREE, "clash": HEAT_CLASH}


def _clash(analysis: Analysis, clash: Clash, rank: int, colours: dict[str, str], focus: Focus, kind: str,
           sides: dict[str, dict[str, str]]) -> dict[str, Any]:
    event = analysis.events.get(clash.turning_point)
    bears = [t for t in analysis.thesis_ids if clash.earlier in sides[t] and clash.later in sides[t]]
    return {"rank": rank, "sharpness": clash.sharpness, "weights": list(clash.weights), "rationale": clash.rationale,
            "relation": clash.relation, "claims": [_claim(analysis, c, colours) for c in clash.claims],
            "turning_point": f"{event['label']} ({event['date']})" if event else "",
            "theses": [analysis.theses[t] for t in bears],
            "focus": focus.add(f"{kind}-{rank}", clash.claims)}


def _clash_kinds(analysis: Analysis, colours: dict[str, str], focus: Focus) -> list[dict[str, Any]]:
    kinds = [
        ("reading", "Clashes of reading", "The two accounts read the same events differently; both authors assert their claim.",
         analysis.clashes_of_reading),
        ("events", "Changed with events", "One account was written before a turning point the other reports; "
         "each may be true of its own period.", analysis.changed_with_events),
        ("reported", "With a view an author only reports", "Not counted as that author's clash: the author reports "
         "someone else's view.", analysis.clashes_with_reported),
    ]
    sides = {t: analysis.sides(t) for t in analysis.thesis_ids}
    found = []
    for key, title, about, clashes in kinds:
        entries = [_clash(analysis, c, rank, colours, focus, key, sides) for rank, c in enumerate(clashes[:LISTED_CLASHES], 1)]
        # The ranked list shows each claim once at its top; the clashes that repeat one come after.
        seen: set[str] = set()
        fresh = 0
        for clash in clashes:
            if not seen.isdisjoint(clash.claims):
                break
            seen.update(clash.claims)
            fresh += 1
        shown = min(SHOWN_CLASHES, fresh) if fresh else SHOWN_CLASHES
        found.append({"id": key, "title": title, "about": about, "total": len(clashes), "fresh": fresh,
                      "shown": entries[:shown], "fresh_more": entries[shown:fresh], "repeats": entries[max(shown, fresh):]})
    return found


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


def _timeline(analysis: Analysis, colours: dict[str, str], focus: Focus) -> dict[str, Any]:
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
    changed = analysis.changed_with_events + analysis.clashes_with_reported
    spans = []
    for event in analysis.graph.graph["events"]:
        dated = [c for c in changed if c.turning_point == event["id"]]
        claims = list(dict.fromkeys(claim for c in dated for claim in c.claims))
        spans.append({"label": event["label"], "date": event["date"], "links": len(dated),
                      "focus": focus.add(f"event-{event['id']}", claims)})
    return {"width": STRIP_WIDTH, "height": axis + 28 + ROW * max(below - 1, 0), "axis": axis, "ticks": ticks,
            "sources": sources, "events": events, "spans": spans}


def overview(analysis: Analysis, focus: Focus) -> dict[str, Any]:
    """Everything the overview shows; ``focus`` collects the claim sets its links focus the graph on."""
    colours = {a: author_colour(i) for i, a in enumerate(analysis.authors)}
    slugs = author_slugs(analysis)
    graph = analysis.graph
    ground = [
        {"authors": [analysis.short_names[a] for a in g.authors], "hub": _claim(analysis, g.hub, colours),
         "claims": [_claim(analysis, c, colours) for c in g.claims if c != g.hub],
         "contested": [_claim(analysis, c, colours) for c in g.contested_by], "focus": focus.add(f"ground-{i}", g.claims)}
        # Uncontested groups first: they are the common ground neither side disputes.
        for i, g in enumerate(sorted(analysis.common_ground, key=lambda g: bool(g.contested_by))[:LISTED_GROUPS])
    ]
    core = [{"author": a, "short": analysis.short_names[a], "slug": slugs[a], "colour": colours[a],
             "claims": [{**_claim(analysis, c, colours), "weight": w} for c, w in analysis.core(a)]}
            for a in analysis.authors]
    relations = [d["relation"] for *_, d in graph.edges(data=True)]
    return {
        "authors": [{"name": a, "short": analysis.short_names[a], "slug": slugs[a], "colour": colours[a],
                     "date": analysis.first_dates[a]} for a in analysis.authors],
        "stats": {"claims": graph.number_of_nodes(), "supports": relations.count("supports"),
                  "contradicts": relations.count("contradicts"), "superseded": relations.count("superseded")},
        "stances": _stances(analysis, slugs),
        "agreement": _agreement(analysis, focus),
        "clash_kinds": _clash_kinds(analysis, colours, focus),
        "clash_method": list(CLASH_METHOD),
        "timeline": _timeline(analysis, colours, focus),
        "ground": ground,
        "ground_total": len(analysis.common_ground),
        "core": core,
    }
