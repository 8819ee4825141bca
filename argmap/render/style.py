"""Visual vocabulary shared by every page: author colours, claim-type shapes, edge styles."""

from __future__ import annotations

from typing import Any

# Okabe-Ito, a palette most colour-blind readers can tell apart; cycled past eight authors.
AUTHOR_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]

# Shapes whose label sits below them, so claim ids stay readable at any zoom.
TYPE_SHAPES = {
    "fact": "square",
    "interpretation": "dot",
    "causal": "diamond",
    "evaluation": "star",
    "prediction": "triangle",
    "recommendation": "hexagon",
}
TYPE_GLYPHS = {"square": "■", "dot": "●", "diamond": "◆", "star": "★", "triangle": "▲", "hexagon": "⬢"}

# The agreement heatmap's diverging scale (ColorBrewer BrBG ends): brown for authors who only
# clash, teal for those who only agree. Neither is an author colour; every cell also prints its score.
HEAT_CLASH, HEAT_AGREE, HEAT_NONE = "#8C510A", "#01665E", "#EEF0F4"

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "supports": {"color": "#2E7D32", "dashes": False, "arrows": "to"},
    "contradicts": {"color": "#C62828", "dashes": True, "arrows": ""},
    "superseded": {"color": "#6A4C93", "dashes": [2, 4], "arrows": "to"},
}


def author_colour(index: int) -> str:
    return AUTHOR_COLOURS[index % len(AUTHOR_COLOURS)]


def lighten(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed with white: 0 leaves it, 1 gives white."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


# The graph view's links (argmap.render.svg now; the map page's graph view can share them). Each
# kind differs by colour AND by width, dash pattern and end marker, so that no kind is told by
# colour alone: contradicts is the heaviest line on the page, with a bar across both ends (as
# vis-network's arrow type "bar"); supports and superseded point, reason to conclusion.
LINK_STYLES: dict[str, dict[str, str | float]] = {
    "within": {"colour": "#8A919C", "width": 1.5, "dash": "", "end": "arrow", "halo": 0,
               "label": "supports, within one account (reason \u2192 conclusion)"},
    "supports": {"colour": "#1A7F37", "width": 2.5, "dash": "", "end": "arrow", "halo": 0,
                 "label": "supports, between accounts"},
    "superseded": {"colour": "#6A4C93", "width": 3.0, "dash": "2 7", "end": "arrow", "halo": 0,
                   "label": "superseded: events overturned the earlier account"},
    "contradicts": {"colour": "#C62828", "width": 7.0, "dash": "", "end": "bar", "halo": 2.5,
                    "label": "contradicts (both cannot hold)"},
}


def link_kind(relation: str, scope: str) -> str:
    """The LINK_STYLES key of an edge: supports within one author are "within"."""
    if relation == "supports":
        return "within" if scope == "author" else "supports"
    return relation if relation in LINK_STYLES else "contradicts"
