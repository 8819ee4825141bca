"""Generate a quiz from the graph: a reproducible mix of exercise kinds.

Every kind lists its candidate subjects in a seeded order and builds an exercise from one, or
declines when the map cannot make it unambiguous. Kinds take turns so a short quiz still mixes
them, and a claim shown or asked about in one exercise is not reused in another (it would give
answers away). One ``random.Random(seed)`` drives every choice, so a seed gives the same quiz byte
for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Any, Callable, Sequence

import networkx as nx

from argmap import exercise_claims as claims
from argmap import exercise_links as links
from argmap.errors import ArgmapError
from argmap.exercise_model import Exercise, Quiz


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    order: Callable[[nx.DiGraph, Random], list[Any]]
    build: Callable[[nx.DiGraph, Random, Any], Exercise | None]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("attribution", "given a verbatim quote, which author wrote it", claims.attribution_order, claims.build_attribution),
        Kind("relation", "given a claim, which claim contradicts or supports it", links.relation_order, links.build_relation),
        Kind("stance", "place each author pro, con or silent on a thesis", links.stance_order, links.build_stance),
        Kind("voice", "does the author assert this or report someone else's view, and whose", claims.voice_order, claims.build_voice),
        Kind("timing", "which account came before an event, and does it explain a clash", links.timing_order, links.build_timing),
        Kind("evidence", "which quote backs a given paraphrase", claims.evidence_order, claims.build_evidence),
    )
}
KIND_NAMES = tuple(KINDS)
DEFAULT_COUNT = 10
DEFAULT_SEED = 0


class NoExercisesError(ArgmapError):
    """The map cannot support a single unambiguous exercise of the kinds asked for."""

    def __init__(self, kinds: Sequence[str]) -> None:
        super().__init__(
            f"this corpus cannot make an unambiguous exercise of the kinds asked for ({', '.join(kinds)}); "
            "try other kinds, or add relations, theses or events to the corpus"
        )


def generate_quiz(
    graph: nx.DiGraph,
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    kinds: Sequence[str] = KIND_NAMES,
) -> Quiz:
    """Up to ``count`` exercises of ``kinds`` (in KINDS order, taking turns); fewer if the map runs out."""
    if count < 1:
        raise ValueError("count must be at least 1")
    wanted = [name for name in KIND_NAMES if name in set(kinds)]
    rng = Random(seed)
    queues = {name: KINDS[name].order(graph, rng) for name in wanted}
    chosen: list[Exercise] = []
    used: set[str] = set()
    while len(chosen) < count and any(queues.values()):
        for name in wanted:
            exercise = _next_exercise(graph, rng, KINDS[name], queues[name], used)
            if exercise is not None:
                chosen.append(exercise)
                used |= exercise.focus
                if len(chosen) == count:
                    break
    if not chosen:
        raise NoExercisesError(wanted)
    return Quiz(str(graph.graph["title"]), seed, tuple(wanted), count, tuple(chosen))


def _next_exercise(graph: nx.DiGraph, rng: Random, kind: Kind, queue: list[Any], used: set[str]) -> Exercise | None:
    while queue:
        exercise = kind.build(graph, rng, queue.pop(0))
        if exercise is not None and not exercise.focus & used:
            return exercise
    return None
