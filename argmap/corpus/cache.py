"""Checked corpora kept between runs, so that ``argmap show`` after ``argmap build`` does not read
and check every file again.

**Never stale.** An entry is used only when everything the check depends on is byte for byte
what it was: the corpus folder (as named and where it leads, and the name and content of every
file at its top level; files that are not YAML by name count by size and modification time),
the ``--texts-from`` folders, every source text the corpus names (where it leads, that the
reader's rules still let it be read, and its content), and the code that checks them (the source
of every argmap module, and the versions of Python, pydantic and PyYAML). Any change is a miss,
and a miss runs the full check. Only a corpus that passes every check is kept; a broken corpus is
always checked afresh, so its problems are always reported as they are now.

**Where.** In ``argmap.cachedir``'s folder (``$ARGMAP_CACHE_DIR``, ``$XDG_CACHE_HOME/argmap``
or ``~/.cache/argmap``): one file per corpus folder (named by a hash of the folder's path; the
newest ``KEEP`` are kept). Deleting the folder is always safe. ``ARGMAP_NO_CACHE=1`` turns the
cache off. The cache never changes an output: a hit gives back the very ``Corpus`` the check
built. It is skipped, silently, when its folder cannot be written or is not the user's own
(entries are Python pickles, so only a private folder is trusted).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from argmap.cachedir import cache_folder, private_folder
from argmap.corpus.checked import Corpus

FORMAT = 1
KEEP = 8  # corpus folders remembered; the least recently used are forgotten
_YAML = (".yaml", ".yml")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the code and libraries a check runs: any change invalidates every entry."""
    import pydantic
    import yaml

    import argmap

    digest = hashlib.sha256()
    digest.update(f"{FORMAT} {argmap.__version__} {sys.version} {pydantic.VERSION} {yaml.__version__} "
                  f"{getattr(yaml, '__with_libyaml__', False)}".encode())
    package = Path(argmap.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _encoded(path: Path | str) -> bytes:
    return str(path).encode("utf-8", "surrogateescape") + b"\0"


def folder_fingerprint(folder: Path, text_roots: Sequence[Path] = ()) -> str:
    """A digest of how the folder was named, where it and the text folders are, and of every
    file at its top level (YAML files by where they lead and what they hold)."""
    digest = hashlib.sha256(code_fingerprint().encode() + b"\0")
    # As named, too: problems and warnings name files by the path given on the command line.
    for part in (folder, folder.resolve(), *(Path(root).resolve() for root in text_roots)):
        digest.update(_encoded(part))
    with os.scandir(folder) as entries:
        listing = sorted(entries, key=lambda entry: entry.name)
    for entry in listing:
        digest.update(_encoded(entry.name))
        try:
            if not entry.is_file():
                digest.update(b"not a file\0")
            elif entry.name.lower().endswith(_YAML):
                digest.update(_encoded(os.path.realpath(entry.path)) + Path(entry.path).read_bytes() + b"\0")
            else:
                info = entry.stat()
                digest.update(f"{info.st_size} {info.st_mtime_ns}\0".encode())
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}\0".encode())
    return digest.hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _texts_of(folder: Path, corpus: Corpus) -> list[tuple[str, str, str]]:
    """(path as the source names it, where it leads, digest of the content checked) for every source text."""
    return [(source.text, str((folder / source.text).resolve()), _digest(corpus.texts[source_id].encode("utf-8")))
            for source_id, source in corpus.sources.items() if source_id in corpus.texts]


def _text_unchanged(folder: Path, roots: list[Path], named: str, resolved: str, digest: str) -> bool:
    """Whether the text still leads where it did, may still be read, and holds what was checked."""
    from argmap.corpus.inputs import MAX_TEXT_BYTES, Budget, Refused, read_input

    path = folder / named
    if str(path.resolve()) != resolved:
        return False
    try:
        return _digest(read_input(path, roots, MAX_TEXT_BYTES, Budget())) == digest
    except Refused:
        return False


@dataclass
class CorpusCache:
    """Where checked corpora are kept; ``lookup`` before a check and ``store`` after one."""

    folder: Path

    @classmethod
    def default(cls) -> CorpusCache | None:
        """The cache the command line uses (``argmap.cachedir``), or None when turned off."""
        folder = cache_folder()
        return None if folder is None else cls(folder)

    def entry(self, corpus_folder: Path) -> Path:
        return self.folder / f"{_digest(str(corpus_folder).encode('utf-8', 'surrogateescape'))[:32]}.pickle"

    def _private(self, path: Path) -> bool:
        return private_folder(path)

    def lookup(self, corpus_folder: Path, text_roots: Sequence[Path] = ()) -> tuple[Corpus | None, str]:
        """(the kept corpus, or None; the folder's fingerprint, to pass to ``store``)."""
        try:
            key = folder_fingerprint(corpus_folder, text_roots)
            folder = corpus_folder.resolve()
        except (OSError, RuntimeError):
            return None, ""
        path = self.entry(folder)
        if not (self._private(self.folder) and self._private(path)):
            return None, key
        roots = [folder, *(Path(root).resolve() for root in text_roots)]
        try:
            with open(path, "rb") as stream:
                header: Any = pickle.load(stream)
                if not isinstance(header, dict) or header.get("key") != key:
                    return None, key
                for named, resolved, digest in header["texts"]:
                    if not _text_unchanged(corpus_folder, roots, named, resolved, digest):
                        return None, key
                corpus = pickle.load(stream)
            os.utime(path)  # most recently used
        except Exception:  # a damaged or unreadable entry is a miss, never an error
            return None, key
        return (corpus, key) if isinstance(corpus, Corpus) else (None, key)

    def store(self, corpus_folder: Path, text_roots: Sequence[Path], key: str, corpus: Corpus) -> None:
        """Keep ``corpus``, checked from files with fingerprint ``key``, unless they changed meanwhile."""
        try:
            folder = corpus_folder.resolve()
            if not key or folder_fingerprint(corpus_folder, text_roots) != key:
                return  # a file changed while it was being checked: keep nothing
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self._private(self.folder):
                return
            handle, temp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    pickle.dump({"key": key, "texts": _texts_of(corpus_folder, corpus)}, stream,
                                protocol=pickle.HIGHEST_PROTOCOL)
                    pickle.dump(corpus, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temp, self.entry(folder))
            finally:
                if os.path.exists(temp):
                    os.unlink(temp)
            self._forget_old()
        except Exception:  # a cache that cannot be written is simply not used
            return

    def _forget_old(self) -> None:
        entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
