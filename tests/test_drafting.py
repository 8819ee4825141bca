"""Bringing your own texts: argmap new and draft (splitting, furniture, type and voice guesses),
the drafted file validating with every quote at its offset, and build marking drafts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from conftest import DATA, FLAGSHIP

ARTICLE = DATA / "drafting" / "article.txt"
DRAFT_ARGS = ["--author", "Ada Lovell", "--title", "The Harbour Wall and the Storm", "--publication", "The Gazette",
              "--date", "2024-03-03"]


def run(runner: CliRunner, *args: str, code: int = 0) -> Any:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def drafted(tmp_path: Path, runner: CliRunner) -> Path:
    """A new corpus with the fixture article drafted into it."""
    folder = tmp_path / "harbour"
    run(runner, "new", str(folder), "--title", "The harbour wall")
    run(runner, "draft", str(ARTICLE), "--corpus", str(folder), *DRAFT_ARGS)
    return folder


def test_new_writes_a_valid_empty_corpus(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "bridge"
    result = run(runner, "new", str(folder), "--title", "Two accounts of the bridge")
    assert result.output == (
        f"wrote {folder}/corpus.yaml\nwrote {folder}/argmap.schema.json\nwrote {folder}/README.md\nwrote {folder}/texts\n"
        f"next: argmap draft TEXT.txt --corpus {folder} --author … --title … --publication … --date …\n")
    assert (folder / "corpus.yaml").read_text().startswith("# yaml-language-server: $schema=argmap.schema.json\n")
    assert "argmap draft" in (folder / "README.md").read_text()
    assert run(runner, "validate", str(folder)).output == (
        f"{folder}: OK: 0 sources, 0 claims, 0 relations, 0 within-author supports, 0 theses, 0 events; every quote found\n")


def test_gaps_on_a_new_corpus_says_there_are_no_claims_yet(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "bridge"
    run(runner, "new", str(folder), "--title", "Two accounts of the bridge")
    assert run(runner, "gaps", "--corpus", str(folder)).output == (
        "No claims yet: add a text and draft its claims with 'argmap draft TEXT --corpus FOLDER …'.\n")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "old.txt").write_text("keep me")
    result = run(runner, "new", str(tmp_path), "--title", "x", code=1)
    assert "already exists and is not an empty folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]


def test_draft_writes_a_source_file_that_validates(drafted: Path, runner: CliRunner) -> None:
    result = run(runner, "validate", str(drafted))
    assert result.output == (
        f"{drafted}: OK: 1 sources, 10 claims, 0 relations, 0 within-author supports, 0 theses, 0 events; "
        "every quote found; 10 draft claims not yet reviewed (argmap gaps lists them)\n")
    text = (drafted / "lovell.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=argmap.schema.json\n")
    assert (drafted / "texts" / "lovell.txt").read_text() == ARTICLE.read_text()


def test_draft_reports_what_it_did(tmp_path: Path, runner: CliRunner) -> None:
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    result = run(runner, "draft", str(ARTICLE), "--corpus", str(tmp_path / "c"), *DRAFT_ARGS)
    assert result.stderr == ""  # progress only on a terminal
    assert result.output == f"""wrote {tmp_path}/c/texts/lovell.txt
