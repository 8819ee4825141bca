"""The graph view as one standalone SVG: lanes, labelled claim boxes, links and a legend.

Drawn at the positions of ``argmap.layout`` (the drawing's layout units are the SVG's user units,
shifted down under the legend), for papers, slides and print. Plain SVG 1.1 with presentation
attributes only: no script, no CSS, no external reference, so any viewer or editor shows the same.
Every corpus string goes through ``xml_text`` (escaped, control characters dropped).

Drawing order, bottom to top: lane bands, links within one author, links between authors
(supports, then superseded, then contradicts, the most visible, last; each faint where it
passes through a third author's lane, so a strong line in a lane always has an end there), lane
labels, boxes (a little translucent, so a link passing under one can still be followed) with
their badges: the number of clashes (red, a cross), of links superseded by events (purple, a
turning arrow) and of agreements with other authors (green, a plus).
"""

from __future__ import annotations

import re

from argmap.graph import Graph

from argmap.layout import (
    FONT_SIZE,
    HEADER_FONT_SIZE,
    HEADER_HEIGHT,
    HEADER_REPEAT,
    LANE_BAR,
    LANE_PAD,
    LINE_HEIGHT,
    PAD_Y,
    Box,
    Layout,
    printable,
)
from argmap.corpus.models import CLAIM_TYPE_MEANINGS, ClaimType
from argmap.render.style import LINK_STYLES, TYPE_GLYPHS, TYPE_SHAPES, lighten, link_kind
from argmap.layout.text import FONT_STACK, fit_line, text_width

MARGIN = 40
INK = "#1D2330"
MUTED = "#5A6272"
REPORTED_INK = "#6D5200"
BOLD_FACTOR = 1.27  # DejaVu Sans Bold is at most this much wider than the regular face
LEGEND_FONT = 16
LEGEND_ROW = 30
TITLE_FONT = 26
LINK_ORDER = ("within", "supports", "superseded", "contradicts")
BADGE_FONT = 11
BADGE_HEIGHT = 16
BOX_OPACITY = 0.86
THROUGH_OPACITY = 0.28  # a link between lanes where it crosses a third author's lane  # links passing under a box stay faintly visible, so each can be followed


def xml_text(text: object) -> str:
    """``text`` safe as XML character data or an attribute value."""
    return (
        printable(str(text))
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _n(value: float) -> str:
    """A coordinate, short and the same on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def render_svg(graph: Graph, layout: Layout) -> str:
    """The graph view of ``graph`` at ``layout``'s positions, with a legend on top."""
    title = str(graph.graph.get("title", "")) or "Argument map"
    legend, legend_height, legend_width = _legend(graph, layout, title)
    width = max(layout.width, legend_width) + 2 * MARGIN
    height = layout.height + legend_height + 2 * MARGIN
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{xml_text(FONT_STACK)}">',
        f"<title>{xml_text(title)}</title>",
        f"<desc>{xml_text(_description(graph, layout))}</desc>",
        _markers(),
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#FFFFFF"/>',
        f'<g transform="translate({MARGIN} {MARGIN})">',
        legend,
        "</g>",
        f'<g id="drawing" transform="translate({MARGIN} {MARGIN + legend_height})">',
        _lanes(layout),
        _links(graph, layout),
        _lane_labels(layout),
        _boxes(graph, layout),
        "</g>",
        "</svg>",
    ]
    return "\n".join(part for part in out if part) + "\n"


def _description(graph: Graph, layout: Layout) -> str:
    kinds = [link_kind(d.get("relation", ""), d.get("scope", "")) for _, _, d in graph.edges(data=True)]
    return (
        f"{len(layout.boxes)} claims by {len(layout.lanes)} authors, one lane each in time order; "
        f"{kinds.count('contradicts')} contradicts, {kinds.count('supports')} supports between authors, "
        f"{kinds.count('superseded')} superseded, {kinds.count('within')} supports within one author."
    )


def _markers() -> str:
    parts = ["<defs>"]
    for kind in LINK_ORDER:
        style = LINK_STYLES[kind]
        if style["end"] == "bar":  # a bar across the line's end, drawn for both ends
            size = 4.0 * float(style["width"])
            parts.append(
                f'<marker id="bar-{kind}" viewBox="0 0 4 12" refX="2" refY="6" markerUnits="userSpaceOnUse" '
                f'markerWidth="{_n(size / 3)}" markerHeight="{_n(size)}" orient="auto">'
                f'<rect x="0" y="0" width="4" height="12" fill="{style["colour"]}"/></marker>'
            )
        if style["end"] != "arrow":
            continue
        size = 7 + 2.2 * float(style["width"])
        parts.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" '
            f'markerWidth="{_n(size)}" markerHeight="{_n(size)}" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{style["colour"]}"/></marker>'
        )
    parts.append("</defs>")
    return "".join(parts)


