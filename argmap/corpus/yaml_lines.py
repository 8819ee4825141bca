"""Read YAML while remembering the line every key and list item came from.

We build the data ourselves from the parser's event stream (libyaml's ``CSafeLoader`` when
PyYAML has it, the pure-Python loader otherwise), so that a problem found later (by pydantic or a
cross-file check) can be reported on the line a person has to edit, and so that a hostile file
cannot hurt: the build is a loop, not a recursion (no depth crashes it), nesting is limited,
aliases are never copied and their expansion is counted, and nothing is cached between files.

Every scalar is kept as the text it was written as (``None`` for an empty value or ``null``):
nothing in the corpus format is a number or a boolean, and YAML 1.1's guesses (``yes`` -> True,
``0000`` -> 0, ``2023-13-45`` -> a crash) would only make messages lie about what was written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from argmap.corpus.inputs import MAX_ALIAS_VALUES, MAX_DEPTH

FastLoader: Any
try:
    from yaml import CSafeLoader as FastLoader

    LIBYAML = True
except ImportError:  # PyYAML built without libyaml
    FastLoader, LIBYAML = yaml.SafeLoader, False

Loc = tuple[Any, ...]

TAG = "tag:yaml.org,2002:"
NULL = TAG + "null"
SCALAR_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
COLLECTION_TAGS = {TAG + "map", TAG + "seq"}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))

# What the YAML spec (and so both loaders) refuses in a file: control characters but tab and
# line breaks, surrogates, U+FFFE/U+FFFF.
_NOT_ALLOWED = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


@dataclass
class Issue:
    """Something wrong that reading can step over: reported, and the rest of the file still read."""

    line: int
    loc: Loc
    message: str
    fix: str


@dataclass
class YamlDocument:
    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Loc, int, str]] = field(default_factory=list)  # (loc, line, earlier spelling)
    issues: list[Issue] = field(default_factory=list)

    def line(self, loc: Loc) -> int:
        """The line of ``loc`` or of its nearest located parent (1 if none)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, fix: str = "") -> None:
        self.line, self.message = line, message
        self.fix = fix or "fix the YAML at this line (check indentation, colons and quotes)"
        super().__init__(message)


def _char_name(char: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x08": "backspace", "\x0c": "form feed", "\x0b": "vertical tab"}
    return f"U+{ord(char):04X}" + (f" ({names[char]})" if char in names else "")


def check_characters(text: str) -> None:
    """Refuse characters YAML does not allow, at the line and column of the first one."""
    found = _NOT_ALLOWED.search(text)
    if found is None:
        return
    at = found.start()
    line = len(re.findall("\r\n|\r|\n", text[:at])) + 1
    column = at - max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) 
    more = len(_NOT_ALLOWED.findall(text)) - 1
    also = f" ({more} more in the file)" if more else ""
    raise YamlSyntaxError(
        line,
        f"control character {_char_name(found.group())} at column {column}: YAML files may not contain it{also}",
        "delete it (it is invisible in most editors: retype the line), or write it as an escape such as \\x1b "
        "inside double quotes",
    )


LineOf = Callable[[Any], int]


def _mark_line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 1


def line_finder(text: str) -> LineOf:
    """mark -> the line a person's editor shows it on.

    YAML also breaks lines at NEL (U+0085) and the Unicode line and paragraph separators, which
    editors show inside a line; where the text has any, lines are counted from the mark's
    character offset, breaking only at \\n, \\r\\n and \\r.
    """
    if not any(char in text for char in "\x85\u2028\u2029"):
        return _mark_line
    starts = [m.end() for m in re.finditer("\r\n|\r|\n", text)]

    def line_of(mark: Any) -> int:
        return bisect_right(starts, int(mark.index)) + 1 if mark is not None else 1

    return line_of


