"""Terminal text for the drafting commands: what was drafted, suggested, accepted, and the gaps."""

from __future__ import annotations

from typing import Sequence

from argmap.drafting.draft import Draft
from argmap.drafting.gaps import Gaps
from argmap.drafting.review import Suggestion


def safe(text: str) -> str:
    """Corpus text fit for a terminal: no escape sequences, no control characters, one line."""
    return "".join(c if c.isprintable() else ("\\u%04x" % ord(c) if ord(c) > 0xff else "\\x%02x" % ord(c)) for c in text)


def _plural(count: int, noun: str, plural: str = "") -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def render_draft_summary(draft: Draft, source_file: str, text_file: str) -> str:
    reported = sum(1 for c in draft.claims if c.voice.value == "reports")
    lines = [f"wrote {safe(text_file)}", f"wrote {safe(source_file)}: {_plural(len(draft.claims), 'draft claim')} "
             f"from {_plural(draft.sentences, 'sentence')} ({reported} reported, with a guessed speaker)"]
    if draft.skipped:
        lines.append(f"skipped {_plural(len(draft.skipped), 'line')} of page furniture:")
        for block in draft.skipped[:8]:
            shown = block.text if len(block.text) <= 60 else block.text[:57] + "…"
            lines.append(f"  {safe(shown)}  ({block.furniture})")
        if len(draft.skipped) > 8:
            lines.append(f"  … and {len(draft.skipped) - 8} more")
    lines.append(f"next: review the drafts in {safe(source_file)}, then 'argmap validate' and 'argmap suggest'")
    return "\n".join(lines) + "\n"


def render_suggestions_summary(suggestions: Sequence[Suggestion], path: str, shown: int = 10) -> str:
    fresh = [s for s in suggestions if not s.reject]
    lines = [f"wrote {safe(path)}: {_plural(len(fresh), 'suggested link')}"
             + (f" (and {len(suggestions) - len(fresh)} kept rejected)" if len(fresh) < len(suggestions) else "")]
    for s in fresh[:shown]:
        lines.append(f"  {s.id}  {s.relation.value:<11} {safe(s.source)} -> {safe(s.target)}  ({s.score:.2f}: {safe(s.reason)})")
    if len(fresh) > shown:
        lines.append(f"  … {len(fresh) - shown} more in the file")
    if fresh:
        lines.append(f"next: check each in {safe(path)}, then 'argmap suggest --accept {fresh[0].id} …' "
                     "or set 'accept: true' and run 'argmap suggest --accept'")
    return "\n".join(lines) + "\n"


def render_accepted(moved: Sequence[Suggestion], relations: str, suggestions: str) -> str:
    lines = [f"moved {_plural(len(moved), 'suggestion')} into {safe(relations)}:"]
    lines += [f"  {s.id}  {s.relation.value:<11} {safe(s.source)} -> {safe(s.target)}" for s in moved]
    lines.append(f"left the others in {safe(suggestions)}")
    return "\n".join(lines) + "\n"


def render_gaps(gaps: Gaps, limit: int = 8) -> str:
    if not gaps.claims:
        return "No claims yet: add a text and draft its claims with 'argmap draft TEXT --corpus FOLDER …'.\n"
    if gaps.empty:
        return "No gaps: every claim is linked across authors, every author takes a side on every thesis, " \
               "and every paragraph has a claim.\n"
    out: list[str] = []

    def more(items: Sequence[str], indent: str = "    ") -> list[str]:
        shown = [f"{indent}{safe(i)}" for i in items[:limit]]
        return shown + ([f"{indent}… and {len(items) - limit} more"] if len(items) > limit else [])

    if gaps.drafts:
        total = sum(len(v) for v in gaps.drafts.values())
        out.append(f"Drafts not yet reviewed ({total}):")
        for source, claims in gaps.drafts.items():
            out.append(f"  {safe(source)}: {_plural(len(claims), 'draft')}")
            out += more(claims)
    if gaps.unanswered:
        total = sum(len(v) for v in gaps.unanswered.values())
        out.append(f"Claims no other author addresses ({total}; heaviest argument first):")
        for author, claims in gaps.unanswered.items():
            out.append(f"  {safe(author)}: {len(claims)}")
            out += more(claims)
    if gaps.silent:
        out.append("Theses on which an author is silent:")
        for thesis, authors in gaps.silent.items():
            out.append(f"  {safe(thesis)}: {', '.join(safe(a) for a in authors)}")
    if gaps.pairs:
        out.append(f"Author pairs with fewer than {gaps.few_links} links:")
        for pair in gaps.pairs:
            out.append(f"  {safe(pair.first)} - {safe(pair.second)}: {_plural(pair.links, 'link')}")
    if gaps.paragraphs:
        out.append(f"Paragraphs with no claim ({len(gaps.paragraphs)}):")
        for p in gaps.paragraphs[: limit * 2]:
            shown = p.text if len(p.text) <= 90 else p.text[:87] + "…"
            out.append(f"  {safe(p.source)}, line {p.line}: {safe(shown)}")
        if len(gaps.paragraphs) > limit * 2:
            out.append(f"  … and {len(gaps.paragraphs) - limit * 2} more")
    out.append("next: 'argmap suggest' proposes links for the unanswered claims")
    return "\n".join(out) + "\n"
