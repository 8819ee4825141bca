"""The accounts in time order, the turning points between them, and which clashes span them.

Every claim is dated by its source; the date rules (partial dates and inferred ranges are
ranges of days) are in ``argmap.dates``. A turning point (an event from the corpus) falls
**certainly** between an earlier text A and a later text B when A was written before it and B on
or after it for every day their dates allow, **possibly** when for some of them
(``dates.between``, the rule ``argmap validate`` applies to a relation's ``timing``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate


from argmap.dates import CERTAIN, POSSIBLE, between, date_range, time_key
from argmap.graph import CONTRADICTS, Graph, edge_between, order_by_time, source_rank


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
    """When the two texts of a link were written, relative to the turning points."""

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


def timeline(graph: Graph) -> list[TimelineEntry]:
    """Sources and events in time order; an event on a text's first possible day comes first."""
    entries = [
        TimelineEntry("source", s["id"], s["date"], s["title"], s["author"], *date_range(s["date"]))
        for s in graph.graph["sources"]
    ] + [
        TimelineEntry("event", e["id"], e["date"], e["label"], "", *date_range(e["date"]))
        for e in graph.graph["events"]
    ]
    return sorted(entries, key=lambda e: (e.first, e.kind != "event", e.last, e.author, e.id))


class Timings:
    """``events_between`` and ``clash_timing`` for many links of one graph.

    The events' order and the sources' ranks are computed once, and each pair of dates is
    judged once, however many links join texts of those two dates.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.rank = source_rank(graph)
        self.events = sorted(graph.graph["events"], key=lambda e: (time_key(e["date"]), e["id"]))
        self._between: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        # For each event in that order, its first day, and the latest last day of it and every
        # event before it: the events that can fall between two dates are one slice of the list.
        self._firsts = [date_range(e["date"])[0] for e in self.events]
        self._latest = list(accumulate((date_range(e["date"])[1] for e in self.events), max))

    def events_between(self, earlier_date: str, later_date: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        key = (earlier_date, later_date)
        if key not in self._between:
            found: dict[str, list[str]] = {CERTAIN: [], POSSIBLE: []}
            # ``between`` needs an event to start no later than the later text may end, and to
            # end after the earlier text may begin; only the events in that slice are asked.
            low = bisect_right(self._latest, date_range(earlier_date)[0])
            high = bisect_right(self._firsts, date_range(later_date)[1])
            for event in self.events[low:high]:
                verdict = between(earlier_date, later_date, event["date"])
                if verdict is not None:
                    found[verdict].append(event["id"])
            self._between[key] = (tuple(found[CERTAIN]), tuple(found[POSSIBLE]))
        return self._between[key]

    def clash_timing(self, a: str, b: str) -> ClashTiming:
        graph = self.graph
        earlier, later = order_by_time(graph, a, b, rank=self.rank)
        first, second = graph.nodes[earlier], graph.nodes[later]
        certain, possible = self.events_between(first["date"], second["date"])
        curated = (edge_between(graph, a, b) or {}).get("timing", "")
        return ClashTiming(earlier, later, first["source"], second["source"], certain, possible, curated)


def events_between(graph: Graph, earlier_date: str, later_date: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(certainly, possibly) between two texts' dates, events in time order."""
    return Timings(graph).events_between(earlier_date, later_date)


def clash_timing(graph: Graph, a: str, b: str) -> ClashTiming:
    return Timings(graph).clash_timing(a, b)


def contradiction_timings(graph: Graph) -> list[ClashTiming]:
    """Every contradicts edge with the turning points between its two texts, in edge order."""
    timings = Timings(graph)
    return [timings.clash_timing(a, b) for a, b, d in graph.edges(data=True) if d["relation"] == CONTRADICTS]


def event_labels(graph: Graph) -> dict[str, str]:
    return {e["id"]: e["label"] for e in graph.graph["events"]}
