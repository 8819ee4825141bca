"""Printed pages, counted with Chromium's own print to PDF (A4): the brief a debater takes into the
room, and the sheets a teacher hands out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap.documents.brief import build_brief
from argmap.documents.worksheet import authors_worksheet, thesis_worksheet
from argmap.files import write_file
from argmap.quiz.generate import generate_quiz
from argmap.render.html import render_brief_html, render_sheet_html, render_worksheet_html

pytestmark = pytest.mark.browser

FULL_BRIEF_PAGES = 40
ONE_THESIS_PAGES = 4


def pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF Chromium wrote (one /Type /Page object each)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def printed(chromium: Any, path: Path, keep: str | None = None) -> bytes:
    """``path`` printed to A4; with ``keep``, only the elements it selects (and the header) are printed."""
    page = chromium.new_page()
    try:
        page.goto(path.resolve().as_uri())
        if keep:
            page.evaluate("(keep) => { for (const el of [...document.body.children])"
                          " if (!el.matches(keep) && el.tagName !== 'HEADER') el.remove(); }", keep)
        return bytes(page.pdf(format="A4"))
    finally:
        page.close()


def test_the_page_counter_counts_pages(chromium: Any, tmp_path: Path) -> None:
    path = write_file(tmp_path / "three.html", "<!DOCTYPE html><p>one</p><p style='break-before: page'>two</p>"
                                               "<p style='break-before: page'>three</p>")
    assert pdf_pages(printed(chromium, path)) == 3


def test_the_full_flagship_brief_prints_to_at_most_40_pages(chromium: Any, tmp_path: Path, flagship_analysis: Any) -> None:
    path = write_file(tmp_path / "brief.html", render_brief_html(build_brief(flagship_analysis)))
    pages = pdf_pages(printed(chromium, path))
    assert 10 < pages <= FULL_BRIEF_PAGES, pages


@pytest.mark.parametrize("corpus", ["flagship", "harbour", "mini"])
def test_the_summary_prints_on_one_page(chromium: Any, tmp_path: Path, request: pytest.FixtureRequest, corpus: str) -> None:
    analysis = request.getfixturevalue(f"{corpus}_analysis")
    path = write_file(tmp_path / "brief.html", render_brief_html(build_brief(analysis)))
    assert pdf_pages(printed(chromium, path, keep="#summary")) == 1
    # ...and the first thesis starts the next page.
    assert pdf_pages(printed(chromium, path, keep=f"#summary, #{build_brief(analysis).theses[0].anchor}")) >= 2


def test_every_one_thesis_flagship_brief_prints_to_at_most_4_pages(chromium: Any, tmp_path: Path, flagship_analysis: Any) -> None:
    counts = {}
    for thesis in flagship_analysis.thesis_ids:
        path = write_file(tmp_path / f"{thesis}.html", render_brief_html(build_brief(flagship_analysis, thesis)))
        counts[thesis] = pdf_pages(printed(chromium, path))
    assert {t: n for t, n in counts.items() if n > ONE_THESIS_PAGES} == {}
    assert min(counts.values()) >= 2


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each printed page, read back with poppler's pdftotext (whitespace folded)."""
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    assert shutil.which("pdftotext"), "the print tests need poppler's pdftotext (bash .ci/test installs poppler-utils)"
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in text.split("\f")[: pdf_pages(pdf)]]


def _on_one_page(pages: list[str], text: str) -> bool:
    return any(" ".join(text.split()) in page for page in pages)


def test_the_brief_summary_is_page_one_and_the_first_thesis_starts_page_two(chromium: Any, tmp_path: Path,
                                                                            flagship_analysis: Any) -> None:
    brief = build_brief(flagship_analysis)
    path = write_file(tmp_path / "brief.html", render_brief_html(brief))
    pages = page_texts(printed(chromium, path), tmp_path)
    assert pages[0].startswith("Debate brief: ") and "The sharpest clashes of reading" in pages[0]
    assert "Common ground" in pages[0] and "Affirmative case" not in pages[0]
    first = brief.theses[0]
    assert pages[1].startswith(f"{first.number}. {first.label} Resolution: {first.resolution}")


@pytest.mark.parametrize("kind", ["authors", "thesis"])
def test_the_students_worksheet_prints_each_question_whole_and_no_answers(chromium: Any, tmp_path: Path,
                                                                          flagship_analysis: Any, kind: str) -> None:
    sheet = (authors_worksheet(flagship_analysis, "kuzio", "tatikyan") if kind == "authors"
             else thesis_worksheet(flagship_analysis, "protected-civilians"))
    path = write_file(tmp_path / "student.html", render_worksheet_html(sheet, answer=False))
    pages = page_texts(printed(chromium, path), tmp_path)
    assert not any("Model answer" in page for page in pages)
    for number, question in enumerate(sheet.questions, 1):
        assert _on_one_page(pages, f"{number}. {question.text}"), question.text
    for label, text in sheet.theses:  # each thesis stated in full
        assert _on_one_page(pages, text) or " ".join(text.split()) in " ".join(pages)


def test_the_teachers_worksheet_gives_the_model_answer_on_pages_of_its_own(chromium: Any, tmp_path: Path,
                                                                           flagship_analysis: Any) -> None:
    sheet = thesis_worksheet(flagship_analysis, "protected-civilians")
    path = write_file(tmp_path / "teacher.html", render_worksheet_html(sheet))
    pages = page_texts(printed(chromium, path), tmp_path)
    start = next(i for i, page in enumerate(pages) if "Model answer" in page)
    assert pages[start].startswith("Model answer 1. ")
    assert all("Model answer" not in page for page in pages[:start])
    answers = " ".join(pages[start:])
    for number, question in enumerate(sheet.questions, 1):
        assert f"{number}. {' '.join(question.text.split())}" in answers


def test_quiz_exercises_print_whole(chromium: Any, tmp_path: Path, flagship_analysis: Any) -> None:
    quiz = generate_quiz(flagship_analysis, count=10, seed=0)
    path = write_file(tmp_path / "quiz.html", render_sheet_html(quiz))
    pages = page_texts(printed(chromium, path), tmp_path)
    for number, exercise in enumerate(quiz.exercises, 1):
        last = exercise.questions[-1]
        page = next(p for p in pages if f"{number}. {exercise.title}" in p)
        assert " ".join(last.options[-1].label.split()) in page or exercise.grid, exercise.title
    assert not any("argmap quiz" in page or "Seed" in page for page in pages)
