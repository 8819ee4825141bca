"""The graph and its node-link JSON: the stable interchange other tools read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap.errors import GraphFileError
from argmap.graph import graph_from_json
from argmap.render.json import graph_to_json
from argmap.files import write_file
from conftest import MINI, edit


def test_nodes_carry_every_documented_attribute(mini_graph: Any) -> None:
    node = mini_graph.nodes["alder.design"]
    text = (MINI / "texts" / "alder.txt").read_text(encoding="utf-8")
    assert node == {
        "author": "Ann Alder",
        "source": "alder",
        "date": "2020-01-10",
        "type": "causal",
        "text": "The collapse was a design failure.",
        "label": "",
        "quote": "the collapse was, in the end, a design failure - plain and simple",
        "quote_start": 172,
        "quote_end": 237,
        "voice": "asserts",
        "speaker": "",
        "theses": {"design-fault": "pro"},
        "note": "",
        "draft": False,
    }
    assert text[172:237] == "the collapse was, in the end, a design failure – plain and simple"


def test_edges_carry_relation_rationale_scope_and_timing(mini_graph: Any) -> None:
    assert mini_graph.edges["alder.design", "birch.steel"] == {
        "relation": "contradicts",
        "rationale": "Alder blames the design, Birch says the steel and not the design caused the fall.",
        "scope": "between",
        "timing": "inquiry",
    }
    assert mini_graph.edges["alder.girders", "alder.design"]["scope"] == "author"


def test_graph_metadata_lists_authors_in_time_order(mini_graph: Any) -> None:
    assert mini_graph.graph["authors"] == ["Ann Alder", "Ben Birch", "Cy Cedar"]
    assert [s["date_precision"] for s in mini_graph.graph["sources"]] == ["day", "month", "year"]
    assert mini_graph.graph["events"] == [{"id": "inquiry", "date": "2021-01-15", "label": "The inquiry publishes its tests"}]


def test_node_and_edge_order_is_deterministic(mini_graph: Any) -> None:
    assert list(mini_graph.nodes)[:3] == ["alder.girders", "alder.cracks", "alder.design"]
    assert list(mini_graph.edges)[0] == ("alder.girders", "alder.design")


def test_node_link_json_round_trips(tmp_path: Path, mini_graph: Any) -> None:
    path = write_file(tmp_path / "argmap.json", graph_to_json(mini_graph))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    again = graph_from_json(path)
    assert nx.utils.graphs_equal(again, mini_graph)
    assert graph_to_json(again) == graph_to_json(mini_graph)


def test_json_is_read_back_by_networkx_itself(tmp_path: Path, mini_graph: Any) -> None:
    path = write_file(tmp_path / "argmap.json", graph_to_json(mini_graph))
    plain = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert plain.number_of_nodes() == 12 and plain.number_of_edges() == 10


@pytest.mark.parametrize(
    "content, message",
    [
        pytest.param("not json", "not an argmap graph JSON file", id="not-json"),
        pytest.param('{"directed": true, "multigraph": false, "graph": {}, "nodes": [], "edges": []}',
                     "graph format None is not 1; rebuild it with 'argmap build'", id="no-format"),
    ],
)
def test_a_bad_graph_file_is_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=message):
        graph_from_json(path)


def test_superseded_links_labels_and_date_ranges_reach_the_graph(mini: Path) -> None:
    from argmap.graph import build_graph
    from argmap.corpus import load_corpus

    edit(mini, "relations.yaml", "    relation: contradicts\n", "    relation: superseded\n")
    edit(mini, "birch.yaml", "  date: 2021-06\n", "  date: 2021-02/2021-06\n  byline: B. Birch\n  provenance: Reprinted online.\n")
    edit(mini, "alder.yaml", "    text: The collapse was a design failure.\n",
         "    text: The collapse was a design failure.\n    label: A design failure\n")
    graph = build_graph(load_corpus(mini))
    assert graph.edges["alder.design", "birch.steel"]["relation"] == "superseded"
    assert graph.nodes["alder.design"]["label"] == "A design failure"
    birch = next(s for s in graph.graph["sources"] if s["id"] == "birch")
    assert (birch["date"], birch["date_precision"], birch["byline"], birch["provenance"]) == (
        "2021-02/2021-06", "range", "B. Birch", "Reprinted online.")
