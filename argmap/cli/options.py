"""Options and helpers several commands share, and the one way commands print.

Everything a command prints goes through ``say`` (corpus text may hold control characters, so
they are shown, never obeyed); everything it writes goes through ``write_outputs`` (all-or-nothing,
never over a file the corpus was read from).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

if TYPE_CHECKING:
    from argmap.analysis import Analysis
    from argmap.corpus import Corpus
    from argmap.progress import Progress

CORPUS_DIR = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
TEXT_ROOTS, INPUTS = "argmap.text_roots", "argmap.inputs"


def say(text: str, nl: bool = True, err: bool = False, data: bool = False) -> None:
    """Print ``text`` with its control characters made visible.

    ``data`` (an export: JSON, DOT, GraphML...) is left byte for byte as it is when it goes to a
    file or a pipe, and made visible only on a terminal.
    """
    from argmap.render.visible import visible

    if not data or (sys.stderr if err else sys.stdout).isatty():
        text = visible(text)
    click.echo(text, nl=nl, err=err)


def _remember_roots(ctx: click.Context, param: click.Parameter, value: tuple[Path, ...]) -> None:
    ctx.meta[TEXT_ROOTS] = value


def texts_from_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--texts-from", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
        expose_value=False, callback=_remember_roots, metavar="FOLDER",
        help="Also read source texts from FOLDER (repeatable); by default a source text must lie inside the corpus folder.",
    )(command)


def corpus_option(command: Callable[..., Any]) -> Callable[..., Any]:
    command = texts_from_option(command)
    return click.option(
        "--corpus", "corpus_dir", type=CORPUS_DIR, default="claims", show_default=True,
        help="Folder of claim files and source texts.",
    )(command)


def nonempty_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("must name a file or folder (it is empty)")
    return Path(value)


def out_folder_option(help_text: str, default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--out FOLDER, refusing an empty path (which would mean the current folder)."""
    return click.option("--out", type=click.Path(file_okay=False), callback=nonempty_path, default=default,
                        show_default=True, help=help_text)


def output_options(format_help: str, out_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format md|html (defaulting from the --out suffix) and --out FILE."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option("--out", "out_file", type=click.Path(dir_okay=False), callback=nonempty_path,
                               help=out_help)(command)
        return click.option("--format", "fmt", type=click.Choice(["md", "html"]),
                            help=f"{format_help} (default: html when --out ends in .html, else md).")(command)

    return decorate


def load(corpus_dir: Path, progress: "Progress | None" = None) -> "Corpus":
    """Load the corpus (with the --texts-from folders) and remember the files it was read from.

    Through the checked-corpus cache (``argmap.corpus.cache``), and with progress bars on a
    terminal (``progress``, or bars of its own).
    """
    from argmap.cli.progress import progress_bars
    from argmap.corpus import load_corpus
    from argmap.corpus.cache import CorpusCache

    ctx = click.get_current_context()
    if progress is None:
        with progress_bars() as bars:
            return load(corpus_dir, bars)
    corpus = load_corpus(corpus_dir, ctx.meta.get(TEXT_ROOTS, ()), progress, CorpusCache.default())
    ctx.meta[INPUTS] = corpus.inputs
    return corpus


def load_analysis(corpus_dir: Path) -> "Analysis":
    from argmap.analysis import Analysis
    from argmap.graph import build_graph

    return Analysis(build_graph(load(corpus_dir)))


def write_outputs(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` into ``folder`` as one set (never over an input) and say so.

    Markdown is plain text: its control characters are made visible, as on the terminal.
    """
    from argmap.files import write_files
    from argmap.render.visible import visible

    safe = {name: visible(text) if name.endswith(".md") else text for name, text in files.items()}
    for path in write_files(folder, safe, protect=click.get_current_context().meta.get(INPUTS, ())):
        say(f"wrote {path}")


def emit(text: str, out_file: Path | None, markdown: bool = False) -> None:
    """Print ``text`` (control characters visible; paged on a terminal, see ``pager``), or write it
    to ``out_file`` and say so."""
    from argmap.cli.pager import show
    from argmap.files import logical

    if out_file is None:
        show(text, markdown)
    else:
        out_file = logical(out_file)
        write_outputs(out_file.parent, {out_file.name: text})
