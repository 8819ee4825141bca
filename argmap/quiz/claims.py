"""Exercises about single claims: who wrote a quote, whose voice it is, which quote backs a paraphrase.

Each builder returns None when the map cannot make the exercise unambiguous (no distractor that
is surely wrong), and never offers a distractor the map would also count as right.
"""

from __future__ import annotations

from random import Random
from typing import Any

from argmap.analysis import Analysis
from argmap.documents.refs import citation_of, claim_ref
from argmap.graph import SUPPORTS, linked
from argmap.quiz.model import Exercise, Option, Passage, Question, arrange, choose, interleave
from argmap.quiz.similar import similar_text

ASSERTS = "asserts"
REPORTS = "reports"


def _asserted(analysis: Analysis) -> list[str]:
    graph = analysis.graph
    return sorted(n for n, d in graph.nodes(data=True) if d["voice"] == ASSERTS)


def _reported(analysis: Analysis) -> list[str]:
    graph = analysis.graph
    return sorted(n for n, d in graph.nodes(data=True) if d["voice"] == REPORTS)


def _heading(analysis: Analysis, claim_id: str) -> str:
    return citation_of(analysis.sources[analysis.graph.nodes[claim_id]["source"]]).short


# --- attribution -------------------------------------------------------------------------------

def attribution_order(analysis: Analysis, rng: Random) -> list[str]:
    # Reported claims are left to the voice exercise: their words are the author's but the view is not.
    return interleave(rng, _asserted(analysis))


def build_attribution(analysis: Analysis, rng: Random, claim_id: str) -> Exercise | None:
    graph = analysis.graph
    node = graph.nodes[claim_id]
    author = node["author"]
    # An author who has a claim with the same or nearly the same words could also be right.
    also = {d["author"] for _, d in graph.nodes(data=True) if similar_text(d["quote"], node["quote"])}
    pool = [a for a in graph.graph["authors"] if a not in also | {author}]
    distractors = choose(rng, pool)
    if not distractors:
        return None
    options, answer = arrange(rng, Option(author, author), [Option(a, a) for a in distractors])
    question = Question(
        "Which author wrote these words?",
        options,
        answer,
        f"{author} wrote them ({citation_of(analysis.sources[node['source']])}), to make this point: {node['text']}",
        (claim_ref(analysis, claim_id),),
        {"claim": claim_id},
    )
    return Exercise("attribution", "Who wrote it?", "Read the quote and name the author who wrote it.",
                    (Passage("Quote", quote=node["quote"]),), (question,), frozenset({claim_id}))


# --- voice -------------------------------------------------------------------------------------

def voice_order(analysis: Analysis, rng: Random) -> list[str]:
    # Reported claims are rare; alternate them with asserted ones so both answers come up.
    return interleave(rng, _reported(analysis), _asserted(analysis))


def _speakers(analysis: Analysis) -> dict[str, str]:
    """Every reported speaker in the corpus, keyed case-insensitively."""
    graph = analysis.graph
    speakers: dict[str, str] = {}
    for claim_id in _reported(analysis):
        speaker = graph.nodes[claim_id]["speaker"]
        speakers.setdefault(speaker.casefold(), speaker)
    return speakers


def build_voice(analysis: Analysis, rng: Random, claim_id: str) -> Exercise | None:
    graph = analysis.graph
    node = graph.nodes[claim_id]
    author = node["author"]
    own = Option(f"asserted: {author}'s own view", ASSERTS)

    def reported(speaker: str) -> Option:
        return Option(f"reported: the view of {speaker}", f"{REPORTS}:{speaker}")

    speakers = _speakers(analysis)
    if node["voice"] == REPORTS:
        correct = reported(node["speaker"])
        others = [s for key, s in speakers.items() if key != node["speaker"].casefold()]
        distractors = [own] + [reported(s) for s in choose(rng, others, 2)]
        explanation = (f"{author} does not speak here in their own name but reports the view of "
                       f"{node['speaker']}: {node['text']} A reported view is never counted as "
                       f"{author}'s own stance.")
    else:
        correct = own
        distractors = [reported(s) for s in choose(rng, speakers.values())]
        explanation = f"{author} asserts this as their own claim: {node['text']}"
    if not distractors:
        return None
    options, answer = arrange(rng, correct, distractors)
    question = Question(f"Whose view is this: does {author} assert it or report it?", options, answer,
                        explanation, (claim_ref(analysis, claim_id),), {"claim": claim_id})
    return Exercise("voice", "Whose view is it?",
                    "Read the quote. Decide whether the author asserts it as their own view or only "
                    "reports someone else's view, and whose.",
                    (Passage(_heading(analysis, claim_id), quote=node["quote"]),), (question,), frozenset({claim_id}))


# --- evidence ----------------------------------------------------------------------------------

def evidence_order(analysis: Analysis, rng: Random) -> list[str]:
    graph = analysis.graph
    return interleave(rng, graph.nodes)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["source"] == b["source"] and a["quote_start"] < b["quote_end"] and b["quote_start"] < a["quote_end"])


def build_evidence(analysis: Analysis, rng: Random, claim_id: str) -> Exercise | None:
    graph = analysis.graph
    node = graph.nodes[claim_id]
    author = node["author"]
    # A reason for the claim (or a claim it is a reason for) could be said to back it too.
    reasons = linked(graph, claim_id, SUPPORTS)
    pool = [
        other for other, d in graph.nodes(data=True)
        if other != claim_id and other not in reasons and d["author"] == author  # same author: no give-away
        and not similar_text(d["text"], node["text"]) and not similar_text(d["quote"], node["quote"])
        and not _overlaps(d, node)
    ]
    distractors = choose(rng, pool)
    if not distractors:
        return None
    options, answer = arrange(
        rng, Option(node["quote"], claim_id), [Option(graph.nodes[d]["quote"], d) for d in distractors]
    )
    question = Question(
        "Which quote says what this paraphrase says?",
        options,
        answer,
        f"The paraphrase renders these words of {author}; the other quotes are {author}'s words for other claims.",
        (claim_ref(analysis, claim_id),),
        {"claim": claim_id},
    )
    return Exercise("evidence", "Which quote backs it?",
                    f"Read the paraphrase of a claim by {author} and pick the verbatim quote it rests on.",
                    (Passage(f"Paraphrase of a claim by {author}", text=node["text"]),), (question,),
                    frozenset({claim_id, *distractors}))
