"""Graph -> facts: where each author stands, who agrees with whom, which clashes matter.

``Analysis`` is the one object every view asks: the map panels, the brief, the worksheet, the
quiz and the terminal tables. Each derivation is computed once, on first use, and kept; the
rules themselves live in the modules beside this one (``stances``, ``agreement``, ``weights``,
``clashes``, ``ground``, ``timeline``, ``names``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any


from argmap.analysis.agreement import AGREEMENT_METHOD, Comparison, PairAgreement, agreement_matrix, compare
from argmap.analysis.bearing import ThesisLinks, all_thesis_links, own_agreements, thesis_links
from argmap.analysis.clashes import (CLASH_METHOD, EVENTS, READING, REPORTED, Clash, clashes_by_kind, ranked_links,
                                     sharpest_clashes)
from argmap.analysis.ground import CommonGround, common_ground
from argmap.analysis.names import resolve_author, resolve_thesis, short_names
from argmap.analysis.stances import StanceCell, all_thesis_sides, stance_matrix, thesis_ids
from argmap.analysis.timeline import TimelineEntry, event_labels, timeline
from argmap.analysis.weights import claim_weights, core_ranking
from argmap.errors import SameAuthorError
from argmap.graph import (Graph, events_by_id, first_dates, graph_order, source_rank, sources_by_id, theses_by_id,
                          within_author_supports)

__all__ = ["Analysis", "AGREEMENT_METHOD", "CLASH_METHOD", "Clash", "CommonGround", "Comparison", "PairAgreement", "StanceCell",
           "ThesisLinks", "TimelineEntry"]


class Analysis:
    """Everything derived from one graph, each part computed once and shared."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    # -- the corpus as the graph describes it ------------------------------------------------
    @cached_property
    def authors(self) -> list[str]:
        """Authors in the time order of their first text."""
        return list(self.graph.graph["authors"])

    @cached_property
    def sources(self) -> dict[str, dict[str, Any]]:
        return sources_by_id(self.graph)

    @cached_property
    def events(self) -> dict[str, dict[str, Any]]:
        return events_by_id(self.graph)

    @cached_property
    def theses(self) -> dict[str, dict[str, Any]]:
        return theses_by_id(self.graph)

    @cached_property
    def thesis_ids(self) -> list[str]:
        return thesis_ids(self.graph)

    @cached_property
    def first_dates(self) -> dict[str, str]:
        return first_dates(self.graph)

    @cached_property
    def order(self) -> dict[str, int]:
        return graph_order(self.graph)

    @cached_property
    def source_rank(self) -> dict[str, int]:
        return source_rank(self.graph)

    @cached_property
    def event_labels(self) -> dict[str, str]:
        return event_labels(self.graph)

    @cached_property
    def short_names(self) -> dict[str, str]:
        return short_names(self.graph)

    def author(self, name: str) -> str:
        """The author a person named (full name, surname or source id, any case)."""
        return resolve_author(self.graph, name)

    def thesis(self, name: str) -> str:
        """The id of the thesis a person named."""
        return resolve_thesis(self.graph, name)

    # -- derivations ---------------------------------------------------------------------------
    @cached_property
    def weights(self) -> dict[str, int]:
        return claim_weights(self.graph, self._within)

    @cached_property
    def stances(self) -> dict[tuple[str, str], StanceCell]:
        """(thesis, author) -> the author's stance cell."""
        return stance_matrix(self.graph)

    def sides(self, thesis: str) -> dict[str, str]:
        """Claim -> the side it argues on ``thesis`` (its own stance, or derived through supports)."""
        return self._sides.setdefault(thesis, {})

    @cached_property
    def _sides(self) -> dict[str, dict[str, str]]:
        return all_thesis_sides(self.graph, self._within)

    @cached_property
    def _within(self) -> Graph:
        """The supports links inside each author's argument (weights and sides both follow them)."""
        return within_author_supports(self.graph)

    @cached_property
    def _links(self) -> list[Clash]:
        """Every contradicts and superseded link, sharpest first (clashes and clash_kinds share it)."""
        return ranked_links(self.graph, self.weights)

    @cached_property
    def clashes(self) -> list[Clash]:
        """Every contradicts link, sharpest first."""
        return sharpest_clashes(self.graph, self.weights, self._links)

    @cached_property
    def clash_kinds(self) -> dict[str, list[Clash]]:
        """Links between authors by kind (READING, EVENTS, REPORTED), ranked without repeated claims."""
        return clashes_by_kind(self.graph, self.weights, self._links)

    @property
    def clashes_of_reading(self) -> list[Clash]:
        """Contradictions between claims both authors assert, with no turning point named."""
        return self.clash_kinds[READING]

    @property
    def changed_with_events(self) -> list[Clash]:
        """Superseded links and contradictions the corpus dates to a turning point."""
        return self.clash_kinds[EVENTS]

    @property
    def clashes_with_reported(self) -> list[Clash]:
        """Links to a view an author only reports (never counted as that author's)."""
        return self.clash_kinds[REPORTED]

    def thesis_links(self, thesis: str) -> ThesisLinks:
        """The links between authors that bear on ``thesis`` (both claims argue on it), by kind."""
        if thesis not in self._thesis_links:
            self._thesis_links[thesis] = thesis_links(self.graph, thesis, self.sides(thesis), self.clash_kinds,
                                                      self._own_agreements)
        return self._thesis_links[thesis]

    @cached_property
    def _thesis_links(self) -> dict[str, ThesisLinks]:
        return all_thesis_links(self._sides, self.clash_kinds, self._own_agreements)

    @cached_property
    def _own_agreements(self) -> list[tuple[str, str]]:
        return own_agreements(self.graph)

    @cached_property
    def agreement(self) -> dict[tuple[str, str], PairAgreement]:
        return agreement_matrix(self.graph, self.stances)

    @cached_property
    def common_ground(self) -> list[CommonGround]:
        return common_ground(self.graph)

    @cached_property
    def timeline(self) -> list[TimelineEntry]:
        return timeline(self.graph)

    def core(self, author: str, limit: int = 3) -> list[tuple[str, int]]:
        """The author's heaviest own claims, as (claim, weight)."""
        weights = self.weights
        return [(c, weights[c]) for c in self._core_ranking.get(author, [])[:limit]]

    @cached_property
    def _core_ranking(self) -> dict[str, list[str]]:
        return core_ranking(self.graph, self.weights)

    def compare(self, first: str, second: str) -> Comparison:
        """Two different authors compared, in the order given."""
        if first == second:
            raise SameAuthorError(first)
        return compare(self.graph, first, second, self.stances, self.agreement, self.clashes, self.changed_with_events)
