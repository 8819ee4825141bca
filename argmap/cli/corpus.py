"""Commands that check a corpus, build its outputs and show one claim."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.group import cli
from argmap.cli.options import CORPUS_DIR, corpus_option, load, out_folder_option, say, texts_from_option, write_outputs


@cli.command()
@click.argument("corpus_dir", metavar="CORPUS", type=CORPUS_DIR)
@texts_from_option
def validate(corpus_dir: Path) -> None:
    """Check a corpus and list every problem at once.

    Reads every *.yaml file in CORPUS, checks fields, ids and references, and finds every quote
    in its source text. Prints each problem with file, line, field and a fix, and exits 1; or
    prints a one-line summary (and any warnings, on stderr) and exits 0.

    \b
    Example:
      argmap validate claims/
    """
    corpus = load(corpus_dir)
    for warning in corpus.warnings:
        say(f"warning: {warning}", err=True)
    within = sum(len(c.supports) for c in corpus.claims.values())
    drafts = sum(1 for c in corpus.claims.values() if c.draft)
    unreviewed = f"; {drafts} draft claim{'s' if drafts != 1 else ''} not yet reviewed (argmap gaps lists them)" if drafts else ""
    say(
        f"{corpus_dir}: OK: {len(corpus.sources)} sources, {len(corpus.claims)} claims, "
        f"{len(corpus.relations)} relations, {within} within-author supports, {len(corpus.theses)} theses, "
        f"{len(corpus.events)} events; every quote found{unreviewed}"
    )


@cli.command()
@click.argument("corpus_dir", metavar="CORPUS", type=CORPUS_DIR)
@texts_from_option
@out_folder_option("Folder to write the map, graph JSON, picture and brief into.", default="graphs")
def build(corpus_dir: Path, out: Path) -> None:
    """Validate a corpus and write its map, graph and brief.

    Writes argmap.html (the interactive map, one offline file: an overview of stances, agreement
    and clashes, a debate board per thesis, the graph view, the source texts), argmap.json (the graph as networkx
    node-link JSON, with the graph view's positions), argmap.svg (the graph view as a picture:
    one lane per author, labelled claims, legend) and the full debate brief (brief.html,
    brief.md) into OUT. Nothing is written unless the corpus is valid.

    \b
    Example:
      argmap build claims/ --out graphs/
    """
    from argmap.build import corpus_outputs

    write_outputs(out, corpus_outputs(load(corpus_dir)))


@cli.command()
@click.argument("claim_id")
@corpus_option
def show(claim_id: str, corpus_dir: Path) -> None:
    """Print one claim: text, citation, its quote in context and every link.

    \b
    Example:
      argmap show socor.protectorate --corpus claims/
    """
    from argmap.errors import UnknownIdError
    from argmap.graph import build_graph
    from argmap.render.terminal import describe_claim

    corpus = load(corpus_dir)
    if claim_id not in corpus.claims:
        raise UnknownIdError("claim", claim_id, corpus.claims)
    say(describe_claim(corpus, build_graph(corpus), claim_id))
