"""Exercises about single claims: who wrote a quote, whose voice it is, which passage is a claim's evidence.

Each builder returns None when the map cannot make the exercise unambiguous (no distractor that
is surely wrong), and never offers a distractor the map would also count as right.
"""

from __future__ import annotations

from functools import lru_cache
from random import Random
from typing import Any

import networkx as nx

from argmap.analysis import Analysis
from argmap.documents.refs import citation_of, claim_ref
from argmap.graph import SUPPORTS, WITHIN, Graph, within_author_supports
from argmap.quiz.model import MAX_DISTRACTORS, Exercise, Option, Passage, Question, arrange, choose, interleave
from argmap.quiz.overlap import balanced
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

FOR, BACKS = "for", "backs"  # which passage is the evidence for a claim; which claim a passage backs
EvidenceSubject = tuple[str, str, str]  # (the reason, the claim it supports, FOR or BACKS)


def evidence_order(analysis: Analysis, rng: Random) -> list[EvidenceSubject]:
    """Every reason an author gives for one of their own claims, asked both ways round."""
    graph = analysis.graph
    pairs = sorted((r, c) for r, c, d in graph.edges(data=True)
                   if d["relation"] == SUPPORTS and d["scope"] == WITHIN
                   and graph.nodes[r]["voice"] == ASSERTS and graph.nodes[c]["voice"] == ASSERTS)
    return interleave(rng, ((r, c, FOR) for r, c in pairs), ((r, c, BACKS) for r, c in pairs))


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["source"] == b["source"] and a["quote_start"] < b["quote_end"] and b["quote_start"] < a["quote_end"])


@lru_cache(maxsize=8)
def _lines(graph: Graph) -> dict[str, int]:
    """Claim -> its line of argument: the claims its author's supports join it to, either way."""
    sub = within_author_supports(graph).to_undirected(as_view=True)
    return {claim: index for index, line in enumerate(nx.connected_components(sub)) for claim in line}


def _other_lines(analysis: Analysis, claim_id: str) -> list[str]:
    """The author's claims outside the line of argument ``claim_id`` belongs to."""
    graph = analysis.graph
    lines = _lines(graph)
    author = graph.nodes[claim_id]["author"]
    return sorted(n for n, d in graph.nodes(data=True) if d["author"] == author and lines[n] != lines[claim_id])


def build_evidence(analysis: Analysis, rng: Random, subject: EvidenceSubject) -> Exercise | None:
    """Which passage is the reason an author gives for a claim, or which claim a passage is a reason for.

    The right option is another claim's words, never the prompt's own, and the wrong options
    come from the author's other lines of argument, chosen (``overlap.balanced``) so that the
    option sharing the most words with the prompt is right no more often than chance.
    """
    graph = analysis.graph
    reason, claim, direction = subject
    node, why = graph.nodes[claim], graph.nodes[reason]
    author = node["author"]
    if direction == FOR:
        prompt, right, text_of = node["text"], why["quote"], "quote"
    else:
        prompt, right, text_of = why["quote"], node["text"], "text"
    pool = {
        other: graph.nodes[other][text_of] for other in _other_lines(analysis, claim)
        if not similar_text(graph.nodes[other][text_of], right) and not similar_text(graph.nodes[other]["text"], node["text"])
        and not any(_overlaps(graph.nodes[other], graph.nodes[c]) for c in (reason, claim))
    }
    picked = balanced(rng, prompt, right, pool, MAX_DISTRACTORS)
    if picked is None:
        return None
    # The wrong options stay out of the exercise's focus: were they in it, the quiz would drop more of
    # the draws with many alike wrong options (they collide more), and the balance would be lost.
    answer_id = reason if direction == FOR else claim
    options, answer = arrange(rng, Option(right, answer_id), [Option(pool[d], d) for d in picked])
    source = citation_of(analysis.sources[node["source"]])
    heading = f"{author}, \u201c{source.title}\u201d"
    explanation = (f"The map links them: {author} gives \u201c{why['text']}\u201d as a reason for \u201c{node['text']}\u201d "
                   f"The other options come from other lines of {author}'s argument.")
    if direction == FOR:
        question = Question(f"Which of these passages does {author} give as a reason for it?", options, answer, explanation,
                            (claim_ref(analysis, claim), claim_ref(analysis, reason)), {"claim": claim, "direction": FOR})
        return Exercise("evidence", "Which passage is the evidence?",
                        f"Read the claim {author} makes, then find the passage of {author}'s text that gives a reason for it.",
                        (Passage(heading, text=node["text"]),), (question,), frozenset({claim, reason}))
    question = Question(f"Which of {author}'s claims does this passage give a reason for?", options, answer, explanation,
                        (claim_ref(analysis, reason), claim_ref(analysis, claim)), {"claim": reason, "direction": BACKS})
    return Exercise("evidence", "What does the passage back?",
                    f"Read the passage from {author}'s text, then find which of {author}'s claims it is a reason for.",
                    (Passage(heading, quote=why["quote"]),), (question,), frozenset({claim, reason}))
