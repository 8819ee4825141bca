"""Every Markdown output: the debate brief, the quiz sheet and key, the worksheet.

Corpus text goes through ``md``, the one escaper: a backslash before every character Markdown or
HTML would act on, so a quote that contains ``<script>`` or ``*`` reads as written and never
becomes markup. Every claim is printed with its verbatim quote and full citation.
"""

from __future__ import annotations

import re

from argmap.analysis.stances import CON, MIXED, PRO, SILENT
from argmap.analysis.clashes import EVENTS
from argmap.documents.brief import SIDE_NAMES, TEXT, Brief, Case, ClashPoint, Mention, Summary, SummaryLink, ThesisBrief
from argmap.documents.brief import Question as BriefQuestion
from argmap.documents.refs import ClaimRef
from argmap.documents.worksheet import Answer, LinkedPair, Worksheet
from argmap.quiz.model import LETTERS, Exercise, Passage, Question, Quiz, numbered, remake, summary

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
            if not rows[-1] or used + 1 + len(word) <= width:
                used += len(word) + (1 if rows[-1] else 0)
                rows[-1].append(word)
            elif not _OPENS_BLOCK.match(word):
                rows.append([word])
                used = len(hang) + len(word)
            elif len(rows[-1]) > 1:
                # A word Markdown would read as a list, quote or heading never starts a line: the
                # word before it goes down with it.
                rows.append([rows[-1].pop(), word])
                used = len(hang) + len(" ".join(rows[-1]))
            else:
                used += len(word) + 1
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

def _names(authors: tuple[str, ...]) -> str:
    return ", ".join(md(a) for a in authors) or "none"


def _ref(number: int) -> str:
    return f"[\\[{number}\\]](#ref-{number})"


def _full(m: Mention, names: dict[str, str], indent: str = "", lead: str = "") -> list[str]:
    """A claim in full: tag, paraphrase, who and when, kind, reference and id; then the quote."""
    claim = m.claim
    voice = f"; reported: the view of {md(claim.speaker)}, not {md(claim.author)}\u2019s own" if claim.reported else ""
    return [
        f"{indent}- {lead}**{m.tag}.** {md(claim.text)} ({md(names[claim.author])}, {md(claim.date)}, {claim.type}{voice};"
        f" {_ref(m.ref)} {md(claim.id)})",
        f"{indent}  > \u201c{md(claim.quote)}\u201d",
    ]


def _pointer(m: Mention, names: dict[str, str]) -> str:
    return f"{m.tag} ({md(names[m.claim.author])}: {md(m.claim.short)})"


def _mention(m: Mention, names: dict[str, str], indent: str, lead: str) -> list[str]:
    return _full(m, names, indent, lead) if m.full else [f"{indent}- {lead}{_pointer(m, names)}"]


def _summary(brief: Brief) -> list[str]:
    summary = brief.summary
    lines = ["## Summary", "", f"**Resolutions and where the authors stand** ({md(TEXT['legend'])})", ""]
    lines.append("| # | Resolution | " + " | ".join(f"{md(name)} {md(date)}" for name, date in summary.authors) + " |")
    lines.append("|---|---|" + "---|" * len(summary.authors))
    for row in summary.grid:
        cells = " | ".join("\u00b7" if c == SILENT else c for c in row.cells)
        lines.append(f"| [{row.number}](#thesis-{row.thesis}) | **{md(row.label)}.** {md(row.resolution)} | {cells} |")
    if summary.single:  # a one-thesis brief: its clashes and its common ground follow at once
        return lines + [""]
    lines += _summary_links_md(summary)
    lines += ["", "**Common ground**", ""]
    for item in summary.ground:
        refs = ", ".join(dict.fromkeys(_ref(m.ref) for m in item.claims))
        lines.append(f"- [G{item.number}](#ground-{item.number}) ({md(item.credit)}): {md(item.hub.claim.text)} {refs}")
    if summary.more_ground:
        lines.append(f"- {summary.more_ground} more in [Common ground](#common-ground).")
    lines += [] if summary.ground else [TEXT["no_summary_ground"]]
    return lines + [""]


