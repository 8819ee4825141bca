"""Comparative worksheets: the model answers on the small corpus worked out by hand, every author
pair and thesis of the flagship corpus, no question that carries its own answer, the student's
copy without the model answer, and corpus text kept inert in Markdown and HTML."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import pytest

from argmap.analysis import Analysis
from argmap.documents.refs import ClaimRef
from argmap.documents.worksheet import Answer, Worksheet, authors_worksheet, thesis_worksheet
from argmap.errors import SameAuthorError, UnknownIdError
from argmap.render.html import render_worksheet_html
from argmap.render.markdown import RULE, render_worksheet_md


def _pairs(links: Any) -> list[tuple[str, str]]:
    return [(link.first.id, link.second.id) for link in links]


def _answer(sheet: Worksheet, start: str) -> Answer:
    return next(q.answer for q in sheet.questions if q.text.startswith(start))


def test_two_authors_model_answer(mini_graph: Any) -> None:
    sheet = authors_worksheet(Analysis(mini_graph), "Ben Birch", "Ann Alder")
    assert sheet.title == "Comparing Ann Alder and Ben Birch"  # time order, whatever order given
    assert sheet.accounts == (
        "Ann Alder, \u201cThe Night the Bridge Fell\u201d, City Paper, 2020-01-10",
        "Ben Birch, \u201cWhat the Inquiry Found\u201d, Engineering Weekly, 2021-06",
    )
    # Every thesis in full, not only its label; every turning point of the corpus as material.
    assert sheet.theses == (("Design fault", "The bridge fell because of its design."),
                            ("Steel fault", "The bridge fell because of faulty steel."),
                            ("City <i>liable</i>", "The city is liable for the collapse."))
    assert sheet.events == ("The inquiry publishes its tests (2021-01-15)",)
    assert sheet.table_rows == ("Design fault", "Steel fault", "City <i>liable</i>")
    main = _answer(sheet, "What is the main argument")
    assert main.lines == ("Ann Alder: The collapse was a design failure.",
                          "Ben Birch: The steel, not the design, brought the bridge down.")
    assert [c.id for c in main.claims] == ["alder.design", "birch.steel"]
    assert _answer(sheet, "Where do Ann Alder and Ben Birch agree").links == ()
    clash = _answer(sheet, "Where do they clash")
    assert clash.lines == ("Design fault: Ann Alder is pro, Ben Birch is con.",)
    assert _pairs(clash.links) == [("alder.design", "birch.steel")]
    assert clash.links[0].first.quote == "the collapse was, in the end, a design failure - plain and simple"
    assert clash.links[0].timing == "The inquiry publishes its tests (2021-01-15)"
    assert _answer(sheet, "What does each account leave out").lines == (
        "Ann Alder takes no side on what Ben Birch argues about: Steel fault.",
        "Ben Birch takes no side on what Ann Alder argues about: City <i>liable</i>.",
    )
    assert _answer(sheet, "Which of the turning points").lines == (
        "In time order: Ann Alder (2020-01-10); Ben Birch (2021-06).",
        "Turning points between the first and the last account: The inquiry publishes its tests (2021-01-15).",
        "The inquiry publishes its tests (2021-01-15) falls between Ann Alder's \u201cThe collapse was a design "
        "failure.\u201d and Ben Birch's \u201cThe steel, not the design, brought the bridge down.\u201d: a contradiction, "
        "partly a matter of timing.",
    )
    steel = next(row for row in _answer(sheet, "On which theses").stances if row.thesis == "steel-fault")
    alder = steel.cells[0]
    assert (alder.author, alder.stance, [e.id for e in alder.reported]) == ("Ann Alder", "silent", ["alder.council"])
    assert [c.id for c in _answer(sheet, "Which passages only report").claims] == ["alder.council"]


def test_one_thesis_model_answer(mini_graph: Any) -> None:
    sheet = thesis_worksheet(Analysis(mini_graph), "design")  # a unique start of the id names it
    assert sheet.title == "Thesis: Design fault"
    assert sheet.thesis == ("Design fault", "The bridge fell because of its design.")
    assert sheet.table_rows == ("Ann Alder (2020-01-10)", "Ben Birch (2021-06)", "Cy Cedar (2022)")
    standing = _answer(sheet, "For each author")
    [row] = standing.stances
    assert [(c.author, c.stance) for c in row.cells] == [("Ann Alder", "pro"), ("Ben Birch", "con"), ("Cy Cedar", "pro")]
    assert standing.lines == ("Pro: Ann Alder, Cy Cedar.", "Con: Ben Birch.")
    # Birch has two con claims: the heavier one is quoted, the other counted.
    birch = row.cells[1]
    assert ([c.id for c in birch.claims], birch.more) == (["birch.steel"], 1)
    links = _answer(sheet, "Which claims of one author support or contradict").links
    # The links whose two claims both argue on the thesis (cedar.steel does not: steel-fault only).
    assert sorted(_pairs(links)) == [("alder.design", "birch.steel"), ("alder.design", "cedar.design"),
                                     ("birch.design-ok", "cedar.design")]
    assert [c.id for c in _answer(sheet, "Read the thesis").claims] == ["alder.design", "birch.steel"]


def test_a_silent_author_who_only_reports_is_asked_about(mini_graph: Any) -> None:
    sheet = thesis_worksheet(Analysis(mini_graph), "steel-fault")
    answer = _answer(sheet, "Which authors only report")
    assert [c.id for c in answer.claims] == ["alder.council"]
    assert answer.lines == ("Ann Alder reports the view of the city council; it is not Ann Alder's own, so it does not "
                            "count as their stance.",)


def test_unknown_names_are_refused(mini_graph: Any) -> None:
    with pytest.raises(UnknownIdError, match="no thesis 'bridge'"):
        thesis_worksheet(Analysis(mini_graph), "bridge")
    with pytest.raises(UnknownIdError, match="no author 'Oak'"):
        authors_worksheet(Analysis(mini_graph), "Oak", "birch")
    with pytest.raises(SameAuthorError, match="both name Ann Alder; give two different authors"):
        authors_worksheet(Analysis(mini_graph), "alder", "Ann Alder")


def _answer_claims(answer: Answer) -> list[ClaimRef]:
    found = list(answer.claims) + [e for link in answer.links for e in (link.first, link.second)]
    return found + [e for row in answer.stances for c in row.cells for e in c.claims + c.reported]


def _check(graph: Any, sheet: Worksheet) -> None:
    """Quotes verbatim, stances from the author's own claims, and no question that gives its answer."""
    authors = set(graph.graph["authors"])
    dates = {s["date"] for s in graph.graph["sources"]} | {e["date"] for e in graph.graph["events"]}
    labels = {e["label"] for e in graph.graph["events"]}
    for question in sheet.questions:
        for item in _answer_claims(question.answer):
            assert item.quote == graph.nodes[item.id]["quote"] and item.author == graph.nodes[item.id]["author"]
            assert item.text not in question.text and item.quote not in question.text
        for row in question.answer.stances:
            for cell in row.cells:
                assert all(graph.nodes[e.id]["voice"] == "asserts" for e in cell.claims)
                assert all(graph.nodes[e.id]["voice"] == "reports" for e in cell.reported)
        assert not any(d in question.text for d in dates), question.text  # no dates to read the answer from
        assert not any(label in question.text for label in labels), question.text  # nor turning points
        if sheet.thesis:  # who stands where is the answer: no author is named in a question
            assert not any(a in question.text for a in authors), question.text


