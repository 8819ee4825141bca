"""How every document shows a claim: its text, verbatim quote and full citation travel together.

``ClaimRef`` is the one type the brief, the worksheet and the quiz use for a claim, so no
renderer can print a claim without its quote and source; ``Citation`` is the one citation format.
``map_link`` is where a page sends a reader to check a claim: the map's source reader, which
opens the source text with the quote marked and the claim's panel beside it
(``argmap.html#source=SOURCE&claim=ID``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_quote

from argmap.analysis import Analysis


@dataclass(frozen=True)
class Citation:
    author: str
    title: str
    publication: str
    date: str

    def __str__(self) -> str:
        return f"{self.author}, \u201c{self.title}\u201d, {self.publication}, {self.date}"

    @property
    def short(self) -> str:
        """Author, title and date: enough to tell the accounts apart in a list of options."""
        return f"{self.author}, \u201c{self.title}\u201d ({self.date})"


def citation_of(source: dict[str, Any]) -> Citation:
    return Citation(source["author"], source["title"], source["publication"], source["date"])


SHORT = 60  # characters of paraphrase a short mention keeps


@dataclass(frozen=True)
class ClaimRef:
    id: str
    author: str
    text: str
    quote: str
    type: str
    speaker: str  # "" unless the author only reports this view
    citation: Citation
    source: str = ""  # the source's id
    date: str = ""  # the source's date, as written
    label: str = ""  # the curator's short label, "" when not set

    @property
    def short(self) -> str:
        """A few words to name the claim by: its label, else the paraphrase cut at a word boundary."""
        if self.label:
            return self.label
        if len(self.text) <= SHORT:
            return self.text
        cut = self.text[:SHORT].rsplit(" ", 1)[0].rstrip(",;:.")
        return cut + "\u2026"

    @property
    def reported(self) -> bool:
        return bool(self.speaker)

    @property
    def voice(self) -> str:
        return "reports" if self.speaker else "asserts"

    @property
    def link(self) -> str:
        """Where to check the claim: the map's source reader, at its quote."""
        return map_link(self.id, self.source)

    def as_data(self) -> dict[str, str]:
        """JSON-ready, for pages that build themselves from data."""
        return {"id": self.id, "author": self.author, "text": self.text, "quote": self.quote,
                "citation": str(self.citation), "voice": self.voice, "speaker": self.speaker, "link": self.link}


def claim_ref(analysis: Analysis, claim: str) -> ClaimRef:
    node = analysis.graph.nodes[claim]
    speaker = node["speaker"] if node["voice"] == "reports" else ""
    return ClaimRef(claim, node["author"], node["text"], node["quote"], node["type"], speaker,
                    citation_of(analysis.sources[node["source"]]), node["source"], node["date"], node["label"])


MAP_PAGE = "argmap.html"  # what ``argmap build`` writes beside the brief


def map_link(claim: str, source: str = "", page: str = MAP_PAGE) -> str:
    """The map's source reader opened at the claim's quote (the claim on the graph when no source is given)."""
    at = f"source={url_quote(source, safe='')}&" if source else ""
    return f"{page}#{at}claim={url_quote(claim, safe='')}"
