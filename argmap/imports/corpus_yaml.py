"""An imported map -> the files of a corpus folder, and a report of what the user must still do.

One YAML file per author (``<source id>.yaml``: the source and its claims, supports between that
author's own claims as ``supports`` lists), ``relations.yaml`` for every other link,
``corpus.yaml`` for the title, theses and events, and ``texts/<source id>.txt`` for each source
text given. Every quote is looked up in its author's text with the corpus's own quote matcher;
a quote not found is reported with the closest passage. Nothing is guessed: a field the format
did not carry is written empty and listed, so ``argmap validate`` and the report both point at it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.errors import ImportOptionError, UnknownIdError
from argmap.imports.model import ImportedClaim, ImportedMap, ImportedRelation, ImportedSource
from argmap.analysis.names import surname
from argmap.corpus.models import CLAIM_TYPE_MEANINGS, ID_PATTERN
from argmap.corpus.quotes import FoldedText, Near

_ID = re.compile(ID_PATTERN)
CLAIM_FIELDS_TO_NAME = {"type": "claim types", "theses": "theses (stances)", "voice": "voice (asserted or reported)",
                        "label": "labels", "note": "notes", "rationale": "relation rationales", "timing": "relation timing"}


@dataclass(frozen=True)
class SourceText:
    """A source text given for an import: whose it is (as named on the command line) and its content."""

    author: str
    name: str
    text: str


@dataclass(frozen=True)
class MissingQuote:
    claim: str
    quote: str
    near: Near


@dataclass
class ImportResult:
    files: dict[str, str]                       # path inside the corpus folder -> content
    quotes_found: int = 0
    missing: list[MissingQuote] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # authors whose quotes could not be checked
    to_fill: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)       # what the format cannot carry at all
    skipped: list[str] = field(default_factory=list)


TYPES = [t.value for t in CLAIM_TYPE_MEANINGS]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def slug(text: str, words: int = 5) -> str:
    """A readable id fragment: lower-case ASCII words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return "-".join(parts) or "claim"


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _match_author(name: str, authors: list[str]) -> str:
    wanted = " ".join(name.split()).casefold()
    for author in authors:
        if author.casefold() == wanted:
            return author
    by_surname = [a for a in authors if surname(a).casefold() == wanted]
    if len(by_surname) == 1:
        return by_surname[0]
    raise UnknownIdError("author", name, authors)


def _assign_authors(imported: ImportedMap, default_author: str) -> None:
    unnamed = [c for c in imported.claims if not c.author]
    if unnamed and not default_author:
        raise ImportOptionError(
            f"{len(unnamed)} claim{'s' if len(unnamed) > 1 else ''} in the {imported.format} file name no author "
            f"(first: {unnamed[0].where})", "give --author NAME: whose text it is")
    for claim in unnamed:
        claim.author = default_author


