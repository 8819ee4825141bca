"""What an import reads from another tool's map, before it becomes corpus YAML.

Every field is a plain string; an empty one is something the format did not carry, for the user
to fill in. ``carried`` names the fields the format can hold at all, so the report can say what
was lost by the format rather than left out by its author.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportedSource:
    author: str
    id: str = ""
    title: str = ""
    publication: str = ""
    date: str = ""
    date_note: str = ""
    url: str = ""
    byline: str = ""
    provenance: str = ""
    note: str = ""


@dataclass
class ImportedClaim:
    id: str               # as the file names it (an AIF nodeID, an Argdown title)
    text: str
    quote: str
    author: str = ""
    where: str = ""       # where in the file, for messages ("line 12", "nodes[3]")
    type: str = ""
    voice: str = "asserts"
    speaker: str = ""
    label: str = ""
    note: str = ""
    theses: dict[str, str] = field(default_factory=dict)
    quote_from_text: bool = False  # the file had no quote: the paraphrase stands in for it


@dataclass
class ImportedRelation:
    source: str           # claim ids as the file names them
    target: str
    relation: str         # supports, contradicts or superseded
    rationale: str = ""
    timing: str = ""


@dataclass
class ImportedMap:
    format: str                          # "AIF" or "Argdown", for messages
    carried: frozenset[str]              # claim fields the format can hold
    title: str = ""
    sources: list[ImportedSource] = field(default_factory=list)
    claims: list[ImportedClaim] = field(default_factory=list)
    relations: list[ImportedRelation] = field(default_factory=list)
    theses: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what the file holds that a corpus cannot

    def authors(self) -> list[str]:
        """Every author, in the order the file first names them."""
        names = [s.author for s in self.sources] + [c.author for c in self.claims]
        return [name for name in dict.fromkeys(names) if name]
