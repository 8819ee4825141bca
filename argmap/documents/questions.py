"""Cross-examination questions for the brief, chosen by the kind of claim under attack.

A side is asked about the claims it relies on: first those it must defend in a clash, then its
contentions, then a view it might borrow from an author who only reports it. What is asked
follows from the kind of claim:

- a **fact**: which source it rests on and when it was true (and, when events overtook it,
  whether it still held after the turning point);
- a **causal** claim: what else explains it (with the other side's account to press with);
- a **prediction**: whether it has held since the turning points after it was written;
- a **reported view**: who holds it, and whether the author endorses it (the author's own
  stance on the thesis is the answer to have ready);
- an **interpretation**: what in the text supports that reading rather than the other side's;
- an **evaluation**: by what standard it is judged; a **recommendation**: who would carry it
  out, and at what cost.

Each question carries what the map knows that bears on the answer (dates, turning points,
stances) and the other side's claims to press with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.analysis.stances import CON, MIXED, PRO
from argmap.dates import BEFORE, side_of, time_key
from argmap.graph import SUPPORTS, linked

from argmap.documents.brief_model import Case, ClashPoint, Mention, Question, ReportedLink

if TYPE_CHECKING:
    from argmap.documents.brief import _Builder

QUESTIONS_PER_SIDE = 2  # and one more on a reported view the side might borrow
REPORTED = "reported"
STANCE_WORDS = {PRO: "the affirmative side", CON: "the negative side", MIXED: "both sides", "silent": "neither side"}


def when(date: str) -> str:
    """A source date in a sentence: "on 2022-03-15", "in 2022-03", "between 2023-10 and 2024-04"."""
    if "/" in date:
        first, last = date.split("/", 1)
        return f"between {first} and {last}"
    return f"on {date}" if len(date) == 10 else f"in {date}"


def _other(side: str) -> str:
    return CON if side == PRO else PRO


def _targets(side: str, cases: tuple[Case, ...], points: tuple[ClashPoint, ...]) -> list[tuple[Mention, "ClashPoint | None"]]:
    """The side's claims under attack: those it defends in a clash, then its contentions."""
    found: list[tuple[Mention, ClashPoint | None]] = []
    seen: set[str] = set()
    for point in points:
        mention = point.answer(side)[0]
        if mention.claim.id not in seen and not mention.claim.reported:
            found.append((mention, point))
            seen.add(mention.claim.id)
    for case in cases:
        if case.side != side:
            continue
        for contention in case.contentions:
            if contention.claim.claim.id not in seen:
                found.append((contention.claim, None))
                seen.add(contention.claim.claim.id)
    return found


def _events_since(builder: "_Builder", date: str) -> list[str]:
    """Labels (with dates) of the turning points surely after a text of ``date``, in time order."""
    events = sorted(builder.graph.graph["events"], key=lambda e: (time_key(e["date"]), e["id"]))
    return [f"{e['label']} ({e['date']})" for e in events if side_of(date, e["date"]) == BEFORE]


def _fallback(builder: "_Builder", target: Mention, candidates: list[Mention]) -> tuple[Mention, ...]:
    """The other side's claim to press with when no clash names one: never a claim that agrees with the
    target or with a claim next to it in its author's argument, nor one a turning point sets apart."""
    graph = builder.graph
    near = {target.claim.id} | set(graph.predecessors(target.claim.id)) | set(graph.successors(target.claim.id))
    for candidate in candidates:
        agrees = any(candidate.claim.id in linked(graph, claim, SUPPORTS) for claim in near)
        if not agrees and not builder.apart(target.claim.id, candidate.claim.id):
            return (candidate,)
    return ()


def _rival(side: str, point: "ClashPoint | None", press: tuple[Mention, ...], causal: bool = False) -> str:
    """What the press claim does to the target, in words that claim no more than the map records."""
    if not press:
        return ""
    other = f" {press[0].claim.author} ({press[0].claim.date})"
    if point is None:
        return f"{other} takes the other side of the resolution: {press[0].tag} (the map links no clash between the two)."
    if point.turning_point:
        if point.earlier_side == side:
            return f"{other}, writing after {point.turning_point}, reports that it changed: {press[0].tag}."
        return f"{other}, writing before {point.turning_point}, described the earlier state: {press[0].tag}."
    if causal:
        return f" {press[0].claim.author} gives another account: {press[0].tag}."
    return f"{other} says otherwise: {press[0].tag}."


