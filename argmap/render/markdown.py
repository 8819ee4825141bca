"""Every Markdown output: the debate brief, the quiz sheet and key, the worksheet.

Corpus text goes through ``md``, the one escaper: a backslash before every character Markdown or
HTML would act on, so a quote that contains ``<script>`` or ``*`` reads as written and never
becomes markup. Every claim is printed with its verbatim quote and full citation.
"""

from __future__ import annotations

import re

from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.documents.brief import SIDE_NAMES, TEXT, Brief, ClashPoint, GroundItem, ThesisBrief
from argmap.documents.refs import ClaimRef
from argmap.documents.worksheet import LinkedPair, Worksheet
from argmap.quiz.model import LETTERS, Exercise, Passage, Question, Quiz, numbered, summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")


def md(text: str) -> str:
    """Corpus text made inert for Markdown, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


# -- Markdown read on a terminal ---------------------------------------------------------------

_LEAD = re.compile(r"^(\s*(?:>\s?)*)(\s*(?:[-*+]|\d{1,9}[.)])\s+|\s*)")
# A word that would open a list, a quote or a heading if it began a line.
_OPENS_BLOCK = re.compile(r"^(?:[-*+>#]|\d{1,9}[.)])$")


def wrap_for_terminal(text: str, width: int) -> str:
    """Markdown wrapped to ``width`` for reading on a terminal, and still the same Markdown.

    A long line breaks at spaces; its continuation lines keep the quote markers (``> ``) and
    are indented under the text of a list item. Headings, table rows and words longer than the
    width are left whole; a hard line break (two trailing spaces) stays at the end.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width or line.lstrip().startswith(("|", "#")):
            out.append(line)
            continue
        match = _LEAD.match(line)
        assert match is not None  # the pattern matches the empty string
        lead = match.group(0)
        hang = match.group(1) + " " * len(match.group(2))
        rows: list[list[str]] = [[]]
        used = len(lead)
        for word in line[match.end():].split():
            # Never start a line with a word Markdown would read as a list, quote or heading.
            if rows[-1] and used + 1 + len(word) > width and not _OPENS_BLOCK.match(word):
                rows.append([word])
                used = len(hang) + len(word)
            else:
                used += len(word) + (1 if rows[-1] else 0)
                rows[-1].append(word)
        wrapped = [(lead if i == 0 else hang) + " ".join(words) for i, words in enumerate(rows)]
        if line.endswith("  "):
            wrapped[-1] += "  "
        out += wrapped
    return "\n".join(out)


def _cited(ref: ClaimRef) -> str:
    """A claim's quote with its citation, its voice and its id, on one line."""
    voice = f" (reports the view of {md(ref.speaker)})" if ref.reported else ""
    return f"\u201c{md(ref.quote)}\u201d \u2014 {md(str(ref.citation))}{voice} \\[{md(ref.id)}\\]"


# -- the debate brief ----------------------------------------------------------------------------

def _claim(ref: ClaimRef, indent: str = "", lead: str = "") -> list[str]:
    """One claim: paraphrase, id and type, then the quote and citation as a block quote."""
    voice = f"; reported: the view of {md(ref.speaker)}, not {md(ref.author)}\u2019s own" if ref.reported else ""
    return [
        f"{indent}- {lead}**{md(ref.text)}** ({ref.id}, {ref.type}{voice})",
        f"{indent}  > \u201c{md(ref.quote)}\u201d",
        f"{indent}  > \u2014 {md(str(ref.citation))}",
    ]


def _claims(refs: tuple[ClaimRef, ...] | list[ClaimRef], indent: str = "", lead: str = "") -> list[str]:
    return [line for ref in refs for line in _claim(ref, indent, lead)]


def _names(authors: tuple[str, ...]) -> str:
    return ", ".join(md(a) for a in authors) or "none"


def _case(part: ThesisBrief) -> list[str]:
    lines: list[str] = []
    for case in part.cases:
        lines += [f"### {case.name.capitalize()} case ({case.side})", ""]
        if not case.accounts:
            lines += [TEXT["no_case"].format(side=case.name), ""]
        for account in case.accounts:
            lines += [f"**{md(account.author)}** ({account.date}):", ""]
            for item in account.claims:
                lines += _claim(item.claim)
                lines += _claims(item.reasons, "  ", "because: ")
                lines += _claims(item.corroboration, "  ", "corroborated by: ")
            lines.append("")
    return lines


