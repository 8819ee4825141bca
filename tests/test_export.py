"""Every export, read back by the real tool that reads it: arguebuf (AIF), the Argdown CLI,
networkx (GraphML, GEXF), Graphviz's dot, the csv module and headless Cytoscape.js."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable

import networkx as nx
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.graph import build_graph
from argmap.corpus import load_corpus
from argmap.render.aif import render_aif
from argmap.render.argdown import argdown_text, claim_data, render_argdown, yaml_flow
from argmap.render.csv import render_csv
from argmap.render.cytoscape import render_cytoscape
from argmap.render.dot import render_dot
from argmap.render.gexf import render_gexf
from argmap.render.graphml import render_graphml
from conftest import MINI, REPO

TEXT_FORMATS: dict[str, Callable[[nx.DiGraph], str]] = {
    "aif": render_aif, "argdown": render_argdown, "graphml": render_graphml, "gexf": render_gexf,
    "dot": render_dot, "cytoscape": render_cytoscape,
}
HOSTILE = ["<img src=x onerror=alert(1)> a reader's letter", "<script>alert('quote')</script>"]
NODE_FIELDS = ("author", "source", "date", "type", "text", "quote", "voice", "speaker", "note")


@pytest.fixture(scope="module")
def superseded_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.DiGraph:
    """The mini corpus plus a superseded link, so every format shows what it does with one."""
    folder = tmp_path_factory.mktemp("superseded") / "mini"
    shutil.copytree(MINI, folder)
    with (folder / "relations.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  - from: birch.tests\n    to: alder.girders\n    relation: superseded\n    timing: inquiry\n"
                     "    rationale: The inquiry's tests replaced what Alder could know of the girders.\n")
    return build_graph(load_corpus(folder))


@pytest.fixture(scope="module")
def placed_graph(mini_graph: nx.DiGraph) -> nx.DiGraph:
    """The mini graph with map positions, as the map's layout will add them."""
    graph = mini_graph.copy()
    for index, node in enumerate(graph.nodes):
        graph.nodes[node]["x"], graph.nodes[node]["y"] = 100.0 * index, -50.0 * index
    return graph


def graphs(mini: nx.DiGraph, flagship: nx.DiGraph) -> dict[str, nx.DiGraph]:
    return {"mini": mini, "flagship": flagship}


CORPORA = [pytest.param("mini", id="mini"), pytest.param("flagship", id="flagship")]


@pytest.fixture
def corpus_graph(request: pytest.FixtureRequest, mini_graph: nx.DiGraph, flagship_graph: nx.DiGraph) -> nx.DiGraph:
    return graphs(mini_graph, flagship_graph)[request.param]


def drawn(graph: nx.DiGraph) -> list[tuple[str, str, str]]:
    return [(u, v, d["relation"]) for u, v, d in graph.edges(data=True) if d["relation"] in ("supports", "contradicts")]


# --- determinism -------------------------------------------------------------------------------

def test_every_export_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import sys; from argmap.graph import build_graph; from argmap.corpus import load_corpus\n"
        "from argmap.render.exchange import TEXT_RENDERERS; from argmap.render.csv import render_csv\n"
        "g = build_graph(load_corpus(sys.argv[1]))\n"
        "out = [f(g) for _, f in sorted(TEXT_RENDERERS.items())] + sorted(render_csv(g).items())\n"
        "sys.stdout.write(repr(out))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script, str(MINI)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and len(runs[0]) > 10_000


# --- AIF: arguebuf and AIFdb's structure ---------------------------------------------------------

@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_arguebuf_loads_the_aif_export_with_every_claim_and_relation(corpus_graph: nx.DiGraph) -> None:
    import arguebuf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # arguebuf warns about the edges to L and YA nodes it does not model
        loaded = arguebuf.load.json(io.StringIO(render_aif(corpus_graph)))
    relations = drawn(corpus_graph)
    assert len(loaded.atom_nodes) == corpus_graph.number_of_nodes()
    assert len(loaded.scheme_nodes) == len(relations)
    assert len(loaded.edges) == 2 * len(relations)
    assert {i: n.plain_text for i, n in loaded.atom_nodes.items()} == dict(corpus_graph.nodes(data="text"))
    found = set()
    for scheme_id, scheme in loaded.scheme_nodes.items():
        (premise,), (conclusion,) = loaded.incoming_nodes(scheme), loaded.outgoing_nodes(scheme)
        kind = "supports" if isinstance(scheme.scheme, arguebuf.Support) else "contradicts"
        found.add((premise.id, conclusion.id, kind))
    assert found == set(relations)


