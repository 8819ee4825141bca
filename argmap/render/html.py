"""Every printable HTML document: the brief, the quiz sheet, key and self-marking page, the worksheet.

Each is one self-contained offline page rendered through the shared autoescaping environment
(``pages``). The brief and the sheets carry no script at all; the self-marking page carries the
quiz as JSON and builds itself with textContent (templates/quiz.js).
"""

from __future__ import annotations

from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.documents.brief import SIDE_NAMES, TEXT, Brief
from argmap.documents.refs import MAP_PAGE, map_link
from argmap.documents.worksheet import Worksheet
from argmap.quiz.model import Quiz, quiz_data, remake, summary
from argmap.render.pages import render


STANCE_LABELS = ((PRO, "affirmative"), (CON, "negative"), (MIXED, "mixed"), (SILENT, "silent"))


def render_brief_html(brief: Brief, map_page: str = MAP_PAGE) -> str:
    """The brief as one printable page; claim ids link to the map's source reader at ``map_page``."""
    return render("brief.html.j2", brief=brief, side_names=SIDE_NAMES, text=TEXT, stance_labels=STANCE_LABELS,
                  map_link=lambda ref: map_link(ref.id, ref.source, map_page))


def render_sheet_html(quiz: Quiz) -> str:
    return render("quiz_sheet.html.j2", quiz=quiz_data(quiz), summary=summary(quiz), key=False)


def render_key_html(quiz: Quiz) -> str:
    return render("quiz_sheet.html.j2", quiz=quiz_data(quiz), summary=f"{summary(quiz)} {remake(quiz)}", key=True)


def render_self_html(quiz: Quiz) -> str:
    return render("quiz_self.html.j2", quiz=quiz_data(quiz), summary=summary(quiz))


def render_worksheet_html(sheet: Worksheet, answer: bool = True) -> str:
    """The worksheet page; ``answer=False`` leaves out the model answer (the student's copy)."""
    return render("worksheet.html.j2", sheet=sheet, answer=answer)
