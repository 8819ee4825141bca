"""The map page's overview, thesis boards, claim panel and source reader in real headless Chromium:
hashes open the right view, clicks open exactly the right claims, quotes sit at their recorded
offsets, hostile text stays text, nothing is fetched. (The graph view: test_map_browser.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import Analysis
from argmap.build import build_outputs
from argmap.corpus import load_corpus
from argmap.files import write_file
from argmap.graph import build_graph
from argmap.render.style import AUTHOR_COLOURS
from conftest import FLAGSHIP, HARBOUR, MINI, edit

pytestmark = pytest.mark.browser


def built_page(corpus: Path, out: Path) -> Path:
    """argmap.html exactly as ``argmap build`` writes it."""
    return write_file(out / "argmap.html", build_outputs(corpus)["argmap.html"])


@pytest.fixture(scope="module")
def mini_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_page(MINI, tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="module")
def harbour_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_page(HARBOUR, tmp_path_factory.mktemp("harbour"))


@pytest.fixture(scope="module")
def flagship_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_page(FLAGSHIP, tmp_path_factory.mktemp("flagship"))


def clean(opened: Any) -> None:
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.network_requests == [] and opened.dialogs == []


def visible_view(page: Any) -> str:
    return str(page.evaluate("[...document.querySelectorAll('main > .view')].filter(v => !v.hidden).map(v => v.id).join()"))


def wait_for(page: Any, hash_part: str) -> None:
    """Wait until the page has routed a hash containing ``hash_part`` (hashchange is asynchronous)."""
    page.wait_for_function("h => location.hash.includes(h) && document.body.dataset.routed === location.hash", arg=hash_part)


def go(page: Any, hash_: str) -> None:
    page.evaluate("h => { location.hash = h; }", hash_)
    page.wait_for_function("h => location.hash === h && document.body.dataset.routed === h", arg=hash_)


def board(page: Any) -> dict[str, list[str]]:
    """The claim ids of the cards in each column of the thesis board, top to bottom."""
    return dict(page.evaluate("""() => {
      const ids = sel => [...document.querySelectorAll(sel + ' .card')].map(c => c.dataset.claim);
      return {pro: ids('#view-thesis .col.pro'), con: ids('#view-thesis .col.con'), both: ids('#view-thesis .col.both'),
              reported: ids('#view-thesis .reported-views')};
    }"""))


def test_the_overview_is_the_landing_view(open_page: Any, mini_page: Path, mini_analysis: Any) -> None:
    opened = open_page(mini_page)
    page = opened.page
    assert visible_view(page) == "view-overview"
    assert page.locator("#tabs a[aria-current=page]").text_content() == "Overview"
    rows = page.locator("#stance-matrix tbody tr")
    assert [rows.nth(i).locator("td").all_text_contents()[:3] for i in range(3)] == [
        ["pro 1", "con 2", "pro 1"], ["·+1 reported", "pro 1", "pro 1"], ["pro 1", "·", "con 1"]]
    # Each thesis row counts the links between authors that bear on it, by kind.
    counts = [" ".join(rows.nth(i).locator("td.counts").text_content().split()) for i in range(3)]
    assert counts == ["✕ 1 clash ✓ 1 agreement ↻ 1 changed", "✕ 0 clashes ✓ 1 agreement",
                      "✕ 0 clashes ✓ 0 agreements"]
    for i, thesis in enumerate(mini_analysis.thesis_ids):
        links = mini_analysis.thesis_links(thesis)
        assert counts[i].startswith(f"✕ {len(links.clashes)} clash") and f"✓ {len(links.agreements)} agreement" in counts[i]
    heat = page.locator("#agreement tbody tr")
    assert [" ".join(heat.nth(0).locator("td").nth(i).inner_text().split()) for i in range(3)] == [
        "·", "-1.00 0 agree 2 clash", "+0.33 2 agree 1 clash"]
    # The heatmap has its own diverging scale: no cell wears an author's colour.
    backgrounds = page.evaluate("[...document.querySelectorAll('#agreement td[style]')].map(td => td.style.backgroundColor)")
    authors = {f"rgb({int(c[1:3], 16)}, {int(c[3:5], 16)}, {int(c[5:7], 16)})" for c in AUTHOR_COLOURS}
    assert backgrounds and not authors & set(backgrounds)
    assert page.locator("#clashes details.method li").count() == 3
    clean(opened)


def test_every_stance_cell_opens_the_thesis_view_with_exactly_its_claims(open_page: Any, mini_page: Path,
                                                                       mini_analysis: Any) -> None:
    opened = open_page(mini_page)
    page = opened.page
    opened_cells = 0
    for row, thesis in enumerate(mini_analysis.thesis_ids, 1):
        for column, author in enumerate(mini_analysis.authors, 2):
            cell = mini_analysis.stances[thesis, author]
            go(page, "#overview")
            link = page.locator(f"#stance-matrix tbody tr:nth-child({row}) td:nth-child({column}) a.cell")
            if not cell.claims and not cell.reported:
                assert link.count() == 0  # a silent cell opens nothing
                continue
            link.click()
            wait_for(page, "author=")
            assert visible_view(page) == "view-thesis"
            cards = board(page)
            assert sorted(cards["pro"] + cards["con"] + cards["both"]) == sorted(cell.claims), (thesis, author)
            assert sorted(cards["pro"]) == sorted(cell.pro) and sorted(cards["con"]) == sorted(cell.con)
            assert cards["reported"] == list(cell.reported)
            assert page.locator("nav.cells a[aria-current]").text_content().startswith(author.split()[-1])
            opened_cells += 1
    assert opened_cells == 8
    clean(opened)


def test_the_thesis_board_puts_each_claim_in_its_column_with_its_links(open_page: Any, mini_page: Path) -> None:
    opened = open_page(mini_page)
    page = opened.page
    page.locator("#stance-matrix tbody tr:nth-child(1) th a").click()
    wait_for(page, "#thesis=design-fault")
    assert page.locator("#thesis-heading").text_content() == "The bridge fell because of its design."
    assert board(page) == {"pro": ["alder.design", "cedar.design"], "con": ["birch.design-ok", "birch.steel"],
                           "both": [], "reported": []}
    # Alder (2020) and Birch (2021-06) are either side of the inquiry; it divides the columns' texts.
    assert page.locator("#view-thesis .col.con .turning").count() == 0
    assert page.locator("#view-thesis .col.pro .turning").all_text_contents() == ["↯ The inquiry publishes its tests (2021-01-15)"]
    connectors = page.evaluate("[...document.querySelectorAll('g.connector')].map(g => [g.classList[1], g.dataset.a, g.dataset.b])")
    assert sorted(connectors) == [["agree", "cedar.design", "alder.design"], ["changed", "alder.design", "birch.steel"],
                                  ["clash", "birch.design-ok", "cedar.design"]]
    badges = page.locator('.card[data-claim="cedar.design"] .link-badge').all_text_contents()
    assert badges == ["✕ clashes with Birch", "✓ agrees with Alder"]
    clean(opened)


def test_a_reason_that_is_linked_between_authors_is_on_the_board(open_page: Any, mini: Path, tmp_path: Path) -> None:
    # cedar.steel supports cedar.both; give cedar.both a stance, so cedar.steel argues it as a reason.
    edit(mini, "cedar.yaml", "    type: evaluation\n", "    type: evaluation\n    theses: {city-liable: pro}\n")
    edit(mini, "relations.yaml", "  - from: cedar.steel\n    to: birch.steel\n    relation: supports",
         "  - from: cedar.steel\n    to: alder.hostile\n    relation: supports")
    page = open_page(built_page(mini, tmp_path)).page
    go(page, "#thesis=city-liable")
    cards = board(page)
    # The reason comes right under the claim it is a reason for.
    assert cards["pro"] == ["alder.hostile", "cedar.both", "cedar.steel"] and cards["con"] == ["cedar.city"]
    assert page.locator('.card[data-claim="cedar.steel"] .reason-for').text_content() == \
        "↳ A reason for “Both earlier accounts are half right.”"


@pytest.mark.parametrize(
    "hash_, view, check",
    [
        pytest.param("", "view-overview", "#overview-heading", id="empty"),
        pytest.param("#overview", "view-overview", "#overview-heading", id="overview"),
        pytest.param("#thesis=steel-fault", "view-thesis", "#thesis-heading", id="thesis"),
        pytest.param("#thesis=steel-fault&author=cedar", "view-thesis", ".cell-banner", id="thesis-cell"),
        pytest.param("#source=birch", "view-source", "#source-heading", id="source"),
        pytest.param("#thesis=design-fault&claim=birch.steel", "view-thesis", "#panel-title", id="thesis-and-claim"),
        pytest.param("#overview&claim=cedar.city", "view-overview", "#panel-title", id="overview-and-claim"),
        pytest.param("#claim=cedar.city", "view-graph", "#panel-title", id="claim"),
        pytest.param("#graph", "view-graph", "#network canvas", id="graph"),
        pytest.param("#author=birch", "view-graph", "#network canvas", id="author"),
    ],
)
def test_url_hashes_open_the_right_view(open_page: Any, chromium: Any, mini_page: Path, hash_: str, view: str,
                                        check: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(mini_page.resolve().as_uri() + hash_)
    page.wait_for_selector("body[data-settled=true]", state="attached")
    assert visible_view(page) == view
    assert page.locator(check).is_visible()
    assert page.locator("#claim-panel").is_visible() == ("claim=" in hash_)
    assert errors == []
    context.close()


def test_an_unknown_id_in_the_hash_says_so(open_page: Any, mini_page: Path) -> None:
    page = open_page(mini_page).page
    go(page, "#thesis=no-such-thesis")
    assert page.locator("#notice").text_content() == "There is no thesis “no-such-thesis” in this map; showing the first."
    go(page, "#overview&claim=nobody.said")
    assert page.locator("#claim-panel h2").text_content() == "No claim “nobody.said” in this map"


def test_back_and_forward_walk_the_views(open_page: Any, mini_page: Path) -> None:
    page = open_page(mini_page).page
    page.locator("#stance-matrix tbody tr:nth-child(2) th a").click()
    wait_for(page, "#thesis=steel-fault")
    page.locator('.card[data-claim="birch.steel"]').click()
    wait_for(page, "claim=birch.steel")
    assert page.locator("#panel-title").text_content() == "The steel, not the design, brought the bridge down."
    page.locator("#claim-panel a", has_text="Show in source").click()
    wait_for(page, "#source=birch")
    assert visible_view(page) == "view-source"
    page.go_back()
    wait_for(page, "#thesis=steel-fault&claim=birch.steel")
    assert visible_view(page) == "view-thesis" and page.locator("#claim-panel").is_visible()
    page.go_back()
    wait_for(page, "#thesis=steel-fault")
    assert visible_view(page) == "view-thesis" and page.locator("#claim-panel").is_hidden()
    page.go_back()
    page.wait_for_function("() => document.body.dataset.view === 'overview'")
    assert visible_view(page) == "view-overview"
    page.go_forward()
    wait_for(page, "#thesis=steel-fault")
    assert visible_view(page) == "view-thesis"
    assert page.locator("#thesis-heading").text_content() == "The bridge fell because of faulty steel."


def test_the_claim_panel_groups_links_and_marks_the_quote_in_its_paragraph(open_page: Any, mini_page: Path) -> None:
    opened = open_page(mini_page)
    page = opened.page
    go(page, "#overview&claim=alder.design")
    panel = page.locator("#claim-panel")
    assert panel.locator("h2.paraphrase").text_content() == "The collapse was a design failure."
    assert panel.locator(".link-group h3").all_text_contents() == ["Clashes with (1)", "Agrees with (1)", "Reasons for it (2)"]
    assert panel.locator("blockquote.in-context").text_content() == \
        "So the collapse was, in the end, a design failure – plain and simple."
    assert panel.locator("blockquote.in-context mark").text_content() == \
        "the collapse was, in the end, a design failure – plain and simple"
    clash = panel.locator(".link-group.clashes li")
    assert clash.locator(".other").text_content() == "The steel, not the design, brought the bridge down."
    assert clash.locator(".why").text_content().startswith("Alder blames the design")
    assert clash.locator(".timing").text_content() == \
        "Turning point between the two texts: The inquiry publishes its tests (2021-01-15)"
    assert "contradicts contradicts" not in panel.text_content()
    page.keyboard.press("Escape")
    wait_for(page, "#overview")
    assert panel.is_hidden()
    clean(opened)


def test_long_link_groups_fold(open_page: Any, flagship_page: Path, flagship_analysis: Any) -> None:
    graph = flagship_analysis.graph
    hub = max(graph, key=lambda n: sum(1 for _ in graph.predecessors(n)))
    page = open_page(flagship_page).page
    go(page, f"#overview&claim={hub}")
    reasons = page.locator("#claim-panel .link-group.reasons")
    total = sum(1 for p in graph.predecessors(hub) if graph.edges[p, hub]["relation"] == "supports"
                and graph.edges[p, hub]["scope"] == "author")
    assert total > 4
    assert reasons.locator("> ul.links > li").count() == 3
    assert reasons.locator("details.more summary").text_content() == f"Show {total - 3} more"
    folded = page.evaluate("document.getElementById('claim-panel').scrollHeight")
    assert folded < 1800  # at 1400 x 900: a couple of screens, not the 2,759 px of a hub's full list
    reasons.locator("details.more summary").click()
    assert page.evaluate("document.getElementById('claim-panel').scrollHeight") > folded + 400


def _spans_in_reader(page: Any, graph: Any, texts: dict[str, str]) -> None:
    for source in graph.graph["sources"]:
        go(page, f"#source={source['id']}")
        assert page.locator(".source-text").text_content() == texts[source["id"]]
        claims = [(n, d) for n, d in graph.nodes(data=True) if d["source"] == source["id"]]
        marked = page.evaluate("ids => ids.map(id => window.argmap.views.source.marks(id).map(m => m.textContent).join(''))",
                               [n for n, _ in claims])
        assert marked == [texts[source["id"]][d["quote_start"]:d["quote_end"]] for _, d in claims]


def test_the_source_reader_highlights_every_quote_at_its_recorded_offsets(open_page: Any, flagship_page: Path,
                                                                       flagship_corpus: Any, flagship_graph: Any) -> None:
    opened = open_page(flagship_page)
    _spans_in_reader(opened.page, flagship_graph, flagship_corpus.texts)
    assert any(c in "".join(flagship_corpus.texts.values()) for c in "’“”–")  # typographic characters are there
    clean(opened)


def test_offsets_hold_past_characters_javascript_counts_twice(open_page: Any, mini: Path, tmp_path: Path) -> None:
    # An emoji is one Python index and two JavaScript ones: every later quote must still sit right.
    edit(mini, "texts/alder.txt", "The Night", "The 🌉 Night 𝔅")
    edit(mini, "texts/alder.txt", "Inspectors had", "Inspectors 🔍 had")
    edit(mini, "alder.yaml", 'quote: "Inspectors had flagged', 'quote: "Inspectors 🔍 had flagged')
    corpus = load_corpus(mini)
    page = open_page(built_page(mini, tmp_path)).page
    _spans_in_reader(page, build_graph(corpus), corpus.texts)
    go(page, "#source=alder&claim=alder.cracks")
    assert page.locator("mark.current").text_content() == "Inspectors 🔍 had flagged “hairline cracks” in 2017, and nobody acted on it."


def test_a_span_opens_its_claim_and_show_in_source_scrolls_to_it(open_page: Any, flagship_page: Path) -> None:
    page = open_page(flagship_page).page
    go(page, "#overview&claim=tatikyan.lost-armenia-trust")
    page.locator("#claim-panel a", has_text="Show in source").click()
    wait_for(page, "#source=tatikyan&claim=tatikyan.lost-armenia-trust")
    assert visible_view(page) == "view-source"
    mark = page.locator("mark.current")
    assert mark.count() == 1 and mark.text_content().startswith("Russia also lost the trust")
    page.wait_for_function("() => { const r = document.querySelector('mark.current').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }")
    other = page.locator("mark.quote:not(.current):not(.overlap)").first
    title = other.get_attribute("title")
    other.click()
    page.wait_for_function("t => document.getElementById('panel-title').textContent === t", arg=title)


def test_the_clash_lists_repeat_no_claim_at_the_top_and_keep_reported_views_apart(
        open_page: Any, flagship_page: Path, flagship_analysis: Any) -> None:
    page = open_page(flagship_page).page
    graph = flagship_analysis.graph

    def entries(kind: str) -> list[list[str]]:
        return [[h.split("claim=")[1] for h in pair] for pair in page.evaluate(
            "k => [...document.querySelectorAll('#clashes-' + k + ' li.clash')]"
            ".map(li => [...li.querySelectorAll(':scope > a.claim-ref')].map(a => a.getAttribute('href')))", kind)]

    reading, events, reported = entries("reading"), entries("events"), entries("reported")
    assert len(reading) == len(flagship_analysis.clashes_of_reading) > 1
    assert len(events) == len(flagship_analysis.changed_with_events) > 6
    for kind, listed in (("reading", reading), ("events", events)):
        # The top entries never repeat a claim; every entry after them repeats one of theirs.
        seen: set[str] = set()
        top = 0
        while top < len(listed) and seen.isdisjoint(listed[top]):
            seen.update(listed[top])
            top += 1
        assert top >= min(len(listed), 3) and all(not seen.isdisjoint(pair) for pair in listed[top:]), kind
        assert page.locator(f"#clashes-{kind} > ol.clash-list > li").count() == min(top, 6)
    for pair in reading + events:
        assert not any(graph.nodes[c]["voice"] == "reports" for c in pair)
    assert all(any(graph.nodes[c]["voice"] == "reports" for c in pair) for pair in reported)
    # A turning point is shown only where the relation itself names one.
    assert page.locator("#clashes-reading .facts", has_text="Turning point").count() == 0
    assert page.locator("#clashes-events li.clash").count() == page.locator("#clashes-events .facts", has_text="Turning point").count()


def test_keyboard_reaches_cells_cards_and_the_panel(open_page: Any, mini_page: Path) -> None:
    page = open_page(mini_page).page
    page.locator("#stance-matrix tbody tr:nth-child(1) td:nth-child(2) a").focus()
    page.keyboard.press("Enter")
    wait_for(page, "#thesis=design-fault&author=alder")
    assert visible_view(page) == "view-thesis"
    card = page.locator('.card[data-claim="alder.design"]')
    card.focus()
    page.keyboard.press("Enter")
    wait_for(page, "claim=alder.design")
    assert page.locator("#claim-panel").is_visible()
    assert page.evaluate("document.activeElement.id") == "panel-title"
    page.keyboard.press("Escape")
    wait_for(page, "#thesis=design-fault&author=alder")
    assert page.locator("#claim-panel").is_hidden()
    assert page.evaluate("document.activeElement.dataset.claim") == "alder.design"


def test_hostile_text_stays_text_in_every_view(open_page: Any, mini_page: Path, harbour_page: Path) -> None:
    opened = open_page(mini_page)
    page = opened.page
    assert page.locator("h1").text_content() == "The bridge collapse <b>three accounts</b>"
    assert page.locator("#stance-matrix tbody th a").nth(2).text_content() == "City <i>liable</i>"
    for hash_ in ("#overview", "#thesis=city-liable", "#overview&claim=alder.hostile", "#source=alder&claim=alder.hostile"):
        go(page, hash_)
        visible = page.locator("main > .view:not([hidden])").inner_text()
        if "source" not in hash_:
            assert "<img src=x onerror=alert(1)> a reader's letter" in visible, hash_
        assert "<img src=x onerror=alert(1)> a reader's letter" in page.locator("#claim-panel").inner_text() or "claim" not in hash_
        assert page.locator("body img:not(#graph-print), main i, main b, #claim-panel img, #claim-panel script").count() == 0
    assert "<script>alert('quote')</script>" in page.locator(".source-text").text_content()
    go(page, "#overview&claim=alder.hostile")
    assert "<script>alert('quote')</script>" in page.locator("blockquote.in-context").text_content()
    # The data and the SVG picture as inert blocks, then vis-network and the five page scripts.
    assert page.evaluate("[...document.scripts].map(s => s.type)") == ["application/json", "application/gzip"] + [""] * 6
    clean(opened)
    opened = open_page(harbour_page)
    go(opened.page, "#source=gale")
    assert opened.page.locator("#source-heading").text_content() == "A Town Without <em>Its</em> Harbour"
    assert opened.page.locator("main em").count() == 0
    clean(opened)


def test_a_draft_claim_is_marked_as_a_draft(open_page: Any, mini_graph: Any, tmp_path: Path) -> None:
    from argmap.render.map_page import render_map

    graph = mini_graph.copy()
    graph.nodes["birch.steel"]["draft"] = True
    page = open_page(write_file(tmp_path / "argmap.html", render_map(Analysis(graph)))).page
    go(page, "#thesis=steel-fault")
    assert page.locator('.card.draft[data-claim="birch.steel"] .badge.draft').text_content() == "draft"
    assert page.locator(".card.draft").count() == 1


def test_the_thesis_board_stacks_on_a_phone(chromium: Any, flagship_page: Path) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(flagship_page.resolve().as_uri() + "#thesis=mission-endures")
    page.wait_for_selector("body[data-settled=true]", state="attached")
    pro = page.locator("#view-thesis .col.pro").bounding_box()
    con = page.locator("#view-thesis .col.con").bounding_box()
    assert abs(pro["x"] - con["x"]) < 1 and con["y"] >= pro["y"] + pro["height"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert page.locator("svg.connectors").is_hidden()
    context.close()


@pytest.mark.parametrize("page_name", ["brief.html", "quiz-key.html"])
def test_a_claim_link_opens_the_maps_source_reader_at_its_quote(open_page: Any, tmp_path: Path, page_name: str) -> None:
    """The brief and the quiz key, beside the map, send a reader to the passage in the source text."""
    from click.testing import CliRunner

    from argmap.cli import cli
    from conftest import MINI

    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(MINI), "--out", str(tmp_path)], catch_exceptions=False).exit_code == 0
    assert runner.invoke(cli, ["quiz", "--corpus", str(MINI), "--out", str(tmp_path / "quiz.html")],
                         catch_exceptions=False).exit_code == 0
    opened = open_page(tmp_path / page_name, settle=False)
    page = opened.page
    link = page.locator("a.id, a.source-link").first
    claim = link.get_attribute("href").rsplit("claim=", 1)[1]
    link.click()
    page.wait_for_selector("body[data-view=source]", state="attached")
    assert page.url.endswith(f"argmap.html#source={claim.split('.')[0]}&claim={claim}")
    marked = page.locator("#view-source mark.current")
    assert marked.count() >= 1 and marked.first.is_visible()
    assert opened.page_errors == [] and opened.network_requests == []
