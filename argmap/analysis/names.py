"""Find the author or thesis a person named.

Authors can be named the way people name them: full name ("Taras Kuzio"), surname ("kuzio") or
the id of one of their sources ("kuzio"), all case-insensitively. A name that fits two authors
is refused rather than guessed.
"""

from __future__ import annotations

import unicodedata

from argmap.errors import AmbiguousAuthorError, UnknownAuthorError, UnknownIdError
from argmap.graph import Graph


def name_key(name: str) -> str:
    """A name as looked up: Unicode-normalised (NFKC), every run of white space (a no-break space,
    a tab, a line separator) one space, in any case. 'Ann\u00a0Alder' and 'ann  alder' are one name."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def surname(author: str) -> str:
    return author.split()[-1] if author.split() else author


def author_keys(graph: Graph) -> dict[str, set[str]]:
    """Every accepted spelling (case-folded) -> the authors it names."""
    keys: dict[str, set[str]] = {}
    for source in graph.graph["sources"]:
        author = source["author"]
        for key in (author, surname(author), source["id"]):
            keys.setdefault(name_key(key), set()).add(author)
    return keys


def resolve_author(graph: Graph, name: str) -> str:
    """The author ``name`` stands for (full name, surname or source id, any case)."""
    wanted = name_key(name)
    matches = author_keys(graph).get(wanted, set())
    if len(matches) == 1:
        return next(iter(matches))
    authors: list[str] = graph.graph["authors"]
    if matches:
        raise AmbiguousAuthorError(name, [a for a in authors if a in matches])
    ids: dict[str, list[str]] = {}
    for source in graph.graph["sources"]:
        ids.setdefault(source["author"], []).append(source["id"])
    spellings = [k for a, sources in ids.items() for k in (a, surname(a), *sources)]
    raise UnknownAuthorError(name, spellings, ids)


def resolve_thesis(graph: Graph, thesis: str) -> str:
    """The thesis id ``thesis`` names (ids are lower case; any case is accepted)."""
    ids = [t["id"] for t in graph.graph["theses"]]
    if thesis.casefold() in ids:
        return thesis.casefold()
    raise UnknownIdError("thesis", thesis, ids)


def short_names(graph: Graph) -> dict[str, str]:
    """Author -> surname, or the full name where two authors share a surname (table headers)."""
    authors: list[str] = graph.graph["authors"]
    counts: dict[str, int] = {}
    for author in authors:
        counts[surname(author)] = counts.get(surname(author), 0) + 1
    return {a: surname(a) if counts[surname(a)] == 1 else a for a in authors}
