"""Turn pydantic's error records into a sentence and a fix a person can act on.

Every problem gets a fix (the README promises one): a rule's own (``FieldError``), the date
rules', or one that says what the field holds.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from argmap.corpus.models import FieldError, Source, field_names
from argmap.dates import DateFormatError
from argmap.errors import did_you_mean

_KINDS = {"string_type": "text", "dict_type": "a mapping", "list_type": "a list", "enum": "one of the allowed values"}
DATE_FIX = "write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-03-04)"
RANGE_FIX = DATE_FIX + ", or a range EARLIEST/LATEST when it was inferred (e.g. 2023-10/2024-01)"


def described(given: Any) -> str:
    """What a person wrote, in words: the YAML reader keeps every scalar as text."""
    if given is None:
        return "an empty value"
    if isinstance(given, list):
        return "a list"
    if isinstance(given, dict):
        return "a mapping"
    return f"'{given}'"


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
        return f"{described(given)} is not allowed here", f"use one of: {expected}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{given}' is not a valid id",
            "use lower-case letters, digits, '.', '-' and '_', starting with a letter or digit (e.g. 'socor.protectorate')",
        )
    if kind == "string_too_short":
        return f"'{name}' must not be empty", f"write the {name} or remove the field if it is optional"
    if kind == "string_type" and given is None:
        return f"'{name}' is empty", f"write the {name} after the colon, or remove the line if the field is optional"
    if kind in _KINDS:
        return f"expected {_KINDS[kind]}, got {described(given)}", _shape_hint(name, kind)
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, FieldError):
            return message, cause.fix
        if isinstance(cause, DateFormatError):
            if "must come before" in message:
                return message, "put the earlier date first: EARLIEST/LATEST (e.g. 2023-10/2024-01)"
            return message, RANGE_FIX if model is Source else DATE_FIX
        return message, "see the README, 'The corpus format', for what this field holds"
    return str(error.get("msg", kind)), "see the README, 'The corpus format', for what this field holds"


def _required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def _shape_hint(name: str, kind: str) -> str:
    if name == "theses":
        return "write theses as a mapping: theses: {thesis-id: pro, other-thesis: con}"
    if name == "supports":
        return "write supports as a list of claim ids: supports: [author.claim-a, author.claim-b]"
    if kind == "string_type":
        return f"write the {name} as one line of text; put it in quotes if it contains ': ' or starts with [, {{, - or #"
    return f"give '{name}' the shape the README ('The corpus format') describes"
