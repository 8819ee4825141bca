"""A worksheet as a printable HTML page (the model answer starts on a new printed page)."""

from __future__ import annotations

from argmap.pages import render
from argmap.worksheet import Worksheet


def render_worksheet_html(sheet: Worksheet, answer: bool = True) -> str:
    """The worksheet page; ``answer=False`` leaves out the model answer (the student's copy)."""
    return render("worksheet.html.j2", sheet=sheet, answer=answer)