def test_every_author_pair_of_the_flagship(flagship_analysis: Any) -> None:
    graph = flagship_analysis.graph
    for a, b in combinations(graph.graph["authors"], 2):
        sheet = authors_worksheet(flagship_analysis, a, b)
        _check(graph, sheet)
        assert sheet.theses and len(sheet.questions) >= 6
        assert all(text for _, text in sheet.theses)
        assert render_worksheet_md(sheet).startswith(f"# Worksheet: Comparing {a} and {b}\n")


def test_every_thesis_of_the_flagship(flagship_analysis: Any) -> None:
    graph = flagship_analysis.graph
    for thesis in graph.graph["theses"]:
        sheet = thesis_worksheet(flagship_analysis, thesis["id"])
        _check(graph, sheet)
        assert sheet.thesis == (thesis["label"], thesis["text"])
        assert len(sheet.table_rows) == len(graph.graph["authors"])
        page = render_worksheet_html(sheet)
        assert "<h2>Model answer</h2>" in page and thesis["text"].replace("'", "&#39;") in page


@pytest.mark.parametrize("render", [render_worksheet_md, render_worksheet_html], ids=["md", "html"])
def test_the_students_copy_has_room_to_write_and_no_answers(mini_graph: Any, render: Any) -> None:
    sheet = authors_worksheet(Analysis(mini_graph), "alder", "birch")
    student, teacher = render(sheet, answer=False), render(sheet)
    assert "Model answer" not in student and "Model answer" in teacher
    assert "the collapse was, in the end" not in student and "the collapse was, in the end" in teacher
    lines = student.count(RULE) if render is render_worksheet_md else student.count('<div class="line"></div>')
    assert lines == sum(q.room for q in sheet.questions)
    assert RULE not in teacher and 'class="line"' not in teacher


def test_markdown_escapes_markup(mini_graph: Any) -> None:
    text = render_worksheet_md(authors_worksheet(Analysis(mini_graph), "alder", "cedar"))
    assert "\\<script\\>alert('quote')\\</script\\>" in text
    assert not re.search(r"(?<!\\)[<>]", text.replace("> ", ""))  # every < and > is escaped
    assert "| Thesis | Ann Alder: side and quote | Cy Cedar: side and quote | Agree or clash? |" in text


def test_html_escapes_markup_and_runs_no_script(mini_graph: Any) -> None:
    page = render_worksheet_html(authors_worksheet(Analysis(mini_graph), "alder", "cedar"))
    assert "&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in page
    assert "<script" not in page and "<i>liable" not in page
    assert "script-src &#39;none&#39;" in page
    assert 'class="model"' in page  # the model answer starts a printed page
    assert 'href="argmap.html#source=alder&amp;claim=alder.design"' in page  # a teacher can check each quote in the source


def test_same_input_same_worksheet(mini_graph: Any) -> None:
    assert render_worksheet_html(thesis_worksheet(Analysis(mini_graph), "city-liable")) == \
        render_worksheet_html(thesis_worksheet(Analysis(mini_graph), "city-liable"))
