"""The exchange commands: export a corpus for other tools, import their maps as corpus YAML.

Registered on the command group when argmap.cli imports this module.
"""

from __future__ import annotations

from pathlib import Path
import click
from argmap.cli.group import cli
from argmap.cli.options import CORPUS_DIR, load, nonempty_path, say, texts_from_option, write_outputs
from argmap.render.exchange import EXPORT_FORMATS, SUFFIXES

MAX_IMPORT_BYTES = 64 * 1024 * 1024  # a map or source text larger than this is not one a person made

IMPORT_SUFFIXES = {".json": "aif", ".aif": "aif", ".argdown": "argdown", ".ad": "argdown"}


@cli.command()
@click.argument("corpus_dir", metavar="CORPUS", type=CORPUS_DIR)
@texts_from_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="aif (AIF JSON), argdown, graphml, gexf, csv (nodes.csv + edges.csv), dot (Graphviz) or "
                   "cytoscape (Cytoscape.js JSON); default: from the --out suffix.")
@click.option("--out", "out", type=click.Path(), callback=nonempty_path,
              help="File to write (for csv: the folder for nodes.csv and edges.csv); default: print to the terminal.")
def export(corpus_dir: Path, fmt: str | None, out: Path | None) -> None:
    """Export a corpus's map for another tool: AIF, Argdown, GraphML, GEXF, CSV, DOT, Cytoscape.js.

    Validates CORPUS, builds its graph and writes it in FORMAT: aif for AIFdb, OVA and arguebuf;
    argdown for the Argdown CLI and editor; graphml for yEd, Gephi and networkx; gexf for Gephi;
    csv for spreadsheets and Gephi's import (a folder with nodes.csv and edges.csv); dot for
    Graphviz (dot -Tsvg map.dot -o map.svg); cytoscape for Cytoscape.js. The same corpus always
    gives the same bytes. The README's "Exchanging maps" table says what each format keeps.

    \b
    Example:
      argmap export claims/ --format aif --out map.json
      argmap export claims/ --format csv --out tables/
      argmap export claims/ --out map.graphml
    """
    from argmap.files import logical
    from argmap.graph import build_graph
    from argmap.render.csv import render_csv
    from argmap.render.exchange import TEXT_RENDERERS

    if fmt is None:
        fmt = SUFFIXES.get(out.suffix.lower()) if out is not None else None
        if fmt is None:
            raise click.UsageError(f"give --format: one of {', '.join(EXPORT_FORMATS)}"
                                   + (f" ('{out.suffix}' names none of them)" if out is not None and out.suffix else ""))
    if fmt == "csv" and out is None:
        raise click.UsageError("--format csv writes two files: give --out FOLDER")
    graph = build_graph(load(corpus_dir))
    if fmt == "csv":
        assert out is not None
        write_outputs(logical(out), render_csv(graph))  # all-or-nothing, never over a corpus file
        return
    text = TEXT_RENDERERS[fmt](graph)
    if out is None:
        say(text, nl=False, data=True)
    else:
        out = logical(out)
        write_outputs(out.parent, {out.name: text})


def _read_text(path: Path, what: str) -> str:
    from argmap.corpus.inputs import Budget, Refused, read_input
    from argmap.errors import ImportOptionError

    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportOptionError(f"{path}: the {what} is larger than {MAX_IMPORT_BYTES // 2**20} MiB",
                                    f"give the {what} itself, not an archive or a dump")
        # A regular file only (a FIFO would hang), never past the limit.
        return read_input(path, [path.resolve().parent], MAX_IMPORT_BYTES, Budget(MAX_IMPORT_BYTES)).decode("utf-8")
    except Refused as refused:
        raise ImportOptionError(f"{path}: the {what} {refused.reason}", refused.fix) from None
    except UnicodeDecodeError as exc:
        raise ImportOptionError(f"{path}: the {what} is not UTF-8 text (byte {exc.start})",
                                "save it as UTF-8 plain text") from None
    except OSError as exc:
        raise ImportOptionError(f"{path}: cannot read the {what} ({exc.strerror or exc})", "check the path") from None