def test_aif_export_has_aifdbs_structure(mini_graph: nx.DiGraph) -> None:
    data = json.loads(render_aif(mini_graph))
    assert list(data) == ["nodes", "edges", "locutions", "participants"]
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
    kinds = {}
    for node in data["nodes"]:
        assert list(node) == ["nodeID", "text", "type", "timestamp"] and stamp.match(node["timestamp"])
        kinds[node["nodeID"]] = node["type"]
    assert len(kinds) == len(data["nodes"]) and set(kinds.values()) == {"I", "L", "YA", "RA", "CA"}
    for edge in data["edges"]:
        assert list(edge) == ["edgeID", "fromID", "toID", "formEdgeID"] and edge["formEdgeID"] is None
        assert edge["fromID"] in kinds and edge["toID"] in kinds
    people = {p["participantID"]: f"{p['firstname']} {p['surname']}".strip() for p in data["participants"]}
    assert all(list(p) == ["participantID", "firstname", "surname"] for p in data["participants"])
    texts = {n["nodeID"]: n["text"] for n in data["nodes"]}
    spoken = {}
    for locution in data["locutions"]:
        assert list(locution) == ["nodeID", "personID", "timestamp", "start", "end", "source"]
        assert kinds[locution["nodeID"]] == "L"
        spoken[locution["nodeID"]] = people[locution["personID"]]
    assert sorted(spoken) == sorted(n for n, k in kinds.items() if k == "L")
    # Asserted: L(author) -> YA -> I; reported: L(author) -> YA -> L(speaker) -> YA -> I.
    assert texts["alder.design:L"] == "Ann Alder : the collapse was, in the end, a design failure - plain and simple"
    assert spoken["alder.council:L"] == "Ann Alder" and spoken["alder.council:L-reported"] == "the city council"
    pairs = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert {("alder.council:L", "alder.council:YA-reported"), ("alder.council:YA-reported", "alder.council:L-reported"),
            ("alder.council:L-reported", "alder.council:YA"), ("alder.council:YA", "alder.council")} <= pairs
    assert texts["alder.hostile"] == HOSTILE[0] and texts["alder.hostile:L"] == f"Ann Alder : {HOSTILE[1]}"
    assert "<" not in render_aif(mini_graph)  # escaped as \u003c, so the JSON is inert inside a page


# --- Argdown: the Argdown CLI --------------------------------------------------------------------

