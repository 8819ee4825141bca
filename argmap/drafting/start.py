"""What ``new``, ``draft`` and ``suggest`` do to a corpus folder, built in memory, then written at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from argmap.corpus.inputs import MAX_YAML_BYTES, Budget, Refused, read_input
from argmap.corpus.models import Claim
from argmap.corpus.quotes import FoldedText
from argmap.corpus.yaml_lines import YamlSyntaxError, read_yaml
from argmap.drafting.draft import Draft, SourceMeta, byline_in, draft_claims, render_source_file, source_id_for
from argmap.drafting.schema import render_schema
from argmap.drafting.text import cut_body
from argmap.drafting.yaml_text import SCHEMA_FILE, SCHEMA_LINE, scalar
from argmap.errors import CorpusFolderError, TextFileError
from argmap.files import write_files

Progress = Callable[[str], None]
ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-"


def _readme(title: str) -> str:
    return f"""# {title}

An argmap corpus. Next steps:

1. Add each text and draft its claims:
   `argmap draft TEXT.txt --corpus . --author "…" --title "…" --publication "…" --date YYYY-MM-DD`
   (`--from`/`--to` cut the article out of a captured page).
2. Review every draft in the source file it wrote: shortest quote that carries the claim, a
   paraphrase that says no more than the quote, type, voice and speaker; delete `draft: true`.
3. Add the contested theses (and turning-point events) to `corpus.yaml`, and the stance each
   claim takes (`theses: {{thesis-id: pro}}`).
4. `argmap suggest --corpus .` proposes links between authors in `suggestions.yaml`; accept the
   right ones with `argmap suggest --accept s1 s4 --corpus .`.
5. `argmap gaps --corpus .` lists what is still unmapped; `argmap validate .` checks everything;
   `argmap build . --out map/` draws the map.

Editors: the YAML files name `{SCHEMA_FILE}` in their first line, so VS Code's YAML extension
checks and completes fields as you type (`argmap schema --out {SCHEMA_FILE}` refreshes it).
"""


def start_corpus(folder: Path, title: str) -> list[Path]:
    """Write a valid, empty corpus into ``folder`` (which must not exist, or be empty)."""
    if not title.strip():
        raise CorpusFolderError(folder, "the title is empty", "give --title \"what the texts are accounts of\"")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CorpusFolderError(folder, "already exists and is not an empty folder",
                                "choose a new folder name, or add texts to this corpus with 'argmap draft'")
    corpus_yaml = "\n".join([
        SCHEMA_LINE,
        "# The corpus title, the contested theses claims take sides on, and the turning points.",
        f"title: {scalar(title.strip())}",
        "theses: []",
        "events: []",
    ]) + "\n"
    written = write_files(folder, {"corpus.yaml": corpus_yaml, SCHEMA_FILE: render_schema(), "README.md": _readme(title.strip())})
    try:
        (folder / "texts").mkdir(exist_ok=True)
    except OSError as exc:
        raise CorpusFolderError(folder / "texts", exc.strerror or str(exc)) from None
    return written + [folder / "texts"]


def _known_ids(folder: Path) -> tuple[set[str], set[str]]:
    """(source ids, claim ids) already in the folder's files, read leniently (the corpus may not validate yet)."""
    sources: set[str] = set()
    claims: set[str] = set()
    root = folder.resolve()
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:  # the corpus reader's safe path: regular files inside the folder, bounded, never recursive
            data = read_yaml(path, read_input(path, [root], MAX_YAML_BYTES, Budget()).decode("utf-8")).data
        except (Refused, UnicodeDecodeError, YamlSyntaxError):
            continue
        if not isinstance(data, dict):
            continue
        source = data.get("source")
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            sources.add(source["id"].strip())
        for claim in data.get("claims") or []:
            if isinstance(claim, dict) and isinstance(claim.get("id"), str):
                claims.add(claim["id"].strip())
    return sources, claims


@dataclass(frozen=True)
class Drafted:
    draft: Draft
    source_file: Path
    text_file: Path


def read_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TextFileError(path, f"is {size:,} bytes; argmap drafts texts of up to {max_bytes:,} bytes",
                                "cut the article out of the file (or use --from/--to on a smaller copy)")
        # Read as the corpus is read: a regular file only (a FIFO would hang), never past the limit.
        return read_input(path, [path.resolve().parent], max_bytes, Budget(max_bytes)).decode("utf-8")
    except Refused as refused:
        raise TextFileError(path, refused.reason, refused.fix) from None
    except UnicodeDecodeError as exc:
        raise TextFileError(path, f"is not UTF-8 text (bad byte at position {exc.start})",
                            "save it as UTF-8 plain text (copy the article into a text editor and save)") from None
    except OSError as exc:
        raise TextFileError(path, f"cannot be read: {exc.strerror}") from None