def _clash(number: int, point: ClashPoint, answer_order: tuple[str, ...]) -> list[str]:
    timing = ""
    if point.turning_points:
        timing = " Written either side of: " + "; ".join(md(t) for t in point.turning_points) + "."
    if point.maybe_turning_points:
        timing += " Perhaps either side of (partial dates): " + "; ".join(md(t) for t in point.maybe_turning_points) + "."
    lines = [f"{number}. **Sharpness {point.sharpness}.** {md(point.rationale)}{timing}", ""]
    for side in answer_order:
        claim, backing = point.answer(side)
        lines += _claim(claim, "   ", f"the {SIDE_NAMES[side]} answers: ")
        lines += _claims(backing, "     ", "backed by: ")
    return lines + [""]


def _ground(items: tuple[GroundItem, ...]) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(items, 1):
        leans = f" It argues the {SIDE_NAMES[item.leans]} side." if item.leans else ""
        lines += [f"{number}. Supported by {len(item.authors)} authors: {_names(item.authors)}.{leans}", ""]
        lines += _claims(item.claims, "   ")
        lines.append("")
    return lines


def _inline(ref: ClaimRef) -> str:
    """A claim inside a sentence: its quote, then citation and id in brackets."""
    return f"\u201c{md(ref.quote)}\u201d ({md(str(ref.citation))}; {ref.id})"