def _summary_links_md(summary: Summary) -> list[str]:
    lines = ["", f"**{md(summary.clash_heading)}**", ""]
    for number, link in enumerate(summary.clashes, 1):
        lines += [f"{number}. **{md(link.earlier.author)} {_ref(link.refs[0])} vs {md(link.later.author)} {_ref(link.refs[1])}:**"
                  f" {md(link.rationale)} (see {_where(link)})"]
    lines += [] if summary.clashes else [TEXT["no_summary_clash"]]
    lines += ["", "**What changed with events**", ""]
    for number, link in enumerate(summary.changes, 1):
        lines += [f"{number}. **{md(link.turning_point)}:** {md(link.earlier.author)} {_ref(link.refs[0])} wrote before it,"
                  f" {md(link.later.author)} {_ref(link.refs[1])} after ({TEXT[link.relation]}). {md(link.rationale)}"
                  f" (see {_where(link)})"]
    lines += [] if summary.changes else [TEXT["no_summary_change"]]
    return lines


def _where(link: SummaryLink) -> str:
    other = [f"[O{link.other}](#other-{link.other})"] if link.other else []
    return ", ".join(other + [f"[{number}.{clash}](#thesis-{thesis})" for number, clash, thesis in link.where])


def _case(case: Case, names: dict[str, str]) -> list[str]:
    lines = [f"### {case.name.capitalize()} case", ""]
    if not case.contentions:
        return lines + [TEXT["no_case"].format(side=case.name), ""]
    for number, contention in enumerate(case.contentions, 1):
        lines += _mention(contention.claim, names, "", f"Contention {number}: ")
        for reason in contention.reasons:
            lines += _mention(reason, names, "  ", "because: ")
        for other in contention.corroboration:
            lines += _mention(other, names, "  ", "also: ")
        lines.append("")
    return lines


def _answer(point: ClashPoint, side: str, names: dict[str, str]) -> list[str]:
    """A side's answer: its claim in full the first time it appears, and its backing."""
    claim, backing = point.answer(side)
    name = SIDE_NAMES[side]
    lines = _full(claim, names, "   ", f"{name}: ") if claim.full else []
    short = [m for m in backing if not m.full]
    if short:
        lines.append(f"   - {name} backed by " + "; ".join(_pointer(m, names) for m in short))
    for m in backing:
        if m.full:
            lines += _full(m, names, "   ", f"{name} backed by: ")
    return lines


def _point(number: int, point: ClashPoint, answer_order: tuple[str, ...], names: dict[str, str]) -> list[str]:
    if point.kind == EVENTS:
        before = point.pro if point.earlier_side == PRO else point.con
        after = point.con if point.earlier_side == PRO else point.pro
        head = (f"{number}. **{md(point.turning_point)}:** before it, {_pointer(before, names)}; after it,"
                f" {_pointer(after, names)}. {md(point.rationale)} ({TEXT[point.relation]})")
    else:
        timing = ""
        if point.between:
            timing = "; written either side of: " + "; ".join(md(t) for t in point.between)
        if point.maybe_between:
            timing += "; perhaps either side of (partial dates): " + "; ".join(md(t) for t in point.maybe_between)
        head = (f"{number}. **{_pointer(point.pro, names)} vs {_pointer(point.con, names)}.** {md(point.rationale)}"
                f" (sharpness {point.sharpness}{timing})")
    lines = [head]
    for side in answer_order:
        lines += _answer(point, side, names)
    return lines + [""]


def _question(number: int, q: BriefQuestion, names: dict[str, str]) -> str:
    target = q.target.claim
    background = f" *{md(q.background)}*" if q.background else ""
    return (f"{number}. **{q.target.tag}** ({md(names[target.author])}, {q.kind}): \u201c{md(target.quote)}\u201d"
            f" {_ref(q.target.ref)} **{md(q.ask)}**{background}")


