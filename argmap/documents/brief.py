"""The debate brief as data, built once and rendered as Markdown or HTML (``argmap.render``).

A brief a debater takes into the room:

- a **summary** on one page: the resolutions and where each author stands (the stance grid),
  the sharpest clashes of reading, what changed with events, and the common ground;
- per thesis: each side's **case** in the order a speech uses it (contentions strongest first,
  one per account before a second from the same account, each with its reasons and a
  corroborating account), the **clashes** (clashes of reading, and links the corpus dates to a
  turning point) with what each side answers, **cross-examination** questions chosen by the
  kind of claim under attack (``questions``), and the common ground that bears on it;
- the **common ground** with its quotes, and one **reference list** (sources in time order,
  the turning points between them).

A claim is shown in full (paraphrase, verbatim quote, numbered reference) the first time it
appears in a thesis section and by its tag (A1, N2, R1) after that; every claim is carried as
a ``ClaimRef``. Reported views never enter a case; they are listed apart with their speaker.
The clash lists are ``Analysis.clashes_of_reading`` and ``.changed_with_events``, filtered to
the links that set one side of the thesis against the other, in the analysis's ranking.
"""

from __future__ import annotations

from argmap.analysis import CLASH_METHOD, Analysis, Clash, CommonGround
from argmap.analysis.clashes import EVENTS, READING
from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.analysis.timeline import Timings
from argmap.dates import time_key
from argmap.documents.brief_model import (
    SIDE_NAMES, Brief, Case, ClashPoint, Contention, GridRow, GroundItem, GroundUse, Mention, OtherLink, Question,
    Reference, ReportedLink, Summary, SummaryLink, ThesisBrief, TimelineItem,
)
from argmap.documents.questions import cross_examination
from argmap.documents.refs import ClaimRef, citation_of, claim_ref

__all__ = [  # the model lives in brief_model; the renderers and the library import it from here
    "BRIEF_METHOD", "SIDE_NAMES", "TEXT", "Brief", "Case", "ClashPoint", "ClaimRef", "Contention", "GridRow",
    "GroundItem", "GroundUse", "Mention", "OtherLink", "Question", "Reference", "ReportedLink", "Summary",
    "SummaryLink", "ThesisBrief", "TimelineItem", "brief_claims", "brief_mentions", "build_brief",
]
from argmap.graph import BETWEEN, SUPPORTS, WITHIN, is_reported

TAG_LETTERS = {PRO: "A", CON: "N", "reported": "R", "": "C"}
CONTENTIONS_PER_SIDE = 3
CLAIMS_PER_CASE = 7  # contentions, reasons and corroboration together, so that a thesis fits its pages
REASONS_PER_CONTENTION = 2  # the author's heaviest reasons under each contention
CORROBORATIONS_PER_CONTENTION = 1  # other accounts that support it
CLASHES_PER_THESIS = 2  # clashes of reading
CHANGES_PER_THESIS = 2  # links the corpus dates to a turning point
REPORTED_PER_THESIS = 2
GROUND_PER_THESIS = 4  # common-ground groups a thesis section names
SHOWN_PER_THESIS = 14  # claims a section has shown in full beyond which a clash's backing is not quoted anew
SUMMARY_ITEMS = 3  # clashes of reading, and changes with events, in the summary
SUMMARY_GROUND = 4  # common-ground groups named in the summary

