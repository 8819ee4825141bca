"""The self-marking quiz page in a real Chromium: it scores right and wrong answers, explains
with the quotes, shows hostile corpus text as characters, and stays offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.quiz.model import Quiz, numbered
from argmap.quiz.generate import generate_quiz
from argmap.render.html import render_key_html, render_self_html, render_sheet_html
from argmap.analysis import Analysis

pytestmark = pytest.mark.browser

HOSTILE = ("<img src=x onerror=alert(1)> a reader's letter", "<script>alert('quote')</script>",
           "The bridge collapse <b>three accounts</b>", "City <i>liable</i>")


@pytest.fixture(scope="module")
def quiz(mini_graph: Any) -> Quiz:
    # Enough exercises to use every kind the small corpus allows, hostile claims included.
    return generate_quiz(Analysis(mini_graph), count=20, seed=0)


def _open(open_page: Any, tmp_path: Path, quiz: Quiz) -> Any:
    path = tmp_path / "quiz-self.html"
    path.write_text(render_self_html(quiz), encoding="utf-8")
    opened = open_page(path, settle=False)
    opened.page.wait_for_selector("body[data-ready=true]", state="attached")
    return opened


def _answer(page: Any, quiz: Quiz, wrong: set[str]) -> None:
    """Pick the right option, or a wrong one for the question numbers in ``wrong``."""
    for _, _, questions in numbered(quiz):
        for number, question in questions:
            pick = (question.answer + 1) % len(question.options) if number in wrong else question.answer
            page.locator(f'fieldset[data-question="{number}"] input[value="{pick}"]').check()
    page.click("#check")


def _clean(opened: Any) -> None:
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.dialogs == []
    assert opened.network_requests == []


def test_all_right_scores_full_marks(open_page: Any, tmp_path: Path, quiz: Quiz) -> None:
    opened = _open(open_page, tmp_path, quiz)
    page = opened.page
    assert page.locator("fieldset.question").count() == quiz.marks
    _answer(page, quiz, wrong=set())
    assert page.text_content("#score") == f"Score: {quiz.marks} / {quiz.marks}"
    assert page.get_attribute("#score", "data-score") == str(quiz.marks)
    assert page.locator('fieldset[data-result="right"]').count() == quiz.marks
    _clean(opened)


def test_wrong_answers_lower_the_score_and_are_explained_with_quotes(open_page: Any, tmp_path: Path, quiz: Quiz) -> None:
    opened = _open(open_page, tmp_path, quiz)
    page = opened.page
    rows = [(n, q) for _, _, questions in numbered(quiz) for n, q in questions]
    wrong = {rows[0][0], rows[3][0], rows[-1][0]}
    _answer(page, quiz, wrong)
    assert page.text_content("#score") == f"Score: {quiz.marks - 3} / {quiz.marks}"
    assert page.locator('fieldset[data-result="wrong"]').count() == 3
    for number, question in rows:
        box = page.locator(f'fieldset[data-question="{number}"]')
        feedback = box.locator(".feedback")
        assert feedback.is_visible()
        verdict = "Not right." if number in wrong else "Right."
        letter = "ABCDEFG"[question.answer]
        assert feedback.locator(".verdict").text_content() == f"{verdict} The answer is {letter}. {question.correct.label}"
        assert feedback.locator(".explanation").text_content() == question.explanation
        quotes = feedback.locator("blockquote")
        assert quotes.count() == len(question.evidence)
        for index, item in enumerate(question.evidence):
            assert quotes.nth(index).text_content().startswith(f"\u201c{item.quote}\u201d")
    _clean(opened)


def test_unanswered_questions_score_nothing_and_start_again_clears(open_page: Any, tmp_path: Path, quiz: Quiz) -> None:
    opened = _open(open_page, tmp_path, quiz)
    page = opened.page
    page.click("#check")
    assert page.text_content("#score") == f"Score: 0 / {quiz.marks} ({quiz.marks} not answered)"
    page.click("#reset")
    assert page.text_content("#score") == ""
    assert page.locator("fieldset[data-result]").count() == 0
    assert page.locator(".feedback:visible").count() == 0
    _clean(opened)


def test_hostile_text_shows_as_characters(open_page: Any, tmp_path: Path, quiz: Quiz) -> None:
    opened = _open(open_page, tmp_path, quiz)
    page = opened.page
    _answer(page, quiz, wrong=set())  # the explanations and quotes are on the page too
    text = page.locator("body").inner_text()
    for hostile in HOSTILE:
        assert hostile in text
    assert page.title() == "Quiz: The bridge collapse <b>three accounts</b> \u00b7 argmap"
    assert page.locator("img, b, i").count() == 0
    assert page.locator("script").count() == 2  # the JSON data and quiz.js, nothing injected
    _clean(opened)


@pytest.mark.parametrize("render", [render_sheet_html, render_key_html], ids=["sheet", "key"])
def test_printable_pages_escape_and_run_nothing(open_page: Any, tmp_path: Path, quiz: Quiz, render: Any) -> None:
    path = tmp_path / "page.html"
    path.write_text(render(quiz), encoding="utf-8")
    opened = open_page(path, settle=False)
    text = opened.page.locator("body").inner_text()
    assert sum(hostile in text for hostile in HOSTILE) >= 2
    assert opened.page.locator("img, script, b, i").count() == 0
    _clean(opened)


def test_the_feedback_names_the_source_and_links_to_the_passage(open_page: Any, tmp_path: Path, quiz: Quiz) -> None:
    opened = _open(open_page, tmp_path, quiz)
    page = opened.page
    assert page.locator("a.source-link").count() == 0  # nothing to look up before answering
    _answer(page, quiz, wrong=set())
    for _, _, questions in numbered(quiz):
        for number, question in questions:
            links = page.locator(f'fieldset[data-question="{number}"] .feedback blockquote')
            for index, item in enumerate(question.evidence):
                quote = links.nth(index)
                assert str(item.citation) in quote.locator("cite").text_content()
                assert quote.locator("a.source-link").get_attribute("href") == f"argmap.html#source={item.source}&claim={item.id}"
    _clean(opened)


@pytest.mark.parametrize("render", [render_sheet_html, render_self_html], ids=["sheet", "self-marking"])
def test_student_pages_carry_no_command_text(open_page: Any, tmp_path: Path, quiz: Quiz, render: Any) -> None:
    path = tmp_path / "page.html"
    path.write_text(render(quiz), encoding="utf-8")
    opened = open_page(path, settle=False)
    text = opened.page.locator("body").inner_text()
    assert "argmap" not in text.replace("argmap.html", "") and "--seed" not in text and "Seed" not in text
    assert f"{len(quiz.exercises)} exercises, {quiz.marks} marks." in text
    _clean(opened)