def _dump(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _split_relations(imported: ImportedMap, claim_ids: dict[str, str], result: ImportResult
                     ) -> tuple[dict[str, list[str]], list[tuple[str, str, ImportedRelation]]]:
    """Supports between one author's own claims (for ``supports`` lists), and every other link."""
    author_of = {c.id: c.author for c in imported.claims}
    supports: dict[str, list[str]] = {}
    others = []
    for relation in imported.relations:
        if relation.source not in claim_ids or relation.target not in claim_ids:
            result.skipped.append(f"a {relation.relation} link to a node that is not a claim ({relation.source} -> {relation.target})")
            continue
        source, target = claim_ids[relation.source], claim_ids[relation.target]
        if relation.relation == "supports" and author_of[relation.source] == author_of[relation.target] and not relation.rationale:
            supports.setdefault(source, []).append(target)
        else:
            others.append((source, target, relation))
    return supports, others


def _claim_entry(claim: ImportedClaim, cid: str, supports: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": cid, "text": claim.text}
    if claim.label:
        entry["label"] = claim.label
    entry["quote"] = claim.quote
    entry["type"] = claim.type
    if claim.voice == "reports":
        entry.update(voice="reports", speaker=claim.speaker)
    if claim.theses:
        entry["theses"] = dict(claim.theses)
    if supports:
        entry["supports"] = supports
    if claim.note:
        entry["note"] = claim.note
    return entry


def _source_file(author: str, source: ImportedSource, sid: str, claims: list[ImportedClaim], claim_ids: dict[str, str],
                 supports: dict[str, list[str]], given: SourceText | None, result: ImportResult) -> None:
    """``<sid>.yaml`` (the source and its claims) and, when given, ``texts/<sid>.txt``."""
    name, text_path = f"{sid}.yaml", f"texts/{sid}.txt"
    record: dict[str, Any] = {"id": sid, "author": author, "title": source.title, "publication": source.publication,
                              "date": source.date}
    for key in ("date_note", "url", "byline", "provenance", "note"):
        if getattr(source, key):
            record[key] = getattr(source, key)
    record["text"] = text_path
    empty = [key for key in ("title", "publication", "date") if not record[key]]
    wanted = [f"source {', '.join(empty)}"] if empty else []
    if given is not None:
        result.files[text_path] = given.text
    else:
        result.to_fill.append(f"{text_path}: the text of {author} (UTF-8 plain text), then validate to check the quotes")
    missing = {m.claim for m in result.missing}
    entries = [_claim_entry(claim, claim_ids[claim.id], supports.get(claim_ids[claim.id], [])) for claim in claims]
    untyped = sum(claim.type not in TYPES for claim in claims)
    stand_ins = [claim_ids[c.id] for c in claims if c.quote_from_text and claim_ids[c.id] in missing]
    if untyped:
        wanted.append(f"the type of {_count(untyped, 'claim')} ({', '.join(TYPES)})")
    if stand_ins:
        wanted.append(f"the quote of {', '.join(stand_ins)} (the file has none: the paraphrase stands in)")
    if wanted:
        result.to_fill.append(f"{name}: {'; '.join(wanted)}")
    result.files[name] = _dump({"source": record, "claims": entries})


def _relations_file(others: list[tuple[str, str, ImportedRelation]], result: ImportResult) -> None:
    relations = []
    for source_id, target_id, relation in others:
        entry = {"from": source_id, "to": target_id, "relation": relation.relation, "rationale": relation.rationale}
        if relation.timing:
            entry["timing"] = relation.timing
        relations.append(entry)
    no_rationale = sum(not relation.rationale for _, _, relation in others)
    no_timing = sum(r.relation == "superseded" and not r.timing for _, _, r in others)
    wanted = [f"the rationale of {_count(no_rationale, 'relation')}"] if no_rationale else []
    if no_timing:
        wanted.append(f"the timing of {_count(no_timing, 'superseded relation')} (the event that overturned it)")
    if wanted:
        result.to_fill.append(f"relations.yaml: {'; '.join(wanted)}")
    result.files["relations.yaml"] = _dump({"relations": relations})


def corpus_files(imported: ImportedMap, texts: list[SourceText], default_author: str = "") -> ImportResult:
    """The corpus files for ``imported``; ``texts`` are the source texts given, matched to authors."""
    _assign_authors(imported, default_author)
    authors = imported.authors()
    text_of: dict[str, SourceText] = {}
    for given in texts:
        if not given.author and len(authors) != 1:
            raise ImportOptionError(f"the file has {len(authors)} authors ({', '.join(authors)}); which one wrote {given.name}?",
                                    "give --author NAME once for each --source-text, in the same order")
        author = _match_author(given.author, authors) if given.author else authors[0]
        text_of[author] = given

    sources = {s.author: s for s in imported.sources}
    source_ids: dict[str, str] = {}
    taken: set[str] = set()
    for author in authors:
        source = sources.setdefault(author, ImportedSource(author=author))
        wanted = source.id if source.id and _ID.match(source.id) else slug(surname(author), 1)
        source_ids[author] = _unique(wanted, taken)

    claim_ids: dict[str, str] = {}
    ids_taken: set[str] = set()
    for claim in imported.claims:
        readable = _ID.match(claim.id) and re.search("[a-z]", claim.id)  # AIFdb numbers its nodes: not an id to read
        wanted = claim.id if readable else f"{source_ids[claim.author]}.{slug(claim.text)}"
        claim_ids[claim.id] = _unique(wanted, ids_taken)

    result = ImportResult(files={})
    result.skipped = list(imported.skipped)
    result.lost = [name for key, name in CLAIM_FIELDS_TO_NAME.items() if key not in imported.carried]
    folded = {author: FoldedText(given.text) for author, given in text_of.items()}
    by_author: dict[str, list[ImportedClaim]] = {author: [] for author in authors}
    for claim in imported.claims:
        by_author[claim.author].append(claim)
        cid = claim_ids[claim.id]
        if claim.author not in folded:
            continue
        if folded[claim.author].find(claim.quote) is not None:
            result.quotes_found += 1
        else:
            result.missing.append(MissingQuote(cid, claim.quote, folded[claim.author].closest(claim.quote)))
    result.unchecked = [a for a in authors if a not in folded]

    supports, others = _split_relations(imported, claim_ids, result)
    for author in authors:
        _source_file(author, sources[author], source_ids[author], by_author[author], claim_ids, supports,
                     text_of.get(author), result)
    if others:
        _relations_file(others, result)
    corpus: dict[str, Any] = {}
    if imported.title:
        corpus["title"] = imported.title
    if imported.theses:
        corpus["theses"] = imported.theses
    if imported.events:
        corpus["events"] = imported.events
    if corpus:
        result.files["corpus.yaml"] = _dump(corpus)
    return result