# Sentences both renderers print, kept in one place so the two formats say the same thing.
TEXT = {
    "intro": "A claim is quoted in full, with its numbered reference, where a section first shows it, and named by"
             " its tag after that: A for the affirmative, N for the negative, R for a view its author only reports.",
    "legend": "from each author's own claims; \u00b7 silent",
    "no_case": "No author's own claims argue the {side} side.",
    "no_clash": "No clash of reading sets the two sides against each other here.",
    "no_change": "No link on this thesis is dated to a turning point.",
    "no_ground": "No uncontested group of claims that three or more authors support bears on this thesis.",
    "no_summary_clash": "The map records no clash of reading.",
    "no_summary_change": "The map dates no link between two accounts to a turning point.",
    "others": "The summary's clashes that no thesis section argues: one of the claims takes no side on any thesis,"
              " or both take the same side.",
    "no_summary_ground": "No uncontested group of claims is supported by three or more authors.",
    "ground_credit": "{hub}'s claim, with claims of {others} that support it at least in part",
    "clashes_heading": "The sharpest clashes of reading ({shown} of the {total} the map records)",
    "clashes_heading_all": "The clashes of reading (all {total} the map records)",
    "clash_heading_one": "The clash of reading",
    "clashes_heading_none": "Clashes of reading",
    "no_question": "No claim of this side is under attack here.",
    "superseded": "the map reads this as change over time",
    "contradicts": "they contradict each other",
}

BRIEF_METHOD: tuple[str, ...] = (
    "Stances come from each author's own claims: pro (or con) when they all take that side, mixed when they"
    " take both. Views an author only reports never count as the author's own.",
    "A case gives the heaviest claims that take its side, one per account before a second from the same"
    " account, each with its author's heaviest reasons and another account that supports it.",
    *CLASH_METHOD,
    "A clash is argued under a thesis when it bears on it (both claims argue on it, taking a side or supporting"
    " claims that do) and one argues for it, the other against. Questions go to the claims a side defends in"
    " its clashes, then its"
    " contentions, and ask what the kind of claim calls for: a fact, its source and date; a causal claim,"
    " what else explains it; a prediction, whether it held after the turning points since; a reported view,"
    " who holds it and whether the author does.",
    "Common ground: a claim and the claims of other authors linked to it directly by supports links (chains are"
    " not followed), spanning three or more authors, that no contradicts link touches; each claim in one group.",
)


class Section:
    """The claims one part of the brief has shown: each gets a tag and is printed in full once."""

    def __init__(self, builder: "_Builder", sides: dict[str, str]) -> None:
        self.builder = builder
        self.sides = sides
        self.tags: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def mention(self, claim: str, letter: str | None = None) -> Mention:
        full = claim not in self.tags
        if full:
            if letter is None:
                letter = "R" if is_reported(self.builder.graph, claim) else TAG_LETTERS.get(self.sides.get(claim, ""), "C")
            self.counts[letter] = self.counts.get(letter, 0) + 1
            self.tags[claim] = f"{letter}{self.counts[letter]}"
        return Mention(self.tags[claim], self.builder.ref(claim), self.builder.numbers[self.builder.source_of(claim)], full)


