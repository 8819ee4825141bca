"""A text -> a drafted source file: one candidate claim per sentence or clause worth mapping.

Each draft quotes its sentence (or clause) verbatim, a slice of the text itself, so ``validate``
finds every quote at the offset it was cut from. A sentence that occurs twice in the text is
drafted once, where it first occurs (that is where ``validate`` finds it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.corpus.models import ClaimType, Voice
from argmap.corpus.quotes import FoldedText
from argmap.drafting import guess
from argmap.drafting.text import Block, blocks, clauses, sentences
from argmap.drafting.yaml_text import SCHEMA_LINE, comment, plain_or_quoted, scalar


@dataclass(frozen=True)
class DraftClaim:
    id: str
    text: str
    quote: str
    start: int
    end: int
    type: ClaimType
    type_cue: str
    voice: Voice
    speaker: str
    voice_cue: str
    block: int


@dataclass(frozen=True)
class SourceMeta:
    id: str
    author: str
    title: str
    publication: str
    date: str
    text: str  # the text file, relative to the YAML file
    byline: str = ""
    url: str = ""


@dataclass
class Draft:
    meta: SourceMeta
    claims: list[DraftClaim] = field(default_factory=list)
    skipped: list[Block] = field(default_factory=list)  # furniture, with the reason
    sentences: int = 0


def source_id_for(author: str, taken: set[str], date: str) -> str:
    """The author's surname as an id ('kuzio'), with the year when that is taken."""
    last = author.split()[-1] if author.split() else ""
    surname = re.sub(r"[^a-z0-9]+", "-", guess.ascii_fold(last.lower())).strip("-") or "source"
    candidates = [surname, f"{surname}-{date[:4]}"] + [f"{surname}-{n}" for n in range(2, 100)]
    return next(c for c in candidates if c not in taken)


def draft_claims(text: str, source_id: str, author: str, taken_ids: set[str]) -> Draft:
    """Split ``text`` and draft a claim for every sentence or clause worth mapping."""
    draft = Draft(SourceMeta(source_id, author, "", "", "", ""))
    folded = FoldedText(text)
    taken = set(taken_ids)
    for block in blocks(text, author):
        if not block.is_body:
            draft.skipped.append(block)
            continue
        for sentence in sentences(text, block):
            draft.sentences += 1
            for part in clauses(sentence):
                quote = _trim(part.text)
                if not guess.worth_mapping(quote):
                    continue
                start = part.start + part.text.index(quote)
                span = folded.find(quote)
                if span is None or span.start != start:
                    continue  # said twice in the text: drafted where it first occurs
                claim_type, type_cue = guess.guess_type(quote)
                voice = guess.guess_voice(quote)
                ident = _unique(f"{source_id}.{guess.slug(quote)}", taken)
                draft.claims.append(DraftClaim(
                    id=ident, text=guess.paraphrase(quote), quote=quote, start=start, end=start + len(quote),
                    type=claim_type, type_cue=type_cue,
                    voice=Voice.reports if voice.reported else Voice.asserts, speaker=voice.speaker,
                    voice_cue=voice.cue, block=block.index,
                ))
    return draft


def _trim(quote: str) -> str:
    """The quote without the stray spacing and lone closing marks a split can leave."""
    return quote.strip().rstrip(";:,")


def _unique(ident: str, taken: set[str]) -> str:
    base, n = ident, 2
    while ident in taken:
        ident = f"{base}-{n}"
        n += 1
    taken.add(ident)
    return ident


def byline_in(text: str, author: str) -> str:
    """The author's name as the text prints it, when it prints it; else ""."""
    match = re.search(re.escape(author), text, re.I)
    return text[match.start():match.end()] if match else ""


def render_source_file(draft: Draft, origin: str) -> str:
    """The drafted source file: metadata, then every draft claim with the cues behind its guesses."""
    meta = draft.meta
    lines = [
        SCHEMA_LINE,
        f"# Drafted by 'argmap draft' from {comment(origin)}: {len(draft.claims)} draft claims from "
        f"{draft.sentences} sentences ({len(draft.skipped)} lines of page furniture skipped).",
        "# Review each claim: keep the shortest quote that carries it, make the paraphrase say what the",
        "# quote says and no more, check type, voice and speaker, add theses and supports, then delete",
        "# 'draft: true'. Delete the claims not worth mapping. 'argmap validate' counts the drafts left.",
        "source:",
        f"  id: {plain_or_quoted(meta.id)}",
        f"  author: {scalar(meta.author)}",
        f"  title: {scalar(meta.title)}",
        f"  publication: {scalar(meta.publication)}",
        f"  date: {scalar(meta.date)}",
        '  date_note: ""',
        f"  text: {scalar(meta.text)}",
        f"  url: {scalar(meta.url)}",
        f"  byline: {scalar(meta.byline)}",
        '  provenance: ""',
        '  note: ""',
    ]
    if not draft.claims:
        lines.append("claims: []")
        return "\n".join(lines) + "\n"
    lines.append("claims:")
    for claim in draft.claims:
        type_note = f"  # cue: {comment(claim.type_cue)!s}" if claim.type_cue else "  # no cue: check"
        lines += [
            f"  - id: {plain_or_quoted(claim.id)}",
            f"    text: {scalar(claim.text)}",
            f"    quote: {scalar(claim.quote)}",
            f"    type: {claim.type.value}{type_note}",
        ]
        if claim.voice is Voice.reports:
            lines += [
                f"    voice: reports  # cue: {comment(claim.voice_cue)}",
                f"    speaker: {scalar(claim.speaker)}",
            ]
        lines += ["    draft: true", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
