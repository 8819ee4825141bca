"""The one exception hierarchy argmap raises for people to read.

Every error carries the data it is about (file, line, field, ids) and builds its own message,
so the command line only prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Iterable


class ArgmapError(Exception):
    """Base of every error argmap reports to a person (never a bug)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a corpus, located as precisely as the input allows."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        head = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{head}\n    fix: {self.fix}" if self.fix else head


class CorpusError(ArgmapError):
    """A corpus has problems; all of them are listed at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} {noun} found:\n{body}")


class UnknownIdError(ArgmapError):
    """A command named a claim, author or thesis the corpus does not have."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        self.kind, self.wanted = kind, wanted
        known = list(known)
        hint = did_you_mean(wanted, known)
        listing = ", ".join(sorted(known)[:12]) + (", …" if len(known) > 12 else "")
        plural = "theses" if kind == "thesis" else f"{kind}s"
        super().__init__(f"no {kind} '{wanted}'{hint}. Known {plural}: {listing}")


class OutputError(ArgmapError):
    """An output file could not be written."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"cannot write {path}: {reason}")


class GraphFileError(ArgmapError):
    """A graph JSON file could not be read back."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}: {reason}")


class ImportFileError(CorpusError):
    """A map file to import (AIF JSON, Argdown) has problems; all of them are listed at once."""


class ImportOptionError(ArgmapError):
    """The options of an import do not fit the file (a text for an author the file does not name...)."""

    def __init__(self, reason: str, fix: str) -> None:
        self.reason, self.fix = reason, fix
        super().__init__(f"{reason}\n    fix: {fix}")