def argdown_json(program: Path, text: str, folder: Path, name: str = "map") -> dict[str, Any]:
    source = folder / f"{name}.argdown"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run([str(program), "json", str(source), str(folder / "json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()
    return json.loads((folder / "json" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_argdown_cli_parses_the_export_with_the_same_statements_and_relations(
        corpus_graph: nx.DiGraph, argdown_cli: Path, tmp_path: Path) -> None:
    parsed = argdown_json(argdown_cli, render_argdown(corpus_graph), tmp_path)
    statements = parsed["statements"]
    assert sorted(statements) == sorted(corpus_graph.nodes)
    for claim_id, node in corpus_graph.nodes(data=True):
        defined = [m for m in statements[claim_id]["members"] if m.get("isTopLevel")]
        assert [m["text"].strip() for m in defined] == [" ".join(node["text"].split())]
        assert statements[claim_id]["data"] == claim_data(corpus_graph, claim_id)
    relation_type = {"support": "supports", "attack": "contradicts"}
    assert sorted((r["from"], r["to"], relation_type[r["relationType"]]) for r in parsed["relations"]) == sorted(drawn(corpus_graph))
    authors = [s["author"] for s in corpus_graph.graph["sources"]]
    assert [section["title"] for section in parsed["sections"]] == authors
    assert [section["data"]["source"] for section in parsed["sections"]] == [s["id"] for s in corpus_graph.graph["sources"]]


def hostile_strings() -> list[str]:
    fixed = ["U.A.E. and :smile: and .A. :) :-1: .+1.", "a, b; c (d) - e -- f --- g", "http://x.org/a//b /* c */ // d",
             "=== front === matter ===", "<+ x +> y >< z -> w <- v", "- dash", "+ plus", "(1) numbered", "1. ordered",
             "\\ backslash \\\\ \\n", "trailing \\", "#tag #(long tag) @[ref] @<arg> [link](http://x) [x]: y",
             "**bold** __b__ *it* _it_ snake_case a*b", "{data: 1} } { }} {{", "😀 ä é ß 中文", "50% & <b>b</b> &amp;",
             "x.y.z a:b:c 3.14 10:30", "ends with colon:", "quote \" ' `", "line\nbreak\u2028sep\u0085", *HOSTILE]
    rng = random.Random(14)
    alphabet = string.punctuation + " ab.:"
    return fixed + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(300)]


def test_argdown_escaping_survives_the_cli_for_any_punctuation(argdown_cli: Path, tmp_path: Path) -> None:
    cases = [c for c in hostile_strings() if c.strip()]
    text = "\n\n".join(f"[s{i}]: {argdown_text('T ' + c)} {yaml_flow({'quote': c, 'nested': {'k': c}})}"
                       for i, c in enumerate(cases)) + "\n"
    statements = argdown_json(argdown_cli, text, tmp_path)["statements"]
    wrong = [(c, statements[f"s{i}"]["members"][-1]["text"], statements[f"s{i}"].get("data"))
             for i, c in enumerate(cases)
             if statements[f"s{i}"]["members"][-1]["text"].strip() != " ".join(("T " + c).split())
             or statements[f"s{i}"].get("data") != {"quote": c, "nested": {"k": c}}]
    assert wrong == [] and len(statements) == len(cases)


# --- GraphML and GEXF: networkx --------------------------------------------------------------------

def flat_values(graph: nx.DiGraph, node: str) -> dict[str, Any]:
    data = graph.nodes[node]
    values = {key: data[key] for key in NODE_FIELDS}
    values.update(short_label=data["label"], quote_start=data["quote_start"], quote_end=data["quote_end"])
    values.update({f"thesis:{t['id']}": data["theses"].get(t["id"], "") for t in graph.graph["theses"]})
    return values


@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_networkx_reads_the_graphml_back_with_every_attribute(corpus_graph: nx.DiGraph) -> None:
    read = nx.read_graphml(io.BytesIO(render_graphml(corpus_graph).encode("utf-8")))
    assert list(read.nodes) == list(corpus_graph.nodes) and read.number_of_edges() == corpus_graph.number_of_edges()
    for node in corpus_graph.nodes:
        got = read.nodes[node]
        assert {k: got[k] for k in flat_values(corpus_graph, node)} == flat_values(corpus_graph, node)
        assert got["label"] == (corpus_graph.nodes[node]["label"] or node)  # the label yEd shows
    for u, v, data in corpus_graph.edges(data=True):
        assert {k: read.edges[u, v][k] for k in ("relation", "rationale", "scope", "timing")} == \
            {k: data[k] for k in ("relation", "rationale", "scope", "timing")}
    assert read.graph["title"] == corpus_graph.graph["title"]
    assert {t["id"]: read.graph[f"thesis:{t['id']}"] for t in corpus_graph.graph["theses"]} == \
        {t["id"]: t["text"] for t in corpus_graph.graph["theses"]}


@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_networkx_reads_the_gexf_back_with_every_attribute(corpus_graph: nx.DiGraph) -> None:
    read = nx.read_gexf(io.BytesIO(render_gexf(corpus_graph).encode("utf-8")))
    assert list(read.nodes) == list(corpus_graph.nodes) and read.number_of_edges() == corpus_graph.number_of_edges()
    for node in corpus_graph.nodes:
        assert {k: read.nodes[node][k] for k in flat_values(corpus_graph, node)} == flat_values(corpus_graph, node)
    for u, v, data in corpus_graph.edges(data=True):
        assert read.edges[u, v]["relation"] == data["relation"] and read.edges[u, v]["rationale"] == data["rationale"]


def test_positions_go_into_graphml_gexf_and_cytoscape(placed_graph: nx.DiGraph) -> None:
    graphml = nx.read_graphml(io.BytesIO(render_graphml(placed_graph).encode("utf-8")))
    gexf = nx.read_gexf(io.BytesIO(render_gexf(placed_graph).encode("utf-8")))
    cytoscape = {e["data"]["id"]: e["position"] for e in json.loads(render_cytoscape(placed_graph))["elements"]["nodes"]}
    node = list(placed_graph.nodes)[3]
    assert (graphml.nodes[node]["x"], graphml.nodes[node]["y"]) == ("300.0", "-150.0")
    assert gexf.nodes[node]["viz"]["position"] == {"x": 300.0, "y": 150.0, "z": 0.0}  # GEXF's y axis points up
    assert cytoscape[node] == {"x": 300.0, "y": -150.0}


# --- DOT: Graphviz ------------------------------------------------------------------------------------

@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_graphviz_renders_the_dot_export_to_svg_with_text_kept_as_text(
        corpus_graph: nx.DiGraph, graphviz_dot: str, tmp_path: Path) -> None:
    source = tmp_path / "map.dot"
    source.write_text(render_dot(corpus_graph), encoding="utf-8")
    result = subprocess.run([graphviz_dot, "-Tsvg", str(source)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
    svg = ET.fromstring(result.stdout)
    groups = [g.get("class") for g in svg.iter("{http://www.w3.org/2000/svg}g")]
    assert groups.count("node") == corpus_graph.number_of_nodes()
    assert groups.count("edge") == corpus_graph.number_of_edges()
    assert groups.count("cluster") == len(corpus_graph.graph["sources"])
    assert not [e for e in svg.iter() if e.tag.endswith("script") or any(a.startswith("on") for a in e.attrib)]
    titles = {v for e in svg.iter() for k, v in e.attrib.items() if k.endswith("title")}
    assert {corpus_graph.nodes[n]["text"] for n in corpus_graph.nodes} <= titles  # the paraphrases, as tooltips


def test_dot_strings_cannot_break_out_or_reach_graphviz_escapes() -> None:
    from argmap.render.dot import dot_string

    assert dot_string('say "\\N" <b>\nnext') == '"say \\"\\\\N\\" <b>\\nnext"'


# --- CSV: the csv module ----------------------------------------------------------------------------------

@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_csv_tables_hold_every_claim_and_relation_once(corpus_graph: nx.DiGraph) -> None:
    tables = render_csv(corpus_graph)
    nodes = list(csv.DictReader(io.StringIO(tables["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(tables["edges.csv"])))
    assert [row["Id"] for row in nodes] == list(corpus_graph.nodes)
    for row in nodes:
        expected = {k: str(v) for k, v in flat_values(corpus_graph, row["Id"]).items()}
        assert {k: row[k] for k in expected} == expected
    assert sorted((r["Source"], r["Target"], r["relation"]) for r in edges) == \
        sorted((u, v, d["relation"]) for u, v, d in corpus_graph.edges(data=True))
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    assert {r["Type"] for r in edges if r["relation"] == "contradicts"} == {"Undirected"}


def test_csv_cells_a_spreadsheet_would_run_are_defused(mini: Path) -> None:
    claims = mini / "cedar.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "text: Both earlier accounts are half right.", "text: '=HYPERLINK(\"http://x\",\"click\")'"), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(render_csv(build_graph(load_corpus(mini)))["nodes.csv"])))
    assert [r["text"] for r in rows if r["Id"] == "cedar.both"] == ["'=HYPERLINK(\"http://x\",\"click\")"]


# --- Cytoscape.js: headless Cytoscape.js ----------------------------------------------------------------

@pytest.mark.parametrize("corpus_graph", CORPORA, indirect=True)
def test_cytoscape_js_loads_the_export_with_every_element_styled(
        corpus_graph: nx.DiGraph, cytoscape_check: list[str], tmp_path: Path) -> None:
    export = tmp_path / "map.cyjs"
    export.write_text(render_cytoscape(corpus_graph), encoding="utf-8")
    result = subprocess.run([*cytoscape_check, str(export)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert [(n["id"], n["text"], n["quote"]) for n in loaded["nodes"]] == \
        [(n, d["text"], d["quote"]) for n, d in corpus_graph.nodes(data=True)]
    assert [(e["source"], e["target"], e["relation"]) for e in loaded["edges"]] == \
        [(u, v, d["relation"]) for u, v, d in corpus_graph.edges(data=True)]
    assert {e["lineStyle"] for e in loaded["edges"] if e["relation"] == "contradicts"} == {"dashed"}
    assert {n["shape"] for n in loaded["nodes"]} <= {"rectangle", "ellipse", "diamond", "star", "triangle", "hexagon"}


# --- superseded links ------------------------------------------------------------------------------------

def test_each_format_carries_a_superseded_link_as_its_table_says(
        superseded_graph: nx.DiGraph, argdown_cli: Path, tmp_path: Path) -> None:
    link = ("birch.tests", "alder.girders")
    aif = json.loads(render_aif(superseded_graph))
    into = {e["toID"]: e["fromID"] for e in aif["edges"]}
    assert not [e for e in aif["edges"] if e["toID"] == "alder.girders" and into.get(e["fromID"]) == "birch.tests"]
    assert len([n for n in aif["nodes"] if n["type"] in ("RA", "CA")]) == len(drawn(superseded_graph)) == 10
    parsed = argdown_json(argdown_cli, render_argdown(superseded_graph), tmp_path)
    assert link not in {(r["from"], r["to"]) for r in parsed["relations"]}
    assert parsed["statements"]["birch.tests"]["data"]["relations"] == [{
        "to": "alder.girders", "relation": "superseded", "timing": "inquiry",
        "rationale": "The inquiry's tests replaced what Alder could know of the girders."}]
    assert nx.read_graphml(io.BytesIO(render_graphml(superseded_graph).encode())).edges[link]["relation"] == "superseded"
    assert nx.read_gexf(io.BytesIO(render_gexf(superseded_graph).encode())).edges[link]["relation"] == "superseded"
    edges = list(csv.DictReader(io.StringIO(render_csv(superseded_graph)["edges.csv"])))
    assert [(r["Type"], r["relation"], r["timing"]) for r in edges if (r["Source"], r["Target"]) == link] == \
        [("Directed", "superseded", "inquiry")]
    assert '"birch.tests" -> "alder.girders" [color="#6A4C93", style="dotted"' in render_dot(superseded_graph)
    cyto = json.loads(render_cytoscape(superseded_graph))["elements"]["edges"]
    assert [e["data"]["relation"] for e in cyto if (e["data"]["source"], e["data"]["target"]) == link] == ["superseded"]


# --- the command --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, name", [pytest.param(f, n, id=f) for f, n in [
    ("aif", "map.json"), ("argdown", "map.argdown"), ("graphml", "map.graphml"), ("gexf", "map.gexf"),
    ("dot", "map.dot"), ("cytoscape", "map.cyjs")]])
def test_export_writes_the_format_asked_for(runner: CliRunner, tmp_path: Path, mini_graph: nx.DiGraph,
                                            fmt: str, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["export", str(MINI), "--format", fmt, "--out", str(out)], catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, f"wrote {out}\n")
    assert out.read_text(encoding="utf-8") == TEXT_FORMATS[fmt](mini_graph)


def test_export_takes_the_format_from_the_suffix_and_prints_without_out(runner: CliRunner, tmp_path: Path,
                                                                       mini_graph: nx.DiGraph) -> None:
    out = tmp_path / "map.graphml"
    assert runner.invoke(cli, ["export", str(MINI), "--out", str(out)], catch_exceptions=False).exit_code == 0
    assert out.read_text(encoding="utf-8") == render_graphml(mini_graph)
    printed = runner.invoke(cli, ["export", str(MINI), "--format", "dot"], catch_exceptions=False)
    assert printed.output == render_dot(mini_graph)


def test_export_csv_writes_both_tables_into_the_folder(runner: CliRunner, tmp_path: Path, mini_graph: nx.DiGraph) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(cli, ["export", str(MINI), "--format", "csv", "--out", str(out)], catch_exceptions=False)
    assert result.output == f"wrote {out}/nodes.csv\nwrote {out}/edges.csv\n"
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == render_csv(mini_graph)


@pytest.mark.parametrize("args, message", [
    pytest.param(["--out", "map.json"], "give --format: one of aif, argdown, graphml, gexf, csv, dot, cytoscape ('.json' names none of them)", id="ambiguous-suffix"),
    pytest.param(["--format", "csv"], "--format csv writes two files: give --out FOLDER", id="csv-to-terminal"),
    pytest.param(["--format", "pdf"], "'pdf' is not one of", id="unknown-format"),
])
def test_export_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["export", str(MINI), *args], catch_exceptions=False)
    assert result.exit_code == 2 and message in result.output


def test_export_of_a_broken_corpus_writes_nothing(runner: CliRunner, mini: Path, tmp_path: Path) -> None:
    (mini / "cedar.yaml").write_text("claims: [", encoding="utf-8")
    out = tmp_path / "map.gexf"
    result = runner.invoke(cli, ["export", str(mini), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 1 and result.output.startswith("Error: 1 problem found:") and not out.exists()


def test_readme_documents_every_export_format() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Exchanging maps"):]
    for name in ("AIF JSON", "Argdown", "GraphML", "GEXF", "CSV", "DOT", "Cytoscape.js JSON"):
        assert f"| {name} |" in table