def _lanes(layout: Layout) -> str:
    parts = ['<g id="lanes">']
    for lane in layout.lanes:
        b = lane.bounds
        parts += [
            f'<g id="lane-{lane.index}">',
            f'<rect x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}" fill="{lighten(lane.colour, 0.9)}" '
            f'stroke="{lane.colour}" stroke-width="1.5"/>',
            f'<rect x="{b.x}" y="{b.y}" width="{LANE_BAR}" height="{b.height}" fill="{lane.colour}"/>',
            f'<rect x="{b.x + LANE_BAR}" y="{b.y}" width="{b.width - LANE_BAR}" height="{lane.header.height}" '
            f'fill="{lighten(lane.colour, 0.72)}"/>',
        ]
        parts.append("</g>")
    parts.append("</g>")
    return "\n".join(parts)


def _lane_labels(layout: Layout) -> str:
    """The lanes' header labels, drawn over the links with a halo of the header's colour."""
    parts = ['<g id="lane-labels" stroke-linejoin="round" paint-order="stroke">']
    for lane in layout.lanes:
        b = lane.bounds
        room = min(HEADER_REPEAT, b.width - LANE_BAR - 2 * LANE_PAD) - 160  # 160: the claim count
        label = fit_line(lane.label, room / BOLD_FACTOR, HEADER_FONT_SIZE)
        count = f"{lane.claims} claim{'s' if lane.claims != 1 else ''}"
        baseline = b.y + HEADER_HEIGHT / 2 + 0.36 * HEADER_FONT_SIZE
        halo = f'stroke="{lighten(lane.colour, 0.72)}" stroke-width="5"'
        for text_x in lane.label_x:
            count_x = text_x + text_width(label, HEADER_FONT_SIZE) * BOLD_FACTOR + 16
            parts += [
                f'<text x="{text_x}" y="{_n(baseline)}" font-size="{HEADER_FONT_SIZE}" font-weight="bold" '
                f'fill="{INK}" {halo}>{xml_text(label)}</text>',
                f'<text x="{_n(count_x)}" y="{_n(baseline)}" font-size="{FONT_SIZE + 1}" fill="{MUTED}" {halo}>{count}</text>',
            ]
    parts.append("</g>")
    return "\n".join(parts)


def _border_point(box: Box, toward_x: float, toward_y: float, inset: float = 0.0) -> tuple[float, float]:
    """Where the line from ``box``'s centre toward a point leaves the box (``inset`` further out)."""
    dx, dy = toward_x - box.x, toward_y - box.y
    if dx == 0 and dy == 0:
        return float(box.x), float(box.y)
    half_w, half_h = box.width / 2, box.height / 2
    t = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    length = (dx * dx + dy * dy) ** 0.5
    t += inset / length
    return box.x + dx * t, box.y + dy * t


def _pieces(x1: float, y1: float, x2: float, y2: float, bands: list[tuple[float, float]]) -> list[tuple[float, float, bool]]:
    """The stretches (t from, t to, inside a band) of the line from (x1, y1) to (x2, y2) split
    where it crosses ``bands`` (top, bottom) that it passes right through."""
    if y1 == y2 or not bands:
        return [(0.0, 1.0, False)]
    cuts = sorted(sorted(((top - y1) / (y2 - y1), (bottom - y1) / (y2 - y1))) for top, bottom in bands)
    out, at = [], 0.0
    for enter, leave in cuts:
        enter, leave = max(enter, at), min(leave, 1.0)
        if leave <= enter:
            continue
        out += [(at, enter, False), (enter, leave, True)]
        at = leave
    out.append((at, 1.0, False))
    return [piece for piece in out if piece[1] > piece[0]]


