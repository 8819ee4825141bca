"""The graph view's geometry: one lane per author, each author's argument as a layered tree.

``compute_layout(graph)`` places every claim of a graph from ``argmap.graph.build_graph`` as a
labelled box, deterministically (the same graph gives the same numbers on every run and hash seed)
and in near-linear time. The picture it describes:

- **Lanes.** One horizontal band per author, stacked top to bottom in the time order of
  ``graph.graph["authors"]``, all of one width, with a header strip (author, dates, colour; the
  label repeats along a wide band) and a white gutter between bands. Links between authors
  (supports, contradicts, superseded) cross the gutters from band to band; bands are wide and
  short (an argument's fan of reasons spreads sideways, the drawing aims at a landscape 1.6:1),
  so those links are long, steep lines, apart from the short links inside a band, and the gutters
  keep the bands apart even when the whole drawing is fitted to a screen.
- **Inside a lane.** The author's own ``supports`` links (scope ``author``) split the author's
  claims into arguments (connected groups). Each argument is drawn as a layered tree
  (``argmap.layout.layered``): conclusions on top (layer 0), every reason in a row below what it
  supports, rows ordered to keep crossings few. Claims with no supports link sit in the top row
  when few, else in compact grids. ``argmap.layout.lanes`` packs the arguments into shelves and
  slides (and mirrors) them toward the claims they link to in other lanes.
- **Boxes.** Every claim is a box around its label (``display_label``) with the claim type's
  glyph in front, wrapped to a fixed width; a view the author only reports gets a first line
  ``reported: <speaker>``. Sizes come from DejaVu Sans's advance widths (``argmap.layout.text``),
  not from rendering, so any renderer draws the same box around the same lines.

Coordinates are layout units, one CSS pixel at scale 1, origin at the top-left, y downwards (as in
SVG and vis-network). Box positions are centres, in whole units, and sizes are even, so edges
fall on whole units too. A page draws the same boxes with vis-network: ``shape: "box"``,
``label: "\\n".join(box.lines)``, ``font: {size: FONT_SIZE, face: FONT_STACK}``, ``margin:
{top: PAD_Y, bottom: PAD_Y, left: PAD_X, right: PAD_X}``, ``widthConstraint: {minimum:
box.width - 2 * PAD_X}``, ``heightConstraint: {minimum: box.height - 2 * PAD_Y}`` (vis-network's
constraints size the label inside the margins; give no maximum, as vis-network 9.1 measures
each gap between words as three spaces when it wraps, and the lines come wrapped already), at
``x: box.x, y: box.y`` with physics off; tests/test_svg_browser.py checks that its boxes are then
these to the pixel. (The map page's graph view draws each box itself from these numbers, as a
vis-network custom shape: render/templates/map_graph.js.) ``Layout.opening_view`` says where to open, ``lane_view`` where each "go to
lane" button goes, ``fitted_view`` the whole drawing; ``to_data()`` is all of it as plain data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping

from argmap.graph import CONTRADICTS, SUPERSEDED, SUPPORTS, Graph
from argmap.layout.lanes import arrange
from argmap.layout.text import FONT_STACK, cut_at_word, fit_line, text_width, wrap
from argmap.render.style import TYPE_GLYPHS, TYPE_SHAPES, author_colour

__all__ = ["Box", "Lane", "Layout", "Rect", "View", "box_lines", "compute_layout", "display_label", "printable",
           "store_positions", "FONT_SIZE", "FONT_STACK", "LINE_HEIGHT", "PAD_X", "PAD_Y"]

# Box text (layout units = CSS px at scale 1).
FONT_SIZE = 13
LINE_HEIGHT = 16
PAD_X = 8
PAD_Y = 6
TEXT_WIDTH = 176  # the widest a line may be; boxes are as wide as their widest line
MAX_LINES = 3  # of label; a reported view's tag line comes on top
LABEL_CHARS = 72  # a paraphrase is cut to this many characters at a word boundary
MIN_BOX_WIDTH = 72

# Spacing (gaps between boxes in a row are argmap.layout.lanes's).
LAYER_GAP = 40  # between the rows of a lane: room for the arrows
SHELF_GAP = 54  # between shelves of one lane
LANE_PAD = 20  # inside a band, around its content
LANE_BAR = 10  # the author's colour bar down the band's left edge
HEADER_HEIGHT = 38
HEADER_FONT_SIZE = 19
HEADER_REPEAT = 900  # a wide band repeats its header label this often, so a zoomed view shows one
LANE_GUTTER = 160  # between bands: where links between authors are easiest to follow
TARGET_ASPECT = 1.6  # width / height the packing aims at (a landscape screen with a side list)

# Opening view: labels at 12 CSS px (13 px text at 12/13 scale), never under the 11 px asked for.
OPEN_LABEL_PX = 12.0
VIEW_MARGIN = 16


@dataclass(frozen=True)
class Box:
    """One claim's box: centre ``x``, ``y``; ``lines`` as drawn, top to bottom."""

    id: str
    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]
    reported: bool  # True: a view the author only reports; lines[0] is its "reported: ..." tag
    lane: int
    layer: int  # row in its argument: 0 = a conclusion, higher = further reasons; -1 = no supports link

    @property
    def left(self) -> int:
        return self.x - self.width // 2

    @property
    def top(self) -> int:
        return self.y - self.height // 2

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Rect:
    x: int  # left
    y: int  # top
    width: int
    height: int


