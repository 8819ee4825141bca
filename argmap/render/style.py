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
