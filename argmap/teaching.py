"""What the quiz and the worksheets share: citations, quoted evidence, dates against events,
look-alike text and Markdown-safe text.

Everything here reads the graph only, so any corpus yields a lesson.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import networkx as nx

from argmap.corpus import date_range
from argmap.quotes import fold

BEFORE, AFTER, UNCLEAR = "before", "after", "unclear"
SIMILAR = 0.8  # how alike two sentences must be to count as the same claim


@dataclass(frozen=True)
class Evidence:
    """A claim as a student sees it: who, what, the verbatim words and where they are printed."""

    claim: str
    author: str
    text: str
    quote: str
    citation: str
    voice: str
    speaker: str


def sources_by_id(graph: nx.DiGraph) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in graph.graph["sources"]}


def events_by_id(graph: nx.DiGraph) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in graph.graph["events"]}


def theses_by_id(graph: nx.DiGraph) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in graph.graph["theses"]}


def source_citation(source: dict[str, Any]) -> str:
    return f"{source['author']}, {source['title']} ({source['publication']}, {source['date']})"


def citation(graph: nx.DiGraph, claim_id: str) -> str:
    return source_citation(sources_by_id(graph)[graph.nodes[claim_id]["source"]])


def evidence(graph: nx.DiGraph, claim_id: str) -> Evidence:
    node = graph.nodes[claim_id]
    return Evidence(claim_id, node["author"], node["text"], node["quote"], citation(graph, claim_id),
                    node["voice"], node["speaker"])


def link(graph: nx.DiGraph, a: str, b: str) -> dict[str, Any] | None:
    """The edge between two claims whichever way it was written, or None."""
    data = graph.get_edge_data(a, b) or graph.get_edge_data(b, a)
    return dict(data) if data else None


def linked(graph: nx.DiGraph, claim_id: str, relation: str) -> set[str]:
    """Claims joined to ``claim_id`` by a ``relation`` edge, either way."""
    return {n for n in nx.all_neighbors(graph, claim_id) if (link(graph, claim_id, n) or {}).get("relation") == relation}


def side_of_event(date: str, event_date: str) -> str:
    """Whether a text dated ``date`` was surely written before or after an event, or we cannot tell.

    Partial dates mean a range of days: a text dated 2022-12 is neither surely before nor surely
    after an event on 2022-12-12.
    """
    first, last = date_range(date)
    event_first, event_last = date_range(event_date)
    if last < event_first:
        return BEFORE
    if first > event_last:
        return AFTER
    return UNCLEAR


def author_dates(graph: nx.DiGraph) -> dict[str, str]:
    """Each author's first source date (sources are stored in time order)."""
    dates: dict[str, str] = {}
    for source in graph.graph["sources"]:
        dates.setdefault(source["author"], source["date"])
    return dates


@lru_cache(maxsize=4096)
def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).casefold()))


@lru_cache(maxsize=65536)
def similar_text(a: str, b: str) -> bool:
    """Same words, one inside the other, or nearly the same sentence (typography ignored)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return left == right
    if left in right or right in left:
        return True
    left_set, right_set = set(left.split()), set(right.split())
    if len(left_set & right_set) < 0.5 * min(len(left_set), len(right_set)):
        return False  # too few words in common for 80% of the letters to line up
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    # The cheap upper bounds rule out most pairs before the full comparison.
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Corpus text made inert in Markdown: markup characters are backslash-escaped, lines joined."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