def _syntax_error(exc: yaml.YAMLError, line_of: LineOf = _mark_line) -> YamlSyntaxError:
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlSyntaxError(1, str(exc))
    detail = " ".join(str(part) for part in (exc.context, exc.problem) if part) or str(exc)
    context = str(exc.context or "")
    if isinstance(exc, yaml.scanner.ScannerError) and exc.context_mark is not None:
        # A scanner error is found where the token *ends* (the end of the file, for an unclosed
        # quote); the line to fix is where it starts.
        line = line_of(exc.context_mark)
        if exc.problem_mark is not None and line_of(exc.problem_mark) != line:
            detail += f" (at line {line_of(exc.problem_mark)})"
        fix = ("close the quote that opens on this line with the same quote mark (inside double quotes write "
               "\\\" for a quote mark; inside single quotes write '')") if "quoted scalar" in context else ""
        return YamlSyntaxError(line, detail, fix)
    return YamlSyntaxError(line_of(exc.problem_mark or exc.context_mark), detail)


def _pure_python_error(text: str, line_of: LineOf) -> YamlSyntaxError | None:
    """The pure-Python parser's account of a syntax error (its messages are the clearer ones)."""
    loader: Any = yaml.SafeLoader(text)
    try:
        while loader.check_event():
            loader.get_event()
    except yaml.YAMLError as exc:
        return _syntax_error(exc, line_of)
    finally:
        loader.dispose()
    return None


@dataclass
class _Frame:
    loc: Loc
    value: Any  # dict or list
    line: int
    anchor: str | None
    size: int = 1  # values in this collection, counting what its aliases repeat
    key: Any = None  # a mapping's pending key (None: next event is a key)
    key_line: int = 0
    skip: bool = False  # the pending value belongs to a key that was refused
    awaiting_key: bool = True
    seen: dict[str, str] = field(default_factory=dict)  # a mapping's keys, stripped -> as written


_SKIPPED = object()


