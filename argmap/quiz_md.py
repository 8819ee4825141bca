"""The quiz in Markdown: a student sheet and a separate answer key.

Corpus text goes through ``md()`` so a claim cannot inject markup into a rendered sheet.
"""

from __future__ import annotations

from argmap.exercise_model import LETTERS, Exercise, Passage, Question, Quiz, numbered, summary
from argmap.teaching import Evidence, md


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


def _evidence(item: Evidence) -> list[str]:
    voice = f" (reports the view of {md(item.speaker)})" if item.voice == "reports" else ""
    return [f"> \u201c{md(item.quote)}\u201d  ", f"> \u2014 {md(item.citation)}{voice} \\[{md(item.claim)}\\]", ""]


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
