"""Whole documents compared with their golden files (tests/data/golden/), on the test corpora.

The other tests check rules (every claim quoted, every answer right by the map); these catch any
change at all to what a reader gets, so that it is made on purpose: see ``golden`` for how to
rewrite them.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from argmap.documents.brief import build_brief
from argmap.documents.worksheet import authors_worksheet, thesis_worksheet
from argmap.quiz.generate import generate_quiz
from argmap.render.html import render_brief_html, render_key_html, render_self_html, render_sheet_html, render_worksheet_html
from argmap.render.markdown import render_brief_md, render_key_md, render_sheet_md, render_worksheet_md
from golden import check_golden

BRIEFS: list[Any] = [
    pytest.param("harbour", {}, render_brief_md, "brief-harbour.md", id="brief-harbour-md"),
    pytest.param("harbour", {}, render_brief_html, "brief-harbour.html", id="brief-harbour-html"),
    pytest.param("harbour", {"thesis": "closure-justified", "side": "con"}, render_brief_md,
                 "brief-harbour-closure-negative.md", id="brief-harbour-one-thesis-one-side"),
    pytest.param("mini", {}, render_brief_md, "brief-mini.md", id="brief-mini-md"),
    pytest.param("mini", {}, render_brief_html, "brief-mini.html", id="brief-mini-html"),
]


@pytest.mark.parametrize("corpus, options, render, name", BRIEFS)
def test_brief(request: pytest.FixtureRequest, corpus: str, options: dict[str, str], render: Callable[[Any], str],
               name: str) -> None:
    analysis = request.getfixturevalue(f"{corpus}_analysis")
    check_golden(name, render(build_brief(analysis, **options)))


QUIZZES: list[Any] = [
    pytest.param("mini", 0, render_sheet_md, "quiz-mini-sheet.md", id="quiz-mini-sheet-md"),
    pytest.param("mini", 0, render_key_md, "quiz-mini-key.md", id="quiz-mini-key-md"),
    pytest.param("mini", 0, render_sheet_html, "quiz-mini-sheet.html", id="quiz-mini-sheet-html"),
    pytest.param("mini", 0, render_key_html, "quiz-mini-key.html", id="quiz-mini-key-html"),
    pytest.param("mini", 0, render_self_html, "quiz-mini-self.html", id="quiz-mini-self-html"),
    pytest.param("harbour", 3, render_sheet_md, "quiz-harbour-sheet.md", id="quiz-harbour-sheet-md"),
    pytest.param("harbour", 3, render_key_md, "quiz-harbour-key.md", id="quiz-harbour-key-md"),
]


@pytest.mark.parametrize("corpus, seed, render, name", QUIZZES)
def test_quiz(request: pytest.FixtureRequest, corpus: str, seed: int, render: Callable[[Any], str], name: str) -> None:
    analysis = request.getfixturevalue(f"{corpus}_analysis")
    check_golden(name, render(generate_quiz(analysis, count=10, seed=seed)))


WORKSHEETS: list[Any] = [
    pytest.param("mini", ("alder", "birch"), render_worksheet_md, True, "worksheet-mini-alder-birch.md", id="authors-md-teacher"),
    pytest.param("mini", ("alder", "birch"), render_worksheet_md, False, "worksheet-mini-alder-birch-student.md",
                 id="authors-md-student"),
    pytest.param("mini", ("alder", "birch"), render_worksheet_html, True, "worksheet-mini-alder-birch.html",
                 id="authors-html-teacher"),
    pytest.param("mini", "steel-fault", render_worksheet_html, False, "worksheet-mini-steel-student.html",
                 id="thesis-html-student"),
    pytest.param("harbour", "closure-justified", render_worksheet_md, True, "worksheet-harbour-closure.md",
                 id="thesis-md-teacher"),
]


@pytest.mark.parametrize("corpus, subject, render, answer, name", WORKSHEETS)
def test_worksheet(request: pytest.FixtureRequest, corpus: str, subject: Any, render: Callable[..., str], answer: bool,
                   name: str) -> None:
    analysis = request.getfixturevalue(f"{corpus}_analysis")
    sheet = authors_worksheet(analysis, *subject) if isinstance(subject, tuple) else thesis_worksheet(analysis, subject)
    check_golden(name, render(sheet, answer=answer))
