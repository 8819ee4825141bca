"""Comparative worksheets: the model answer on the small corpus worked out by hand, every author
pair and thesis of the flagship corpus, and corpus text kept inert in Markdown and HTML."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import pytest

from argmap.errors import SameAuthorError, UnknownIdError
from argmap.documents.worksheet import Worksheet, authors_worksheet, thesis_worksheet
from argmap.render.html import render_worksheet_html
from argmap.render.markdown import render_worksheet_md
from argmap.analysis import Analysis


def _pairs(links: Any) -> list[tuple[str, str]]:
    return [(link.first.id, link.second.id) for link in links]


def test_two_authors_model_answer(mini_graph: Any) -> None:
    sheet = authors_worksheet(Analysis(mini_graph), "Ben Birch", "Ann Alder")
    assert sheet.title == "Comparing Ann Alder and Ben Birch"  # time order, whatever order given
    assert sheet.accounts == (
        "Ann Alder, \u201cThe Night the Bridge Fell\u201d, City Paper, 2020-01-10",
        "Ben Birch, \u201cWhat the Inquiry Found\u201d, Engineering Weekly, 2021-06",
    )
    assert sheet.table_rows == ("Design fault", "Steel fault", "City <i>liable</i>")
    assert sheet.agreements == ()
    assert _pairs(sheet.clashes) == [("alder.design", "birch.steel")]
    clash = sheet.clashes[0]
    assert clash.first.quote == "the collapse was, in the end, a design failure - plain and simple"
    assert clash.timing == "The inquiry publishes its tests (2021-01-15)"
    assert sheet.stance_clashes == ("Design fault: Ann Alder is pro, Ben Birch is con.",)
    assert sheet.omissions == (
        "Ann Alder takes no side on what Ben Birch argues about: Steel fault.",
        "Ben Birch takes no side on what Ann Alder argues about: City <i>liable</i>.",
    )
    steel = next(row for row in sheet.stances if row.thesis == "steel-fault")
    alder = steel.cells[0]
    assert (alder.author, alder.stance, [e.id for e in alder.reported]) == ("Ann Alder", "silent", ["alder.council"])
    assert any("The inquiry publishes its tests" in q for q in sheet.questions)
    assert sheet.timing[-1] == ("Ann Alder and Ben Birch clash across The inquiry publishes its tests (2021-01-15): "
                                "alder.design vs birch.steel.")


def test_one_thesis_model_answer(mini_graph: Any) -> None:
    sheet = thesis_worksheet(Analysis(mini_graph), "design-fault")
    assert sheet.title == "Thesis: Design fault"
    assert sheet.table_rows == ("Ann Alder (2020-01-10)", "Ben Birch (2021-06)", "Cy Cedar (2022)")
    (row,) = sheet.stances
    assert [(c.author, c.stance) for c in row.cells] == [("Ann Alder", "pro"), ("Ben Birch", "con"), ("Cy Cedar", "pro")]
    assert sorted(_pairs(sheet.agreements)) == [("alder.design", "cedar.design"), ("birch.steel", "cedar.steel")]
    assert sorted(_pairs(sheet.clashes)) == [("alder.design", "birch.steel"), ("birch.design-ok", "cedar.design")]
    assert sheet.stance_agreements == ("Design fault: Ann Alder and Cy Cedar are both pro.",)
    assert sheet.stance_clashes == ("Design fault: Ann Alder, Cy Cedar pro against Ben Birch con.",)
    assert sheet.omissions == ("Every author takes a side on it.",)


def test_a_silent_author_who_only_reports_is_named_as_such(mini_graph: Any) -> None:
    sheet = thesis_worksheet(Analysis(mini_graph), "steel-fault")
    assert sheet.omissions == ("Ann Alder takes no side on it. (Only reports others' views on it.)",)
    assert any("only report someone else's view" in q for q in sheet.questions)


def test_unknown_names_are_refused(mini_graph: Any) -> None:
    with pytest.raises(UnknownIdError, match="no thesis 'bridge'"):
        thesis_worksheet(Analysis(mini_graph), "bridge")
    with pytest.raises(UnknownIdError, match="no author 'Oak'"):
        authors_worksheet(Analysis(mini_graph), "Oak", "birch")
    with pytest.raises(SameAuthorError, match="both name Ann Alder; give two different authors"):
        authors_worksheet(Analysis(mini_graph), "alder", "Ann Alder")


def _check_quotes(graph: Any, sheet: Worksheet) -> None:
    items = [e for row in sheet.stances for c in row.cells for e in c.claims + c.reported]
    items += [e for link in sheet.agreements + sheet.clashes for e in (link.first, link.second)]
    for item in items:
        assert item.quote == graph.nodes[item.id]["quote"]
        assert item.author == graph.nodes[item.id]["author"]
    for row in sheet.stances:
        for cell in row.cells:
            assert all(graph.nodes[e.id]["voice"] == "asserts" for e in cell.claims)
            assert all(graph.nodes[e.id]["voice"] == "reports" for e in cell.reported)


def test_every_author_pair_of_the_flagship(flagship_graph: Any) -> None:
    for a, b in combinations(flagship_graph.graph["authors"], 2):
        sheet = authors_worksheet(Analysis(flagship_graph), a, b)
        _check_quotes(flagship_graph, sheet)
        assert sheet.stances and len(sheet.questions) >= 6
        assert render_worksheet_md(sheet).startswith(f"# Worksheet: Comparing {a} and {b}\n")


def test_every_thesis_of_the_flagship(flagship_graph: Any) -> None:
    for thesis in flagship_graph.graph["theses"]:
        sheet = thesis_worksheet(Analysis(flagship_graph), thesis["id"])
        _check_quotes(flagship_graph, sheet)
        assert len(sheet.table_rows) == len(flagship_graph.graph["authors"])
        assert "<h2>Model answer</h2>" in render_worksheet_html(sheet)


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


def test_same_input_same_worksheet(mini_graph: Any) -> None:
    assert render_worksheet_html(thesis_worksheet(Analysis(mini_graph), "city-liable")) == \
        render_worksheet_html(thesis_worksheet(Analysis(mini_graph), "city-liable"))
