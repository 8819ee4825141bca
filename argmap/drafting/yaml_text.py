"""YAML written as text, so that what a person wrote in a file (comments, order, the schema line)
survives every change argmap makes to it.

Values are written as double-quoted scalars by PyYAML's own emitter, which escapes what YAML
cannot hold literally; comments are cut to printable characters on one line.
"""

from __future__ import annotations

import math
from typing import Sequence

import yaml

SCHEMA_FILE = "argmap.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def scalar(value: str) -> str:
    """``value`` as a double-quoted YAML scalar on one line."""
    dumped = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf, explicit_end=False)
    return dumped.rstrip("\n").removesuffix("\n...")


def plain_or_quoted(value: str) -> str:
    """Ids and enum values stay plain when YAML reads them back as the same string."""
    if value and all(c.isalnum() or c in "._-" for c in value) and not value[0] in "-." \
            and yaml.safe_load(value) == value:
        return value
    return scalar(value)


def comment(text: str) -> str:
    """``text`` fit for a YAML comment: one line of printable characters."""
    return "".join(c if c.isprintable() else " " for c in " ".join(text.split()))


def flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(plain_or_quoted(v) for v in values) + "]"
