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

from argmap.analysis import Analysis
from argmap.errors import CountError, NoExercisesError
from argmap.quiz import claims, links
from argmap.quiz.model import Exercise, Quiz


@dataclass(frozen=True)
class Kind:
    name: str
    order: Callable[[Analysis, Random], list[Any]]
    build: Callable[[Analysis, Random, Any], Exercise | None]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("attribution", claims.attribution_order, claims.build_attribution),
        Kind("relation", links.relation_order, links.build_relation),
        Kind("stance", links.stance_order, links.build_stance),
        Kind("voice", claims.voice_order, claims.build_voice),
        Kind("timing", links.timing_order, links.build_timing),
        Kind("evidence", claims.evidence_order, claims.build_evidence),
    )
}
KIND_NAMES = tuple(KINDS)
DEFAULT_COUNT = 10
DEFAULT_SEED = 0


def generate_quiz(
    analysis: Analysis,
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    kinds: Sequence[str] = KIND_NAMES,
) -> Quiz:
    """Up to ``count`` exercises of ``kinds`` (in KINDS order, taking turns); fewer if the map runs out."""
    if count < 1:
        raise CountError("the number of exercises", count)
    wanted = [name for name in KIND_NAMES if name in set(kinds)]
    rng = Random(seed)
    queues = {name: KINDS[name].order(analysis, rng) for name in wanted}
    chosen: list[Exercise] = []
    used: set[str] = set()
    while len(chosen) < count and any(queues.values()):
        for name in wanted:
            exercise = _next_exercise(analysis, rng, KINDS[name], queues[name], used)
            if exercise is not None:
                chosen.append(exercise)
                used |= exercise.focus
                if len(chosen) == count:
                    break
    if not chosen:
        raise NoExercisesError(wanted)
    return Quiz(str(analysis.graph.graph["title"]), seed, tuple(wanted), count, tuple(chosen))


def _next_exercise(analysis: Analysis, rng: Random, kind: Kind, queue: list[Any], used: set[str]) -> Exercise | None:
    while queue:
        exercise = kind.build(analysis, rng, queue.pop(0))
        if exercise is not None and not exercise.focus & used:
            return exercise
    return None
