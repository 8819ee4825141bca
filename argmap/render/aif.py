"""AIF JSON, as AIFdb serves it and OVA and arguebuf read it.

The structure follows AIFdb's JSON: ``nodes`` (``nodeID``, ``text``, ``type``, ``timestamp``),
``edges`` (``edgeID``, ``fromID``, ``toID``, ``formEdgeID``), ``locutions`` (``nodeID``,
``personID``, ``timestamp``, ``start``, ``end``, ``source``) and ``participants``
(``participantID``, ``firstname``, ``surname``).

Each claim is an I-node carrying the paraphrase, its nodeID the claim id. Its quote is an L-node
(``"Author : quote"``) spoken by the author, anchored to the I-node by a YA ``Asserting`` node. A
view the author only reports goes through the reported speaker: the author's L-node asserts an
L-node of the speaker (``"Speaker : quote"``), which asserts the I-node, the way AIF models
reported speech. Supports become RA nodes (reason -> RA -> conclusion), contradicts CA nodes
(in the direction written). AIF has no node for a claim overtaken by events, so superseded links
are left out. Timestamps are the source's date (its first day), never the time of export.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from argmap.render.flat import first_day

SCHEME_TEXT = {"supports": ("RA", "Default Inference"), "contradicts": ("CA", "Default Conflict")}


def split_name(name: str) -> tuple[str, str]:
    """AIFdb's (firstname, surname): the last word is the surname; joined back with one space."""
    first, _, last = name.rpartition(" ")
    return first, last


def joined_name(firstname: str, surname: str) -> str:
    return f"{firstname} {surname}" if firstname else surname


def aif_data(graph: nx.DiGraph[str]) -> dict[str, Any]:
    """The AIF document as JSON-ready data."""
    dates = {s["id"]: first_day(s["date"]) + " 00:00:00" for s in graph.graph["sources"]}
    people: dict[str, str] = {}

    def person(name: str) -> str:
        return people.setdefault(name, str(len(people) + 1))

    for author in graph.graph["authors"]:
        person(author)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def node(node_id: str, text: str, kind: str, stamp: str) -> str:
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": stamp})
        return node_id

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    def locution(node_id: str, name: str, quote: str, stamp: str) -> str:
        node(node_id, f"{name} : {quote}", "L", stamp)
        locutions.append({"nodeID": node_id, "personID": person(name), "timestamp": stamp,
                          "start": None, "end": None, "source": None})
        return node_id

    for claim_id, data in graph.nodes(data=True):
        stamp = dates[data["source"]]
        claim = node(claim_id, data["text"], "I", stamp)
        said = locution(f"{claim_id}:L", data["author"], data["quote"], stamp)
        if data["voice"] == "reports":
            reported = locution(f"{claim_id}:L-reported", data["speaker"], data["quote"], stamp)
            anchor = node(f"{claim_id}:YA-reported", "Asserting", "YA", stamp)
            edge(said, anchor)
            edge(anchor, reported)
            said = reported
        anchor = node(f"{claim_id}:YA", "Asserting", "YA", stamp)
        edge(said, anchor)
        edge(anchor, claim)
    for index, (source, target, data) in enumerate(graph.edges(data=True), start=1):
        if data["relation"] not in SCHEME_TEXT:
            continue  # superseded: AIF has no scheme for "true in its own period"
        kind, text = SCHEME_TEXT[data["relation"]]
        later = max(dates[graph.nodes[source]["source"]], dates[graph.nodes[target]["source"]])
        scheme = node(f"{kind}:{index}", text, kind, later)
        edge(source, scheme)
        edge(scheme, target)
    participants = [{"participantID": pid, "firstname": split_name(name)[0], "surname": split_name(name)[1]}
                    for name, pid in people.items()]
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


def safe_json(data: Any) -> str:
    """JSON that stays inert when pasted into an HTML page: <, >, & and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text + "\n"


def render_aif(graph: nx.DiGraph[str]) -> str:
    """The graph as AIF JSON text (AIFdb's structure)."""
    return safe_json(aif_data(graph))
