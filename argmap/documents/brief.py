"""The debate brief as data, built once and rendered as Markdown or HTML (``argmap.render``).

For each thesis: the resolution, where each author stands, the affirmative (pro) and negative
(con) cases, the clash points with what each side would answer, the common ground, and
cross-examination questions drawn from the contradictions. Every claim is carried as a
``ClaimRef``: its text, verbatim quote and full citation travel together, so no renderer can
print a claim without them. Reported views never enter a case; they are listed apart with
their speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis import Analysis, CommonGround
from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.documents.refs import Citation, ClaimRef, citation_of, claim_ref
from argmap.graph import BETWEEN, SUPPORTS, WITHIN, is_reported

SIDE_NAMES = {PRO: "affirmative", CON: "negative"}
CLAIMS_PER_ACCOUNT = 3  # each author's strongest claims on one side of one thesis
REASONS_PER_CLAIM = 2  # the author's own reasons shown under a case claim
CORROBORATIONS_PER_CLAIM = 1  # other authors' claims shown under it
CLASHES_PER_THESIS = 6
QUESTIONS_PER_SIDE = 4  # drawn from the sharpest clash points

# Sentences both renderers print, kept in one place so the two formats say the same thing.
TEXT = {
    "intro": "Every claim is given with its verbatim quote and its source. Views an author only reports are"
             " marked as reported and never count as the author's case.",
    "no_case": "No author's own claims argue the {side} side.",
    "no_clash": "No contradiction between the two sides bears on this thesis.",
    "no_ground": "No uncontested claim bearing on this thesis is supported by three or more authors.",
    "no_other_ground": "None: every uncontested group of claims that three or more authors support bears on a thesis.",
    "no_question": "No contradiction between the authors' own claims gives a question here.",
    "question": "{challenger} writes {challenge}. How do you answer that, when your case rests on {target_author}\u2019s {target}?",
}

BRIEF_METHOD: tuple[str, ...] = (
    "Stances come from the claims: an author is pro (or con) a thesis when their own claims on it all take"
    " that side, mixed when they take both. Views an author only reports never count as the author's own.",
    "A claim's weight is 1 plus the number of its author's claims that support it, directly or in a chain:"
    " the size of the argument built up to it. Each case gives every author's heaviest claims on that side,"
    " accounts in time order.",
    "Clash points are contradicts links where one claim argues for the thesis and the other against it,"
    " at least one of them taking a side on it (a claim argues the side of the thesis claims it supports);"
    " they are ranked by the sum of the two claims' weights, sharpest first. Cross-examination questions"
    " come from the sharpest clash points between the authors' own claims.",
    "Common ground is a group of claims joined by supports links between authors that spans three or more"
    " authors and that no contradicts link touches. A turning point lies between two texts when the earlier was written before it and the later"
    " on or after it.",
)


@dataclass(frozen=True)
class CaseClaim:
    claim: ClaimRef
    reasons: tuple[ClaimRef, ...]  # the author's own claims that directly support it
    corroboration: tuple[ClaimRef, ...]  # other authors' claims that support it


@dataclass(frozen=True)
class AccountCase:
    author: str
    date: str
    claims: tuple[CaseClaim, ...]


@dataclass(frozen=True)
class Case:
    side: str  # pro or con
    accounts: tuple[AccountCase, ...]  # authors in time order

    @property
    def name(self) -> str:
        return SIDE_NAMES[self.side]


@dataclass(frozen=True)
class ClashPoint:
    pro: ClaimRef
    con: ClaimRef
    pro_backing: tuple[ClaimRef, ...]
    con_backing: tuple[ClaimRef, ...]
    rationale: str
    sharpness: int
    turning_points: tuple[str, ...]  # labels of events certainly between the two texts
    maybe_turning_points: tuple[str, ...]  # labels of events the partial dates may put between them

    def answer(self, side: str) -> tuple[ClaimRef, tuple[ClaimRef, ...]]:
        return (self.pro, self.pro_backing) if side == PRO else (self.con, self.con_backing)


@dataclass(frozen=True)
class CrossExamination:
    to_side: str  # the side that must answer
    challenge: ClaimRef  # the other side's claim put to them
    target: ClaimRef  # their own claim it contradicts


@dataclass(frozen=True)
class GroundItem:
    """Claims three or more authors support and no contradicts link touches."""

    authors: tuple[str, ...]
    claims: tuple[ClaimRef, ...]
    leans: str  # in a thesis section: the side (pro/con) every claim of it argues, else ""


@dataclass(frozen=True)
class ThesisBrief:
    id: str
    label: str
    resolution: str
    stances: dict[str, tuple[str, ...]]  # pro/con/mixed/silent -> authors in time order
    cases: tuple[Case, ...]
    reported: tuple[ClaimRef, ...]
    clashes: tuple[ClashPoint, ...]
    common_ground: tuple[GroundItem, ...]
    questions: tuple[CrossExamination, ...]


@dataclass(frozen=True)
class TimelineItem:
    date: str
    event: str  # the event's label, or "" for an account
    citation: Citation | None
    date_note: str


@dataclass(frozen=True)
class Brief:
    title: str
    side: str  # "" for both sides
    timeline: tuple[TimelineItem, ...]
    theses: tuple[ThesisBrief, ...]
    other_ground: tuple[GroundItem, ...]  # common ground that bears on no thesis
    method: tuple[str, ...]

    @property
    def sides(self) -> tuple[str, ...]:
        return (self.side,) if self.side else (PRO, CON)

    @property
    def answer_order(self) -> tuple[str, ...]:
        """In a clash point, the brief's own side answers first."""
        return self.sides + tuple(s for s in (PRO, CON) if s not in self.sides)

    @property
    def question_sides(self) -> tuple[str, ...]:
        """The sides questions are put to: the other side only, when the brief has a side."""
        return (CON, PRO) if not self.side else tuple(s for s in (PRO, CON) if s != self.side)


