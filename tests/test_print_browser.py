"""Printed pages, counted with Chromium's own print to PDF (A4): the brief a debater takes into the
room, and the sheets a teacher hands out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from argmap.documents.brief import build_brief
from argmap.files import write_file
from argmap.render.html import render_brief_html

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
