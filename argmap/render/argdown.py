"""Argdown, for the Argdown CLI, its VS Code preview and its browser sandbox.

One statement per claim, ``[claim id]: paraphrase {data}``, grouped under one heading per source
(``# Author {source metadata}``). The data holds what Argdown has no syntax for: the quote,
author, date, type, voice and speaker, theses, label and note, and the rationale and timing of
the claim's links to other authors. Supports are written ``+> [target]`` and contradicts
``-> [target]`` (Argdown's attack between statements: both cannot be true); a superseded link has
no Argdown relation, so it is kept in the data only and the Argdown map does not draw it. The
front matter holds the corpus title, theses and events.

Text outside the data is escaped character by character (Argdown's ``\\x``), so nothing in a
paraphrase can open a mention, tag, link, comment, range or data block; runs of white space
become one space, as Argdown reads them. Data values are YAML double-quoted strings with braces,
``=`` and line breaks escaped, so they come back exactly.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

# Characters that start an Argdown token wherever they stand in a line.
_ALWAYS = set("\\@#*_[]<>{}/=")
# '.' and ':' open special characters (":smile:", ".A.") only when a non-space follows.
_BEFORE_TEXT = set(".:")
_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "{": "\\x7B", "}": "\\x7D", "=": "\\x3D", "\n": "\\n", "\t": "\\t"}
_YAML_RAW = re.compile("[\\\\\"{}=\n\t\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")

ARROWS = {"supports": "+>", "contradicts": "->"}


def argdown_text(text: str) -> str:
    """Text for a statement or heading line, every active character escaped."""
    flat = " ".join(text.split())  # Argdown reads any run of white space as one space
    out = []
    for index, char in enumerate(flat):
        following = flat[index + 1] if index + 1 < len(flat) else " "
        if char in _ALWAYS or (char in _BEFORE_TEXT and not following.isspace()) or (index == 0 and char in "+-("):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def yaml_string(text: str) -> str:
    """A YAML double-quoted string that Argdown's data block and front matter read back exactly."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _YAML_ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return '"' + _YAML_RAW.sub(escape, text) + '"'


def yaml_flow(value: Any) -> str:
    """A YAML flow collection of strings, lists and mappings, every scalar quoted."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_string(str(k))}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    return yaml_string(str(value))


def claim_data(graph: nx.DiGraph[str], claim_id: str) -> dict[str, Any]:
    node = graph.nodes[claim_id]
    data: dict[str, Any] = {"quote": node["quote"], "author": node["author"], "date": node["date"], "type": node["type"]}
    if node["voice"] == "reports":
        data.update(voice="reports", speaker=node["speaker"])
    for key in ("label", "note"):
        if node.get(key):
            data[key] = node[key]
    if node["theses"]:
        data["theses"] = dict(node["theses"])
    links = [{"to": target, "relation": edge["relation"], "rationale": edge["rationale"],
              **({"timing": edge["timing"]} if edge["timing"] else {})}
             for _, target, edge in graph.out_edges(claim_id, data=True)
             if edge["rationale"] or edge["relation"] not in ARROWS]
    if links:
        data["relations"] = links
    return data


def _source_data(source: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "title", "publication", "date", "date_note", "url", "byline", "provenance", "note")
    return {("source" if key == "id" else key): source[key] for key in keys if source.get(key)}


def render_argdown(graph: nx.DiGraph[str]) -> str:
    """The graph as Argdown text."""
    meta = graph.graph
    lines = ["===", f"title: {yaml_string(meta['title'])}"]
    if meta["theses"]:
        lines.append(f"theses: {yaml_flow([dict(t) for t in meta['theses']])}")
    if meta["events"]:
        lines.append(f"events: {yaml_flow([dict(e) for e in meta['events']])}")
    lines += ["===", ""]
    by_source: dict[str, list[str]] = {s["id"]: [] for s in meta["sources"]}
    for claim_id in graph.nodes:
        by_source[graph.nodes[claim_id]["source"]].append(claim_id)
    for source in meta["sources"]:
        lines += [f"# {argdown_text(source['author'])} {yaml_flow(_source_data(source))}", ""]
        for claim_id in by_source[source["id"]]:
            node = graph.nodes[claim_id]
            lines.append(f"[{claim_id}]: {argdown_text(node['text'])} {yaml_flow(claim_data(graph, claim_id))}")
            for _, target, edge in graph.out_edges(claim_id, data=True):
                if edge["relation"] in ARROWS:
                    lines.append(f"  {ARROWS[edge['relation']]} [{target}]")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
