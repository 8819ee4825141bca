"""Read YAML while remembering the line every key and list item came from.

PyYAML's composed node tree knows positions; plain ``safe_load`` throws them away. We walk the
tree ourselves so that a problem found later (by pydantic or a cross-file check) can be reported
on the line a person has to edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[Any, ...]


@dataclass
class YamlDocument:
    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Loc, int]] = field(default_factory=list)

    def line(self, loc: Loc) -> int:
        """The line of ``loc`` or of its nearest located parent (1 if none)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message
        super().__init__(message)


_constructor = yaml.constructor.SafeConstructor()


def _walk(node: yaml.Node, loc: Loc, doc: YamlDocument) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _walk(key_node, loc + ("<key>",), doc)
            if isinstance(key, (list, dict)):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in result:
                doc.duplicate_keys.append((loc + (key,), line))
            doc.lines[loc + (key,)] = line
            result[key] = _walk(value_node, loc + (key,), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[loc + (index,)] = item.start_mark.line + 1
            items.append(_walk(item, loc + (index,), doc))
        return items
    return _constructor.construct_object(node, deep=True)


def read_yaml(path: Path, text: str) -> YamlDocument:
    """Parse ``text`` (the content of ``path``); raise YamlSyntaxError with the line on bad YAML."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlSyntaxError(line, detail or str(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from None
    doc = YamlDocument(path=path, data=None)
    if root is not None:
        doc.lines[()] = root.start_mark.line + 1
        try:
            doc.data = _walk(root, (), doc)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise YamlSyntaxError(mark.line + 1 if mark else 1, str(exc.problem)) from None
    return doc