def _questions(part: ThesisBrief, question_sides: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for to_side in question_sides:
        asked = [q for q in part.questions if q.to_side == to_side]
        if not asked:
            continue
        lines += [f"Questions to put to the {SIDE_NAMES[to_side]}:", ""]
        for number, q in enumerate(asked, 1):
            lines.append(f"{number}. " + TEXT["question"].format(
                challenger=md(q.challenge.author), challenge=_inline(q.challenge),
                target_author=md(q.target.author), target=_inline(q.target)))
        lines.append("")
    return lines or [TEXT["no_question"], ""]


def _thesis(part: ThesisBrief, brief: Brief) -> list[str]:
    stances = "; ".join(f"{s}: {_names(part.stances[s])}" for s in (PRO, CON, MIXED, SILENT))
    lines = [f'<a id="thesis-{part.id}"></a>', "", f"## {md(part.label)}", "",
             f"**Resolution:** {md(part.resolution)}", "", f"Where the authors stand: {stances}.", ""]
    lines += _case(part)
    if part.reported:
        lines += ["### Reported views (not the authors' own)", ""]
        lines += _claims(part.reported)
        lines.append("")
    lines += ["### Clash points", ""]
    if not part.clashes:
        lines += [TEXT["no_clash"], ""]
    for number, point in enumerate(part.clashes, 1):
        lines += _clash(number, point, brief.answer_order)
    lines += ["### Common ground", ""]
    lines += _ground(part.common_ground) or [TEXT["no_ground"], ""]
    lines += ["### Cross-examination", ""]
    return lines + _questions(part, brief.question_sides)


def render_brief_md(brief: Brief) -> str:
    side = f" for the {SIDE_NAMES[brief.side]}" if brief.side else ""
    lines = [f"# Debate brief{side}: {md(brief.title)}", "",
             TEXT["intro"], "", "## Contents", ""]
    lines.append("1. [Accounts in time order](#accounts)")
    for number, part in enumerate(brief.theses, 2):
        lines.append(f"{number}. [{md(part.label)}: {md(part.resolution)}](#thesis-{part.id})")
    lines += [f"{len(brief.theses) + 2}. [Common ground on other points](#other-ground)",
              f"{len(brief.theses) + 3}. [How this brief was made](#method)", ""]
    lines += ['<a id="accounts"></a>', "", "## Accounts in time order", ""]
    for item in brief.timeline:
        if item.citation is None:
            lines.append(f"- {item.date}: *turning point:* {md(item.event)}")
        else:
            note = f" Date: {md(item.date_note)}" if item.date_note else ""
            lines.append(f"- {item.date}: {md(str(item.citation))}.{note}")
    lines.append("")
    for part in brief.theses:
        lines += _thesis(part, brief)
    lines += ['<a id="other-ground"></a>', "", "## Common ground on other points", ""]
    lines += _ground(brief.other_ground) or [TEXT["no_other_ground"], ""]
    lines += ['<a id="method"></a>', "", "## How this brief was made", ""]
    lines += [f"- {line}" for line in brief.method]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- the quiz ----------------------------------------------------------------------------------

def _passage(passage: Passage) -> list[str]:
    lines = [f"**{md(passage.label)}**", ""]
    if passage.text:
        lines += [md(passage.text), ""]
    if passage.quote:
        lines += [f"> \u201c{md(passage.quote)}\u201d", ""]
    return lines


def _options(question: Question) -> list[str]:
    return [f"- {LETTERS[i]}. {md(option.label)}" for i, option in enumerate(question.options)]


def _heading(number: str, exercise: Exercise) -> list[str]:
    lines = [f"## {number}. {md(exercise.title)}", "", md(exercise.instruction), ""]
    for passage in exercise.passages:
        lines += _passage(passage)
    return lines


def render_sheet_md(quiz: Quiz) -> str:
    """The student sheet: every exercise and its options, no answers."""
    lines = [f"# Quiz: {md(quiz.title)}", "", summary(quiz), "", "Name: ______________________", ""]
    for number, exercise, questions in numbered(quiz):
        lines += _heading(number, exercise)
        if exercise.grid:
            lines += ["Options for each line:", "", *_options(exercise.questions[0]), ""]
            lines += [f"**{qn}.** {md(q.prompt)}: ____  " for qn, q in questions]
            lines[-1] = lines[-1].rstrip()
            lines.append("")
            continue
        for qn, q in questions:
            lines += [f"**{qn}.** {md(q.prompt)}", "", *_options(q), "", "Answer: ____", ""]
    return "\n".join(lines).rstrip() + "\n"


def _evidence(item: ClaimRef) -> list[str]:
    voice = f" (reports the view of {md(item.speaker)})" if item.reported else ""
    return [f"> \u201c{md(item.quote)}\u201d  ", f"> \u2014 {md(str(item.citation))}{voice} \\[{md(item.id)}\\]", ""]


def render_key_md(quiz: Quiz) -> str:
    """The answer key: the right option, why, and the quotes that show it."""
    lines = [f"# Answer key: {md(quiz.title)}", "", summary(quiz), ""]
    for number, exercise, questions in numbered(quiz):
        lines += [f"## {number}. {md(exercise.title)} ({exercise.kind})", ""]
        for qn, q in questions:
            asked = f"{md(q.prompt)}: " if exercise.grid else ""
            lines += [f"**{qn}. {asked}{LETTERS[q.answer]}. {md(q.correct.label)}**", "", md(q.explanation), ""]
            for item in q.evidence:
                lines += _evidence(item)
    return "\n".join(lines).rstrip() + "\n"


# -- the worksheet -----------------------------------------------------------------------------

def _link(link: LinkedPair) -> list[str]:
    lines = [
        f"- **{md(link.first.author)}**: {md(link.first.text)}  ",
        f"  {_cited(link.first)}  ",
        f"  **{md(link.second.author)}**: {md(link.second.text)}  ",
        f"  {_cited(link.second)}",
    ]
    if link.rationale:
        lines[-1] += "  "
        lines.append(f"  Why: {md(link.rationale)}")
    if link.timing:
        lines[-1] += "  "
        lines.append(f"  Timing: the accounts fall either side of {md(link.timing)}.")
    return lines


def _section(title: str, body: list[str]) -> list[str]:
    return [f"### {title}", "", *body, ""]


def _links(links: tuple[LinkedPair, ...], lines: tuple[str, ...], none: str) -> list[str]:
    body = [f"- {md(line)}" for line in lines]
    for link in links:
        body += _link(link)
    return body or [none]


def render_worksheet_md(sheet: Worksheet, answer: bool = True) -> str:
    """The worksheet in Markdown; ``answer=False`` leaves out the model answer (the student's copy)."""
    out = [f"# Worksheet: {md(sheet.title)}", "", f"*{md(sheet.corpus_title)}*", "", "Accounts:", ""]
    out += [f"- {md(a)}" for a in sheet.accounts] + ["", "## Guiding questions", ""]
    out += [f"{i}. {md(q)}" for i, q in enumerate(sheet.questions, start=1)] + ["", "## Evidence table", ""]
    out.append("| " + " | ".join(md(c) for c in sheet.table_columns) + " |")
    out.append("|" + "---|" * len(sheet.table_columns))
    out += ["| " + md(row) + " |" + "   |" * (len(sheet.table_columns) - 1) for row in sheet.table_rows]
    if not answer:
        return "\n".join(out).rstrip() + "\n"
    out += ["", "## Model answer", ""]
    stances: list[str] = []
    for row in sheet.stances:
        stances += [f"**{md(row.label)}**: {md(row.text)}", ""]
        for cell in row.cells:
            stances.append(f"- {md(cell.author)}: **{cell.stance}**")
            stances += [f"  - {_cited(e)}" for e in cell.claims]
            stances += [f"  - not a stance, a reported view: {_cited(e)}" for e in cell.reported]
        stances.append("")
    out += _section("Where each stands", stances[:-1] or ["No author takes a side on a thesis here."])
    out += _section("Agreements", _links(sheet.agreements, sheet.stance_agreements, "The map records no agreement."))
    out += _section("Clashes", _links(sheet.clashes, sheet.stance_clashes, "The map records no clash."))
    out += _section("What each leaves out", [f"- {md(line)}" for line in sheet.omissions])
    out += _section("Timing", [f"- {md(line)}" for line in sheet.timing])
    return "\n".join(out).rstrip() + "\n"