class _Builder:
    def __init__(self, doc: YamlDocument, loader: Any, line_of: LineOf) -> None:
        self.doc, self.loader, self.line_of = doc, loader, line_of
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, size)
        self.open_anchors: set[str] = set()
        self.repeated = 0  # values repeated by aliases so far

    # -- the event loop ----------------------------------------------------------------------
    def build(self) -> Any:
        loader: Any = self.loader
        loader.get_event()  # StreamStart
        root: Any = None
        documents = 0
        while not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlSyntaxError(self.line_of(event.start_mark), "a second YAML document ('---') in one file",
                                          "a corpus file holds one document: split it into two files, or remove the '---' line")
                continue
            if isinstance(event, yaml.DocumentEndEvent):
                continue
            done = self.event(event)
            if done is not _SKIPPED and not self.stack:
                root = done
        return root

    def event(self, event: Any) -> Any:
        line = self.line_of(event.start_mark)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise YamlSyntaxError(line, f"nested more than {MAX_DEPTH} levels deep",
                                      "a corpus file needs four levels (claims, a claim, its theses): flatten this part")
            loc = self.place(line)
            self.check_collection_tag(event, line, loc)
            mapping = isinstance(event, yaml.MappingStartEvent)
            self.stack.append(_Frame(loc, {} if mapping else [], line, event.anchor))
            if event.anchor:
                self.open_anchors.add(event.anchor)
            return _SKIPPED
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = (frame.value, frame.size)
            return self.deliver(frame.value, frame.size, frame.line)
        if isinstance(event, yaml.AliasEvent):
            return self.alias(event, line)
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event, line)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            return self.deliver(value, 1, line, event)
        return _SKIPPED  # pragma: no cover - no other events inside a document

    def place(self, line: int) -> Loc:
        """The location of the value that starts on ``line``; records the line of a list item."""
        if not self.stack:
            self.doc.lines[()] = line
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            loc = frame.loc + (len(frame.value),)
            self.doc.lines[loc] = line
            return loc
        if frame.awaiting_key:
            return frame.loc + ("<key>",)
        if frame.skip:  # the value of a refused or repeated key: its lines must not overwrite others
            return frame.loc + ("<skipped>",)
        return frame.loc + (frame.key,)

    def deliver(self, value: Any, size: int, line: int, scalar: Any = None) -> Any:
        """Put a finished value into its parent (as a key or a value), or return it as the root."""
        if not self.stack:
            return value
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            self.doc.lines.setdefault(frame.loc + (len(frame.value),), line)
            frame.value.append(value)
            return _SKIPPED
        if frame.awaiting_key:
            frame.awaiting_key = False
            frame.key_line = line
            frame.skip = False
            frame.key = self.key(frame, value, line, scalar)
            return _SKIPPED
        frame.awaiting_key = True
        if not frame.skip:
            frame.value[frame.key] = value
        return _SKIPPED

    def key(self, frame: _Frame, value: Any, line: int, scalar: Any) -> Any:
        """A mapping key as written; refused (and its value skipped) when it cannot name a field."""
        loc = frame.loc
        if isinstance(value, (dict, list)):
            return self.refuse(frame, Issue(line, loc, "a key must be plain text, not a list or a mapping",
                                            "write the key as a single word, e.g. 'text:'"))
        if value is None:
            return self.refuse(frame, Issue(line, loc, "a key is empty (or null)",
                                            "write the field name before the colon, e.g. 'text: ...'"))
        if isinstance(scalar, yaml.ScalarEvent) and not scalar.style and value == "<<":
            return self.refuse(frame, Issue(line, loc, "YAML merge keys ('<<') are not supported",
                                            "write the fields out in full instead of merging an anchored mapping"))
        assert isinstance(value, str)
        spelled = value.strip()
        if spelled in frame.seen:
            self.doc.duplicate_keys.append((loc + (value,), line, frame.seen[spelled]))
            frame.skip = True  # the first one counts: later checks name the key they saw first
            return value
        frame.seen[spelled] = value
        self.doc.lines[loc + (value,)] = line
        return value

    def refuse(self, frame: _Frame, issue: Issue) -> Any:
        self.doc.issues.append(issue)
        frame.skip = True
        return None

    def alias(self, event: Any, line: int) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            raise YamlSyntaxError(line, f"alias '*{name}' refers to the list or mapping that contains it (a recursive structure)",
                                  f"remove '*{name}' here: a corpus value cannot contain itself")
        if name not in self.anchors:
            raise YamlSyntaxError(line, f"alias '*{name}' refers to no anchor '&{name}' defined above it",
                                  f"define '&{name}' before using '*{name}', or write the value out")
        value, size = self.anchors[name]
        self.repeated += size
        if self.repeated > MAX_ALIAS_VALUES:
            raise YamlSyntaxError(line, f"aliases repeat more than {MAX_ALIAS_VALUES:,} values in this file",
                                  "write the values out, or use fewer aliases (aliases of aliases multiply)")
        self.place(line)
        return self.deliver(value, size, line)

    def scalar(self, event: Any, line: int) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            # Only null is resolved (YAML's rule: an empty value, '~' or 'null' unquoted); libyaml
            # marks a plain scalar with style '', the pure-Python parser with None.
            return None if not event.style and value in _NULLS else value
        if tag not in SCALAR_TAGS:
            self.doc.issues.append(Issue(line, self.place_of_scalar(), f"YAML tag '{tag.replace(TAG, '!!')}' is not supported",
                                         "remove the tag: every value in a corpus is plain text"))
            return value
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
        try:
            self.loader.yaml_constructors[tag](self.loader, node)
        except Exception:  # a bad value for its tag: PyYAML raises ValueError, KeyError, ...
            short = tag.replace(TAG, "!!")
            self.doc.issues.append(Issue(line, self.place_of_scalar(), f"'{value}' is not a valid {short} value",
                                         f"remove the '{short}' tag (every value in a corpus is plain text) or correct the value"))
        return None if tag == NULL else value

    def place_of_scalar(self) -> Loc:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return frame.loc + (len(frame.value),)
        if frame.awaiting_key or frame.skip:
            return frame.loc
        return frame.loc + (frame.key,)

    def check_collection_tag(self, event: Any, line: int, loc: Loc) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in COLLECTION_TAGS:
            self.doc.issues.append(Issue(line, loc, f"YAML tag '{tag.replace(TAG, '!!')}' is not supported",
                                         "remove the tag: write a plain list or mapping"))


def read_yaml(path: Path, text: str) -> YamlDocument:
    """Parse ``text`` (the content of ``path``); raise YamlSyntaxError with the line on bad YAML."""
    check_characters(text)
    doc = YamlDocument(path=path, data=None)
    line_of = line_finder(text)
    loader: Any = FastLoader(text)
    try:
        doc.data = _Builder(doc, loader, line_of).build()
    except yaml.YAMLError as exc:
        error = _syntax_error(exc, line_of)
        if LIBYAML:
            error = _pure_python_error(text, line_of) or error
        raise error from None
    finally:
        loader.dispose()
    return doc
