"""The debate brief as one self-contained HTML page that prints cleanly.

No script at all (the Content-Security-Policy allows none); the text is escaped by the shared
autoescaping environment; a print stylesheet keeps each claim on one page.
"""

from __future__ import annotations

from argmap.brief import SIDE_NAMES, TEXT, Brief
from argmap.pages import render
from argmap.stances import CON, MIXED, PRO, SILENT


def render_brief_html(brief: Brief) -> str:
    return render("brief.html.j2", brief=brief, side_names=SIDE_NAMES, text=TEXT, stance_order=(PRO, CON, MIXED, SILENT))
