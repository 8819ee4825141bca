"""The accounts in time order, the turning points between them, and which clashes span them.

Every claim is dated by its source. Dates may be partial (``2022``, ``2023-10``), so a date is a
range of days (``corpus.date_range``). A turning point (an event from the corpus) falls between
an earlier text A and a later text B when A was written before the event's day and B on or after
it (the rule ``argmap validate`` applies to a relation's ``timing``):

- **certainly** when that holds for every day the partial dates allow:
  last day of A < first day of the event, and last day of the event <= first day of B;
- **possibly** when it holds for some days the dates allow but not all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from argmap.corpus import date_range

CERTAIN, POSSIBLE = "certain", "possible"


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "source" or "event"
    id: str
    date: str
    label: str  # the source's title or the event's label
    author: str  # "" for an event
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class ClashTiming:
    """When the two texts of a contradiction were written, relative to the turning points."""

    earlier: str  # claim of the earlier text
    later: str
    earlier_source: str
    later_source: str
    certain: tuple[str, ...]  # event ids certainly between the two texts
    possible: tuple[str, ...]  # event ids that may fall between them (partial dates)
    curated: str  # the event the corpus names in the relation's ``timing``, or ""

    @property
    def events(self) -> tuple[str, ...]:
        return self.certain + self.possible


def timeline(graph: nx.DiGraph) -> list[TimelineEntry]:
    """Sources and events in time order; an event on a text's first possible day comes first."""
    entries = [
        TimelineEntry("source", s["id"], s["date"], s["title"], s["author"], *date_range(s["date"]))
        for s in graph.graph["sources"]
    ] + [
        TimelineEntry("event", e["id"], e["date"], e["label"], "", *date_range(e["date"]))
        for e in graph.graph["events"]
    ]
    return sorted(entries, key=lambda e: (e.first, e.kind != "event", e.last, e.author, e.id))


def source_rank(graph: nx.DiGraph) -> dict[str, int]:
    """Source id -> its place in time order (graph.graph["sources"] is already sorted)."""
    return {s["id"]: i for i, s in enumerate(graph.graph["sources"])}


def events_between(graph: nx.DiGraph, earlier_date: str, later_date: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(certainly, possibly) between two texts' dates, events in time order."""
    a_first, a_last = date_range(earlier_date)
    b_first, b_last = date_range(later_date)
    certain: list[str] = []
    possible: list[str] = []
    for event in sorted(graph.graph["events"], key=lambda e: (date_range(e["date"]), e["id"])):
        e_first, e_last = date_range(event["date"])
        if a_last < e_first and e_last <= b_first:
            certain.append(event["id"])
        elif a_first < e_last and e_first <= b_last:
            possible.append(event["id"])
    return tuple(certain), tuple(possible)


def order_by_time(graph: nx.DiGraph, a: str, b: str) -> tuple[str, str]:
    """Two claims, the one from the earlier text first (ties keep the given order)."""
    rank = source_rank(graph)
    return (b, a) if rank[graph.nodes[b]["source"]] < rank[graph.nodes[a]["source"]] else (a, b)


def clash_timing(graph: nx.DiGraph, a: str, b: str) -> ClashTiming:
    earlier, later = order_by_time(graph, a, b)
    first, second = graph.nodes[earlier], graph.nodes[later]
    certain, possible = events_between(graph, first["date"], second["date"])
    data = graph.edges[a, b] if graph.has_edge(a, b) else graph.edges[b, a]
    return ClashTiming(earlier, later, first["source"], second["source"], certain, possible, data.get("timing", ""))


def contradiction_timings(graph: nx.DiGraph) -> list[ClashTiming]:
    """Every contradicts edge with the turning points between its two texts, in edge order."""
    return [clash_timing(graph, a, b) for a, b, d in graph.edges(data=True) if d["relation"] == "contradicts"]


def event_labels(graph: nx.DiGraph) -> dict[str, str]:
    return {e["id"]: e["label"] for e in graph.graph["events"]}
