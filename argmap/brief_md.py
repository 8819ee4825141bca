"""The debate brief as Markdown.

Corpus text is escaped (a backslash before every character Markdown or HTML would act on), so a
quote that contains ``<script>`` or ``*`` reads as written and never becomes markup. Every claim
is printed by ``_claim``: a list item with its text, its verbatim quote and its full citation.
"""

from __future__ import annotations

import re

from argmap.brief import SIDE_NAMES, TEXT, Brief, ClaimRef, ClashPoint, GroundItem, ThesisBrief
from argmap.stances import CON, MIXED, PRO, SILENT

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")


def md(text: str) -> str:
    """Corpus text made inert for Markdown, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


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