def _links(graph: Graph, layout: Layout) -> str:
    """Every link as lines; a link between lanes fades where it passes through another author's
    lane, so that a strong line inside a lane always has an end in it."""
    strong: dict[str, list[str]] = {kind: [] for kind in LINK_ORDER}
    faint: dict[str, list[str]] = {kind: [] for kind in LINK_ORDER}
    bands = [(float(lane.bounds.y), float(lane.bounds.y + lane.bounds.height)) for lane in layout.lanes]
    for source, target, data in graph.edges(data=True):
        kind = link_kind(str(data.get("relation", "")), str(data.get("scope", "")))
        a, b = layout.boxes[source], layout.boxes[target]
        style = LINK_STYLES[kind]
        end_gap = 1.5 if style["end"] == "arrow" else 3.0 if style["end"] == "bar" else 0.0
        x1, y1 = _border_point(a, b.x, b.y, end_gap if style["end"] == "bar" else 0.0)
        x2, y2 = _border_point(b, a.x, a.y, end_gap)
        low, high = sorted((a.lane, b.lane))
        pieces = _pieces(x1, y1, x2, y2, bands[low + 1 : high])
        for index, (t1, t2, through) in enumerate(pieces):
            markers = ""
            if style["end"] == "bar":
                markers += f' marker-start="url(#bar-{kind})"' if index == 0 else ""
                markers += f' marker-end="url(#bar-{kind})"' if index == len(pieces) - 1 else ""
            elif style["end"] == "arrow" and index == len(pieces) - 1:
                markers = f' marker-end="url(#arrow-{kind})"'
            line = (f'<line x1="{_n(x1 + (x2 - x1) * t1)}" y1="{_n(y1 + (y2 - y1) * t1)}" '
                    f'x2="{_n(x1 + (x2 - x1) * t2)}" y2="{_n(y1 + (y2 - y1) * t2)}"{markers}/>')
            (faint if through else strong)[kind].append(line)
    parts = ['<g id="links" fill="none" stroke-linecap="round">']
    for kind in LINK_ORDER:
        style = LINK_STYLES[kind]
        attributes = f'stroke="{style["colour"]}" stroke-width="{style["width"]}"'
        if style["dash"]:
            attributes += f' stroke-dasharray="{style["dash"]}"'
        if faint[kind]:
            parts.append(f'<g id="links-{kind}-through" {attributes} stroke-opacity="{THROUGH_OPACITY}">')
            parts += faint[kind]
            parts.append("</g>")
        if not strong[kind]:
            continue
        if style["halo"]:  # a white casing first, so each line stands clear of those it crosses
            parts.append(f'<g id="links-{kind}-halo" stroke="#FFFFFF" stroke-opacity="0.85" '
                         f'stroke-width="{float(style["width"]) + 2 * float(style["halo"])}">')
            parts += [re.sub(r' marker-(start|end)="[^"]*"', "", line) for line in strong[kind]]
            parts.append("</g>")
        parts.append(f'<g id="links-{kind}" {attributes}>')
        parts += strong[kind]
        parts.append("</g>")
    parts.append("</g>")
    return "\n".join(parts)


BADGES = (("contradicts", "\u2715"), ("superseded", "\u27f3"), ("supports", "+"))


def _link_counts(graph: Graph) -> dict[str, dict[str, int]]:
    """Per claim: how many contradicts, superseded and supports between authors touch it."""
    counts: dict[str, dict[str, int]] = {node: {kind: 0 for kind, _ in BADGES} for node in graph}
    for source, target, data in graph.edges(data=True):
        kind = link_kind(str(data.get("relation", "")), str(data.get("scope", "")))
        if kind in counts[source]:
            counts[source][kind] += 1
            counts[target][kind] += 1
    return counts


def _badge(right: float, top: float, text: str, colour: str) -> tuple[str, float]:
    """A pill with white ``text`` whose right end is at ``right``; returns it and its width."""
    width = text_width(text, BADGE_FONT) * BOLD_FACTOR + 10
    left = right - width
    return (
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" height="{BADGE_HEIGHT}" rx="{BADGE_HEIGHT / 2}" '
        f'fill="{colour}" stroke="#FFFFFF" stroke-width="1.5"/>'
        f'<text x="{_n(left + width / 2)}" y="{_n(top + BADGE_HEIGHT / 2 + 0.36 * BADGE_FONT)}" font-size="{BADGE_FONT}" '
        f'font-weight="bold" text-anchor="middle" fill="#FFFFFF">{text}</text>',
        width,
    )