@dataclass(frozen=True)
class Lane:
    """One author's band: ``bounds`` includes the header strip; ``header`` is that strip."""

    index: int
    author: str
    dates: tuple[str, ...]  # the dates of the author's sources, in time order
    colour: str
    label: str  # header text: "Author · date"
    bounds: Rect
    header: Rect
    label_x: tuple[int, ...]  # where the header label starts (repeated along a wide band)
    claims: int


@dataclass(frozen=True)
class View:
    """A viewport: the layout point at its centre and the scale (CSS px per layout unit)."""

    x: float
    y: float
    scale: float


@dataclass(frozen=True)
class Layout:
    """Boxes (in graph node order) and lanes (in time order) of the graph view; ``width`` and
    ``height`` bound the whole drawing, whose top-left corner is (0, 0)."""

    boxes: dict[str, Box]
    lanes: tuple[Lane, ...]
    width: int
    height: int

    def fitted_view(self, width: float, height: float) -> View:
        """The whole drawing in a ``width`` x ``height`` CSS px viewport."""
        scale = min((width - 2 * VIEW_MARGIN) / max(self.width, 1), (height - 2 * VIEW_MARGIN) / max(self.height, 1))
        return View(self.width / 2, self.height / 2, round(scale, 4))

    def opening_view(self, width: float = 1280, height: float = 720) -> View:
        """Where a page should open: the whole drawing if its labels are legible that way, else
        the first lane at a scale that draws labels at 12 CSS px, across the stretch of the first
        two lanes where most claims are in view (from the left edge when that is as good)."""
        fitted = self.fitted_view(width, height)
        if fitted.scale * FONT_SIZE >= OPEN_LABEL_PX:
            return View(fitted.x, fitted.y, min(fitted.scale, 1.0))
        view = self.lane_view(0, width, height)
        span = width / view.scale
        if self.width <= span:
            return view
        top = self.lanes[0].bounds.y - VIEW_MARGIN / view.scale
        bottom = top + height / view.scale
        centres = sorted(b.x for b in self.boxes.values() if b.top >= top and b.bottom <= bottom)
        inset = TEXT_WIDTH / 2 + PAD_X  # a box counts when its centre is this far inside the window
        best_left, best_count, end = 0.0, -1, 0
        for start, centre in enumerate(centres):  # windows starting at each box, left to right
            window_left = max(0.0, min(centre - inset - VIEW_MARGIN / view.scale, self.width - span))
            while end < len(centres) and centres[end] <= window_left + span - inset:
                end += 1
            count = end - start
            if count > best_count + 2:  # clearly more in view than every window to its left
                best_left, best_count = window_left, count
        return View(round(best_left + span / 2, 1), view.y, view.scale)

    def lane_view(self, index: int, width: float = 1280, height: float = 720) -> View:
        """The lane's header at the top-left of the viewport, labels at 12 CSS px ("go to lane")."""
        scale = round(OPEN_LABEL_PX / FONT_SIZE, 4)
        lane = self.lanes[index].bounds
        span_x, span_y = width / scale, height / scale
        left = lane.x - VIEW_MARGIN / scale
        if self.width <= span_x:  # the drawing is narrower than the view: centre it
            left = (self.width - span_x) / 2
        top = lane.y - VIEW_MARGIN / scale
        return View(round(left + span_x / 2, 1), round(top + span_y / 2, 1), scale)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data for a page script: the boxes, lanes, font and opening view."""
        view = self.opening_view()
        return {
            "width": self.width,
            "height": self.height,
            "font": {"size": FONT_SIZE, "face": FONT_STACK, "line_height": LINE_HEIGHT, "pad_x": PAD_X, "pad_y": PAD_Y},
            "opening_view": {"x": view.x, "y": view.y, "scale": view.scale},
            "boxes": {
                b.id: {"x": b.x, "y": b.y, "width": b.width, "height": b.height, "lines": list(b.lines),
                       "reported": b.reported, "lane": b.lane, "layer": b.layer}
                for b in self.boxes.values()
            },
            "lanes": [
                {"author": lane.author, "dates": list(lane.dates), "colour": lane.colour, "label": lane.label,
                 "claims": lane.claims, "bounds": _rect_data(lane.bounds), "header": _rect_data(lane.header),
                 "label_x": list(lane.label_x)}
                for lane in self.lanes
            ],
        }


def _rect_data(rect: Rect) -> dict[str, int]:
    return {"x": rect.x, "y": rect.y, "width": rect.width, "height": rect.height}


def display_label(node: Mapping[str, Any]) -> str:
    """The short label a map shows for a claim: its ``label`` if set, else its paraphrase cut at
    a word boundary to LABEL_CHARS characters (with an ellipsis when cut)."""
    label = " ".join(str(node.get("label") or "").split())
    return printable(label) if label else printable(cut_at_word(str(node.get("text", "")), LABEL_CHARS))


# C0 and C1 controls, lone surrogates and the two noncharacters XML forbids.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` without control characters (which no page or SVG may carry)."""
    return _UNPRINTABLE.sub("", text)


