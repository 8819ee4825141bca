"""A worksheet in Markdown: questions, the table to fill, then the model answer."""

from __future__ import annotations

from argmap.teaching import Evidence, md
from argmap.worksheet import Link, Worksheet


def _quote(item: Evidence) -> str:
    voice = f" (reports the view of {md(item.speaker)})" if item.voice == "reports" else ""
    return f"\u201c{md(item.quote)}\u201d \u2014 {md(item.citation)}{voice} \\[{md(item.claim)}\\]"


def _link(link: Link) -> list[str]:
    lines = [
        f"- **{md(link.first.author)}**: {md(link.first.text)}  ",
        f"  {_quote(link.first)}  ",
        f"  **{md(link.second.author)}**: {md(link.second.text)}  ",
        f"  {_quote(link.second)}",
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


def _links(links: tuple[Link, ...], lines: tuple[str, ...], none: str) -> list[str]:
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
            stances += [f"  - {_quote(e)}" for e in cell.claims]
            stances += [f"  - not a stance, a reported view: {_quote(e)}" for e in cell.reported]
        stances.append("")
    out += _section("Where each stands", stances[:-1] or ["No author takes a side on a thesis here."])
    out += _section("Agreements", _links(sheet.agreements, sheet.stance_agreements, "The map records no agreement."))
    out += _section("Clashes", _links(sheet.clashes, sheet.stance_clashes, "The map records no clash."))
    out += _section("What each leaves out", [f"- {md(line)}" for line in sheet.omissions])
    out += _section("Timing", [f"- {md(line)}" for line in sheet.timing])
    return "\n".join(out).rstrip() + "\n"
