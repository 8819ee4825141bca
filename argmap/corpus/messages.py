"""Turn pydantic's error records into a sentence and a fix a person can act on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from argmap.corpus.models import field_names
from argmap.errors import did_you_mean

_KINDS = {"string_type": "text", "dict_type": "a mapping", "list_type": "a list", "enum": "one of the allowed values"}


def describe_pydantic_error(error: Any, model: type[BaseModel]) -> tuple[str, str]:
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    given = error.get("input")
    allowed = field_names(model)
    if kind == "missing":
        return f"missing required field '{name}'", f"add '{name}: ...' here (required: {', '.join(_required(model))})"
    if kind == "extra_forbidden":
        return f"unknown field '{name}'{did_you_mean(name, allowed)}", f"allowed fields: {', '.join(allowed)}"
    if kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{given}' is not allowed here", f"use one of: {expected}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{given}' is not a valid id",
            "use lower-case letters, digits, '.', '-' and '_', starting with a letter or digit (e.g. 'socor.protectorate')",
        )
    if kind == "string_too_short":
        return f"'{name}' must not be empty", f"write the {name} or remove the field if it is optional"
    if kind in _KINDS:
        return f"expected {_KINDS[kind]}, got {type(given).__name__} ({given!r})", _shape_hint(name)
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return message, ""
    return str(error.get("msg", kind)), ""


def _required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def _shape_hint(name: str) -> str:
    if name == "theses":
        return "write theses as a mapping: theses: {thesis-id: pro, other-thesis: con}"
    if name == "supports":
        return "write supports as a list of claim ids: supports: [author.claim-a, author.claim-b]"
    return ""
