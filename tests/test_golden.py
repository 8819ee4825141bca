"""Whole documents compared with their golden files (tests/data/golden/), on the test corpora.

The other tests check rules (every claim quoted, every answer right by the map); these catch any
change at all to what a reader gets, so that it is made on purpose: see ``golden`` for how to
rewrite them.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from argmap.documents.brief import build_brief
from argmap.render.html import render_brief_html
from argmap.render.markdown import render_brief_md
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
