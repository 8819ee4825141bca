"""The JSON Schema of a corpus file, generated from the pydantic models, for editors.

Editors with a YAML language server (VS Code's YAML extension) read YAML 1.2, where
``date: 2021-11-25`` is a string and ``date: 2021`` a number, so dates are described as both. The
schema is JSON Schema draft-07, the newest that every YAML language server reads. It describes
every file of a corpus folder, the review file ``suggestions.yaml`` included.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from argmap.corpus.models import Claim, Event, Relation, Source, Thesis
from argmap.drafting.review import Suggestion

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_SOURCE_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"


class CorpusFile(BaseModel):
    """One YAML file of an argmap corpus: any file may hold any of these sections."""

    model_config = ConfigDict(extra="forbid", title="argmap corpus file")

    title: str = Field("", description="the corpus title (at most one file sets it)")
    source: Source | None = Field(None, description="one source text and its metadata; this file's claims are its claims")
    claims: list[Claim] = Field(default_factory=list, description="the claims of this file's source")
    theses: list[Thesis] = Field(default_factory=list, description="contested propositions that claims take sides on")
    events: list[Event] = Field(default_factory=list, description="turning points used to date clashes")
    relations: list[Relation] = Field(default_factory=list, description="supports / contradicts / superseded links between claims")
    suggestions: list[Suggestion] = Field(default_factory=list,
                                          description="candidate links written by 'argmap suggest' for review; never part of the map")


def _date_schema(pattern: str, description: str) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "pattern": pattern}, {"type": "integer", "minimum": 1000, "maximum": 9999}],
            "description": description}


def corpus_schema() -> dict[str, Any]:
    """The schema as a dict (draft-07, definitions under ``definitions``)."""
    schema = CorpusFile.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs")
    definitions["Source"]["properties"]["date"] = _date_schema(
        _SOURCE_DATE, "YYYY, YYYY-MM or YYYY-MM-DD; an inferred range EARLIEST/LATEST (say why in date_note)")
    definitions["Event"]["properties"]["date"] = _date_schema(_DATE, "YYYY, YYYY-MM or YYYY-MM-DD")
    # What the models' own validators check, said in the schema's terms.
    definitions["Claim"]["allOf"] = [
        {"if": {"properties": {"voice": {"const": "reports"}}, "required": ["voice"]},
         "then": {"required": ["speaker"], "properties": {"speaker": {"minLength": 1}}}},
    ]
    for name in ("Relation", "Suggestion"):
        definitions[name]["allOf"] = [
            {"if": {"properties": {"relation": {"const": "superseded"}}, "required": ["relation"]},
             "then": {"required": ["timing"]}},
        ]
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "argmap.schema.json", **schema,
            "definitions": definitions}


def render_schema() -> str:
    return json.dumps(corpus_schema(), indent=2, ensure_ascii=False) + "\n"
