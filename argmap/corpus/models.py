"""The corpus vocabulary as pydantic models: sources, claims, theses, events, relations."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from argmap.dates import date_precision, parse_partial_date, parse_source_date

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ClaimType(str, Enum):
    fact = "fact"
    interpretation = "interpretation"
    causal = "causal"
    evaluation = "evaluation"
    prediction = "prediction"
    recommendation = "recommendation"


class Voice(str, Enum):
    asserts = "asserts"
    reports = "reports"


class Stance(str, Enum):
    pro = "pro"
    con = "con"


class RelationKind(str, Enum):
    supports = "supports"
    contradicts = "contradicts"
    superseded = "superseded"  # each claim true of its own period: events overturned the earlier one


class FieldError(ValueError):
    """A rule broken inside one item, with the fix to report."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


PartialDate = Annotated[str, BeforeValidator(parse_partial_date)]
SourceDate = Annotated[str, BeforeValidator(parse_source_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(_Model):
    id: Id
    author: Text
    title: Text
    publication: Text
    date: SourceDate
    date_note: str = ""
    text: Text = Field(description="path of the plain-text source, relative to the YAML file")
    url: str = ""
    byline: str = Field("", description="the author's name exactly as the text prints it; empty when it prints none")
    provenance: str = Field("", description="where the text was published, as the capture shows it, and where the attribution comes from")
    note: str = ""

    @property
    def date_precision(self) -> str:
        return date_precision(self.date)


class Claim(_Model):
    id: Id
    text: Text
    label: str = Field("", description="a short label for the map (a few words); default: the paraphrase, cut")
    quote: Text
    type: ClaimType
    voice: Voice = Voice.asserts
    speaker: str = ""
    theses: dict[Id, Stance] = Field(default_factory=dict)
    supports: list[Id] = Field(default_factory=list)
    note: str = ""
    draft: bool = Field(False, description="true while the claim is a machine draft (argmap draft) not yet reviewed; delete it once reviewed")

    @model_validator(mode="after")
    def _speaker_matches_voice(self) -> "Claim":
        if self.voice is Voice.reports and not self.speaker.strip():
            raise FieldError("a claim with voice 'reports' needs a 'speaker': who is reported",
                             "add 'speaker: ...' (e.g. 'speaker: the city council'), or drop 'voice: reports'")
        if self.voice is Voice.asserts and self.speaker.strip():
            raise FieldError("'speaker' is only for claims with voice 'reports'",
                             "add 'voice: reports' if the author only reports this view, or remove 'speaker'")
        if "\n" in self.label.strip():
            raise FieldError("a 'label' is one short line", "shorten the label to a few words on one line")
        return self


class Thesis(_Model):
    id: Id
    text: Text
    label: str = ""

    @property
    def short(self) -> str:
        return self.label or self.id


class Event(_Model):
    id: Id
    date: PartialDate
    label: Text


class Relation(_Model):
    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    relation: RelationKind
    rationale: Text
    timing: Id | None = None

    @model_validator(mode="after")
    def _superseded_has_timing(self) -> "Relation":
        if self.relation is RelationKind.superseded and self.timing is None:
            raise FieldError("a 'superseded' relation needs 'timing': the event that overturned the earlier account",
                             "add 'timing: EVENT-ID' naming an event under 'events:', or use another relation")
        return self


# Which keys each YAML section may hold, for "did you mean" hints on unknown fields.
SECTION_MODELS: dict[str, type[_Model]] = {
    "source": Source,
    "claims": Claim,
    "theses": Thesis,
    "events": Event,
    "relations": Relation,
}
# "suggestions" is the review file argmap suggest writes (suggestions.yaml): read by no check, never mapped.
TOP_LEVEL_KEYS = ("title", "source", "claims", "theses", "events", "relations", "suggestions")


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


CLAIM_TYPE_MEANINGS = {
    ClaimType.fact: "states something checkable that happened or is the case",
    ClaimType.interpretation: "reads meaning into facts: a situation, an actor's position or intent",
    ClaimType.causal: "says one thing caused, enabled or explains another",
    ClaimType.evaluation: "judges: good or bad, success or failure, legitimate or not",
    ClaimType.prediction: "says what will or is likely to happen",
    ClaimType.recommendation: "says what someone should do",
}
