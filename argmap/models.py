"""The corpus vocabulary as pydantic models: sources, claims, theses, events, relations."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

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


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _partial_date(value: Any) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD (YAML may hand us a date or an int year)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("a date must be written YYYY, YYYY-MM or YYYY-MM-DD")
    value = value.strip()
    match = _DATE.match(value)
    if not match:
        raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a real date ({exc})") from None
    return value


PartialDate = Annotated[str, BeforeValidator(_partial_date)]


def _date_or_range(value: Any) -> str:
    """A partial date, or an inferred range EARLIEST/LATEST (ISO 8601 interval notation)."""
    if isinstance(value, str) and "/" in value:
        parts = value.strip().split("/")
        if len(parts) != 2:
            raise ValueError(f"'{value.strip()}' is not a date range: write EARLIEST/LATEST, e.g. 2023-10/2024-01")
        earliest, latest = (_partial_date(part) for part in parts)
        # Compare as strings padded to a first and a last day: ISO dates sort as text.
        if earliest == latest or (earliest + "-01-01")[:10] > (latest + "-01-01")[:10] or (earliest + "-12-31")[:10] > (latest + "-12-31")[:10]:
            raise ValueError(f"'{value.strip()}' is not a date range: the earliest date must come before the latest")
        return f"{earliest}/{latest}"
    return _partial_date(value)


SourceDate = Annotated[str, BeforeValidator(_date_or_range)]


def date_precision(date: str) -> str:
    """'day', 'month' or 'year' for a partial date; 'range' for an inferred EARLIEST/LATEST."""
    if "/" in date:
        return "range"
    return {4: "year", 7: "month", 10: "day"}[len(date)]


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

    @model_validator(mode="after")
    def _speaker_matches_voice(self) -> "Claim":
        if self.voice is Voice.reports and not self.speaker.strip():
            raise ValueError("a claim with voice 'reports' needs a 'speaker': who is reported")
        if self.voice is Voice.asserts and self.speaker.strip():
            raise ValueError("'speaker' is only for claims with voice 'reports'")
        if "\n" in self.label.strip():
            raise ValueError("a 'label' is one short line")
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
            raise ValueError("a 'superseded' relation needs 'timing': the event that overturned the earlier account")
        return self


# Which keys each YAML section may hold, for "did you mean" hints on unknown fields.
SECTION_MODELS: dict[str, type[_Model]] = {
    "source": Source,
    "claims": Claim,
    "theses": Thesis,
    "events": Event,
    "relations": Relation,
}
TOP_LEVEL_KEYS = ("title", "source", "claims", "theses", "events", "relations")


def field_names(model: type[_Model]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


CLAIM_TYPE_MEANINGS = {
    ClaimType.fact: "states something checkable that happened or is the case",
    ClaimType.interpretation: "reads meaning into facts: a situation, an actor's position or intent",
    ClaimType.causal: "says one thing caused, enabled or explains another",
    ClaimType.evaluation: "judges: good or bad, success or failure, legitimate or not",
    ClaimType.prediction: "says what will or is likely to happen",
    ClaimType.recommendation: "says what someone should do",
}
