"""What a quiz is made of: exercises of one or more questions, each with exactly one right option.

The model is plain data, so the Markdown sheets, the printable HTML and the self-marking page all
render the same quiz. Every option carries a ``value`` that names what it stands for in the map
(an author, a claim id, a stance, a source id…), so a test can check it against the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random
from typing import Any, Iterable

from argmap.documents.refs import ClaimRef


@dataclass(frozen=True)
class Option:
    label: str  # what the student reads
    value: str  # what it stands for in the map


@dataclass(frozen=True)
class Passage:
    """Material an exercise shows: a labelled paraphrase and/or verbatim quote."""

    label: str
    text: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[Option, ...]
    answer: int  # index into options
    explanation: str
    evidence: tuple[ClaimRef, ...] = ()
    about: dict[str, str] = field(default_factory=dict)  # what the question asks of the map

    @property
    def correct(self) -> Option:
        return self.options[self.answer]


@dataclass(frozen=True)
class Exercise:
    kind: str
    title: str
    instruction: str
    passages: tuple[Passage, ...]
    questions: tuple[Question, ...]
    focus: frozenset[str] = frozenset()  # claims it shows or asks about; a quiz uses each once

    @property
    def marks(self) -> int:
        return len(self.questions)

    @property
    def grid(self) -> bool:
        """Whether every question offers the same options (a stance grid), so they print once."""
        return len(self.questions) > 1 and len({q.options for q in self.questions}) == 1


@dataclass(frozen=True)
class Quiz:
    title: str
    seed: int
    kinds: tuple[str, ...]
    requested: int
    exercises: tuple[Exercise, ...]

    @property
    def marks(self) -> int:
        return sum(e.marks for e in self.exercises)


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def numbered(quiz: Quiz) -> list[tuple[str, Exercise, list[tuple[str, Question]]]]:
    """Exercise numbers (1, 2…) and question numbers (3 or 3a, 3b…) as every format prints them."""
    rows = []
    for index, exercise in enumerate(quiz.exercises, start=1):
        if len(exercise.questions) == 1:
            questions = [(str(index), exercise.questions[0])]
        else:
            questions = [(f"{index}{'abcdefghijklmnopqrstuvwxyz'[i]}", q) for i, q in enumerate(exercise.questions)]
        rows.append((str(index), exercise, questions))
    return rows


def quiz_data(quiz: Quiz) -> dict[str, Any]:
    """The quiz as JSON-ready data for the self-marking page."""
    return {
        "title": quiz.title,
        "seed": quiz.seed,
        "marks": quiz.marks,
        "exercises": [
            {
                "number": number,
                "kind": exercise.kind,
                "title": exercise.title,
                "instruction": exercise.instruction,
                "grid": exercise.grid,
                "passages": [vars(p) for p in exercise.passages],
                "questions": [
                    {
                        "number": qnumber,
                        "prompt": q.prompt,
                        "options": [{"letter": LETTERS[i], "label": o.label} for i, o in enumerate(q.options)],
                        "answer": q.answer,
                        "explanation": q.explanation,
                        "evidence": [e.as_data() for e in q.evidence],
                    }
                    for qnumber, q in questions
                ],
            }
            for number, exercise, questions in numbered(quiz)
        ],
    }


MAX_DISTRACTORS = 3


def choose(rng: Random, pool: Iterable[str], k: int = MAX_DISTRACTORS) -> list[str]:
    """Up to ``k`` items of ``pool``, drawn reproducibly (the pool is sorted first)."""
    ordered = sorted(set(pool))
    return rng.sample(ordered, min(k, len(ordered)))


def arrange(rng: Random, correct: Option, distractors: list[Option]) -> tuple[tuple[Option, ...], int]:
    """The options in a reproducible random order, and where the right one ended up."""
    options = [correct, *distractors]
    rng.shuffle(options)
    return tuple(options), options.index(correct)


def interleave(rng: Random, *groups: Iterable[Any]) -> list[Any]:
    """Each group shuffled, then taken in turn, so a quiz mixes the variants of a kind."""
    lists = []
    for group in groups:
        items = sorted(group)
        rng.shuffle(items)
        lists.append(items)
    merged: list[Any] = []
    for index in range(max((len(items) for items in lists), default=0)):
        merged.extend(items[index] for items in lists if index < len(items))
    return merged


def summary(quiz: Quiz) -> str:
    """The size of the quiz, for every page (students' pages carry nothing else about how it was made)."""
    count = len(quiz.exercises)
    return f"{count} exercise{'s' if count != 1 else ''}, {quiz.marks} mark{'s' if quiz.marks != 1 else ''}."


def remake(quiz: Quiz) -> str:
    """For the teacher's answer key only: whether the map ran short, and how to make the same quiz again."""
    count = len(quiz.exercises)
    short = f"The map supports only {count} of the {quiz.requested} exercises asked for. " if count < quiz.requested else ""
    return f"{short}Seed {quiz.seed}: argmap quiz --seed {quiz.seed} makes the same quiz again."