def box_lines(node: Mapping[str, Any]) -> tuple[list[str], bool]:
    """The lines of a claim's box (type glyph first) and whether it is a reported view."""
    glyph = TYPE_GLYPHS[TYPE_SHAPES.get(str(node.get("type")), "dot")]
    lines = wrap(f"{glyph} {display_label(node)}", TEXT_WIDTH, FONT_SIZE, MAX_LINES)
    reported = node.get("voice") == "reports"
    if reported:
        speaker = printable(str(node.get("speaker") or "")) or "someone else"
        lines.insert(0, fit_line(f"reported: {speaker}", TEXT_WIDTH, FONT_SIZE))
    return lines, reported


def _even_ceil(value: float) -> int:
    return 2 * math.ceil(value / 2 - 1e-9)


# How strongly a link to another lane pulls its two claims into line (contradicts most: the
# clash lines are what a reader looks for first).
ACROSS_PULL = {CONTRADICTS: 1.5, SUPPORTS: 1.0, SUPERSEDED: 1.0}


def compute_layout(graph: Graph) -> Layout:
    """Place every claim of ``graph`` (see the module docstring)."""
    authors: list[str] = list(graph.graph.get("authors", []))
    nodes = list(graph.nodes)
    number = {node: i for i, node in enumerate(nodes)}
    lines_of: list[tuple[list[str], bool]] = []
    widths: list[float] = []
    heights: list[float] = []
    lane_index = {author: i for i, author in enumerate(authors)}
    lane_of: list[int] = []
    for node, data in graph.nodes(data=True):
        lines, reported = box_lines(data)
        lines_of.append((lines, reported))
        widest = max((text_width(line, FONT_SIZE) for line in lines), default=0.0)
        widths.append(float(max(MIN_BOX_WIDTH, _even_ceil(widest + 2 * PAD_X + 1))))
        heights.append(float(_even_ceil(len(lines) * LINE_HEIGHT + 2 * PAD_Y)))
        author = str(data.get("author", ""))
        if author not in lane_index:  # an author missing from the list still gets a lane, last
            lane_index[author] = len(authors)
            authors.append(author)
        lane_of.append(lane_index[author])
    members: list[list[int]] = [[] for _ in authors]
    for n, lane in enumerate(lane_of):
        members[lane].append(n)
    lane_edges: list[list[tuple[int, int]]] = [[] for _ in authors]
    partners: list[list[tuple[int, float]]] = [[] for _ in nodes]
    for source, target, data in graph.edges(data=True):
        a, b = number[source], number[target]
        if lane_of[a] == lane_of[b]:
            if data.get("relation") == SUPPORTS:
                lane_edges[lane_of[a]].append((a, b))
        else:
            pull = ACROSS_PULL.get(str(data.get("relation")), 1.0)
            partners[a].append((b, pull))
            partners[b].append((a, pull))
    overhead = HEADER_HEIGHT + 2 * LANE_PAD + LANE_GUTTER
    arranged = arrange(widths, heights, members, lane_edges, partners, TARGET_ASPECT, overhead, LAYER_GAP, SHELF_GAP)

    band_width = round(arranged.width) + 2 * LANE_PAD + LANE_BAR
    dates = _author_dates(graph)
    boxes: dict[str, Box] = {}
    lanes: list[Lane] = []
    top = 0
    for i, author in enumerate(authors):
        content_top = top + HEADER_HEIGHT + LANE_PAD
        for n in members[i]:
            shelf, row = arranged.shelf[n], arranged.row[n]
            y = content_top + arranged.row_tops[i][shelf][row] + arranged.row_heights[i][shelf][row] / 2
            lines, reported = lines_of[n]
            boxes[nodes[n]] = Box(nodes[n], LANE_BAR + LANE_PAD + round(arranged.x[n]), round(y), round(widths[n]),
                                  round(heights[n]), tuple(lines), reported, i, arranged.layer[n])
        height = HEADER_HEIGHT + LANE_PAD + round(arranged.lane_heights[i]) + LANE_PAD
        own_dates = tuple(printable(d) for d in dates.get(author, ()))
        label = printable(f"{author} \u00b7 {', '.join(own_dates)}" if own_dates else author)
        repeats = range(LANE_BAR + LANE_PAD, max(band_width - HEADER_REPEAT // 2, LANE_BAR + LANE_PAD + 1), HEADER_REPEAT)
        lanes.append(Lane(i, printable(author), own_dates, author_colour(i), label, Rect(0, top, band_width, height),
                          Rect(0, top, band_width, HEADER_HEIGHT), tuple(repeats), len(members[i])))
        top += height + LANE_GUTTER
    return Layout({node: boxes[node] for node in nodes}, tuple(lanes), band_width, max(top - LANE_GUTTER, 0))


def store_positions(graph: Graph, layout: Layout) -> None:
    """Set each claim's node attributes ``x`` and ``y`` (whole layout units) to its box centre."""
    for node, box in layout.boxes.items():
        graph.nodes[node]["x"] = box.x
        graph.nodes[node]["y"] = box.y


def _author_dates(graph: Graph) -> dict[str, list[str]]:
    dates: dict[str, list[str]] = {}
    for source in graph.graph.get("sources", []):
        own = dates.setdefault(source["author"], [])
        if source["date"] not in own:
            own.append(source["date"])
    return dates
