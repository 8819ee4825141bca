"""The quiz as HTML: a printable student sheet, a printable answer key and a self-marking page.

All three are single offline files rendered through pages.environment() (autoescape on). The
self-marking page carries the quiz as JSON and builds itself with textContent (templates/quiz.js).
"""

from __future__ import annotations

from argmap.exercise_model import Quiz, quiz_data, summary
from argmap.pages import render


def render_sheet_html(quiz: Quiz) -> str:
    return render("quiz_sheet.html.j2", quiz=quiz_data(quiz), summary=summary(quiz), key=False)


def render_key_html(quiz: Quiz) -> str:
    return render("quiz_sheet.html.j2", quiz=quiz_data(quiz), summary=summary(quiz), key=True)


def render_self_html(quiz: Quiz) -> str:
    return render("quiz_self.html.j2", quiz=quiz_data(quiz), summary=summary(quiz))
