"""A text as a person reads it: its body, its paragraphs, their sentences and clauses, with offsets.

Web captures are one paragraph a line, with page furniture around the article (cookie banners,
"See also", share buttons, photo credits, author bios, footnotes, navigation in other
languages). Furniture is recognised by its form and skipped when drafting; the text itself is
never rewritten, so every offset here is an index into the original string and every quote cut
from it is verbatim.

Sentences come from syntok (segtok's successor), which knows abbreviations ("U.S.", "Mr.",
"Dec."), initials and quoted sentence ends; its token offsets index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syntok import segmenter

from argmap.errors import MarkerNotFoundError


@dataclass(frozen=True)
class Block:
    """One line of the text: a paragraph in a web capture, or a heading, or furniture."""

    index: int
    start: int
    end: int
    text: str
    furniture: str  # why it is skipped, or "" for a paragraph of the body

    @property
    def is_body(self) -> bool:
        return not self.furniture


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int
    end: int
    text: str


_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^\W*(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\W*\w{{0,20}}\W*$",
    re.I,
)
# (why, pattern): what a reader's eye skips on a captured page, recognised by its form.
_FURNITURE = [
    ("cookie or privacy notice", re.compile(r"\bcookies?\b|\bprivacy (?:policy|settings|notice)\b|\bGDPR\b", re.I)),
    ("copyright or terms line", re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bterms of (?:use|service)\b", re.I)),
    ("sharing, comment or subscription prompt", re.compile(
        r"^\W*(?:share (?:this|on)\b|subscribe\b|sign up\b|follow us\b|read more\b|see also\b|related(?: articles| posts)?\W*$|"
        r"leave a (?:comment|reply)\b|please enter your\b|advertisement\W*$|print\W*$|email\W*$)", re.I)),
    ("donation appeal", re.compile(r"\b(?:make|consider making|support us with) a donation\b|\bdonate\b|\bour donors\b", re.I)),
    ("photo caption or credit", re.compile(r"^\W*(?:photo|image|picture|source|credit|illustration)s?\s*(?:credit)?\s*:|\bPhoto:\s", re.I)),
    ("footnote or reference", re.compile(r"^\s*\[\d+\]|^\s*\d{1,2}\.\s+[A-Z][^.]{0,80}\.\s+(?:[A-Z][^.]*\.\s*)?(?:\d{4}|pp\.)")),
    ("contact details", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("date line", _DATE_LINE),
]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def furniture_reason(line: str, author: str = "") -> str:
    """Why ``line`` is page furniture rather than a paragraph of the article, or ""."""
    stripped = line.strip()
    for reason, pattern in _FURNITURE:
        if pattern.search(stripped):
            return reason
    found = words(stripped)
    if len(found) < 25 and not re.search(r"[.!?…:][\"'”’)]*\s*$", stripped):
        return "heading or navigation"
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(1 for c in letters if ord(c) > 0x24F) > len(letters) / 3:
        return "text in another script"
    if author and _is_bio(stripped, author):
        return "byline or author's note"
    return ""


def _is_bio(line: str, author: str) -> bool:
    if re.match(r"^\W*(?:by|contributed by|written by|about the author)\b", line, re.I):
        return True
    names = [author] + [part for part in author.split() if len(part) > 3]
    head = line[: len(author) + 40]
    return any(head.startswith(name) for name in names) and bool(
        re.match(rf"^{re.escape(author)}(?:,| is | was | has | holds )|^\S+(?: \S+)? (?:is|was) (?:a|an|the)\b", line))


def blocks(text: str, author: str = "") -> list[Block]:
    """Every non-empty line of ``text``, with the reason it is furniture (or "")."""
    found: list[Block] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        start = match.start() + lead
        found.append(Block(len(found), start, start + len(body), body, furniture_reason(body, author)))
    return found


def sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of one block, as syntok splits them, with offsets into ``text``."""
    result: list[Sentence] = []
    for paragraph in segmenter.analyze(block.text):
        for tokens in paragraph:
            if not tokens:
                continue
            start = block.start + tokens[0].offset
            end = block.start + tokens[-1].offset + len(tokens[-1].value)
            result.append(Sentence(block.index, start, end, text[start:end]))
    return result


def clauses(sentence: Sentence, min_words: int = 5) -> list[Sentence]:
    """A sentence cut at semicolons into clauses that each say something (else the sentence)."""
    parts: list[Sentence] = []
    start = sentence.start
    for match in re.finditer(r";\s+(?:and\s+|but\s+)?", sentence.text):
        end = sentence.start + match.start()
        parts.append(Sentence(sentence.block, start, end, sentence.text[start - sentence.start : end - sentence.start]))
        start = sentence.start + match.end()
    parts.append(Sentence(sentence.block, start, sentence.end, sentence.text[start - sentence.start :]))
    if len(parts) > 1 and all(len(words(p.text)) >= min_words for p in parts):
        return parts
    return [sentence]


def cut_body(text: str, start_marker: str | None, end_marker: str | None, path: str) -> str:
    """The whole lines from the one holding ``start_marker`` to the one holding ``end_marker``.

    Lines are cut whole, so that every paragraph of the body stays verbatim. Without markers, the
    whole text.
    """
    begin, finish = 0, len(text)
    if start_marker:
        at = text.find(start_marker)
        if at < 0:
            raise MarkerNotFoundError(path, "--from", start_marker)
        begin = text.rfind("\n", 0, at) + 1
    if end_marker:
        at = text.find(end_marker, begin)
        if at < 0:
            raise MarkerNotFoundError(path, "--to", end_marker)
        line_end = text.find("\n", at + len(end_marker))
        finish = len(text) if line_end < 0 else line_end
    body = text[begin:finish].strip("\n")
    return body + "\n"