def _thesis(part: ThesisBrief, brief: Brief) -> list[str]:
    names = brief.names
    stances = ". ".join(f"{label}: {_names(part.stances[s])}" for s, label in
                        ((PRO, "Affirmative"), (CON, "Negative"), (MIXED, "Mixed"), (SILENT, "Silent"))
                        if part.stances[s] or s in (PRO, CON))
    lines = [f'<a id="{part.anchor}"></a>', "", f"## {part.number}. {md(part.label)}", "",
             f"**Resolution:** {md(part.resolution)}", "", f"{stances}.", ""]
    for case in part.cases:
        lines += _case(case, names)
    if part.reported:
        lines += ["### Reported views (not the authors\u2019 own)", ""]
        for m in part.reported:
            lines += _mention(m, names, "", "")
            for link in (r for r in part.reported_links if r.view.claim.id == m.claim.id):
                lead = "contradicted by" if link.relation == "contradicts" else "overtaken by events, says"
                lines += _mention(link.other, names, "  ", f"{lead} ({md(link.rationale)}): ")
        lines.append("")
    lines += ["### Clashes of reading", ""]
    for number, point in enumerate(part.clashes, 1):
        lines += _point(number, point, brief.answer_order, names)
    lines += [] if part.clashes else [TEXT["no_clash"], ""]
    lines += ["### Changed with events", ""]
    for number, point in enumerate(part.changes, len(part.clashes) + 1):
        lines += _point(number, point, brief.answer_order, names)
    lines += [] if part.changes else [TEXT["no_change"], ""]
    lines += ["### Cross-examination", ""]
    for side in brief.question_sides:
        asked = [q for q in part.questions if q.to_side == side]
        lines += [f"To the {SIDE_NAMES[side]}:", ""]
        lines += [_question(n, q, names) for n, q in enumerate(asked, 1)] or [TEXT["no_question"]]
        lines.append("")
    uses = [f"[G{u.number}](#ground-{u.number})" + (f" (argues the {SIDE_NAMES[u.leans]} side)" if u.leans else "")
            for u in part.ground]
    lines += ["**Common ground:** " + ("; ".join(uses) + "." if uses else TEXT["no_ground"]), ""]
    return lines


def render_brief_md(brief: Brief) -> str:
    side = f" for the {SIDE_NAMES[brief.side]}" if brief.side else ""
    lines = [f"# Debate brief{side}: {md(brief.title)}", "", TEXT["intro"], ""]
    lines += _summary(brief)
    for part in brief.theses:
        lines += _thesis(part, brief)
    if brief.others:
        lines += ['<a id="other-clashes"></a>', "", "## Other clashes", "", TEXT["others"], ""]
        for link in brief.others:
            when = f" {md(link.turning_point)}:" if link.turning_point else ""
            lines += [f'<a id="other-{link.number}"></a>', "",
                      f"**O{link.number}.{when}** {md(link.rationale)} ({TEXT[link.relation]})", ""]
            lines += _mention(link.earlier, brief.names, "", "") + _mention(link.later, brief.names, "", "") + [""]
    lines += ['<a id="common-ground"></a>', "", "## Common ground", ""]
    for item in brief.ground:
        bears = f"; bears on {', '.join(str(n) for n in item.theses)}" if item.theses else ""
        lines += [f'<a id="ground-{item.number}"></a>', "",
                  f"### G{item.number}. {md(item.hub.claim.text)}", "", f"*{md(item.credit)}{bears}*", ""]
        lines += [f"- **{m.tag}** {md(brief.names[m.claim.author])} {_ref(m.ref)}: \u201c{md(m.claim.quote)}\u201d"
                  f" ({md(m.claim.id)})" for m in item.claims]
        if item.more:
            lines.append(f"- and {item.more} more claim{'s' if item.more > 1 else ''} of these authors in the group")
        lines.append("")
    lines += [] if brief.ground else [TEXT["no_summary_ground"], ""]
    lines += ['<a id="references"></a>', "", "## References and turning points", ""]
    for entry in brief.timeline:
        if entry.reference is None:
            lines.append(f"- *{md(entry.date)}, turning point:* {md(entry.event)}")
            continue
        ref = entry.reference
        extra = (f" Date: {md(ref.date_note)}" if ref.date_note else "") + (f" {md(ref.url)}" if ref.url else "")
        lines.append(f'- <a id="ref-{ref.number}"></a>**\\[{ref.number}\\]** {md(str(ref.citation))}.{extra}')
    lines += ["", '<a id="method"></a>', "", "## How this brief was made", ""]
    lines += [f"- {md(line)}" for line in brief.method]
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
    """A quote in an answer, with its source and a link to the passage in the map's source reader."""
    voice = f" (reports the view of {md(item.speaker)})" if item.reported else ""
    return [f"> \u201c{md(item.quote)}\u201d  ",
            f"> \u2014 {md(str(item.citation))}{voice}; check it in the source: [{md(item.id)}]({item.link})", ""]


