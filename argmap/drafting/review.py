"""The review file ``suggestions.yaml``: suggested links a person accepts, rejects or edits.

``argmap suggest`` writes it; nothing in it reaches the map until it is accepted, which moves
the chosen suggestions into ``relations.yaml``. ``relations.yaml`` is changed as text: the new
relations are inserted after the last one, so comments, order and the schema line stay as the
person wrote them. Both files are written all-or-nothing, and the corpus is checked again
before anything is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml
from pydantic import Field, ValidationError

from argmap.corpus.messages import describe_pydantic_error
from argmap.corpus.models import Id, RelationKind, Text, _Model
from argmap.drafting.suggest import Candidate
from argmap.drafting.yaml_text import SCHEMA_LINE, comment, plain_or_quoted, scalar
from argmap.errors import CorpusFolderError, Problem, SuggestionsFileError, UnknownSuggestionError

SUGGESTIONS_FILE = "suggestions.yaml"
RELATIONS_FILE = "relations.yaml"


class Suggestion(_Model):
    """One suggested link, as the review file holds it."""

    id: Id = Field(description="the suggestion's id, for 'argmap suggest --accept ID'")
    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    relation: RelationKind = Field(description="the guessed kind: edit it when the guess is wrong")
    rationale: Text = Field(description="a draft rationale: rewrite it so a reader can check it against the two quotes")
    timing: Id | None = None
    score: float = Field(0.0, description="how strongly argmap ranks the pair (higher is more likely)")
    reason: str = Field("", description="why argmap suggests the pair")
    from_quote: str = ""
    to_quote: str = ""
    accept: bool = Field(False, description="true: 'argmap suggest --accept' moves it into relations.yaml")
    reject: bool = Field(False, description="true: keep it out of later suggestions")


@dataclass(frozen=True)
class ReviewFile:
    path: Path
    suggestions: list[Suggestion]


def _surname(author: str) -> str:
    return author.split()[-1] if author.split() else author


def to_suggestions(candidates: Sequence[Candidate], nodes: Any, start: int = 1) -> list[Suggestion]:
    """Candidates as review entries, numbered s1, s2, … in rank order."""
    made = []
    for number, candidate in enumerate(candidates, start):
        a, b = nodes[candidate.source], nodes[candidate.target]
        verb = {"supports": "agree", "contradicts": "disagree", "superseded": "were each right for their own period"}
        rationale = (f"{_surname(a['author'])} and {_surname(b['author'])} {verb[candidate.relation]} "
                     f"(suggested: {'; '.join(candidate.reasons[:2]) or 'similar wording'}): rewrite this line")
        made.append(Suggestion.model_validate({
            "id": f"s{number}", "from": candidate.source, "to": candidate.target, "relation": candidate.relation,
            "rationale": rationale, "timing": candidate.timing or None, "score": candidate.score,
            "reason": "; ".join(candidate.reasons), "from_quote": a["quote"], "to_quote": b["quote"],
        }))
    return made


def render_suggestions(suggestions: Sequence[Suggestion]) -> str:
    lines = [
        SCHEMA_LINE,
        "# Links argmap suggests between claims of different authors, best first. Nothing here is in",
        "# the map until you accept it: check the two quotes, fix 'relation' (supports, contradicts,",
        "# superseded) and rewrite 'rationale', then set 'accept: true' (or run",
        "# 'argmap suggest --accept s1 s4') to move it into relations.yaml. 'reject: true' keeps a pair",
        "# out of later suggestions. Running 'argmap suggest' again rewrites this file (comments are not kept).",
    ]
    if not suggestions:
        return "\n".join(lines + ["suggestions: []"]) + "\n"
    lines.append("suggestions:")
    for s in suggestions:
        lines += [
            f"  - id: {s.id}",
            f"    from: {plain_or_quoted(s.source)}",
            f"    to: {plain_or_quoted(s.target)}",
            f"    relation: {s.relation.value}",
            f"    rationale: {scalar(s.rationale)}",
        ]
        if s.timing:
            lines.append(f"    timing: {plain_or_quoted(s.timing)}")
        lines += [
            f"    score: {s.score:.4f}",
            f"    reason: {scalar(s.reason)}",
            f"    from_quote: {scalar(s.from_quote)}",
            f"    to_quote: {scalar(s.to_quote)}",
            f"    accept: {'true' if s.accept else 'false'}",
        ]
        if s.reject:
            lines.append("    reject: true")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def read_suggestions(folder: Path) -> ReviewFile | None:
    """The review file of ``folder``, checked; None when there is none."""
    from argmap.corpus.yaml_lines import YamlSyntaxError, read_yaml

    path = folder / SUGGESTIONS_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_bytes().decode("utf-8")
        doc = read_yaml(path, text)
    except UnicodeDecodeError as exc:
        raise SuggestionsFileError([Problem(str(path), 0, "", f"not UTF-8 text (bad byte at position {exc.start})",
                                            "save the file as UTF-8")]) from None
    except YamlSyntaxError as exc:
        raise SuggestionsFileError([Problem(str(path), exc.line, "", f"YAML syntax error: {exc.message}",
                                            "fix the YAML at this line, or delete the file and run 'argmap suggest' again")]) from None
    data = doc.data
    if data is None:
        return ReviewFile(path, [])
    if not isinstance(data, dict) or not isinstance(data.get("suggestions", []), (list, type(None))):
        raise SuggestionsFileError([Problem(str(path), 1, "suggestions", "expected 'suggestions:' followed by a list",
                                            "delete the file and run 'argmap suggest' again")])
    problems: list[Problem] = []
    found: list[Suggestion] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("suggestions") or []):
        line = doc.line(("suggestions", index))
        if not isinstance(raw, dict):
            problems.append(Problem(str(path), line, f"suggestions[#{index + 1}]", "expected a mapping of fields",
                                    "delete this entry, or delete the file and run 'argmap suggest' again"))
            continue
        try:
            suggestion = Suggestion.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors():
                message, fix = describe_pydantic_error(error, Suggestion)
                where = doc.line(("suggestions", index) + tuple(error["loc"]))
                problems.append(Problem(str(path), where, f"suggestions[#{index + 1}]." + ".".join(map(str, error["loc"])),
                                        message, fix))
            continue
        if suggestion.id in seen:
            problems.append(Problem(str(path), line, f"suggestions[{suggestion.id}].id",
                                    f"duplicate suggestion id '{suggestion.id}' (also at line {seen[suggestion.id]})",
                                    "give each suggestion its own id"))
            continue
        seen[suggestion.id] = line
        found.append(suggestion)
    if problems:
        raise SuggestionsFileError(problems)
    return ReviewFile(path, found)


def choose(review: ReviewFile, ids: Sequence[str]) -> list[Suggestion]:
    """The suggestions named by ``ids``, or, with none named, those marked ``accept: true``."""
    by_id = {s.id: s for s in review.suggestions}
    if ids:
        unknown = [i for i in dict.fromkeys(ids) if i not in by_id]
        if unknown:
            raise UnknownSuggestionError(unknown, by_id)
        return [by_id[i] for i in dict.fromkeys(ids)]
    return [s for s in review.suggestions if s.accept]


# -- relations.yaml, changed as text ----------------------------------------------------------

def relation_lines(suggestion: Suggestion, indent: int) -> list[str]:
    pad, inner = " " * indent, " " * (indent + 2)
    lines = [
        f"{pad}# accepted from argmap suggest ({suggestion.id}): {comment(suggestion.reason)}"[:400].rstrip(),
        f"{pad}- from: {plain_or_quoted(suggestion.source)}",
        f"{inner}to: {plain_or_quoted(suggestion.target)}",
        f"{inner}relation: {suggestion.relation.value}",
        f"{inner}rationale: {scalar(suggestion.rationale)}",
    ]
    if suggestion.timing:
        lines.append(f"{inner}timing: {plain_or_quoted(suggestion.timing)}")
    return lines


def add_relations(path: Path, text: str | None, accepted: Sequence[Suggestion]) -> str:
    """``text`` (relations.yaml, or None when there is none) with ``accepted`` added as relations."""
    if text is None or not text.strip():
        head = [SCHEMA_LINE, "# Relations between claims of different authors.", "relations:"]
        return "\n".join(head + [line for s in accepted for line in relation_lines(s, 2)]) + "\n"
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise CorpusFolderError(path, f"cannot add relations: the file is not valid YAML ({exc})",
                                "fix the file ('argmap validate' shows where), then accept again") from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise CorpusFolderError(path, "cannot add relations: the file is not a mapping of sections")
    node = None
    for key, value in (root.value if root is not None else []):
        if isinstance(key, yaml.ScalarNode) and key.value == "relations":
            node = value
    body = text if text.endswith("\n") else text + "\n"
    if node is None:
        return body + "relations:\n" + "\n".join(line for s in accepted for line in relation_lines(s, 2)) + "\n"
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        indent = node.value[0].start_mark.column - 2
        last_end = _content_end(node.value[-1])
        # Insert after the line on which the last relation ends.
        line_end = body.find("\n", max(0, last_end - 1))
        line_end = len(body) if line_end < 0 else line_end + 1
        if body[last_end - 1 : last_end] == "\n":
            line_end = last_end
        new = "\n".join(line for s in accepted for line in relation_lines(s, max(indent, 0))) + "\n"
        return body[:line_end] + new + body[line_end:]
    empty_flow = isinstance(node, yaml.SequenceNode) and not node.value
    empty_scalar = isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")
    if empty_flow or empty_scalar:
        start, end = node.start_mark.index, node.end_mark.index
        new = "\n" + "\n".join(line for s in accepted for line in relation_lines(s, 2))
        rest = body[end:]
        return body[:start].rstrip(" ") + new + ("" if rest.startswith("\n") else "\n") + rest
    raise CorpusFolderError(path, "cannot add relations: 'relations' is not written as a block list ('- from: …')",
                            "rewrite it as a block list, or add the accepted relations by hand")


def _content_end(node: yaml.Node) -> int:
    """Where a node's last value ends (a block node's own end mark lies past the comments after it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)


