"""Read Argdown into an ImportedMap, without Node: the part of Argdown an argument map uses.

Read: front matter (``title``; argmap's own ``theses`` and ``events``), headings (each heading
names the author of the statements under it; its data may hold the source's metadata), statement
and argument definitions (``[Title]: text {data}``, ``<Title>: text``) and references, and
relations nested by indentation (``+``/``<+`` incoming support, ``+>`` outgoing support, ``-``/``<-``
and ``->`` attacks, ``><`` contradiction). Attacks and contradictions become contradicts: argmap's
contradicts means both cannot hold, which is Argdown's attack between statements. Text is read
as the Argdown CLI reads it: escapes resolved, bold and italic marks dropped, a link replaced by
its text, comments removed, white space collapsed. The data of argmap's own export (quote,
author, type, voice, speaker, theses, label, note, and the rationale and timing of relations)
comes back field for field. Undercuts and premise-conclusion structures have no place in a
corpus and are listed as skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.errors import ImportFileError, Problem
from argmap.imports.model import ImportedClaim, ImportedMap, ImportedRelation, ImportedSource

CARRIED = frozenset({"id", "text", "quote", "author", "type", "voice", "speaker", "theses", "label", "note",
                     "rationale", "timing"})
_FRONT = re.compile(r"\A\s*={3,}[ \t]*\n(.*?)\n={3,}[ \t]*(?:\n|\Z)", re.DOTALL)
_RELATION = re.compile(r"^(\s+)(\+>|->|<\+|<-|><|_>|<_|\+|-)\s+(.*)$")
_HEADING = re.compile(r"^(#+)\s+(.*)$")
_DEFINITION = re.compile(r"^([\[<])(.+?)([\]>]):\s*(.*)$")
_REFERENCE = re.compile(r"^([\[<])([^\]>]+?)([\]>])\s*(\{.*\})?\s*$")
_PCS = re.compile(r"^\s*(\(\d+\)|-{2,})")
_INLINE = re.compile(r"\\(.)|\[([^\]]+?)\]\([^)]+?\)|[*_]", re.DOTALL)
# What a relation symbol says, for the element above (parent) and the one on its line (child).
_KINDS = {"+": ("supports", True), "<+": ("supports", True), "+>": ("supports", False),
          "-": ("contradicts", True), "<-": ("contradicts", True), "->": ("contradicts", False),
          "><": ("contradicts", False)}
SOURCE_KEYS = ("title", "publication", "date", "date_note", "url", "byline", "provenance", "note")


def strip_comments(text: str) -> str:
    """``text`` without ``//`` and ``/* */`` comments (line breaks inside kept, so lines still count).

    Escaped characters and data blocks (with their quoted strings) are left alone.
    """
    out: list[str] = []
    index, depth, quote = 0, 0, ""
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index : index + 2])
            index += 2
            continue
        if depth:
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            out.append(char)
        elif text.startswith("//", index) and (index == 0 or text[index - 1] != ":"):  # not in a URL
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            end = len(text) if end < 0 else end + 2
            out.append("\n" * text.count("\n", index, end))
            index = end
            continue
        else:
            depth += char == "{"
            out.append(char)
        index += 1
    return "".join(out)


def inline_text(raw: str) -> str:
    """Argdown text as its reader shows it: escapes resolved, marks dropped, links as their text."""

    def read(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)
        if match.group(2) is not None:
            return match.group(2)
        return ""

    return " ".join(_INLINE.sub(read, raw).split())


def _split_data(raw: str) -> tuple[str, str]:
    """(text, data) where data is the trailing ``{...}`` block, found past any escaped brace."""
    index = 0
    while index < len(raw):
        if raw[index] == "\\":
            index += 2
            continue
        if raw[index] == "{":
            return raw[:index], raw[index:].strip()
        index += 1
    return raw, ""


def _scalar(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return "" if value is None else str(value)


@dataclass
class _Element:
    title: str
    line: int
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    author: str = ""


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.elements: dict[str, _Element] = {}
        self.relations: list[ImportedRelation] = []
        self.skipped: dict[str, int] = {}
        self.result = ImportedMap("Argdown", CARRIED)
        self.author = ""
        self._read(text)

    def problem(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, "", message, fix))

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1

    def data(self, block: str, line: int) -> dict[str, Any]:
        if not block:
            return {}
        try:
            value = yaml.safe_load(block)
        except yaml.YAMLError as exc:
            self.problem(line, f"the data block is not valid YAML ({str(exc).splitlines()[0]})",
                         "write data as {key: \"value\", ...}")
            return {}
        if not isinstance(value, dict):
            self.problem(line, "the data block is not a mapping", "write data as {key: \"value\", ...}")
            return {}
        return value

    def element(self, raw: str, line: int) -> str | None:
        """The title of the statement or argument that ``raw`` defines or names."""
        definition = _DEFINITION.match(raw)
        if definition:
            title = definition.group(2).strip()
            text, block = _split_data(definition.group(4))
            found = self.elements.setdefault(title, _Element(title, line, author=self.author))
            if not found.text:
                found.text, found.line = inline_text(text), line
            found.data = {**self.data(block, line), **found.data}
            return title
        reference = _REFERENCE.match(raw)
        if reference:
            title = reference.group(2).strip()
            found = self.elements.setdefault(title, _Element(title, line, author=self.author))
            found.data = {**self.data(reference.group(4) or "", line), **found.data}
            return title
        self.problem(line, "a statement without a title", "give it one: [Title]: text (argmap needs an id for every claim)")
        return None

    def _read(self, text: str) -> None:
        front = _FRONT.match(text)
        offset = 0
        if front:
            self._front_matter(front.group(1))
            offset = text.count("\n", 0, front.end())
            text = text[front.end():]
        stack: list[tuple[int, str]] = []  # (indent, title) of the elements relations hang from
        previous: _Element | None = None
        previous_blank = True
        for number, line in enumerate(strip_comments(text).split("\n"), start=offset + 1):
            if not line.strip():
                previous_blank, previous = True, None
                continue
            relation = _RELATION.match(line)
            heading = _HEADING.match(line) if not line[0].isspace() else None
            if _PCS.match(line):
                self.skip("premise-conclusion structure line")
                self.problem(number, "premise-conclusion structures (numbered premises, inference lines) are not imported",
                             "keep the argument's description (<Title>: text) and its relations; argmap maps claims, not inferences")
                continue
            if heading:
                text_part, block = _split_data(heading.group(2))
                self._heading(inline_text(text_part), self.data(block, number))
                stack, previous = [], None
            elif relation:
                indent, symbol, rest = len(relation.group(1).expandtabs(4)), relation.group(2), relation.group(3)
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                child = self.element(rest.strip(), number)
                if child is None:
                    continue
                if not stack:
                    self.problem(number, "a relation with nothing above it", "indent it under the statement it belongs to")
                elif symbol in ("_>", "<_"):
                    self.skip("undercut")
                else:
                    kind, incoming = _KINDS[symbol]
                    parent = stack[-1][1]
                    source, target = (child, parent) if incoming else (parent, child)
                    self.relations.append(ImportedRelation(source, target, kind))
                stack.append((indent, child))
                previous = self.elements[child]
            elif not line[0].isspace() and (line.startswith(("[", "<")) or previous is None or previous_blank):
                title = self.element(line.strip(), number)
                stack = [(0, title)] if title else []
                previous = self.elements[title] if title else None
            elif previous is not None:
                text_part, block = _split_data(line)
                previous.text = " ".join(filter(None, [previous.text, inline_text(text_part)]))
                previous.data.update(self.data(block, number))
            previous_blank = False

    def _front_matter(self, block: str) -> None:
        try:
            front = yaml.safe_load(block)
        except yaml.YAMLError as exc:
            self.problem(1, f"the front matter is not valid YAML ({str(exc).splitlines()[0]})", "fix the YAML between the === lines")
            return
        if not isinstance(front, dict):
            return
        self.result.title = _scalar(front.get("title", ""))
        for key in ("theses", "events"):
            items = front.get(key)
            if isinstance(items, list):
                getattr(self.result, key).extend(
                    {str(k): _scalar(v) for k, v in item.items()} for item in items if isinstance(item, dict))

    def _heading(self, title: str, data: dict[str, Any]) -> None:
        self.author = title
        source = ImportedSource(author=title, id=_scalar(data.get("source", "")))
        for key in SOURCE_KEYS:
            setattr(source, key, _scalar(data.get(key, "")))
        self.result.sources.append(source)

    def finish(self) -> ImportedMap:
        for element in sorted(self.elements.values(), key=lambda e: e.line):  # in the order they are defined
            data = element.data
            if not element.text:
                self.problem(element.line, f"[{element.title}] is named but never given a text",
                             f"define it: [{element.title}]: what it says")
                continue
            quote = _scalar(data.get("quote", ""))
            theses = data.get("theses") if isinstance(data.get("theses"), dict) else {}
            claim = ImportedClaim(
                element.title, element.text, quote or element.text, author=_scalar(data.get("author", "")) or element.author,
                where=f"line {element.line}", type=_scalar(data.get("type", "")), voice=_scalar(data.get("voice", "")) or "asserts",
                speaker=_scalar(data.get("speaker", "")), label=_scalar(data.get("label", "")), note=_scalar(data.get("note", "")),
                theses={str(k): _scalar(v) for k, v in (theses or {}).items()}, quote_from_text=not quote)
            self.result.claims.append(claim)
            for link in data.get("relations") or []:
                if isinstance(link, dict) and link.get("to"):
                    self._link(element.title, link)
        self.result.relations = self.relations
        self.result.skipped = [f"{count} {what}{'s' if count > 1 else ''}" for what, count in sorted(self.skipped.items())]
        if self.problems:
            raise ImportFileError(self.problems)
        return self.result

    def _link(self, source: str, link: dict[str, Any]) -> None:
        """A relation's rationale and timing from the data; a superseded link exists only there."""
        target, kind = _scalar(link["to"]), _scalar(link.get("relation", ""))
        for relation in self.relations:
            if relation.source == source and relation.target == target:
                relation.rationale, relation.timing = _scalar(link.get("rationale", "")), _scalar(link.get("timing", ""))
                return
        if kind == "superseded":
            self.relations.append(ImportedRelation(source, target, kind, _scalar(link.get("rationale", "")),
                                                   _scalar(link.get("timing", ""))))


def read_argdown(text: str, path: str) -> ImportedMap:
    """The claims and relations of an Argdown document; ImportFileError lists every problem."""
    return _Reader(text, path).finish()