wrote {tmp_path}/c/lovell.yaml: 10 draft claims from 10 sentences (5 reported, with a guessed speaker)
skipped 7 lines of page furniture:
  Skip to main content  (heading or navigation)
  The Harbour Wall and the Storm  (heading or navigation)
  Photo: Coastal Office / archive  (photo caption or credit)
  March 3, 2024 - By Ada Lovell  (heading or navigation)
  Ada Lovell is a coastal engineer and writes on infrastruc…  (byline or author's note)
  See also  (sharing, comment or subscription prompt)
  We use cookies to improve your experience. Accept all coo…  (cookie or privacy notice)
next: review the drafts in {tmp_path}/c/lovell.yaml, then 'argmap validate' and 'argmap suggest'
"""


def test_drafted_quotes_stand_at_their_offsets_with_abbreviations_kept_whole(drafted: Path) -> None:
    from argmap.corpus import load_corpus

    corpus = load_corpus(drafted)
    text = corpus.texts["lovell"]
    quotes = {cid: text[span.start:span.end] for cid, span in corpus.spans.items()}
    assert all(quotes[cid] == claim.quote for cid, claim in corpus.claims.items())
    # "Mr." and "U.S." do not end sentences; the curly quote closes its sentence.
    assert quotes["lovell.quayle-harbour-master-said"] == \
        "Mr. Quayle, the harbour master, said that the wall “had never been tested by a real storm.”"
    assert quotes["lovell.according-army-corps-engineers"].startswith("According to the U.S. Army Corps of Engineers, walls")
    assert corpus.spans["lovell.new-harbour-wall-port"].start == text.index("The new harbour wall")


def test_drafts_guess_reported_voices_with_their_speakers(drafted: Path) -> None:
    from argmap.corpus import load_corpus

    claims = load_corpus(drafted).claims
    reported = {cid: c.speaker for cid, c in claims.items() if c.voice.value == "reports"}
    assert reported == {
        "lovell.quayle-harbour-master-said": "Mr. Quayle, the harbour master",
        "lovell.according-army-corps-engineers": "the U.S. Army Corps of Engineers",
        "lovell.many-port-ellery-believe": "Many in Port Ellery",
        "lovell.council-claims-wall-met": "The council",
        "lovell.reportedly-contractor-cut-depth": "unnamed sources",
    }
    types = {cid: c.type.value for cid, c in claims.items()}
    assert types["lovell.wall-fail-decade-unless"] == "prediction"
    assert types["lovell.council-publish-engineers-reports"] == "recommendation"
    assert types["lovell.collapse-eastern-section-caused"] == "causal"
    assert types["lovell.new-harbour-wall-port"] == "fact"
    assert all(c.draft for c in claims.values())


def test_build_maps_drafts_marked_as_drafts(drafted: Path) -> None:
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.render.json import graph_to_json

    graph = build_graph(load_corpus(drafted))
    assert {graph.nodes[c]["draft"] for c in graph} == {True}
    assert all(node["draft"] is True for node in json.loads(graph_to_json(graph))["nodes"])


def test_reviewed_claims_are_not_drafts(mini_graph: Any) -> None:
    assert {mini_graph.nodes[c]["draft"] for c in mini_graph} == {False}


def test_draft_cuts_the_body_at_the_markers(tmp_path: Path, runner: CliRunner) -> None:
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    run(runner, "draft", str(ARTICLE), "--corpus", str(tmp_path / "c"), *DRAFT_ARGS,
        "--from", "The new harbour wall", "--to", "another pound")
    body = (tmp_path / "c" / "texts" / "lovell.txt").read_text()
    assert body.startswith("The new harbour wall at Port Ellery") and body.endswith("spends another pound.\n")
    assert "cookies" not in body


@pytest.mark.parametrize("option, marker", [("--from", "No such line"), ("--to", "nowhere at all")], ids=["from", "to"])
def test_a_marker_the_text_lacks_is_a_usage_error(tmp_path: Path, runner: CliRunner, option: str, marker: str) -> None:
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    result = run(runner, "draft", str(ARTICLE), "--corpus", str(tmp_path / "c"), *DRAFT_ARGS, option, marker, code=2)
    assert f"{option} marker {marker!r} does not occur in {ARTICLE}" in result.output
    assert not (tmp_path / "c" / "lovell.yaml").exists() and not (tmp_path / "c" / "texts" / "lovell.txt").exists()


def test_draft_never_overwrites_a_source(drafted: Path, runner: CliRunner) -> None:
    again = run(runner, "draft", str(ARTICLE), "--corpus", str(drafted), *DRAFT_ARGS)
    assert "wrote" in again.output and (drafted / "lovell-2024.yaml").exists()  # the next free id
    taken = run(runner, "draft", str(ARTICLE), "--corpus", str(drafted), *DRAFT_ARGS, "--id", "lovell", code=1)
    assert "the corpus already has a source 'lovell'" in taken.output
    assert run(runner, "validate", str(drafted)).exit_code == 0


def test_draft_rejects_text_that_is_not_utf8(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 society is a long sentence about nothing in particular.".encode("latin-1"))
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    result = run(runner, "draft", str(bad), "--corpus", str(tmp_path / "c"), *DRAFT_ARGS, code=1)
    assert "is not UTF-8 text (bad byte at position 3)" in result.output and "Traceback" not in result.output


def test_draft_rejects_a_bad_date(tmp_path: Path, runner: CliRunner) -> None:
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    args = [a if a != "2024-03-03" else "2024-13-01" for a in DRAFT_ARGS]
    result = run(runner, "draft", str(ARTICLE), "--corpus", str(tmp_path / "c"), *args, code=2)
    assert "is not a real date" in result.output


def test_hostile_text_is_drafted_as_text(tmp_path: Path, runner: CliRunner) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text('The minister said that <script>alert("x")</script> was "harmless" \\ and \x1b[31mred\x1b[0m today.\n'
                       "A second sentence follows the first one here, quite plainly.\n", encoding="utf-8")
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    result = run(runner, "draft", str(hostile), "--corpus", str(tmp_path / "c"), *DRAFT_ARGS)
    assert "\x1b" not in result.output
    from argmap.corpus import load_corpus

    claims = load_corpus(tmp_path / "c").claims
    assert any("<script>" in c.quote and "\x1b[31m" in c.quote for c in claims.values())


def test_syntok_splits_the_flagship_texts_only_at_sentence_ends(flagship_corpus: Any) -> None:
    from argmap.drafting.text import blocks, sentences

    for source, text in flagship_corpus.texts.items():
        starts = {s.start for b in blocks(text) for s in sentences(text, b)}
        for cid, span in flagship_corpus.spans.items():
            if flagship_corpus.claim_source[cid] != source:
                continue
            for start in sorted(s for s in starts if span.start < s < span.end):
                before = text[:start].rstrip()
                assert before[-1] in ".!?”\"" and text[start].isupper(), (cid, text[start - 30:start + 20])


@pytest.mark.parametrize("line, reason", [
    ("We use cookies to improve your experience.", "cookie or privacy notice"),
    ("See Also", "sharing, comment or subscription prompt"),
    ("Photo: Emil Aliyarli / Shutterstock", "photo caption or credit"),
    ("[1] Sossi Tatikyan. How do energy security and integration correlate. Rome, May 2008.", "footnote or reference"),
    ("Send CV, cover letter and writing sample to editor@example.org today please.", "contact details"),
    ("12 December 2023", "date line"),
    ("Հայերեն   English   Deutsch   Русский", "heading or navigation"),
    ("Taras Kuzio is an Associate Research Fellow at the Henry Jackson Society think tank in London.", "byline or author's note"),
    ("The recent clashes between Armenia and Azerbaijan were predictable.", ""),
], ids=["cookie", "see-also", "photo", "footnote", "email", "date", "languages", "bio", "body"])
def test_page_furniture_is_recognised(line: str, reason: str) -> None:
    from argmap.drafting.text import furniture_reason

    assert furniture_reason(line, "Taras Kuzio") == reason


def test_the_draft_field_is_documented() -> None:
    readme = (FLAGSHIP.parent / "README.md").read_text()
    assert re.search(r"\| `draft` \| no \|", readme)


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("During the 2020 war, many feared that Russia would intervene.", "many"),
    ("Indicative of this understanding, the Security Council noted that the mission was unclear.",
     "the Security Council"),
    ("Mr. Quayle, the harbour master, said that the wall was sound.", "Mr. Quayle, the harbour master"),
    ("In Azerbaijan, there is a growing view that the peacekeepers are a threat.", "unnamed observers"),
], ids=["opening-time-phrase", "opening-indicative-phrase", "apposition-kept", "there-is-a-view"])
def test_the_guessed_speaker_leaves_out_an_opening_phrase(sentence: str, speaker: str) -> None:
    from argmap.drafting.guess import guess_voice

    guess = guess_voice(sentence)
    assert guess.reported and guess.speaker == speaker