def check_added(before: str | None, after: str, accepted: Sequence[Suggestion], path: Path) -> None:
    """The new text holds exactly the old relations plus the accepted ones (a guard on the text edit)."""
    old = (yaml.safe_load(before) or {}).get("relations") or [] if before else []
    new = (yaml.safe_load(after) or {}).get("relations") or []
    expected = [dict(r) for r in old] + [
        {"from": s.source, "to": s.target, "relation": s.relation.value, "rationale": s.rationale,
         **({"timing": s.timing} if s.timing else {})} for s in accepted]
    if [dict(r) for r in new] != expected:
        raise CorpusFolderError(path, "cannot add the relations to this file as text without changing what it says",
                                "add the accepted relations by hand (they are still in suggestions.yaml)")


# -- the two commands' work -------------------------------------------------------------------

@dataclass(frozen=True)
class Accepted:
    moved: list[Suggestion]
    relations: Path
    suggestions: Path


def accept(folder: Path, ids: Sequence[str], text_roots: Sequence[Path] = ()) -> Accepted:
    """Move the chosen suggestions into relations.yaml; check the corpus; all or nothing."""
    from argmap.corpus import load_corpus
    from argmap.errors import CorpusError, NothingToAcceptError
    from argmap.files import write_files
    from argmap.graph import build_graph, edge_between

    review = read_suggestions(folder)
    if review is None:
        raise CorpusFolderError(folder / SUGGESTIONS_FILE, "no suggestions file", "run 'argmap suggest' first")
    chosen = choose(review, ids)
    if not chosen:
        raise NothingToAcceptError(review.path)
    graph = build_graph(load_corpus(folder, text_roots))
    problems: list[Problem] = []
    pairs: dict[frozenset[str], str] = {}
    for s in chosen:
        field = f"suggestions[{s.id}]"
        missing = [c for c in (s.source, s.target) if c not in graph]
        if missing:
            problems.append(Problem(str(review.path), 0, field, f"no claim {', '.join(repr(m) for m in missing)} in the corpus",
                                    "fix 'from'/'to', or run 'argmap suggest' again"))
            continue
        if edge_between(graph, s.source, s.target) is not None:
            problems.append(Problem(str(review.path), 0, field, f"'{s.source}' and '{s.target}' are already linked",
                                    "drop this suggestion"))
        pair = frozenset((s.source, s.target))
        if pair in pairs:
            problems.append(Problem(str(review.path), 0, field, f"the same pair as {pairs[pair]}", "accept one of the two"))
        pairs.setdefault(pair, s.id)
    if problems:
        raise SuggestionsFileError(problems)
    relations = folder / RELATIONS_FILE
    before = relations.read_bytes().decode("utf-8") if relations.is_file() else None
    after = add_relations(relations, before, chosen)
    check_added(before, after, chosen, relations)
    moved = {s.id for s in chosen}
    remaining = [s for s in review.suggestions if s.id not in moved]
    old_suggestions = review.path.read_bytes().decode("utf-8")
    write_files(folder, {RELATIONS_FILE: after, SUGGESTIONS_FILE: render_suggestions(remaining)})
    try:
        load_corpus(folder, text_roots)
    except CorpusError:
        # The corpus no longer checks (a timing the dates do not allow, say): put both files back.
        restore = {SUGGESTIONS_FILE: old_suggestions}
        if before is not None:
            restore[RELATIONS_FILE] = before
        else:
            relations.unlink(missing_ok=True)
        write_files(folder, restore)
        raise
    return Accepted(chosen, relations, review.path)


def pending(review: ReviewFile | None) -> list[str]:
    return [s.id for s in review.suggestions if s.accept] if review else []


def rejected(review: ReviewFile | None) -> list[Suggestion]:
    return [s for s in review.suggestions if s.reject] if review else []


def renumbered_rejections(kept: Sequence[Suggestion]) -> list[Suggestion]:
    return [s.model_copy(update={"id": f"r{n}", "accept": False}) for n, s in enumerate(kept, 1)]
