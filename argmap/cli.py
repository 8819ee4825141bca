"""The argmap command line: the only module that knows about click.

Library errors (ArgmapError) become ClickException at this edge: a message and exit code 1, never
a traceback. Bad usage (a missing folder, an unknown option) is click's UsageError: exit code 2.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

import click

from argmap import __version__
from argmap.errors import ArgmapError

CORPUS_DIR = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ArgmapError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


def corpus_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--corpus", "corpus_dir", type=CORPUS_DIR, default="claims", show_default=True,
        help="Folder of claim files and source texts.",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """Map where several authors' accounts of one event agree and clash.

    \b
    Start with:
      argmap validate claims/
      argmap build claims/ --out graphs/
    """


@cli.command()
@click.argument("corpus_dir", metavar="CORPUS", type=CORPUS_DIR)
@reports_errors
def validate(corpus_dir: Path) -> None:
    """Check a corpus and list every problem at once.

    Reads every *.yaml file in CORPUS, checks fields, ids and references, and finds every quote
    in its source text. Prints each problem with file, line, field and a fix, and exits 1; or
    prints a one-line summary and exits 0.

    \b
    Example:
      argmap validate claims/
    """
    from argmap.load import load_corpus

    corpus = load_corpus(corpus_dir)
    within = sum(len(c.supports) for c in corpus.claims.values())
    click.echo(
        f"{corpus_dir}: OK: {len(corpus.sources)} sources, {len(corpus.claims)} claims, "
        f"{len(corpus.relations)} relations, {within} within-author supports, {len(corpus.theses)} theses, "
        f"{len(corpus.events)} events; every quote found"
    )


@cli.command()
@click.argument("corpus_dir", metavar="CORPUS", type=CORPUS_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default="graphs",
              show_default=True, help="Folder to write the map, graph JSON and brief into.")
@reports_errors
def build(corpus_dir: Path, out_dir: Path) -> None:
    """Validate a corpus and write its map, graph and brief.

    Writes argmap.html (the interactive map with the stance matrix, agreement heatmap, timeline,
    sharpest clashes and common ground; one offline file), argmap.json (the graph as networkx
    node-link JSON) and the full debate brief (brief.html, brief.md) into OUT. Nothing is
    written unless the corpus is valid.

    \b
    Example:
      argmap build claims/ --out graphs/
    """
    from argmap.build import build_outputs
    from argmap.output import write_files

    files = build_outputs(corpus_dir)
    for path in write_files(out_dir, files):
        click.echo(f"wrote {path}")


@cli.command()
@click.argument("claim_id")
@corpus_option
@reports_errors
def show(claim_id: str, corpus_dir: Path) -> None:
    """Print one claim: text, citation, its quote in context and every link.

    \b
    Example:
      argmap show socor.protectorate --corpus claims/
    """
    from argmap.claim_text import describe_claim
    from argmap.errors import UnknownIdError
    from argmap.graph import build_graph
    from argmap.load import load_corpus

    corpus = load_corpus(corpus_dir)
    if claim_id not in corpus.claims:
        raise UnknownIdError("claim", claim_id, corpus.claims)
    click.echo(describe_claim(corpus, build_graph(corpus), claim_id))


def _load_graph(corpus_dir: Path) -> Any:
    from argmap.graph import build_graph
    from argmap.load import load_corpus

    return build_graph(load_corpus(corpus_dir))


@cli.command()
@click.option("--thesis", "thesis", metavar="ID", help="Show one thesis only.")
@corpus_option
@reports_errors
def stances(thesis: str | None, corpus_dir: Path) -> None:
    """Print where each author stands on each thesis, and the claims behind every cell.

    A cell is pro or con when the author's own claims on the thesis all take that side, mixed
    when they take both, silent when none bears on it. Views an author only reports never count.

    \b
    Example:
      argmap stances
      argmap stances --thesis mission-endures --corpus claims/
    """
    from argmap.lookup import resolve_thesis
    from argmap.stances import stance_matrix
    from argmap.terminal_views import render_stances

    graph = _load_graph(corpus_dir)
    only = resolve_thesis(graph, thesis) if thesis is not None else None
    click.echo(render_stances(graph, stance_matrix(graph), only), nl=False)


@cli.command()
@click.argument("authors", nargs=-1, metavar="[AUTHOR AUTHOR]")
@corpus_option
@reports_errors
def compare(authors: tuple[str, ...], corpus_dir: Path) -> None:
    """Compare two authors, or print the agreement matrix of all authors.

    With two authors: where they agree, where they clash (each pair of claims with both quotes
    and the rationale, sharpest first) and what only one of them addresses. Without authors:
    the author x author agreement matrix and how it is computed. Name an author by full name,
    surname or source id, in any case.

    \b
    Example:
      argmap compare
      argmap compare "Taras Kuzio" tatikyan
    """
    from argmap.agreement import agreement_matrix, compare as compare_authors
    from argmap.lookup import resolve_author
    from argmap.terminal_views import render_agreement, render_comparison

    if len(authors) not in (0, 2):
        raise click.UsageError(f"give two authors to compare, or none for the agreement matrix (got {len(authors)})")
    graph = _load_graph(corpus_dir)
    if not authors:
        click.echo(render_agreement(graph, agreement_matrix(graph)), nl=False)
        return
    first, second = (resolve_author(graph, name) for name in authors)
    if first == second:
        raise click.BadParameter(f"both name {first}; give two different authors", param_hint="AUTHOR AUTHOR")
    click.echo(render_comparison(graph, compare_authors(graph, first, second)), nl=False)


def output_options(format_help: str, out_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format md|html (defaulting from the --out suffix) and --out FILE."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
                               help=out_help)(command)
        return click.option("--format", "fmt", type=click.Choice(["md", "html"]),
                            help=f"{format_help} (default: html when --out ends in .html, else md).")(command)

    return decorate


def emit(text: str, out_file: Path | None) -> None:
    """Print ``text``, or write it to ``out_file`` and say so."""
    from argmap.output import write_file

    if out_file is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {write_file(out_file, text)}")


@cli.command()
@click.option("--thesis", "thesis", metavar="ID", help="Brief one thesis only (default: every thesis, with contents).")
@click.option("--side", type=click.Choice(["pro", "con"]), help="Write for one side: its case and the questions it asks.")
@output_options("Output format", "File to write (default: print to the terminal).")
@corpus_option
@reports_errors
def brief(thesis: str | None, side: str | None, fmt: str | None, out_file: Path | None, corpus_dir: Path) -> None:
    """Write a debate brief: cases, clash points, common ground, cross-examination.

    For each thesis: the resolution, the affirmative and negative cases (each author's strongest
    claims, accounts in time order), the clash points with what each side would answer, the
    common ground, and questions for each side drawn from the contradictions. Every claim comes
    with its verbatim quote and full citation. With --side, the brief is written for that side:
    its case, the clash points with its answers first, and the questions it puts to the other
    side. The HTML brief is one self-contained page that prints cleanly.

    \b
    Example:
      argmap brief --thesis mission-endures
      argmap brief --side con --format html --out brief.html
    """
    from argmap.brief import build_brief
    from argmap.brief_html import render_brief_html
    from argmap.brief_md import render_brief_md
    from argmap.lookup import resolve_thesis
    from argmap.output import format_for

    graph = _load_graph(corpus_dir)
    only = resolve_thesis(graph, thesis) if thesis is not None else None
    content = build_brief(graph, only, side)
    text = render_brief_html(content) if format_for(out_file, fmt) == "html" else render_brief_md(content)
    emit(text, out_file)


def _exercise_kinds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """--kinds accepts names repeated or comma-separated; none means every kind."""
    from argmap.exercises import KIND_NAMES

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
@reports_errors
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
    from argmap.exercises import generate_quiz
    from argmap.output import write_files
    from argmap.output import format_for
    from argmap.teaching_files import quiz_files, quiz_text

    fmt = format_for(out_file, fmt)
    if out_file is None and fmt == "html":
        raise click.UsageError("--format html writes three files: give --out FILE")
    made = generate_quiz(_load_graph(corpus_dir), count, seed, kinds)
    if len(made.exercises) < count:
        click.echo(f"note: the map supports only {len(made.exercises)} unambiguous exercises of these kinds, "
                   f"not {count}", err=True)
    if out_file is None:
        click.echo(quiz_text(made), nl=False)
        return
    files = quiz_files(made, out_file, fmt)
    folder = next(iter(files)).parent
    for path in write_files(folder, {p.name: text for p, text in files.items()}):
        click.echo(f"wrote {path}")


@cli.command()
@click.option("--authors", nargs=2, metavar="AUTHOR AUTHOR", help="Compare two authors across the theses.")
@click.option("--thesis", metavar="ID", help="Compare every author on one thesis.")
@click.option("--student", is_flag=True, help="The student's copy: leave out the model answer.")
@output_options("Output format", "File to write (default: print to the terminal).")
@corpus_option
@reports_errors
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
    from argmap.lookup import resolve_author
    from argmap.output import format_for
    from argmap.teaching_files import worksheet_text
    from argmap.worksheet import authors_worksheet, thesis_worksheet

    if (authors is None) == (thesis is None):
        raise click.UsageError("give either --authors AUTHOR AUTHOR or --thesis ID")
    graph = _load_graph(corpus_dir)
    if authors is not None:
        first, second = (resolve_author(graph, name) for name in authors)
        if first == second:
            raise click.BadParameter(f"both name {first}; give two different authors", param_hint="--authors")
        sheet = authors_worksheet(graph, first, second)
    else:
        sheet = thesis_worksheet(graph, str(thesis))
    emit(worksheet_text(sheet, format_for(out_file, fmt), answer=not student), out_file)


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name or "argmap")


# The exchange commands live in their own module (imported last: it uses the helpers above).
from argmap.cli_exchange import export, import_map  # noqa: E402

cli.add_command(export)
cli.add_command(import_map)
