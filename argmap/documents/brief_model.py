"""The debate brief as data: what ``build_brief`` (``documents/brief.py``) makes and the renderers read.

Plain frozen dataclasses. A claim is a ``Mention``: its ``ClaimRef`` (text, verbatim quote,
citation), its tag in its section (A1, N2, R1, O1.1, G3.2), its reference number, and whether this
mention prints it in full (the first in its section) or names it by its tag.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.stances import CON, PRO
from argmap.documents.refs import Citation, ClaimRef

SIDE_NAMES = {PRO: "affirmative", CON: "negative"}


@dataclass(frozen=True)
class Reference:
    number: int
    source: str
    citation: Citation
    date_note: str
    url: str


@dataclass(frozen=True)
class Mention:
    """A claim where the brief shows it: in full the first time in its section, then by its tag."""

    tag: str  # "A1" (affirmative), "N2" (negative), "R1" (reported), "G3.2" (common ground)
    claim: ClaimRef
    ref: int  # the number of its source in the reference list
    full: bool  # whether this mention prints the paraphrase and the quote


@dataclass(frozen=True)
class Contention:
    claim: Mention
    reasons: tuple[Mention, ...]  # the author's own claims that directly support it
    corroboration: tuple[Mention, ...]  # other accounts' claims that support it


@dataclass(frozen=True)
class Case:
    side: str  # pro or con
    contentions: tuple[Contention, ...]  # in the order a speech would put them

    @property
    def name(self) -> str:
        return SIDE_NAMES[self.side]


@dataclass(frozen=True)
class ClashPoint:
    kind: str  # READING or EVENTS
    relation: str  # contradicts or superseded
    pro: Mention
    con: Mention
    pro_backing: tuple[Mention, ...]  # what the affirmative adds when its claim is challenged
    con_backing: tuple[Mention, ...]
    earlier_side: str  # the side whose claim comes from the earlier text
    rationale: str
    sharpness: int
    turning_point: str  # "label (date)" of the event the corpus dates the link to, or ""
    between: tuple[str, ...]  # labels of the events certainly between the two texts
    maybe_between: tuple[str, ...]  # labels of the events the partial dates may put between them

    def answer(self, side: str) -> tuple[Mention, tuple[Mention, ...]]:
        return (self.pro, self.pro_backing) if side == PRO else (self.con, self.con_backing)


@dataclass(frozen=True)
class ReportedLink:
    """A claim that contradicts a view an author only reports (or that events overtook it): never that author's clash."""

    view: Mention
    other: Mention
    relation: str
    rationale: str


@dataclass(frozen=True)
class Question:
    """A question to put to ``to_side`` about one of its claims, following from the kind of claim."""

    to_side: str
    target: Mention  # the claim under attack; its quote is printed with the question
    kind: str  # fact, causal, prediction, reported, interpretation, evaluation, recommendation
    ask: str
    background: str  # what the map says that bears on the answer (dates, turning points, stances)
    press: tuple[Mention, ...]  # the other side's claims to press with


@dataclass(frozen=True)
class GroundItem:
    """A claim and the claims of other authors that agree with it (three or more authors in all), untouched by
    any contradicts link."""

    number: int  # G1, G2, ... in the common-ground section
    authors: tuple[str, ...]
    credit: str  # whose claim the group is built on, and whose claims agree with it
    claims: tuple[Mention, ...]  # the group's hub, then one claim of each other author in it
    theses: tuple[int, ...]  # the numbers of the thesis sections it bears on
    more: int = 0  # the group's other claims, not quoted

    @property
    def hub(self) -> Mention:
        return self.claims[0]


@dataclass(frozen=True)
class GroundUse:
    """A common-ground group as a thesis section names it."""

    number: int
    leans: str  # the side (pro/con) all its claims that bear on the thesis argue, else ""


@dataclass(frozen=True)
class ThesisBrief:
    number: int
    id: str
    label: str
    resolution: str
    stances: dict[str, tuple[str, ...]]  # pro/con/mixed/silent -> authors in time order
    cases: tuple[Case, ...]
    reported: tuple[Mention, ...]
    reported_links: tuple[ReportedLink, ...]  # other authors' claims that contradict a reported view, or overtook it
    clashes: tuple[ClashPoint, ...]  # clashes of reading
    changes: tuple[ClashPoint, ...]  # changed with events
    questions: tuple[Question, ...]
    ground: tuple[GroundUse, ...]

    @property
    def anchor(self) -> str:
        return f"thesis-{self.id}"


@dataclass(frozen=True)
class GridRow:
    number: int
    thesis: str
    label: str
    resolution: str
    cells: tuple[str, ...]  # each author's stance, authors in time order


@dataclass(frozen=True)
class SummaryLink:
    """A clash or change the summary names, and where the brief argues it."""

    earlier: ClaimRef
    later: ClaimRef
    refs: tuple[int, int]
    rationale: str
    turning_point: str
    relation: str
    where: tuple[tuple[int, int, str], ...]  # (thesis number, clash number, thesis id) where it is argued
    other: int = 0  # its number among the clashes no thesis section argues (O1, O2 ...), or 0


@dataclass(frozen=True)
class OtherLink:
    """A clash or change the summary names that no thesis section argues (one claim takes no side on
    any thesis, or both the same side): given here in full."""

    number: int
    kind: str  # READING or EVENTS
    relation: str
    earlier: Mention
    later: Mention
    rationale: str
    turning_point: str


@dataclass(frozen=True)
class Summary:
    authors: tuple[tuple[str, str], ...]  # (short name, date of the first text) per column
    grid: tuple[GridRow, ...]
    clashes: tuple[SummaryLink, ...]
    changes: tuple[SummaryLink, ...]
    ground: tuple[GroundItem, ...]  # the widest groups
    more_ground: int  # how many more the common-ground section lists
    single: bool  # a one-thesis brief: its clashes and common ground follow at once, so the summary gives the grid
    clash_heading: str = "The sharpest clashes of reading"  # with how many the map records in all


@dataclass(frozen=True)
class TimelineItem:
    date: str
    event: str  # the event's label, or "" for a source
    reference: Reference | None


@dataclass(frozen=True)
class Brief:
    title: str
    side: str  # "" for both sides
    summary: Summary
    theses: tuple[ThesisBrief, ...]
    others: tuple[OtherLink, ...]  # the summary's clashes and changes that no thesis section argues
    ground: tuple[GroundItem, ...]
    references: tuple[Reference, ...]
    timeline: tuple[TimelineItem, ...]  # the references in time order, with the turning points
    method: tuple[str, ...]
    names: dict[str, str]  # author -> the short name tables and pointers use

    @property
    def sides(self) -> tuple[str, ...]:
        return (self.side,) if self.side else (PRO, CON)

    @property
    def answer_order(self) -> tuple[str, ...]:
        """In a clash, the brief's own side answers first."""
        return self.sides + tuple(s for s in (PRO, CON) if s not in self.sides)

    @property
    def question_sides(self) -> tuple[str, ...]:
        """The sides questions are put to: the other side only, when the brief has a side."""
        return (PRO, CON) if not self.side else tuple(s for s in (PRO, CON) if s != self.side)