class _Builder:
    """The brief's view of one analysis."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.graph = analysis.graph
        self.weights = analysis.weights
        self.order = analysis.order
        self.cells = analysis.stances
        self.authors = analysis.authors
        self.numbers = {s["id"]: i for i, s in enumerate(self.graph.graph["sources"], 1)}
        self.ground = [g for g in analysis.common_ground if not g.contested_by]
        self.timings = Timings(self.graph)

    def apart(self, a: str, b: str) -> bool:
        """Whether a turning point surely lies between two claims' texts: they speak of different periods."""
        dates = sorted((str(self.graph.nodes[a]["date"]), str(self.graph.nodes[b]["date"])), key=time_key)
        return bool(self.timings.events_between(dates[0], dates[1])[0])

    def may_back(self, thesis: str, side: str, claim: str, other: str) -> bool:
        """Whether another account's claim may stand beside ``claim`` in ``side``'s case: not when its
        author argues the other side of the thesis (or both), nor across a turning point."""
        stance = self.cells[thesis, self.graph.nodes[other]["author"]].stance
        return stance not in (MIXED, CON if side == PRO else PRO) and not self.apart(claim, other)

    def near_sides(self, thesis: str, claim: str) -> set[str]:
        """The sides a claim argues on a thesis from close by: its own stance, else the stances of its
        author's claims it supports in one step. (The analysis's sides follow whole chains, which is
        right for a case but says too much of what a common-ground group argues.)"""
        own = self.graph.nodes[claim]["theses"].get(thesis)
        if own:
            return {own}
        return {side for _, target, d in self.graph.out_edges(claim, data=True)
                if d["relation"] == SUPPORTS and d["scope"] == WITHIN
                for side in [self.graph.nodes[target]["theses"].get(thesis)] if side}

    def ground_lean(self, thesis: str, group: CommonGround) -> str:
        """The side a common-ground group argues on a thesis, or "": claims of two or more of its
        authors must argue it from close by, none the other side, and the hub's author must not
        take the other side (or both)."""
        sides: dict[str, set[str]] = {}
        for claim in group.claims:
            for side in self.near_sides(thesis, claim):
                sides.setdefault(side, set()).add(self.graph.nodes[claim]["author"])
        if len(sides) != 1:
            return ""
        [(side, authors)] = sides.items()
        hub_stance = self.cells[thesis, self.graph.nodes[group.hub]["author"]].stance
        return side if len(authors) >= 2 and hub_stance not in (MIXED, CON if side == PRO else PRO) else ""

    def source_of(self, claim: str) -> str:
        return str(self.graph.nodes[claim]["source"])

    def ref(self, claim: str) -> ClaimRef:
        return claim_ref(self.analysis, claim)

    def own(self, claim: str) -> bool:
        return not is_reported(self.graph, claim)

    def heaviest(self, claims: list[str] | tuple[str, ...]) -> list[str]:
        return sorted(claims, key=lambda c: (-self.weights[c], self.order[c]))

    def supporters(self, claim: str, scope: str) -> list[str]:
        found = [s for s, _, d in self.graph.in_edges(claim, data=True)
                 if d["relation"] == SUPPORTS and d["scope"] == scope and self.own(s)]
        return self.heaviest(found)

    # -- the cases -------------------------------------------------------------------------------
    def contention_order(self, thesis: str, side: str) -> list[str]:
        """The side's own claims on the thesis, strongest first, one per account before a second."""
        claims = [c for a in self.authors for c in (self.cells[thesis, a].pro if side == PRO else self.cells[thesis, a].con)]
        first: list[str] = []
        rest: list[str] = []
        seen: set[str] = set()
        for claim in self.heaviest(claims):
            author = self.graph.nodes[claim]["author"]
            (rest if author in seen else first).append(claim)
            seen.add(author)
        return first + rest

    def case(self, section: Section, thesis: str, side: str) -> Case:
        picked: list[tuple[str, list[str], list[str]]] = []
        shown: set[str] = set()
        for claim in self.contention_order(thesis, side):
            if len(picked) == CONTENTIONS_PER_SIDE:
                break
            if claim in shown:
                continue  # already given as the reason for a stronger contention
            reasons = [r for r in self.supporters(claim, WITHIN) if r not in shown][:REASONS_PER_CONTENTION]
            others = [o for o in self.supporters(claim, BETWEEN)
                      if o not in shown and self.may_back(thesis, side, claim, o)][:CORROBORATIONS_PER_CONTENTION]
            picked.append((claim, reasons, others))
            shown.update([claim, *reasons, *others])
        # The stronger contentions keep their reasons first when a case would outgrow its room.
        room = CLAIMS_PER_CASE - len(picked)
        letter = TAG_LETTERS[side]
        contentions = []
        for claim, reasons, others in picked:
            head = section.mention(claim, letter)
            reasons, others = reasons[:max(room, 0)], others[:max(room - len(reasons), 0)]
            room -= len(reasons) + len(others)
            contentions.append(Contention(head, tuple(section.mention(r, letter) for r in reasons),
                                          tuple(section.mention(o, letter) for o in others)))
        return Case(side, tuple(contentions))

    # -- clashes ---------------------------------------------------------------------------------
    def links(self, thesis: str, kind: str) -> list[tuple[Clash, str, str]]:
        """(link, pro claim, con claim) for the links of ``kind`` that bear on the thesis
        (``Analysis.thesis_links``) and set one side of it against the other, in the analysis's ranking."""
        sides = self.analysis.sides(thesis)
        bearing = self.analysis.thesis_links(thesis)
        found = []
        for clash in bearing.clashes if kind == READING else bearing.changed:
            a, b = clash.claims
            if {sides[a], sides[b]} == {PRO, CON}:  # mixed, or the same side: no for-and-against here
                found.append((clash, a, b) if sides[a] == PRO else (clash, b, a))
        return found

    def backing(self, section: Section, claim: str, letter: str) -> tuple[Mention, ...]:
        """What a side adds when this claim is challenged: its best reason, else another account's support.

        One the section has shown is named by its tag; a new one is quoted while the section has room
        (SHOWN_PER_THESIS), so that a thesis with many clashes still fits its pages.
        """
        picked = (self.supporters(claim, WITHIN) + self.supporters(claim, BETWEEN))[:1]
        room = len(section.tags) < SHOWN_PER_THESIS
        return tuple(section.mention(c, letter) for c in picked if c in section.tags or room)

    def clash_point(self, section: Section, order: tuple[str, ...], clash: Clash, pro: str, con: str) -> ClashPoint:
        events = self.analysis.event_labels
        timing = clash.timing
        event = self.analysis.events.get(clash.turning_point)
        shown: dict[str, tuple[Mention, tuple[Mention, ...]]] = {}
        for side in order:  # tagged in the order the renderers print them
            claim, letter = (pro, "A") if side == PRO else (con, "N")
            mention = section.mention(claim, letter)
            shown[side] = (mention, self.backing(section, claim, letter))
        return ClashPoint(
            clash.kind, clash.relation, shown[PRO][0], shown[CON][0], shown[PRO][1], shown[CON][1],
            PRO if clash.earlier == pro else CON, clash.rationale, clash.sharpness,
            f"{event['label']} ({event['date']})" if event else "",
            tuple(events[e] for e in timing.certain), tuple(events[e] for e in timing.possible),
        )

    # -- a thesis ------------------------------------------------------------------------------
    def thesis(self, number: int, thesis: dict[str, str], sides: tuple[str, ...],
               picked: dict[str, list[tuple[Clash, str, str]]], ground: list[GroundItem]) -> ThesisBrief:
        tid = thesis["id"]
        section = Section(self, self.analysis.sides(tid))
        stances: dict[str, tuple[str, ...]] = {
            s: tuple(a for a in self.authors if self.cells[tid, a].stance == s) for s in (PRO, CON, MIXED, SILENT)
        }
        cases = tuple(self.case(section, tid, side) for side in sides)
        reported = self.heaviest(sorted({c for a in self.authors for c in self.cells[tid, a].reported}))
        reported_mentions: list[Mention] = []
        answered: list[ReportedLink] = []
        for claim in sorted(reported[:REPORTED_PER_THESIS], key=self.order.__getitem__):
            view = section.mention(claim, "R")
            reported_mentions.append(view)
            # Another author's claim that contradicts the view, or that events overtook it (Analysis.clashes_with_reported).
            for link in self.analysis.clashes_with_reported:
                if claim in link.claims:
                    other = link.later if link.earlier == claim else link.earlier
                    answered.append(ReportedLink(view, section.mention(other), link.relation, link.rationale))
        order = sides + tuple(s for s in (PRO, CON) if s not in sides)
        clashes = tuple(self.clash_point(section, order, *link) for link in picked[READING])
        changes = tuple(self.clash_point(section, order, *link) for link in picked[EVENTS])
        questions = cross_examination(self, tid, sides, cases, tuple(reported_mentions), clashes + changes, tuple(answered))
        uses = []
        for item in ground:
            if number in item.theses:
                uses.append(GroundUse(item.number, self.ground_lean(tid, self.ground[item.number - 1])))
        # The groups that argue one side come first (a side builds on them, the other must concede them).
        uses = sorted(uses, key=lambda u: (u.leans == "", u.number))[:GROUND_PER_THESIS]
        return ThesisBrief(number, tid, thesis["label"], thesis["text"], stances, cases, tuple(reported_mentions), tuple(answered),
                           clashes, changes, tuple(questions), tuple(uses))

    def ground_items(self, theses: list[dict[str, str]], numbers: dict[str, int]) -> list[GroundItem]:
        items = []
        for index, group in enumerate(self.ground, 1):
            section = Section(self, {})
            # The hub, then each other author's first claim in the group: every voice once.
            hub_author = self.graph.nodes[group.hub]["author"]
            firsts: dict[str, str] = {}
            for claim in group.claims:
                firsts.setdefault(self.graph.nodes[claim]["author"], claim)
            claims = [group.hub] + [c for a, c in firsts.items() if a != hub_author]
            bearing = tuple(numbers[t["id"]] for t in theses if any(self.near_sides(t["id"], c) for c in group.claims))
            others = [a for a in group.authors if a != hub_author]
            credit = TEXT["ground_credit"].format(hub=hub_author, others=_series(others))
            items.append(GroundItem(index, group.authors, credit, tuple(section.mention(c, f"G{index}.") for c in claims),
                                    bearing, len(group.claims) - len(claims)))
        return items

    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference(self.numbers[s["id"]], s["id"], citation_of(s), s["date_note"], s["url"])
                     for s in self.graph.graph["sources"])

    def timeline(self, references: tuple[Reference, ...]) -> tuple[TimelineItem, ...]:
        by_source = {r.source: r for r in references}
        return tuple(TimelineItem(e.date, e.label if e.kind == "event" else "", by_source.get(e.id) if e.kind != "event" else None)
                     for e in self.analysis.timeline)


