"""Imports: AIF and Argdown maps come back as corpus YAML, quotes checked against the texts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from argmap.graph import build_graph
from argmap.imports.argdown import read_argdown
from argmap.corpus import load_corpus
from argmap.render.aif import render_aif
from argmap.render.argdown import render_argdown
from conftest import DATA, MINI, REPO

AIFDB_STYLE = DATA / "exchange" / "aifdb-style.json"
HANDWRITTEN = DATA / "exchange" / "handwritten.argdown"


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(cli, list(args), catch_exceptions=False)


def text_options(corpus: Path, graph: nx.DiGraph) -> list[str]:
    """--source-text and --author for every source of ``graph``, as a user would give them."""
    options = []
    for source in graph.graph["sources"]:
        options += ["--source-text", str(corpus / "texts" / f"{source['id']}.txt"), "--author", source["author"]]
    return options


def imported_graph_data(folder: Path) -> tuple[dict[str, dict[str, Any]], set[tuple[str, str, str]]]:
    """Claims and relations as the written YAML holds them (read as plain YAML: AIF leaves gaps)."""
    claims, relations = {}, set()
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for claim in data.get("claims", []):
            claims[claim["id"]] = {**claim, "author": data["source"]["author"]}
            relations |= {(claim["id"], target, "supports") for target in claim.get("supports", [])}
        relations |= {(r["from"], r["to"], r["relation"]) for r in data.get("relations", [])}
    return claims, relations


def test_flagship_round_trip_through_aif_keeps_every_field_aif_carries(
        runner: CliRunner, flagship_graph: nx.DiGraph, tmp_path: Path) -> None:
    exported = tmp_path / "flagship.json"
    exported.write_text(render_aif(flagship_graph), encoding="utf-8")
    folder = tmp_path / "back"
    result = run(runner, "import", str(exported), "--corpus", str(folder), *text_options(REPO / "claims", flagship_graph))
    assert result.exit_code == 0
    claims_count = flagship_graph.number_of_nodes()
    carried = [d for _, _, d in flagship_graph.edges(data=True) if d["relation"] != "superseded"]
    assert (f"AIF: {claims_count} claims, {len(carried)} relations\n"
            f"quotes: {claims_count} found in the source texts, 0 not found\n") in result.output
    claims, relations = imported_graph_data(folder)
    assert sorted(claims) == sorted(flagship_graph.nodes)
    for claim_id, node in flagship_graph.nodes(data=True):
        got = claims[claim_id]
        assert (got["text"], got["quote"], got["author"], got.get("voice", "asserts"), got.get("speaker", "")) == \
            (node["text"], node["quote"], node["author"], node["voice"], node["speaker"])
    assert relations == {(u, v, d["relation"]) for u, v, d in flagship_graph.edges(data=True) if d["relation"] != "superseded"}
    assert "AIF cannot carry: claim types, theses (stances), labels, notes, relation rationales, relation timing\n" in result.output


def test_flagship_round_trip_through_argdown_gives_back_the_same_graph(
        runner: CliRunner, flagship_graph: nx.DiGraph, tmp_path: Path) -> None:
    exported = tmp_path / "flagship.argdown"
    exported.write_text(render_argdown(flagship_graph), encoding="utf-8")
    folder = tmp_path / "back"
    result = run(runner, "import", str(exported), "--corpus", str(folder), *text_options(REPO / "claims", flagship_graph))
    assert result.exit_code == 0 and "to fill in" not in result.output
    back = build_graph(load_corpus(folder))  # a complete, valid corpus: nothing to fill in
    assert list(back.nodes(data=True)) == list(flagship_graph.nodes(data=True))
    assert sorted(back.edges(data=True)) == sorted(flagship_graph.edges(data=True))
    for key in ("title", "authors", "theses", "events"):
        assert back.graph[key] == flagship_graph.graph[key]
    assert [{k: v for k, v in s.items()} for s in back.graph["sources"]] == flagship_graph.graph["sources"]


def test_hostile_text_comes_back_as_the_same_characters(runner: CliRunner, mini_graph: nx.DiGraph, tmp_path: Path) -> None:
    for fmt, render in (("aif", render_aif), ("argdown", render_argdown)):
        exported = tmp_path / f"mini.{fmt}"
        exported.write_text(render(mini_graph), encoding="utf-8")
        folder = tmp_path / fmt
        assert run(runner, "import", str(exported), "--format", fmt, "--corpus", str(folder),
                   *text_options(MINI, mini_graph)).exit_code == 0
        claims, _ = imported_graph_data(folder)
        assert (claims["alder.hostile"]["text"], claims["alder.hostile"]["quote"]) == \
            ("<img src=x onerror=alert(1)> a reader's letter", "<script>alert('quote')</script>")


def test_a_quote_not_in_the_text_is_reported_with_the_closest_passage(
        runner: CliRunner, mini_graph: nx.DiGraph, tmp_path: Path) -> None:
    exported = tmp_path / "mini.json"
    exported.write_text(render_aif(mini_graph).replace("plain and simple", "pure and simple"), encoding="utf-8")
    result = run(runner, "import", str(exported), "--corpus", str(tmp_path / "back"), *text_options(MINI, mini_graph))
    assert result.exit_code == 0
    assert ("quotes: 11 found in the source texts, 1 not found\n"
            "  not found: alder.design: \"the collapse was, in the end, a design failure - pure and simple\"\n"
            "    closest passage (95% alike): \"the collapse was, in the end, a design failure – plain and simple\"\n"
            ) in result.output


def test_an_aifdb_map_imports_with_ids_made_from_the_text(runner: CliRunner, tmp_path: Path) -> None:
    text = tmp_path / "debate.txt"
    text.write_text("Chair: We should build the bridge now. It will cut the commute by half.\n"
                    "Critic: The budget cannot carry it this year.\n", encoding="utf-8")
    folder = tmp_path / "debate"
    result = run(runner, "import", str(AIFDB_STYLE), "--corpus", str(folder), "--source-text", str(text),
                 "--author", "Chris Chair")
    assert result.exit_code == 0
    assert result.output == (
        f"wrote {folder}/texts/chair.txt\n"
        f"wrote {folder}/chair.yaml\n"
        f"wrote {folder}/critic.yaml\n"
        f"wrote {folder}/relations.yaml\n"
        "AIF: 3 claims, 2 relations\n"
        "quotes: 2 found in the source texts, 0 not found\n"
        "quotes of Cleo Critic not checked: no --source-text for them\n"
        "AIF cannot carry: claim types, theses (stances), labels, notes, relation rationales, relation timing\n"
        "not imported: 1 MA node; 1 TA node\n"
        "to fill in (4):\n"
        "  chair.yaml: source title, publication, date; the type of 2 claims "
        "(fact, interpretation, causal, evaluation, prediction, recommendation)\n"
        "  texts/critic.txt: the text of Cleo Critic (UTF-8 plain text), then validate to check the quotes\n"
        "  critic.yaml: source title, publication, date; the type of 1 claim "
        "(fact, interpretation, causal, evaluation, prediction, recommendation)\n"
        "  relations.yaml: the rationale of 1 relation\n"
        f"then: argmap validate {folder}\n"
    )
    chair = yaml.safe_load((folder / "chair.yaml").read_text(encoding="utf-8"))
    assert [(c["id"], c["quote"], c.get("supports")) for c in chair["claims"]] == [
        ("chair.we-should-build-the-bridge", "We should build the bridge now.", None),
        ("chair.the-bridge-halves-the-commute", "It will cut the commute by half.", ["chair.we-should-build-the-bridge"]),
    ]
    assert yaml.safe_load((folder / "relations.yaml").read_text(encoding="utf-8"))["relations"] == [
        {"from": "critic.the-budget-cannot-carry-it", "to": "chair.we-should-build-the-bridge",
         "relation": "contradicts", "rationale": ""}]


def test_our_argdown_reader_agrees_with_the_argdown_cli(argdown_cli: Path, tmp_path: Path) -> None:
    subprocess.run([str(argdown_cli), "json", str(HANDWRITTEN), str(tmp_path)], check=True, capture_output=True)
    parsed = json.loads((tmp_path / "handwritten.json").read_text(encoding="utf-8"))
    ours = read_argdown(HANDWRITTEN.read_text(encoding="utf-8"), str(HANDWRITTEN))
    cli_texts = {title: next(m["text"].strip() for m in s["members"] if m.get("text", "").strip())
                 for title, s in parsed["statements"].items()}
    cli_texts.update({title: next(m["text"].strip() for m in a["members"] if m.get("text", "").strip())
                      for title, a in parsed["arguments"].items()})
    assert {c.id: c.text for c in ours.claims} == cli_texts
    kinds = {"support": "supports", "attack": "contradicts", "contradictory": "contradicts"}
    assert sorted((r.source, r.target, r.relation) for r in ours.relations) == \
        sorted((r["from"], r["to"], kinds[r["relationType"]]) for r in parsed["relations"] if r["relationType"] in kinds)
    assert [c.author for c in ours.claims][:1] == ["Topic one"] and ours.skipped == ["1 undercut"]


@pytest.mark.parametrize("content, suffix, expected", [
    pytest.param('{"nodes": [', ".json", "Error: 1 problem found:\n{path}:1: not JSON: Expecting value (column 12)\n"
                 "    fix: give the AIF JSON file as AIFdb or OVA saves it\n", id="bad-json"),
    pytest.param('{"nodes": [{"nodeID": "1", "type": "I"}, {"text": "x", "type": "L"}], "edges": 3}', ".json",
                 "Error: 3 problems found:\n"
                 "{path}: edges: is int, not a list\n    fix: make 'edges' a list of objects\n"
                 "{path}: nodes[0]: has no 'text'\n    fix: every entry of 'nodes' needs nodeID, type, text\n"
                 "{path}: nodes[1]: has no 'nodeID'\n    fix: every entry of 'nodes' needs nodeID, type, text\n",
                 id="aif-fields"),
    pytest.param("# A\n\nJust some text.\n\n[b]\n  (1) premise\n", ".argdown",
                 "Error: 3 problems found:\n"
                 "{path}:3: a statement without a title\n    fix: give it one: [Title]: text (argmap needs an id for every claim)\n"
                 "{path}:5: [b] is named but never given a text\n    fix: define it: [b]: what it says\n"
                 "{path}:6: premise-conclusion structures (numbered premises, inference lines) are not imported\n"
                 "    fix: keep the argument's description (<Title>: text) and its relations; argmap maps claims, not inferences\n",
                 id="argdown-problems"),
])
def test_a_bad_map_file_lists_every_problem_and_writes_nothing(
        runner: CliRunner, tmp_path: Path, content: str, suffix: str, expected: str) -> None:
    path = tmp_path / f"map{suffix}"
    path.write_text(content, encoding="utf-8")
    result = run(runner, "import", str(path), "--corpus", str(tmp_path / "out"), "--author", "A")
    assert (result.exit_code, result.output) == (1, expected.format(path=path))
    assert not (tmp_path / "out").exists()


def test_import_refuses_to_overwrite_a_corpus(runner: CliRunner, mini_graph: nx.DiGraph, tmp_path: Path) -> None:
    exported = tmp_path / "mini.json"
    exported.write_text(render_aif(mini_graph), encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "alder.yaml").write_text("keep me", encoding="utf-8")
    result = run(runner, "import", str(exported), "--corpus", str(folder))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {folder}/alder.yaml: already exists; import into a new folder, or move the old corpus away\n"
    assert sorted(p.name for p in folder.iterdir()) == ["alder.yaml"] and (folder / "alder.yaml").read_text() == "keep me"


@pytest.mark.parametrize("extra, code, message", [
    pytest.param(["--source-text", str(MINI / "texts" / "alder.txt")], 1,
                 "Error: the file has 3 authors (Ann Alder, Ben Birch, Cy Cedar); which one wrote alder.txt?\n"
                 "    fix: give --author NAME once for each --source-text, in the same order\n", id="whose-text"),
    pytest.param(["--source-text", str(MINI / "texts" / "alder.txt"), "--author", "Ann Ash"], 1,
                 "Error: no author 'Ann Ash' (did you mean 'Ann Alder'?). Known authors: Ann Alder, Ben Birch, Cy Cedar\n",
                 id="unknown-author"),
    pytest.param(["--author", "A", "--author", "B"], 2, "give one --author for each --source-text, in the same order "
                 "(2 authors, 0 texts)", id="unpaired"),
])
def test_import_options_that_do_not_fit_the_file(runner: CliRunner, mini_graph: nx.DiGraph, tmp_path: Path,
                                                extra: list[str], code: int, message: str) -> None:
    exported = tmp_path / "mini.json"
    exported.write_text(render_aif(mini_graph), encoding="utf-8")
    result = run(runner, "import", str(exported), "--corpus", str(tmp_path / "out"), *extra)
    assert result.exit_code == code and message in result.output and not (tmp_path / "out").exists()