@cli.command("import")
@click.argument("map_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["aif", "argdown"]),
              help="aif (AIF JSON: AIFdb, OVA, arguebuf) or argdown; default: from the suffix (.json is aif).")
@click.option("--corpus", "corpus_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the corpus YAML into (new, or without the files it would write).")
@click.option("--source-text", "source_texts", multiple=True, metavar="TEXT",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The plain-text source the quotes come from; repeat it for each author.")
@click.option("--author", "authors", multiple=True, metavar="NAME",
              help="Whose --source-text it is (one per --source-text, in the same order); with one author "
                   "and no names in the file, the author of every claim.")
def import_map(map_file: Path, fmt: str | None, corpus_dir: Path, source_texts: tuple[Path, ...],
               authors: tuple[str, ...]) -> None:
    """Import an AIF or Argdown map as corpus YAML, checking its quotes against the source texts.

    Claims come from AIF I-nodes (the quote from the locution that asserts each one) or Argdown
    statements; supports and contradicts from RA and CA nodes or Argdown's relations. Each
    author's claims go to one YAML file; their source text is copied to texts/. Every quote is
    looked up in its author's text and, where it is not found, the closest passage is shown.
    Whatever the format does not carry (a claim's type, a source's title...) is written empty
    and listed for you to fill in; then run argmap validate on the folder.

    \b
    Example:
      argmap import map.json --format aif --corpus mine/ --source-text smith.txt --author "Jane Smith"
      argmap import map.argdown --corpus mine/ --source-text a.txt --author Alder --source-text b.txt --author Birch
    """
    from argmap.errors import OutputError
    from argmap.imports.aif import read_aif
    from argmap.imports.argdown import read_argdown
    from argmap.imports.corpus_yaml import SourceText, corpus_files
    from argmap.files import write_files

    if fmt is None:
        fmt = IMPORT_SUFFIXES.get(map_file.suffix.lower())
        if fmt is None:
            raise click.UsageError(f"give --format aif or --format argdown ('{map_file.name}' does not say which)")
    if authors and len(authors) != len(source_texts) and not (len(authors) == 1 and not source_texts):
        raise click.UsageError(f"give one --author for each --source-text, in the same order "
                               f"({len(authors)} authors, {len(source_texts)} texts)")
    reader = read_aif if fmt == "aif" else read_argdown
    imported = reader(_read_text(map_file, "map"), str(map_file))
    texts = [SourceText(authors[i] if authors else "", path.name, _read_text(path, "source text"))
             for i, path in enumerate(source_texts)]
    result = corpus_files(imported, texts, authors[0] if len(authors) == 1 else "")
    clashes = sorted(name for name in result.files if (corpus_dir / name).exists())
    if clashes:
        raise OutputError(corpus_dir / clashes[0], "already exists; import into a new folder, or move the old corpus away")
    text_files = {n.split("/", 1)[1]: t for n, t in result.files.items() if n.startswith("texts/")}
    yaml_files = {n: t for n, t in result.files.items() if "/" not in n}
    written = write_files(corpus_dir / "texts", text_files) if text_files else []
    written += write_files(corpus_dir, yaml_files)
    for path in written:
        say(f"wrote {path}")
    claims = len(imported.claims)
    say(f"{imported.format}: {claims} claim{'s' * (claims != 1)}, {len(imported.relations)} relations")
    if texts:
        say(f"quotes: {result.quotes_found} found in the source texts, {len(result.missing)} not found")
    for missing in result.missing:
        say(f"  not found: {missing.claim}: \"{missing.quote}\"")
        if missing.near.passage:
            say(f"    closest passage ({missing.near.similarity:.0%} alike): \"{missing.near.passage}\"")
    for author in result.unchecked:
        say(f"quotes of {author} not checked: no --source-text for them")
    if result.lost:
        say(f"{imported.format} cannot carry: {', '.join(result.lost)}")
    if result.skipped:
        say(f"not imported: {'; '.join(result.skipped)}")
    if result.to_fill:
        say(f"to fill in ({len(result.to_fill)}):")
        for item in result.to_fill:
            say(f"  {item}")
    say(f"then: argmap validate {corpus_dir}")
