"""Plain-text views of single claims, for the terminal."""

from __future__ import annotations

import textwrap

import networkx as nx

from argmap.corpus import Corpus
from argmap.quotes import sentence_around

WIDTH = 88


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def describe_claim(corpus: Corpus, graph: nx.DiGraph, claim_id: str) -> str:
    """A claim with its citation, its quote in context and every link in and out."""
    node = graph.nodes[claim_id]
    source = corpus.source_of(claim_id)
    span = corpus.spans[claim_id]
    before, quote, after = sentence_around(corpus.texts[source.id], span)
    date = source.date + f" ({source.date_precision})" + (f"; {source.date_note}" if source.date_note else "")
    lines = [
        f"{claim_id}  [{node['type']}]",
        _wrap(node["text"], ""),
        "",
        f"Author:  {source.author}",
        f"Source:  {source.title}, {source.publication}",
        f"Date:    {date}",
        f"Voice:   {'reports the view of ' + node['speaker'] + ' (not the author’s own stance)' if node['voice'] == 'reports' else 'asserts (the author’s own claim)'}",
    ]
    if node["theses"]:
        lines.append("Theses:  " + ", ".join(f"{t} {s}" for t, s in sorted(node["theses"].items())))
    lines += ["", f"Quote ({source.text}, characters {span.start}-{span.end}), in its sentence:",
              _wrap(f"{before}»{quote}«{after}".strip())]
    sections = [
        ("Supports", [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == "supports"]),
        ("Supported by", [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == "supports"]),
        ("Contradicts", [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == "contradicts"]
         + [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == "contradicts"]),
        ("Overtaken by events (each held in its own period)",
         [(t, d) for _, t, d in graph.out_edges(claim_id, data=True) if d["relation"] == "superseded"]
         + [(s, d) for s, _, d in graph.in_edges(claim_id, data=True) if d["relation"] == "superseded"]),
    ]
    events = {e["id"]: e for e in graph.graph["events"]}
    for title, links in sections:
        if not links:
            continue
        lines += ["", f"{title}:"]
        for other, data in links:
            other_node = graph.nodes[other]
            lines.append(_wrap(f"{other} ({other_node['author']}): {other_node['text']}"))
            if data["rationale"]:
                lines.append(_wrap("why: " + data["rationale"], "      "))
            if data.get("timing"):
                event = events[data["timing"]]
                lines.append(_wrap(f"timing: the two texts fall either side of {event['label']} ({event['date']})", "      "))
    return "\n".join(lines)