def _clash_heading(shown: int, total: int) -> str:
    """How the summary names its clashes of reading: never "sharpest" when they are all there are."""
    if total and shown < total:
        return TEXT["clashes_heading"].format(shown=shown, total=total)
    return TEXT["clashes_heading_all"].format(total=total) if total > 1 else TEXT["clash_heading_one" if total else "clashes_heading_none"]


def _series(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def _summary_links(builder: _Builder, kind: str, picked: dict[str, dict[str, list[tuple[Clash, str, str]]]],
                   numbers: dict[str, int], others: list[OtherLink]) -> list[SummaryLink]:
    """The first links of ``kind`` in the analysis's ranking, each with the sections that argue it;
    one that no section argues is added to ``others``, to be given in full."""
    found = []
    for clash in builder.analysis.clash_kinds[kind][:SUMMARY_ITEMS]:
        where = []
        for thesis, links in picked.items():
            # A section numbers its clashes of reading first, then its changes with events.
            listed = [c for c, _, _ in links[kind]]
            if clash in listed:
                offset = len(links[READING]) if kind == EVENTS else 0
                where.append((numbers[thesis], offset + listed.index(clash) + 1, thesis))
        event = builder.analysis.events.get(clash.turning_point)
        turning = f"{event['label']} ({event['date']})" if event else ""
        other = 0
        if not where:
            other = len(others) + 1
            section = Section(builder, {})
            others.append(OtherLink(other, kind, clash.relation, section.mention(clash.earlier, f"O{other}."),
                                    section.mention(clash.later, f"O{other}."), clash.rationale, turning))
        found.append(SummaryLink(
            builder.ref(clash.earlier), builder.ref(clash.later),
            (builder.numbers[builder.source_of(clash.earlier)], builder.numbers[builder.source_of(clash.later)]),
            clash.rationale, turning, clash.relation, tuple(where), other))
    return found


def build_brief(analysis: Analysis, thesis: str | None = None, side: str | None = None) -> Brief:
    """The brief for every thesis, or one (an id); for both sides, or one (``pro``/``con``).

    With a side, the brief gives that side's case and the questions it can put to the other
    side; clashes keep both claims, so a debater sees what they must answer.
    """
    builder = _Builder(analysis)
    sides = (side,) if side else (PRO, CON)
    every = list(analysis.graph.graph["theses"])
    numbers = {t["id"]: i for i, t in enumerate(every, 1)}
    theses = [t for t in every if thesis is None or t["id"] == thesis]
    # Each thesis's clashes and changes, in the analysis's ranking; the summary's are kept even past the cap.
    ranked = {t["id"]: {kind: builder.links(t["id"], kind) for kind in (READING, EVENTS)} for t in theses}
    caps = {READING: CLASHES_PER_THESIS, EVENTS: CHANGES_PER_THESIS}
    capped = {t: {kind: links[:caps[kind]] for kind, links in kinds.items()} for t, kinds in ranked.items()}
    single = thesis is not None
    if not single:  # a clash the summary names stays in each section that argues it, even past the cap
        for kind in (READING, EVENTS):
            for clash in analysis.clash_kinds[kind][:SUMMARY_ITEMS]:
                for tid, kinds in ranked.items():
                    entry = next((e for e in kinds[kind] if e[0] == clash), None)
                    if entry is not None and entry not in capped[tid][kind]:
                        capped[tid][kind].append(entry)
    others: list[OtherLink] = []
    summary_clashes = [] if single else _summary_links(builder, READING, capped, numbers, others)
    summary_changes = [] if single else _summary_links(builder, EVENTS, capped, numbers, others)
    ground = builder.ground_items(every, numbers)
    parts = tuple(builder.thesis(numbers[t["id"]], t, sides, capped[t["id"]], ground) for t in theses)
    if thesis is not None:  # a one-thesis brief lists the groups its section names
        named = {use.number for use in parts[0].ground}
        ground = [g for g in ground if g.number in named]
    references = builder.references()
    short = analysis.short_names
    grid = tuple(GridRow(numbers[t["id"]], t["id"], t["label"], t["text"],
                         tuple(analysis.stances[t["id"], a].stance for a in analysis.authors)) for t in theses)
    summary = Summary(
        tuple((short[a], analysis.first_dates[a]) for a in analysis.authors), grid,
        tuple(summary_clashes), tuple(summary_changes), tuple(ground[:SUMMARY_GROUND]), max(0, len(ground) - SUMMARY_GROUND),
        single, _clash_heading(len(summary_clashes), len(analysis.clash_kinds[READING])),
    )
    return Brief(str(analysis.graph.graph["title"]), side or "", summary, parts, tuple(others), tuple(ground), references,
                 builder.timeline(references), BRIEF_METHOD, dict(short))


def brief_mentions(brief: Brief) -> list[tuple[str, Mention]]:
    """Every claim the brief shows, with the section it is shown in (for checks)."""
    found: list[tuple[str, Mention]] = []
    for part in brief.theses:
        here: list[Mention] = []
        for case in part.cases:
            for contention in case.contentions:
                here += [contention.claim, *contention.reasons, *contention.corroboration]
        for view in part.reported:
            here.append(view)
            here += [link.other for link in part.reported_links if link.view.claim.id == view.claim.id]
        for point in part.clashes + part.changes:
            here += [point.pro, *point.pro_backing, point.con, *point.con_backing]
        for question in part.questions:
            here += [question.target, *question.press]
        found += [(part.anchor, m) for m in here]
    for link in brief.others:
        found += [(f"other-{link.number}", link.earlier), (f"other-{link.number}", link.later)]
    for item in brief.ground:
        found += [(f"ground-{item.number}", m) for m in item.claims]
    return found


def brief_claims(brief: Brief) -> list[ClaimRef]:
    """Every claim the brief cites, wherever it appears (for checks)."""
    return [m.claim for _, m in brief_mentions(brief)]
