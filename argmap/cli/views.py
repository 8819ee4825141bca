"""Commands for the comparative views and the debate brief."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.group import cli
from argmap.cli.options import corpus_option, emit, load_analysis, output_options, say


@cli.command()
@click.option("--thesis", "thesis", metavar="THESIS", help="Show one thesis only: its id, its label or the start of either.")
@corpus_option
def stances(thesis: str | None, corpus_dir: Path) -> None:
    """Print where each author stands on each thesis, and the claims behind every cell.

    A cell is pro or con when the author's own claims on the thesis all take that side, mixed
    when they take both, silent when none bears on it. Views an author only reports never count.

    \b
    Example:
      argmap stances
      argmap stances --thesis mission-endures --corpus claims/
    """
    from argmap.cli.pager import show, width
    from argmap.render.terminal import render_stances

    analysis = load_analysis(corpus_dir)
    only = analysis.thesis(thesis) if thesis is not None else None
    show(render_stances(analysis, only, width()))


@cli.command()
@click.argument("authors", nargs=-1, metavar="[AUTHOR AUTHOR]")
@corpus_option
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
    from argmap.cli.pager import show, width
    from argmap.render.terminal import render_agreement, render_comparison

    if len(authors) not in (0, 2):
        raise click.UsageError(f"give two authors to compare, or none for the agreement matrix (got {len(authors)})")
    analysis = load_analysis(corpus_dir)
    if not authors:
        show(render_agreement(analysis, width()))
        return
    first, second = (analysis.author(name) for name in authors)
    show(render_comparison(analysis, analysis.compare(first, second), width()))


@cli.command()
@click.option("--thesis", "thesis", metavar="THESIS",
              help="Brief one thesis only: its id, its label or the start of either (default: every thesis).")
@click.option("--side", type=click.Choice(["pro", "con"]), help="Write for one side: its case and the questions it asks.")
@output_options("Output format", "File to write (default: print to the terminal).")
@corpus_option
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
    from argmap.documents.brief import build_brief
    from argmap.files import format_for
    from argmap.render.html import render_brief_html
    from argmap.render.markdown import render_brief_md

    analysis = load_analysis(corpus_dir)
    only = analysis.thesis(thesis) if thesis is not None else None
    content = build_brief(analysis, only, side)
    html = format_for(out_file, fmt) == "html"
    emit(render_brief_html(content) if html else render_brief_md(content), out_file, markdown=not html)