def _boxes(graph: Graph, layout: Layout) -> str:
    counts = _link_counts(graph)
    parts = ['<g id="claims">']
    for node, box in layout.boxes.items():
        data = graph.nodes[node]
        colour = layout.lanes[box.lane].colour
        fill = "#FFFFFF" if box.reported else lighten(colour, 0.72)
        dash = ' stroke-dasharray="6 4"' if box.reported else ""
        tooltip = f"{node} ({data.get('type', '')}, {data.get('author', '')})\n{data.get('text', '')}"
        if box.reported:
            tooltip += f"\nReported view of {data.get('speaker', '')}, not {data.get('author', '')}'s own"
        parts.append(
            f'<g><title>{xml_text(tooltip)}</title>'
            f'<rect x="{box.left}" y="{box.top}" width="{box.width}" height="{box.height}" rx="5" fill="{fill}" '
            f'fill-opacity="{BOX_OPACITY}" stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        parts.append(f'<text font-size="{FONT_SIZE}" text-anchor="middle" fill="{INK}">')
        for index, line in enumerate(box.lines):
            baseline = box.top + PAD_Y + index * LINE_HEIGHT + LINE_HEIGHT / 2 + 0.36 * FONT_SIZE
            ink = f' fill="{REPORTED_INK}"' if box.reported and index == 0 else ""
            parts.append(f'<tspan x="{box.x}" y="{_n(baseline)}"{ink}>{xml_text(line)}</tspan>')
        parts.append("</text>")
        right, badge_top = box.right + 6.0, box.top - BADGE_HEIGHT / 2 - 1
        for kind, sign in BADGES:
            if counts[node][kind]:
                badge, used = _badge(right, badge_top, f"{sign}{counts[node][kind]}", str(LINK_STYLES[kind]["colour"]))
                parts.append(badge)
                right -= used + 3
        parts.append("</g>")
    parts.append("</g>")
    return "\n".join(parts)


def _legend(graph: Graph, layout: Layout, title: str) -> tuple[str, int, int]:
    """The legend block (title, authors, claim types, reported views, links): svg, height, width."""
    parts = ['<g id="legend">']
    y = TITLE_FONT
    parts.append(f'<text x="0" y="{y}" font-size="{TITLE_FONT}" font-weight="bold" fill="{INK}">{xml_text(title)}</text>')
    y += 16
    rows_width = 0.0

    def row(items: list[tuple[str, str]], heading: str) -> None:
        """items: (svg of a 28x20 sample at the origin, text)."""
        nonlocal y, rows_width
        y += LEGEND_ROW
        x = 0.0
        parts.append(f'<text x="0" y="{y}" font-size="{LEGEND_FONT}" font-weight="bold" fill="{MUTED}">{heading}</text>')
        x += text_width(heading, LEGEND_FONT) * BOLD_FACTOR + 16
        for sample, text in items:
            parts.append(f'<g transform="translate({_n(x)} {y - 15})">{sample}</g>')
            x += 36
            parts.append(f'<text x="{_n(x)}" y="{y}" font-size="{LEGEND_FONT}" fill="{INK}">{xml_text(text)}</text>')
            x += text_width(text, LEGEND_FONT) + 28
        rows_width = max(rows_width, x)

    authors = [
        (f'<rect x="0" y="0" width="28" height="20" rx="4" fill="{lighten(lane.colour, 0.72)}" stroke="{lane.colour}" '
         f'stroke-width="2.5"/>', lane.label)
        for lane in layout.lanes
    ]
    row(authors, "Authors")
    types = [
        (f'<text x="14" y="16" font-size="{LEGEND_FONT + 2}" text-anchor="middle" fill="{INK}">'
         f'{TYPE_GLYPHS[TYPE_SHAPES[t.value]]}</text>', f"{t.value}")
        for t in ClaimType
    ]
    types.append(
        ('<rect x="0" y="0" width="28" height="20" rx="4" fill="#FFFFFF" stroke="#5A6272" stroke-width="2.5" '
         'stroke-dasharray="6 4"/>', "reported: a view the author only reports (dashed)")
    )
    row(types, "Claims")
    links = []
    for kind in LINK_ORDER:
        style = LINK_STYLES[kind]
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        marker = f' marker-end="url(#arrow-{kind})"' if style["end"] == "arrow" else ""
        sample = (f'<line x1="3" y1="10" x2="25" y2="10" stroke="{style["colour"]}" stroke-width="{style["width"]}" '
                  f'stroke-linecap="round"{dash}{marker}/>')
        if style["end"] == "bar":
            sample = sample.replace("/>", f' marker-start="url(#bar-{kind})" marker-end="url(#bar-{kind})"/>')
        links.append((sample, str(style["label"])))
    row(links, "Links")
    meanings = "; ".join(f"{TYPE_GLYPHS[TYPE_SHAPES[t.value]]} {t.value}: {CLAIM_TYPE_MEANINGS[t]}" for t in ClaimType)
    parts.append(f"<desc>{xml_text(meanings)}</desc>")
    parts.append("</g>")
    height = y + 36
    return "\n".join(parts), height, int(rows_width) + 1
