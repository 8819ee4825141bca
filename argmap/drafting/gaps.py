"""The curator's to-do list: what a corpus leaves unmapped.

- claims no other author addresses (no link to a claim of another author), heaviest first;
- theses on which an author is silent (none of their own claims takes a side);
- pairs of authors joined by few links;
- paragraphs of a source with no claim (page furniture left out, recognised as ``draft`` does);
- draft claims not yet reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.analysis import Analysis
from argmap.analysis.stances import SILENT
from argmap.corpus import Corpus
from argmap.drafting.text import blocks


@dataclass(frozen=True)
class Paragraph:
    source: str
    line: int
    text: str


@dataclass(frozen=True)
class AuthorPair:
    first: str
    second: str
    links: int


@dataclass
class Gaps:
    unanswered: dict[str, list[str]] = field(default_factory=dict)   # author -> claim ids, heaviest first
    silent: dict[str, list[str]] = field(default_factory=dict)       # thesis -> authors silent on it
    pairs: list[AuthorPair] = field(default_factory=list)            # fewest links first
    paragraphs: list[Paragraph] = field(default_factory=list)        # in source order
    drafts: dict[str, list[str]] = field(default_factory=dict)       # source -> draft claim ids
    few_links: int = 2
    claims: int = 0  # how many claims the corpus holds: none is not "no gaps"

    @property
    def empty(self) -> bool:
        return not (self.unanswered or self.silent or self.pairs or self.paragraphs or self.drafts)


def find_gaps(corpus: Corpus, analysis: Analysis, few_links: int = 2) -> Gaps:
    """Every gap in the corpus; author pairs count as few-linked below ``few_links`` links."""
    graph = analysis.graph
    gaps = Gaps(few_links=few_links, claims=graph.number_of_nodes())
    order = analysis.order
    weights = analysis.weights
    links: dict[tuple[str, str], int] = {}
    answered: set[str] = set()
    for a, b, data in graph.edges(data=True):
        if data["scope"] == "between":
            answered.update((a, b))
            first_author, second_author = sorted((graph.nodes[a]["author"], graph.nodes[b]["author"]))
            pair = (first_author, second_author)
            links[pair] = links.get(pair, 0) + 1
    for author in analysis.authors:
        mine = [c for c in graph if graph.nodes[c]["author"] == author and c not in answered]
        if mine:
            gaps.unanswered[author] = sorted(mine, key=lambda c: (-weights.get(c, 1), order[c]))
    for thesis in analysis.thesis_ids:
        silent = [a for a in analysis.authors if analysis.stances[thesis, a].stance == SILENT]
        if silent:
            gaps.silent[thesis] = silent
    authors = analysis.authors
    for i, first in enumerate(authors):
        for second in authors[i + 1:]:
            low, high = sorted((first, second))
            count = links.get((low, high), 0)
            if count < few_links:
                gaps.pairs.append(AuthorPair(first, second, count))
    gaps.pairs.sort(key=lambda p: (p.links, authors.index(p.first), authors.index(p.second)))
    for source in analysis.sources:
        text = corpus.texts.get(source, "")
        spans = [corpus.spans[c] for c in corpus.claims if corpus.claim_source[c] == source and c in corpus.spans]
        for block in blocks(text, corpus.sources[source].author):
            if not block.is_body or len(block.text.split()) < 12:
                continue
            if not any(span.start < block.end and block.start < span.end for span in spans):
                gaps.paragraphs.append(Paragraph(source, text.count("\n", 0, block.start) + 1, block.text))
    for claim in graph:
        if graph.nodes[claim].get("draft"):
            gaps.drafts.setdefault(graph.nodes[claim]["source"], []).append(claim)
    return gaps
