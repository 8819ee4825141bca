"""One test per kind of corpus problem: each names the file, the line, the field and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import CorpusError
from argmap.corpus import load_corpus
from conftest import edit


def problems(folder: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    return [str(p).replace(str(folder) + "/", "") for p in caught.value.problems]


CASES = [
    pytest.param(
        [("alder.yaml", "  - id: alder.cracks\n", "  - id: alder.cracks\n   text: [unclosed\n")],
        "alder.yaml:15: YAML syntax error: while parsing a block collection expected <block end>, but found '<block mapping start>'\n"
        "    fix: fix the YAML at this line (check indentation, colons and quotes)",
        id="yaml-syntax",
    ),
    pytest.param(
        [("birch.yaml", "    type: causal\n", "    type: causal\n    stance: pro\n")],
        "birch.yaml:24: claims[birch.steel].stance: unknown field 'stance'\n"
        "    fix: allowed fields: id, text, label, quote, type, voice, speaker, theses, supports, note, draft",
        id="unknown-field",
    ),
    pytest.param(
        [("birch.yaml", "    type: fact\n", "")],
        "birch.yaml:9: claims[birch.tests].type: missing required field 'type'\n"
        "    fix: add 'type: ...' here (required: id, text, quote, type)",
        id="missing-field",
    ),
    pytest.param(
        [("birch.yaml", "    type: evaluation\n", "    type: opinion\n")],
        "birch.yaml:17: claims[birch.design-ok].type: 'opinion' is not allowed here\n"
        "    fix: use one of: 'fact', 'interpretation', 'causal', 'evaluation', 'prediction' or 'recommendation'",
        id="bad-enum",
    ),
    pytest.param(
        [("birch.yaml", "theses: {design-fault: con}\n    supports", "theses: {design-fault: against}\n    supports")],
        "birch.yaml:18: claims[birch.design-ok].theses.design-fault: 'against' is not allowed here\n"
        "    fix: use one of: 'pro' or 'con'",
        id="bad-stance",
    ),
    pytest.param(
        [("cedar.yaml", "  - id: cedar.both\n", "  - id: Cedar Both\n")],
        ["cedar.yaml:22: claims[Cedar Both].id: 'Cedar Both' is not a valid id\n"
        "    fix: use lower-case letters, digits, '.', '-' and '_', starting with a letter or digit (e.g. 'socor.protectorate')",
        # ... and, since no claim is called 'cedar.both' now, the two links to it:
        "cedar.yaml:15: claims[cedar.design].supports: supports unknown claim 'cedar.both' (did you mean 'cedar.city'?)\n"
        "    fix: use the id of a claim defined in the corpus",
        "cedar.yaml:21: claims[cedar.steel].supports: supports unknown claim 'cedar.both' (did you mean 'cedar.city'?)\n"
        "    fix: use the id of a claim defined in the corpus"],
        id="bad-id",
    ),
    pytest.param(
        [("birch.yaml", "  date: 2021-06\n", "  date: June 2021\n")],
        "birch.yaml:6: source.date: 'June 2021' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n"
        "    fix: write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-03-04), or a range EARLIEST/LATEST when it was inferred (e.g. 2023-10/2024-01)",
        id="bad-date",
    ),
    pytest.param(
        [("cedar.yaml", "  - id: cedar.city\n", "  - id: alder.design\n")],
        "cedar.yaml:26: claims[alder.design].id: duplicate claim id 'alder.design': already defined at alder.yaml:19\n"
        "    fix: give each claim its own id",
        id="duplicate-id-across-files",
    ),
    pytest.param(
        [("birch.yaml", "  author: Ben Birch\n", "  author: Ben Birch\n  author: B. Birch\n")],
        "birch.yaml:4: source.author: key 'author' appears twice in the same mapping\n    fix: remove or rename one of them",
        id="duplicate-key",
    ),
    pytest.param(
        [("cedar.yaml", "theses: {city-liable: con}", "theses: {city-liabel: con}")],
        "cedar.yaml:30: claims[cedar.city].theses: unknown thesis 'city-liabel' (did you mean 'city-liable'?)\n"
        "    fix: use the id of a thesis defined under 'theses:', or define it there",
        id="unknown-thesis",
    ),
    pytest.param(
        [("relations.yaml", "to: birch.steel\n    relation: contradicts", "to: birch.stele\n    relation: contradicts")],
        "relations.yaml:3: relations[#1].to: unknown claim 'birch.stele' (did you mean 'birch.steel'?)\n"
        "    fix: use the id of a claim defined in the corpus",
        id="unknown-claim-in-relation",
    ),
    pytest.param(
        [("birch.yaml", "    supports: [birch.steel]\n  - id: birch.design-ok", "    supports: [birch.stell]\n  - id: birch.design-ok")],
        "birch.yaml:13: claims[birch.tests].supports: supports unknown claim 'birch.stell' (did you mean 'birch.steel'?)\n"
        "    fix: use the id of a claim defined in the corpus",
        id="unknown-claim-in-supports",
    ),
    pytest.param(
        [("relations.yaml", "timing: inquiry", "timing: enquiry")],
        "relations.yaml:6: relations[#1].timing: unknown event 'enquiry' (did you mean 'inquiry'?)\n"
        "    fix: use the id of an event defined under 'events:'",
        id="unknown-event",
    ),
    pytest.param(
        [("relations.yaml", "  - from: cedar.steel\n    to: birch.steel", "  - from: cedar.steel\n    to: cedar.steel")],
        "relations.yaml:16: relations[#4].to: relation from 'cedar.steel' to itself\n    fix: a relation joins two different claims",
        id="self-relation",
    ),
    pytest.param(
        [("relations.yaml", "  - from: cedar.steel\n", "  - from: birch.steel\n    to: alder.design\n    relation: supports\n"
          "    rationale: Said to agree.\n  - from: cedar.steel\n")],
        "relations.yaml:15: relations[#4].relation: 'birch.steel' and 'alder.design' would both support and contradict "
        "each other (the other link is at relations.yaml:2)\n"
        "    fix: decide which it is: two claims cannot both support and contradict each other",
        id="supports-and-contradicts",
    ),
    pytest.param(
        [("relations.yaml", "  - from: cedar.steel\n", "  - from: birch.steel\n    to: cedar.steel\n    relation: supports\n"
          "    rationale: The same link again.\n  - from: cedar.steel\n")],
        "relations.yaml:19: relations[#5]: 'cedar.steel' and 'birch.steel' are already linked by 'supports' at relations.yaml:15\n"
        "    fix: keep one of the two links",
        id="duplicate-relation",
    ),
    pytest.param(
        [("cedar.yaml", "    supports: [cedar.both]\n  - id: cedar.steel", "    supports: [alder.girders]\n  - id: cedar.steel")],
        "cedar.yaml:15: claims[cedar.design].supports: 'alder.girders' is a claim of Ann Alder, not of Cy Cedar\n"
        "    fix: 'supports' links one author's own claims; link claims of different authors under 'relations:'",
        id="supports-across-authors",
    ),
    pytest.param(
        [("cedar.yaml", "    type: evaluation\n", "    type: evaluation\n    supports: [cedar.design]\n")],
        "cedar.yaml:26: claims[cedar.both].supports: supports links form a cycle: cedar.design -> cedar.both -> cedar.design\n"
        "    fix: a reason cannot, through other claims, be supported by its own conclusion: remove one link",
        id="support-cycle",
    ),
    pytest.param(
        [("corpus.yaml", "date: 2021-01-15", "date: 2023-01-15")],
        "relations.yaml:6: relations[#1].timing: event 'inquiry' (2023-01-15) does not fall between the two sources "
        "(Ann Alder, 2020-01-10; Ben Birch, 2021-06)\n"
        "    fix: name an event that happened after the earlier text and before the later one, or drop 'timing'",
        id="timing-not-between",
    ),
    pytest.param(
        [("alder.yaml", "voice: reports\n    speaker: the city council\n", "voice: reports\n")],
        "alder.yaml:24: claims[alder.council]: a claim with voice 'reports' needs a 'speaker': who is reported\n"
        "    fix: add 'speaker: ...' (e.g. 'speaker: the city council'), or drop 'voice: reports'",
        id="reports-without-speaker",
    ),
    pytest.param(
        [("cedar.yaml", "  text: texts/cedar.txt", "  text: texts/cedar.text")],
        "cedar.yaml:8: source.text: source text file 'texts/cedar.text' not found (looked for texts/cedar.text)\n"
        "    fix: check the path: it is relative to this YAML file",
        id="missing-source-text",
    ),
    pytest.param(
        [("alder.yaml", 'quote: "the collapse was, in the end, a design failure - plain and simple"',
          'quote: "the collapse was, at the end, a design failure"')],
        "alder.yaml:21: claims[alder.design].quote: quote not found in texts/alder.txt; closest passage (96% similar): "
        "\"the collapse was, in the end, a design failure\"\n"
        "    fix: copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not",
        id="quote-not-found",
    ),
    pytest.param(
        [("alder.yaml", 'quote: "the collapse was, in the end, a design failure - plain and simple"',
          'quote: "bananas grow in bunches on tall plants"')],
        "alder.yaml:21: claims[alder.design].quote: quote not found in texts/alder.txt; no passage of the source is close to it\n"
        "    fix: copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not",
        id="quote-unlike-anything",
    ),
    pytest.param(
        [("relations.yaml", "    relation: supports\n    rationale: Cedar agrees", "    relation: superseded\n    rationale: Cedar agrees")],
        "relations.yaml:7: relations[#2]: a 'superseded' relation needs 'timing': the event that overturned the earlier account\n"
        "    fix: add 'timing: EVENT-ID' naming an event under 'events:', or use another relation",
        id="superseded-without-timing",
    ),
    pytest.param(
        [("relations.yaml", "relations:\n", "relations:\n  - from: birch.steel\n    to: alder.design\n    relation: superseded\n"
          "    rationale: The inquiry overturned it.\n    timing: inquiry\n")],
        "relations.yaml:7: relations[#2].relation: 'alder.design' and 'birch.steel' are linked both as 'superseded' "
        "(at relations.yaml:2) and as 'contradicts'\n"
        "    fix: decide which it is: 'superseded' means each held in its own period, so it excludes the other kinds",
        id="superseded-and-contradicts",
    ),
    pytest.param(
        [("birch.yaml", "  date: 2021-06\n", "  date: 2021-06/2021-03\n")],
        "birch.yaml:6: source.date: '2021-06/2021-03' is not a date range: the earliest date must come before the latest\n"
        "    fix: put the earlier date first: EARLIEST/LATEST (e.g. 2023-10/2024-01)",
        id="date-range-backwards",
    ),
    pytest.param(
        [("birch.yaml", "  date: 2021-06\n", "  date: 2021-06/2021/2022\n")],
        "birch.yaml:6: source.date: '2021-06/2021/2022' is not a date range: write EARLIEST/LATEST, e.g. 2023-10/2024-01\n"
        "    fix: write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-03-04), or a range EARLIEST/LATEST when it was inferred (e.g. 2023-10/2024-01)",
        id="date-range-three-parts",
    ),
    pytest.param(
        [("birch.yaml", "  date: 2021-06\n", "  date: 2020-06/2020-12\n")],
        "relations.yaml:6: relations[#1].timing: event 'inquiry' (2021-01-15) does not fall between the two sources "
        "(Ann Alder, 2020-01-10; Ben Birch, 2020-06/2020-12)\n"
        "    fix: name an event that happened after the earlier text and before the later one, or drop 'timing'",
        id="date-range-before-event",
    ),
    pytest.param(
        [("corpus.yaml", "events:", "event:")],
        ["corpus.yaml:12: event: unknown section 'event' (did you mean 'events'?)\n"
        "    fix: top-level keys are: title, source, claims, theses, events, relations, suggestions",
        "relations.yaml:6: relations[#1].timing: unknown event 'inquiry'\n"
        "    fix: use the id of an event defined under 'events:'"],
        id="unknown-section",
    ),
]


@pytest.mark.parametrize("edits, expected", CASES)
def test_each_problem_is_located_and_explained(mini: Path, edits: list[tuple[str, str, str]], expected: str) -> None:
    for name, old, new in edits:
        edit(mini, name, old, new)
    expected_list = [expected] if isinstance(expected, str) else list(expected)
    assert problems(mini) == sorted(expected_list)


def test_source_text_not_utf8(mini: Path) -> None:
    (mini / "texts" / "cedar.txt").write_bytes("Both accounts are half right.\n\xe9t\xe9".encode("latin-1"))
    assert problems(mini) == [
        "cedar.yaml:8: source.text: source text texts/cedar.txt is not UTF-8 (bad byte at position 30)\n"
        "    fix: re-save the text file as UTF-8"
    ]


def test_claims_need_a_source_in_their_file(mini: Path) -> None:
    edit(mini, "cedar.yaml", "source:\n", "origin:\n")
    assert problems(mini) == [
        "cedar.yaml:1: origin: unknown section 'origin'\n"
        "    fix: top-level keys are: title, source, claims, theses, events, relations, suggestions",
        "cedar.yaml:9: claims: claims need the source they quote, but this file has no 'source' section\n"
        "    fix: add a 'source:' section to this file (one source per file, with its claims)",
    ]


def test_a_section_must_be_a_list(mini: Path) -> None:
    (mini / "extra.yaml").write_text("theses:\n  id: x\n  text: y\n", encoding="utf-8")
    assert problems(mini) == [
        "extra.yaml:1: theses: 'theses' must be a list (each thesis starts with '- ')\n"
        "    fix: write it as:\n      theses:\n        - id: ..."
    ]


def test_every_problem_in_every_file_is_reported_at_once(mini: Path) -> None:
    edit(mini, "alder.yaml", "    type: fact\n", "    type: gossip\n")
    edit(mini, "birch.yaml", "  title: What the Inquiry Found\n", "")
    edit(mini, "cedar.yaml", 'quote: "Both accounts are half right."', 'quote: "Both accounts are wrong."')
    edit(mini, "relations.yaml", "from: cedar.design\n    to: birch.design-ok", "from: cedar.desing\n    to: birch.design-ok")
    found = problems(mini)
    assert [line.split(":")[0] for line in found] == ["alder.yaml", "birch.yaml", "cedar.yaml", "relations.yaml"]


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    assert problems(tmp_path) == [
        f"{tmp_path}: no corpus files (*.yaml) in this folder\n"
        "    fix: point argmap at the folder that holds your claim files (see README, 'The corpus format')"
    ]
