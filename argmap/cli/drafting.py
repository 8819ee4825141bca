"""Commands for bringing your own texts: start a corpus, draft claims, suggest links, list gaps, the schema."""

from __future__ import annotations

import sys
from pathlib import Path
import click

from argmap.cli.group import cli
from argmap.cli.options import CORPUS_DIR, TEXT_ROOTS, corpus_option, load, say

MAX_TEXT_BYTES = 20_000_000  # a long book; anything larger is not an article to draft from


def _progress(message: str) -> None:
    """Progress on stderr, only for a person watching a terminal."""
    if sys.stderr.isatty():
        say(f"argmap: {message}", err=True)


def _check_date(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from argmap.dates import DateFormatError, parse_source_date

    try:
        return parse_source_date(value)
    except DateFormatError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", required=True, help="The corpus title: what the texts are accounts of.")
def new(folder: Path, title: str) -> None:
    """Start a corpus: a folder with corpus.yaml, the schema and a README of next steps.

    The folder must not exist yet, or be empty. The corpus is valid as it stands ('argmap
    validate' passes); add texts to it with 'argmap draft'.

    \b
    Example:
      argmap new bridge/ --title "Two accounts of the bridge collapse"
    """
    from argmap.drafting.start import start_corpus

    for path in start_corpus(folder, title):
        say(f"wrote {path}")
    say(f"next: argmap draft TEXT.txt --corpus {folder} --author … --title … --publication … --date …")


@cli.command()
@click.argument("text_file", metavar="TEXT", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", "corpus_dir", type=CORPUS_DIR, required=True, help="The corpus folder to add the source to.")
@click.option("--author", required=True, help="The author's full name.")
@click.option("--title", required=True, help="The text's title.")
@click.option("--publication", required=True, help="Where it was published.")
@click.option("--date", required=True, callback=_check_date,
              help="YYYY, YYYY-MM or YYYY-MM-DD, or an inferred range EARLIEST/LATEST.")
@click.option("--id", "source_id", help="The source id (default: the author's surname).")
@click.option("--url", default="", help="Where the text was found.")
@click.option("--from", "start_marker", metavar="MARKER", help="Start the body at the line holding MARKER.")
@click.option("--to", "end_marker", metavar="MARKER", help="End the body at the line holding MARKER.")
def draft(text_file: Path, corpus_dir: Path, author: str, title: str, publication: str, date: str,
          source_id: str | None, url: str, start_marker: str | None, end_marker: str | None) -> None:
    """Add a text to a corpus and draft its claims for review.

    Copies the text (the lines from --from to --to, whole) into the corpus's texts/ folder and
    writes a source file with one draft claim per sentence or clause worth mapping: the quote
    verbatim, a paraphrase to edit, a guessed type, and, where the author only reports someone
    else ("according to", "X claims that", "reportedly", "many in …"), voice 'reports' with a
    guessed speaker. Each claim carries 'draft: true' until reviewed; page furniture (cookie
    notices, "See also", captions, bios) is skipped.

    \b
    Example:
      argmap draft smith.txt --corpus bridge/ --author "Jane Smith" --title "Why the bridge fell" --publication "Engineering Weekly" --date 2021-03-04
    """
    from argmap.drafting.start import draft_into
    from argmap.render.drafting import render_draft_summary

    made = draft_into(corpus_dir, text_file, author=author, title=title, publication=publication, date=date,
                      source_id=source_id, url=url, start_marker=start_marker, end_marker=end_marker,
                      max_bytes=MAX_TEXT_BYTES, progress=_progress)
    say(render_draft_summary(made.draft, str(made.source_file), str(made.text_file)), nl=False)


@cli.command()
@click.argument("ids", nargs=-1, metavar="[ID…]")
@click.option("--accept", is_flag=True,
              help="Move suggestions into relations.yaml: the IDs given, or those marked 'accept: true'.")
@click.option("--per-claim", type=click.IntRange(min=1), default=3, show_default=True,
              help="Candidates considered for each claim.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="How many suggestions to write, best first.")
@click.option("--model/--no-model", "use_model", default=None,
              help="Rank with the optional sentence-embedding model (default: when it is installed).")
@corpus_option
def suggest(ids: tuple[str, ...], accept: bool, per_claim: int, limit: int, use_model: bool | None,
            corpus_dir: Path) -> None:
    """Suggest links between claims of different authors, for review; accept the ones you choose.

    Ranks every pair of claims by different authors that no relation joins yet (shared terms,
    sides taken on the same thesis, claims already linked nearby), guesses the kind (supports,
    contradicts, or superseded when the texts straddle a turning point) and writes the best to
    suggestions.yaml in the corpus, each with both quotes and the reason. Nothing reaches the map
    until accepted: 'argmap suggest --accept s1 s4' (or 'accept: true' in the file, then
    'argmap suggest --accept') moves them into relations.yaml, keeping its comments.

    \b
    Example:
      argmap suggest --corpus bridge/
      argmap suggest --accept s1 s3 --corpus bridge/
    """
    from argmap.drafting.review import accept as accept_suggestions
    from argmap.drafting.start import write_suggestions
    from argmap.render.drafting import render_accepted, render_suggestions_summary

    if ids and not accept:
        raise click.UsageError("suggestion ids are for --accept: argmap suggest --accept s1 s4")
    if accept:
        done = accept_suggestions(corpus_dir, ids, click.get_current_context().meta.get(TEXT_ROOTS, ()))
        say(render_accepted(done.moved, str(done.relations), str(done.suggestions)), nl=False)
        return
    written = write_suggestions(corpus_dir, per_claim=per_claim, limit=limit, use_model=use_model, progress=_progress,
                                text_roots=click.get_current_context().meta.get(TEXT_ROOTS, ()))
    say(f"ranked {written.claims} claims {written.ranker}")
    say(render_suggestions_summary(written.suggestions, str(written.path)), nl=False)


@cli.command()
@click.option("--few", type=click.IntRange(min=1), default=2, show_default=True,
              help="Author pairs with fewer links than this are listed.")
@corpus_option
def gaps(few: int, corpus_dir: Path) -> None:
    """List what the corpus leaves unmapped: the curator's to-do list.

    Drafts not yet reviewed, claims no other author addresses (heaviest argument first),
    theses on which an author is silent, author pairs with few links, and paragraphs of a
    source with no claim (page furniture left out).

    \b
    Example:
      argmap gaps --corpus bridge/
    """
    from argmap.analysis import Analysis
    from argmap.drafting.gaps import find_gaps
    from argmap.graph import build_graph
    from argmap.render.drafting import render_gaps

    corpus = load(corpus_dir)
    say(render_gaps(find_gaps(corpus, Analysis(build_graph(corpus)), few)), nl=False)


@cli.command()
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: print). Editors find it beside the corpus files as argmap.schema.json.")
def schema(out_file: Path | None) -> None:
    """Print the JSON Schema of the corpus files, for editors that check YAML as you type.

    Generated from argmap's own models. 'argmap new' and 'argmap draft' put it beside the
    corpus files as argmap.schema.json, and drafted files name it in their first line
    (# yaml-language-server: $schema=argmap.schema.json), which the YAML extension of VS Code
    reads.

    \b
    Example:
      argmap schema --out bridge/argmap.schema.json
    """
    from argmap.cli.options import emit
    from argmap.drafting.schema import render_schema

    emit(render_schema(), out_file)
