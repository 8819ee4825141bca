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

    Writes argmap.html (the interactive map, one offline file) and argmap.json (the graph as
    networkx node-link JSON) into OUT. Nothing is written unless the corpus is valid.

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


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name or "argmap")