def render_key_md(quiz: Quiz) -> str:
    """The answer key: the right option, why, and the quotes that show it."""
    lines = [f"# Answer key: {md(quiz.title)}", "", f"{summary(quiz)} {remake(quiz)}", ""]
    for number, exercise, questions in numbered(quiz):
        lines += [f"## {number}. {md(exercise.title)} ({exercise.kind})", ""]
        for qn, q in questions:
            asked = f"{md(q.prompt)}: " if exercise.grid else ""
            lines += [f"**{qn}. {asked}{LETTERS[q.answer]}. {md(q.correct.label)}**", "", md(q.explanation), ""]
            for item in q.evidence:
                lines += _evidence(item)
    return "\n".join(lines).rstrip() + "\n"


# -- the worksheet -----------------------------------------------------------------------------

RULE = "_" * 60  # a line to write on, in the student's copy


def _link(link: LinkedPair) -> list[str]:
    lines = [
        f"- **{md(link.first.author)}**: {md(link.first.text)}  ",
        f"  {_cited(link.first)}  ",
        f"  **{md(link.second.author)}**: {md(link.second.text)}  ",
        f"  {_cited(link.second)}",
    ]
    if link.rationale:
        lines[-1] += "  "
        lines.append(f"  Why ({link.relation}): {md(link.rationale)}")
    if link.timing:
        lines[-1] += "  "
        lines.append(f"  Timing: the accounts fall either side of {md(link.timing)}.")
    return lines


def _answer_md(answer: Answer) -> list[str]:
    body = [f"- {md(line)}" for line in answer.lines]
    body += [f"- {_cited(c)}" for c in answer.claims]
    for row in answer.stances:
        body += [f"- **{md(row.label)}**: {md(row.text)}"]
        for cell in row.cells:
            body.append(f"  - {md(cell.author)}: **{cell.stance}**")
            body += [f"    - {_cited(e)}" for e in cell.claims]
            body += [f"    - and {cell.more} more claim{'s' if cell.more > 1 else ''} on this side"] if cell.more else []
            body += [f"    - not a stance, a reported view: {_cited(e)}" for e in cell.reported]
    for link in answer.links:
        body += _link(link)
    if answer.more_links:
        body.append(f"- The map has {answer.more_links} more such link{'s' if answer.more_links > 1 else ''}: see the map"
                    " or `argmap compare`.")
    return body or ["- (An open question: the map gives no single answer.)"]


def render_worksheet_md(sheet: Worksheet, answer: bool = True) -> str:
    """The worksheet in Markdown; ``answer=False`` is the student's copy: room to write, no model answer."""
    out = [f"# Worksheet: {md(sheet.title)}", "", f"*{md(sheet.corpus_title)}*", "", "Name: ______________________", ""]
    if sheet.thesis:
        out += ["## The thesis", "", f"**{md(sheet.thesis[0])}**: {md(sheet.thesis[1])}", ""]
    out += ["## The accounts", ""] + [f"- {md(a)}" for a in sheet.accounts] + [""]
    if not sheet.thesis:
        out += ["## The theses", ""] + [f"- **{md(label)}**: {md(text)}" for label, text in sheet.theses] + [""]
    out += ["## Turning points", ""] + ([f"- {md(e)}" for e in sheet.events] or ["- None in this corpus."]) + [""]
    out += ["## Guiding questions", ""]
    for number, q in enumerate(sheet.questions, start=1):
        out.append(f"{number}. {md(q.text)}")
        if not answer:
            out += ["", *(f"   {RULE}" for _ in range(q.room)), ""]
    out += ["", "## Evidence table", ""]
    out.append("| " + " | ".join(md(c) for c in sheet.table_columns) + " |")
    out.append("|" + "---|" * len(sheet.table_columns))
    out += ["| " + md(row) + " |" + "   |" * (len(sheet.table_columns) - 1) for row in sheet.table_rows]
    if not answer:
        return "\n".join(out).rstrip() + "\n"
    out += ["", "## Model answer", ""]
    for number, q in enumerate(sheet.questions, start=1):
        out += [f"### {number}. {md(q.text)}", "", *_answer_md(q.answer), ""]
    return "\n".join(out).rstrip() + "\n"