class _Builder:
    """The brief's view of one analysis."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.graph = analysis.graph
        self.weights = analysis.weights
        self.order = analysis.order
        self.cells = analysis.stances
        self.clashes = analysis.clashes
        self.ground = analysis.common_ground
        self.events = analysis.event_labels

    def citation(self, source_id: str) -> Citation:
        return citation_of(self.analysis.sources[source_id])

    def ref(self, claim: str) -> ClaimRef:
        return claim_ref(self.analysis, claim)

    def own(self, claim: str) -> bool:
        return not is_reported(self.graph, claim)

    def supporters(self, claim: str, scope: str) -> list[str]:
        found = [s for s, _, d in self.graph.in_edges(claim, data=True)
                 if d["relation"] == SUPPORTS and d["scope"] == scope and self.own(s)]
        return sorted(found, key=lambda c: (-self.weights[c], self.order[c]))

    def case_claim(self, claim: str) -> CaseClaim:
        reasons = self.supporters(claim, WITHIN)[:REASONS_PER_CLAIM]
        others = sorted(self.supporters(claim, BETWEEN), key=self.order.__getitem__)[:CORROBORATIONS_PER_CLAIM]
        return CaseClaim(self.ref(claim), tuple(map(self.ref, reasons)), tuple(map(self.ref, others)))

    def case(self, thesis: str, side: str) -> Case:
        accounts = []
        for author in self.graph.graph["authors"]:
            cell = self.cells[thesis, author]
            mine = sorted(cell.pro if side == PRO else cell.con, key=lambda c: (-self.weights[c], self.order[c]))
            chosen: list[CaseClaim] = []
            for claim in mine:
                # A claim already shown as the reason for a heavier one is not repeated.
                if len(chosen) < CLAIMS_PER_ACCOUNT and not any(claim in {r.id for r in c.reasons} for c in chosen):
                    chosen.append(self.case_claim(claim))
            if chosen:
                accounts.append(AccountCase(author, self.graph.nodes[mine[0]]["date"], tuple(chosen)))
        return Case(side, tuple(accounts))

    def backing(self, claim: str) -> tuple[ClaimRef, ...]:
        """What a side adds when this claim is challenged: its best reason and best corroboration."""
        picked = self.supporters(claim, WITHIN)[:1] + self.supporters(claim, BETWEEN)[:1]
        return tuple(map(self.ref, picked))

    def clash_points(self, thesis: str) -> list[ClashPoint]:
        sides = self.analysis.sides(thesis)
        points = []
        for clash in self.clashes:
            a, b = clash.claims
            side_a, side_b = sides.get(a), sides.get(b)
            if MIXED in (side_a, side_b) or side_a == side_b:
                continue  # no clear for-and-against on this thesis
            if not any(thesis in self.graph.nodes[c]["theses"] for c in (a, b)):
                continue  # both only lead up to the thesis claims: a side issue here
            if side_a is None:
                side_a = CON if side_b == PRO else PRO
            pro, con = (a, b) if side_a == PRO else (b, a)
            timing = clash.timing
            points.append(ClashPoint(
                self.ref(pro), self.ref(con), self.backing(pro), self.backing(con), clash.rationale,
                clash.sharpness, tuple(self.events[e] for e in timing.certain),
                tuple(self.events[e] for e in timing.possible),
            ))
        return points[:CLASHES_PER_THESIS]

    def ground_item(self, group: CommonGround, thesis: str | None) -> GroundItem:
        sides = self.analysis.sides(thesis) if thesis else {}
        leans = {sides[c] for c in group.claims if sides.get(c) in (PRO, CON)}  # a mixed claim argues neither
        return GroundItem(group.authors, tuple(map(self.ref, group.claims)), leans.pop() if len(leans) == 1 else "")

    def bearing(self) -> dict[int, list[str]]:
        """Uncontested common-ground group index -> ids of the theses some claim of it bears on."""
        found: dict[int, list[str]] = {i: [] for i, g in enumerate(self.ground) if not g.contested_by}
        for thesis in self.graph.graph["theses"]:
            for i in found:
                if any(c in self.analysis.sides(thesis["id"]) for c in self.ground[i].claims):
                    found[i].append(thesis["id"])
        return found

    def thesis(self, thesis: dict[str, str], sides: tuple[str, ...], bearing: dict[int, list[str]]) -> ThesisBrief:
        tid = thesis["id"]
        stances: dict[str, tuple[str, ...]] = {
            s: tuple(a for a in self.graph.graph["authors"] if self.cells[tid, a].stance == s)
            for s in (PRO, CON, MIXED, SILENT)
        }
        reported = sorted({c for a in self.graph.graph["authors"] for c in self.cells[tid, a].reported},
                          key=self.order.__getitem__)
        clashes = self.clash_points(tid)
        own = [p for p in clashes if not (p.pro.reported or p.con.reported)]  # a reported view is nobody's to defend
        questions = [CrossExamination(PRO, p.con, p.pro) for p in own[:QUESTIONS_PER_SIDE]]
        questions += [CrossExamination(CON, p.pro, p.con) for p in own[:QUESTIONS_PER_SIDE]]
        if len(sides) == 1:  # a one-sided brief keeps the questions it puts to the other side
            questions = [q for q in questions if q.to_side != sides[0]]
        ground = [self.ground_item(self.ground[i], tid) for i, theses in bearing.items() if tid in theses]
        return ThesisBrief(
            tid, thesis["label"], thesis["text"], stances,
            tuple(self.case(tid, side) for side in sides),
            tuple(map(self.ref, reported)), tuple(clashes), tuple(ground), tuple(questions),
        )

    def timeline(self) -> tuple[TimelineItem, ...]:
        items = []
        for entry in self.analysis.timeline:
            if entry.kind == "event":
                items.append(TimelineItem(entry.date, entry.label, None, ""))
            else:
                items.append(TimelineItem(entry.date, "", self.citation(entry.id), self.analysis.sources[entry.id]["date_note"]))
        return tuple(items)


def build_brief(analysis: Analysis, thesis: str | None = None, side: str | None = None) -> Brief:
    """The brief for every thesis, or one; for both sides, or one (``pro``/``con``).

    With a side, the brief gives that side's case and the questions it can put to the other
    side; clash points keep both claims, so a debater sees what they must answer.
    """
    builder = _Builder(analysis)
    sides = (side,) if side else (PRO, CON)
    bearing = builder.bearing()
    theses = [t for t in analysis.graph.graph["theses"] if thesis is None or t["id"] == thesis]
    other = [builder.ground_item(builder.ground[i], None) for i, theses in bearing.items() if not theses]
    return Brief(
        analysis.graph.graph["title"], side or "", builder.timeline(),
        tuple(builder.thesis(t, sides, bearing) for t in theses), tuple(other), BRIEF_METHOD,
    )


def brief_claims(brief: Brief) -> list[ClaimRef]:
    """Every claim the brief cites, wherever it appears (for checks)."""
    found: list[ClaimRef] = []
    grounds = list(brief.other_ground)
    for part in brief.theses:
        for case in part.cases:
            for account in case.accounts:
                for item in account.claims:
                    found += [item.claim, *item.reasons, *item.corroboration]
        found += part.reported
        for point in part.clashes:
            found += [point.pro, point.con, *point.pro_backing, *point.con_backing]
        for question in part.questions:
            found += [question.challenge, question.target]
        grounds += part.common_ground
    for ground in grounds:
        found += ground.claims
    return found
