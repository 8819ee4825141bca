"""Commands for teaching material: the quiz and the worksheet."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.group import cli
from argmap.cli.options import corpus_option, emit, load_analysis, output_options, say, write_outputs


def _exercise_kinds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """--kinds accepts names repeated or comma-separated; none means every kind."""
    from argmap.quiz.generate import KIND_NAMES

    kinds = [k.strip() for value in values for k in value.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KIND_NAMES]
    if unknown:
        raise click.BadParameter(f"unknown kind {', '.join(repr(k) for k in unknown)}; "
                                 f"allowed kinds: {', '.join(KIND_NAMES)}")
    return tuple(dict.fromkeys(kinds)) or KIND_NAMES


@cli.command()
@click.option("--count", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many exercises (fewer when the map cannot make that many unambiguous).")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same quiz.")
@click.option("--kinds", multiple=True, callback=_exercise_kinds, metavar="KIND[,KIND…]",
              help="Exercise kinds: attribution, relation, stance, voice, timing, evidence (default: all).")
@output_options("Format of the sheet and key", "Student sheet to write; the key and the self-marking page go beside it.")
@corpus_option
def quiz(count: int, seed: int, kinds: tuple[str, ...], fmt: str | None, out_file: Path | None, corpus_dir: Path) -> None:
    """Generate a quiz: exercises with one right answer each, drawn from the map.

    Kinds: attribution (who wrote a quote), relation (which claim supports or contradicts
    another), stance (each author pro, con or silent on a thesis), voice (asserted or only
    reported, and whose view), timing (which account came before a turning point, and does it
    explain a clash), evidence (which quote backs a paraphrase). Wrong options are real claims
    that the map says are wrong; an exercise the map cannot make unambiguous is skipped.

    Without --out, prints the student sheet and then the answer key in Markdown. With --out
    FILE, writes three files: FILE (the student sheet), FILE-key (the answer key, same format)
    and FILE-self.html (one offline page on which a student answers, then sees the score and
    why, with the quotes). For --out quiz.html: quiz.html, quiz-key.html, quiz-self.html.

    \b
    Example:
      argmap quiz --count 5 --seed 7
      argmap quiz --kinds stance,voice --out lesson/quiz.html
    """
    from argmap.build import quiz_outputs, quiz_text
    from argmap.cli.pager import show
    from argmap.files import format_for, logical
    from argmap.quiz.generate import generate_quiz

    fmt = format_for(out_file, fmt)
    if out_file is None and fmt == "html":
        raise click.UsageError("--format html writes three files: give --out FILE")
    made = generate_quiz(load_analysis(corpus_dir), count, seed, kinds)
    if len(made.exercises) < count:
        made_count = len(made.exercises)
        say(f"note: the map supports only {made_count} unambiguous exercise{'s' if made_count != 1 else ''} "
            f"of these kinds, not {count}", err=True)
    if out_file is None:
        show(quiz_text(made), markdown=True)
        return
    files = quiz_outputs(made, logical(out_file), fmt)
    folder = next(iter(files)).parent
    write_outputs(folder, {p.name: text for p, text in files.items()})


@cli.command()
@click.option("--authors", nargs=2, metavar="AUTHOR AUTHOR", help="Compare two authors across the theses.")
@click.option("--thesis", metavar="THESIS", help="Compare every author on one thesis: its id, its label or the start of either.")
@click.option("--student", is_flag=True, help="The student's copy: leave out the model answer.")
@output_options("Output format", "File to write (default: print to the terminal).")
@corpus_option
def worksheet(authors: tuple[str, str] | None, thesis: str | None, student: bool, fmt: str | None,
              out_file: Path | None, corpus_dir: Path) -> None:
    """Write a comparative analysis worksheet for two authors or for one thesis.

    Guiding questions, an evidence table for the student to fill in, and a model answer built
    from the map: where each stands, agreements, clashes with both quotes, what each account
    leaves out, and timing. Name an author by full name, surname or source id, in any case.
    The HTML worksheet prints the model answer on a page of its own; --student leaves it out.

    \b
    Example:
      argmap worksheet --authors socor tatikyan
      argmap worksheet --thesis mission-endures --out worksheet.html
      argmap worksheet --authors kuzio breeding --student --out student.html
    """
    from argmap.build import worksheet_text
    from argmap.documents.worksheet import authors_worksheet, thesis_worksheet
    from argmap.files import format_for

    if (authors is None) == (thesis is None):
        raise click.UsageError("give either --authors AUTHOR AUTHOR or --thesis THESIS")
    analysis = load_analysis(corpus_dir)
    if authors is not None:
        sheet = authors_worksheet(analysis, *authors)
    else:
        sheet = thesis_worksheet(analysis, str(thesis))
    fmt = format_for(out_file, fmt)
    emit(worksheet_text(sheet, fmt, answer=not student), out_file, markdown=fmt == "md")