def draft_into(folder: Path, text_file: Path, *, author: str, title: str, publication: str, date: str,
               source_id: str | None, url: str, start_marker: str | None, end_marker: str | None,
               max_bytes: int, progress: Progress) -> Drafted:
    """Copy the text into ``folder``/texts and write its drafted source file; all or nothing."""
    for name, value in (("--author", author), ("--title", title), ("--publication", publication)):
        if not value.strip():
            raise CorpusFolderError(folder, f"{name} is empty", f"give {name} \"…\"")
    raw = read_text(text_file, max_bytes)
    text = cut_body(raw, start_marker, end_marker, str(text_file))
    if not text.strip():
        raise TextFileError(text_file, "has no text to draft from")
    sources, claims = _known_ids(folder)
    if source_id is not None:
        source_id = source_id.strip()
        if not source_id or any(c not in ID_CHARS for c in source_id) or source_id[0] in "._-":
            raise CorpusFolderError(folder, f"--id {source_id!r} is not a valid id",
                                    "use lower-case letters, digits, '.', '-' and '_' (e.g. 'smith-2021')")
        if source_id in sources:
            raise CorpusFolderError(folder, f"the corpus already has a source '{source_id}'", "give another --id")
    else:
        source_id = source_id_for(author.strip(), sources, date)
    source_file = folder / f"{source_id}.yaml"
    text_path = folder / "texts" / f"{source_id}.txt"
    for path in (source_file, text_path):
        if path.exists():
            raise CorpusFolderError(path, "already exists", "give another --id, or remove the file")
    progress(f"splitting {text_file.name} into sentences")
    made = draft_claims(text, source_id, author.strip(), claims)
    made.meta = SourceMeta(source_id, author.strip(), title.strip(), publication.strip(), date,
                           f"texts/{source_id}.txt", byline_in(raw, author.strip()), url.strip())
    progress(f"drafted {len(made.claims)} claims from {made.sentences} sentences")
    content = render_source_file(made, text_file.name)
    _check_drafted(content, text, source_file)
    write_files(text_path.parent, {text_path.name: text})
    files = {source_file.name: content}
    if not (folder / SCHEMA_FILE).exists():
        files[SCHEMA_FILE] = render_schema()
    try:
        write_files(folder, files)
    except Exception:
        text_path.unlink(missing_ok=True)
        raise
    return Drafted(made, source_file, text_path)


def _check_drafted(content: str, text: str, path: Path) -> None:
    """A guard: the drafted file reads back as valid claims whose quotes are all in the text."""
    data: Any = yaml.safe_load(content)
    folded = FoldedText(text)
    for raw in data.get("claims") or []:
        claim = Claim.model_validate(raw)
        if folded.find(claim.quote) is None:
            raise CorpusFolderError(path, f"internal check failed: the draft quote of {claim.id} is not in the text")


@dataclass(frozen=True)
class Written:
    path: Path
    suggestions: list[Any]
    claims: int
    ranker: str


def write_suggestions(folder: Path, *, per_claim: int, limit: int, use_model: bool | None, progress: Progress,
                      text_roots: Sequence[Path] = ()) -> Written:
    """Rank candidate links and write the review file (rejections kept, pending acceptances protected)."""
    from argmap.corpus import load_corpus
    from argmap.drafting.review import (SUGGESTIONS_FILE, pending, read_suggestions, rejected, render_suggestions,
                                        renumbered_rejections, to_suggestions)
    from argmap.drafting.suggest import Encoder, suggest_links
    from argmap.errors import ModelUnavailableError, PendingAcceptError
    from argmap.graph import build_graph

    corpus = load_corpus(folder, text_roots)
    graph = build_graph(corpus)
    review = read_suggestions(folder)
    waiting = pending(review)
    if waiting:
        raise PendingAcceptError(folder / SUGGESTIONS_FILE, waiting)
    kept = [s for s in rejected(review) if s.source in graph and s.target in graph]
    encoder: Encoder | None = None
    ranker = "by TF-IDF and the corpus's structure (no model)"
    if use_model is not False:
        from argmap.drafting.embeddings import MODEL_NAME, load_encoder

        try:
            progress(f"loading {MODEL_NAME} (offline)")
            encoder = load_encoder()
            ranker = f"by TF-IDF, {MODEL_NAME} embeddings and the corpus's structure"
        except ModelUnavailableError:
            if use_model:
                raise
    candidates = suggest_links(graph, per_claim=per_claim, limit=limit, encoder=encoder,
                               excluded=[frozenset((s.source, s.target)) for s in kept], progress=progress,
                               texts=[corpus.texts[source] for source in sorted(corpus.texts)])
    suggestions = to_suggestions(candidates, graph.nodes) + renumbered_rejections(kept)
    path = folder / SUGGESTIONS_FILE
    write_files(folder, {SUGGESTIONS_FILE: render_suggestions(suggestions)})
    return Written(path, suggestions, graph.number_of_nodes(), ranker)