def _question(builder: "_Builder", side: str, target: Mention, point: "ClashPoint | None",
              fallback: tuple[Mention, ...]) -> Question:
    claim = target.claim
    author, date = claim.author, claim.date
    press = tuple(replace(m, full=False) for m in ((point.answer(_other(side))[0],) if point else fallback))
    turning = point.turning_point if point and point.earlier_side == side else ""
    rival = _rival(side, point, press, causal=claim.type == "causal")
    kind = claim.type
    if kind == "fact":
        ask = f"Which source does {author} rest this on, and when was it true?"
        if turning:
            ask += f" Was it still true after the turning point, {turning}?"
        background = f"{author} wrote this {when(date)}." + rival
    elif kind == "causal":
        ask = "What else could explain it?"
        if turning:
            ask += f" Did it still hold after the turning point, {turning}?"
        background = rival.strip()
    elif kind == "prediction":
        since = [turning] if turning else _events_since(builder, date)
        ask = (f"Has it held since the turning point, {since[-1]}?" if since
               else "What would show it wrong, and has that happened?")
        background = f"{author} wrote this {when(date)}" + (f", before: {'; '.join(since)}." if since else ".") + rival
    elif kind == "interpretation":
        ask = "What in the text supports that reading rather than the other side's?"
        if turning:
            ask += f" Did it still hold after the turning point, {turning}?"
        background = rival.strip()
    elif kind == "evaluation":
        ask = "By what standard is it judged, and would the other side accept that standard?"
        if turning:
            ask += f" Did it still hold after the turning point, {turning}?"
        background = rival.strip()
    else:  # recommendation
        ask = "Who would carry it out, and at what cost?"
        if turning:
            ask += f" Did it still stand after the turning point, {turning}?"
        background = rival.strip()
    return Question(side, replace(target, full=False), kind, ask, background, press)


def _reported_question(builder: "_Builder", thesis: str, side: str, target: Mention,
                       links: tuple[ReportedLink, ...]) -> Question:
    claim = target.claim
    stance = builder.cells[thesis, claim.author].stance
    press = tuple(replace(link.other, full=False) for link in links if link.view.claim.id == claim.id)
    against = "".join(f" {m.claim.author} ({m.claim.date}) answers it: {m.tag}." for m in press)
    return Question(
        side, replace(target, full=False), REPORTED,
        f"{claim.author} only reports this as the view of {claim.speaker}. Who holds it, and does {claim.author} endorse it?",
        f"{claim.author}'s own claims on this thesis take {STANCE_WORDS[stance]}.{against}", press,
    )


def cross_examination(builder: "_Builder", thesis: str, sides: tuple[str, ...],
                      cases: tuple[Case, ...], reported: tuple[Mention, ...],
                      points: tuple[ClashPoint, ...], links: tuple[ReportedLink, ...] = ()) -> list[Question]:
    """QUESTIONS_PER_SIDE questions for each side the brief puts questions to, and one on a reported view."""
    asked_sides = (PRO, CON) if len(sides) == 2 else (_other(sides[0]),)
    questions: list[Question] = []
    for side in asked_sides:
        others = [contention.claim for c in cases if c.side != side for contention in c.contentions]
        targets = _targets(side, cases, points)
        # A view this side might borrow from an author who only reports it.
        borrowed = [m for m in reported if builder.graph.nodes[m.claim.id]["theses"].get(thesis) == side]
        mine = [_question(builder, side, t, point, () if point else _fallback(builder, t, others))
                for t, point in targets[:QUESTIONS_PER_SIDE]]
        mine += [_reported_question(builder, thesis, side, m, links) for m in borrowed[:1]]
        questions += mine
    return questions
