"""Options and helpers several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

if TYPE_CHECKING:
    from argmap.analysis import Analysis

CORPUS_DIR = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)


def corpus_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--corpus", "corpus_dir", type=CORPUS_DIR, default="claims", show_default=True,
        help="Folder of claim files and source texts.",
    )(command)


def output_options(format_help: str, out_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format md|html (defaulting from the --out suffix) and --out FILE."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
                               help=out_help)(command)
        return click.option("--format", "fmt", type=click.Choice(["md", "html"]),
                            help=f"{format_help} (default: html when --out ends in .html, else md).")(command)

    return decorate


def load_analysis(corpus_dir: Path) -> "Analysis":
    from argmap.analysis import Analysis
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    return Analysis(build_graph(load_corpus(corpus_dir)))


def emit(text: str, out_file: Path | None, markdown: bool = False) -> None:
    """Print ``text`` (paged on a terminal, see ``pager``), or write it to ``out_file`` and say so."""
    from argmap.cli.pager import show
    from argmap.files import write_file

    if out_file is None:
        show(text, markdown)
    else:
        click.echo(f"wrote {write_file(out_file, text)}")
