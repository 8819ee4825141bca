"""Read corpus files into validated, located items; collect problems instead of stopping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from pydantic import BaseModel, ValidationError

from argmap.corpus.checked import Where
from argmap.corpus.messages import describe_pydantic_error
from argmap.corpus.inputs import MAX_YAML_BYTES, Budget, Refused, read_input
from argmap.corpus.models import ID_PATTERN, SECTION_MODELS, TOP_LEVEL_KEYS, Claim, Source, field_names
from argmap.corpus.yaml_lines import Loc, YamlDocument, YamlSyntaxError, read_yaml
from argmap.errors import Problem, did_you_mean

SINGULAR = {"claims": "claim", "theses": "thesis", "events": "event", "relations": "relation"}


def field_name(data: Any, loc: Loc) -> str:
    """'claims[socor.protectorate].quote' or 'relations[#3].to': how a person finds the field."""
    if len(loc) > 1 and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        name = ident.strip() if isinstance(ident, str) and ident.strip() else f"#{loc[1] + 1}"
        return f"{loc[0]}[{name}]" + "".join(f".{part}" for part in loc[2:])
    return ".".join(map(str, loc))


@dataclass
class Located:
    value: Any
    doc: YamlDocument
    loc: Loc

    def label(self) -> str:
        return field_name(self.doc.data, self.loc)

    def where(self, *sub: Any) -> Where:
        return Where(str(self.doc.path), self.doc.line(self.loc + sub))


class Reader:
    def __init__(self, folder: Path, text_roots: Sequence[Path] = ()) -> None:
        self.folder = folder
        self.root = folder.resolve()
        # Source texts may be read from the corpus folder and from folders the user named.
        self.text_roots = [self.root, *(Path(r).resolve() for r in text_roots)]
        self.budget = Budget()
        self.inputs: list[Path] = []  # every file read, resolved
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.title: Located | None = None
        self.sources: list[Located] = []
        self.claims: list[tuple[Located, Located]] = []  # (claim, its source)
        self.theses: list[Located] = []
        self.events: list[Located] = []
        self.relations: list[Located] = []
        # Claims that failed validation but whose quote can still be checked (all problems at once).
        self.loose_claims: list[tuple[Located, Located]] = []
        self.loose: list[Located] = []  # the current file's
        # Sources that failed validation but stand in for their claims' checks (no timing checks).
        self.provisional: set[str] = set()
        # Ids of items that failed validation: references to them are not reported again.
        self.invalid_ids: set[str] = set()
        # A file that could not be parsed may define any id: unknown references prove nothing.
        self.unparsed = False

    def may_exist(self, ident: str) -> bool:
        """True when ``ident`` is defined but invalid, or could be defined in an unreadable file."""
        return self.unparsed or ident in self.invalid_ids

    def problem(self, where: Where | str, field_: str, message: str, fix: str) -> None:
        if isinstance(where, Where):
            self.problems.append(Problem(where.path, where.line, field_, message, fix))
        else:
            self.problems.append(Problem(where, 0, field_, message, fix))

    def warn(self, where: Where, field_: str, message: str, fix: str) -> None:
        self.warnings.append(Problem(where.path, where.line, field_, message, fix))

    # -- reading files ---------------------------------------------------------------------
    def read_folder(self) -> None:
        files = sorted([*self.folder.glob("*.yaml"), *self.folder.glob("*.yml")])
        if not files:
            self.problem(
                str(self.folder),
                "",
                "no corpus files (*.yaml) in this folder",
                "point argmap at the folder that holds your claim files (see README, 'The corpus format')",
            )
        for path in files:
            self.read_file(path)

    def read_input(self, path: Path, roots: Sequence[Path], limit: int) -> bytes:
        """The bytes of a corpus file or source text (raises Refused)."""
        data = read_input(path, roots, limit, self.budget)
        self.inputs.append(path.resolve())
        return data

    def read_file(self, path: Path) -> None:
        try:
            raw = self.read_input(path, [self.root], MAX_YAML_BYTES)
        except Refused as refused:
            self.unparsed = True
            self.problem(str(path), "", f"this corpus file {refused.reason}", refused.fix)
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.unparsed = True
            line = raw.count(b"\n", 0, exc.start) + 1
            self.problem(Where(str(path), line), "", f"not UTF-8 text (bad byte 0x{raw[exc.start]:02x} at position {exc.start})",
                         "save the file as UTF-8")
            return
        try:
            doc = read_yaml(path, text)
        except YamlSyntaxError as exc:
            self.unparsed = True
            self.problems.append(Problem(str(path), exc.line, "", f"YAML syntax error: {exc.message}", exc.fix))
            return
        for issue in doc.issues:
            self.problems.append(Problem(str(path), issue.line, field_name(doc.data, issue.loc), issue.message, issue.fix))
        for loc, line, earlier in doc.duplicate_keys:
            if earlier == loc[-1]:
                message = f"key '{loc[-1]}' appears twice in the same mapping"
            else:
                message = (f"key '{loc[-1]}' appears twice in the same mapping (as '{earlier}' at line "
                           f"{doc.line(loc[:-1] + (earlier,))}; they differ only in spaces)")
            self.problems.append(Problem(str(path), line, field_name(doc.data, loc), message,
                                         "remove or rename one of them"))
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            self.problem(Where(str(path), doc.line(())), "", "a corpus file must be a mapping of sections",
                         f"start the file with one of: {', '.join(TOP_LEVEL_KEYS)}")
            return
        self.read_sections(doc)

    def read_sections(self, doc: YamlDocument) -> None:
        data: dict[str, Any] = doc.data
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                self.problem(
                    Where(str(doc.path), doc.line((key,))),
                    str(key),
                    f"unknown section '{key}'{did_you_mean(str(key), TOP_LEVEL_KEYS)}",
                    f"top-level keys are: {', '.join(TOP_LEVEL_KEYS)}",
                )
        if "title" in data:
            title = Located(data["title"], doc, ("title",))
            if not isinstance(data["title"], str) or not data["title"].strip():
                self.problem(title.where(), "title", "the title must be one line of text",
                             "write it as: title: The corpus title")
            elif self.title is not None:
                self.problem(title.where(), "title", f"the corpus title is already set at {self.title.where()}", "set the title in one file only")
            else:
                self.title = title
        source: Located | None = None
        if "source" in data:
            source = self.validate(doc, ("source",), Source) or self.provisional_source(doc)
            if source is not None:
                self.sources.append(source)
        self.loose = []
        claims = self.validate_list(doc, "claims")
        if claims and "source" not in data:
            self.problem(
                Where(str(doc.path), doc.line(("claims",))),
                "claims",
                "claims need the source they quote, but this file has no 'source' section",
                "add a 'source:' section to this file (one source per file, with its claims)",
            )
            self.invalid_ids.update(claim.value.id for claim in claims)
        elif source is not None:
            self.claims.extend((claim, source) for claim in claims)
            self.loose_claims.extend((claim, source) for claim in self.loose)
        else:
            # The source is invalid (and reported): don't also report every link to its claims.
            self.invalid_ids.update(claim.value.id for claim in claims)
        self.theses.extend(self.validate_list(doc, "theses"))
        self.events.extend(self.validate_list(doc, "events"))
        self.relations.extend(self.validate_list(doc, "relations"))

    def provisional_source(self, doc: YamlDocument) -> Located | None:
        """A source that failed validation (reported) but whose id, author and text are sound:
        its claims and quotes are still checked, so that one run reports every problem."""
        raw = doc.data["source"]
        if not isinstance(raw, dict):
            return None
        fields = [raw.get(name) for name in ("id", "author", "text")]
        if not all(isinstance(v, str) and v.strip() for v in fields):
            return None
        ident, author, text = (str(v).strip() for v in fields)
        if not re.match(ID_PATTERN, ident):
            return None
        self.invalid_ids.discard(ident)
        self.provisional.add(ident)
        value = Source.model_construct(id=ident, author=author, text=text, title="", publication="", date="")
        return Located(value, doc, ("source",))

    def validate_list(self, doc: YamlDocument, section: str) -> list[Located]:
        if section not in doc.data or doc.data[section] is None:
            return []
        items = doc.data[section]
        if not isinstance(items, list):
            self.problem(
                Where(str(doc.path), doc.line((section,))),
                section,
                f"'{section}' must be a list (each {SINGULAR[section]} starts with '- ')",
                f"write it as:\n      {section}:\n        - id: ...",
            )
            return []
        found = (self.validate(doc, (section, index), SECTION_MODELS[section]) for index in range(len(items)))
        return [item for item in found if item is not None]

    def validate(self, doc: YamlDocument, loc: Loc, model: type[BaseModel]) -> Located | None:
        raw: Any = doc.data
        for part in loc:
            raw = raw[part]
        if not isinstance(raw, dict):
            self.problem(
                Where(str(doc.path), doc.line(loc)),
                field_name(doc.data, loc),
                f"expected a mapping of fields, got {type(raw).__name__}",
                f"give the fields as 'name: value' lines; allowed: {', '.join(field_names(model))}",
            )
            return None
        try:
            value = model.model_validate(raw)
        except ValidationError as exc:
            if isinstance(raw.get("id"), str):
                self.invalid_ids.add(raw["id"].strip())
                if model is Claim and isinstance(raw.get("quote"), str) and raw["quote"].strip():
                    self.loose.append(Located(raw, doc, loc))  # its quote is still checked
            for error in exc.errors():
                err_loc = loc + tuple(part for part in error["loc"] if part != "[key]")  # pydantic marks a bad key
                message, fix = describe_pydantic_error(error, model)
                self.problems.append(Problem(str(doc.path), doc.line(err_loc), field_name(doc.data, err_loc), message, fix))
            return None
        return Located(value, doc, loc)
