"""Which files a quiz or a worksheet is written to, and in which format.

A quiz is three files named after the one asked for: ``--out lesson/quiz.md`` writes the student
sheet ``lesson/quiz.md``, the answer key ``lesson/quiz-key.md`` and the self-marking page
``lesson/quiz-self.html`` (always HTML: it is the one that runs in a browser).
"""

from __future__ import annotations

from pathlib import Path

from argmap.exercise_model import Quiz
from argmap.quiz_html import render_key_html, render_self_html, render_sheet_html
from argmap.quiz_md import render_key_md, render_sheet_md
from argmap.worksheet import Worksheet
from argmap.worksheet_html import render_worksheet_html
from argmap.worksheet_md import render_worksheet_md

FORMATS = ("md", "html")
SUFFIXES = {"md": ".md", "html": ".html"}


def with_suffix(out: Path, fmt: str) -> Path:
    """``out`` as given, or with the format's suffix when it has none."""
    return out if out.suffix else out.with_name(out.name + SUFFIXES[fmt])


def quiz_paths(out: Path, fmt: str) -> tuple[Path, Path, Path]:
    """(student sheet, answer key, self-marking page) for ``--out``."""
    sheet = with_suffix(out, fmt)
    return sheet, sheet.with_name(f"{sheet.stem}-key{sheet.suffix}"), sheet.with_name(f"{sheet.stem}-self.html")


def quiz_files(quiz: Quiz, out: Path, fmt: str) -> dict[Path, str]:
    sheet, key, self_page = quiz_paths(out, fmt)
    if fmt == "html":
        texts = (render_sheet_html(quiz), render_key_html(quiz))
    else:
        texts = (render_sheet_md(quiz), render_key_md(quiz))
    return {sheet: texts[0], key: texts[1], self_page: render_self_html(quiz)}


def quiz_text(quiz: Quiz) -> str:
    """What ``argmap quiz`` prints without --out: the Markdown sheet, then the key."""
    return render_sheet_md(quiz) + "\n" + render_key_md(quiz)


def worksheet_text(sheet: Worksheet, fmt: str, answer: bool = True) -> str:
    return render_worksheet_html(sheet, answer) if fmt == "html" else render_worksheet_md(sheet, answer)
