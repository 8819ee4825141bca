"""Find the author or thesis a person named.

Authors can be named the way people name them: full name ("Taras Kuzio"), surname ("kuzio") or
the id of one of their sources ("kuzio"), all case-insensitively. A name that fits two authors
is refused rather than guessed.

Theses can be named by id ("protected-civilians"), by the label the tables show ("protected
civilians"), or by the start of either ("protected"), in any case. An exact id or label wins;
otherwise a start that fits two theses is refused, listing them.
"""

from __future__ import annotations

import unicodedata

from argmap.errors import AmbiguousAuthorError, AmbiguousThesisError, UnknownAuthorError, UnknownThesisError
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


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def resolve_thesis(graph: Graph, name: str) -> str:
    """The id of the thesis ``name`` names: its id, its label or a unique start of either, any case."""
    theses: list[dict[str, str]] = graph.graph["theses"]
    wanted = _folded(name)
    names = {t["id"]: (_folded(t["id"]), _folded(t["label"])) for t in theses}
    for exact in (0, 1):  # an exact id, then an exact label
        found = [tid for tid, keys in names.items() if keys[exact] == wanted]
        if len(found) == 1:
            return found[0]
    found = [tid for tid, keys in names.items() if wanted and any(k.startswith(wanted) for k in keys)]
    if len(found) == 1:
        return found[0]
    labels = {t["id"]: t["label"] for t in theses}
    if found:
        raise AmbiguousThesisError(name, [(tid, labels[tid]) for tid in found])
    raise UnknownThesisError(name, [(t["id"], t["label"]) for t in theses], _spellings(theses))


def _spellings(theses: list[dict[str, str]]) -> list[str]:
    """What a did-you-mean may suggest: ids, labels, and first words that name one thesis alone."""
    starts: dict[str, set[str]] = {}
    for t in theses:
        for key in (t["id"].split("-")[0], t["label"].split()[0] if t["label"].split() else ""):
            starts.setdefault(key, set()).add(t["id"])
    unique = [key for key, ids in starts.items() if key and len(ids) == 1]
    return [t["id"] for t in theses] + [t["label"] for t in theses] + unique


def short_names(graph: Graph) -> dict[str, str]:
    """Author -> surname, or the full name where two authors share a surname (table headers)."""
    authors: list[str] = graph.graph["authors"]
    counts: dict[str, int] = {}
    for author in authors:
        counts[surname(author)] = counts.get(surname(author), 0) + 1
    return {a: surname(a) if counts[surname(a)] == 1 else a for a in authors}
