"""Reading a corpus that may come from a stranger: limits, regular files only, nothing outside it.

Every byte argmap reads from a corpus goes through ``read_input``: the file must resolve (symlinks
followed) inside one of the allowed folders, be a regular file (never a FIFO, a device or a
folder: those hang or never end), and stay under its size limit. The limits are documented in the
README ("Untrusted corpora"); they are far above any real corpus and far below what would exhaust
memory.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

MiB = 1024 * 1024

MAX_YAML_BYTES = 10 * MiB  # one corpus file: a 10,000-claim corpus in one file is about 4 MB
MAX_TEXT_BYTES = 20 * MiB  # one source text: six times War and Peace (3.2 MB)
MAX_CORPUS_BYTES = 200 * MiB  # everything one corpus reads, YAML and texts together
MAX_DEPTH = 50  # nesting of YAML collections; the format needs 4
MAX_ALIAS_VALUES = 100_000  # values that YAML aliases (*name) may repeat in one file
MAX_PROBLEMS_SHOWN = 1000  # problems a CorpusError lists (it counts the rest)
MAX_QUOTE_SEARCHES = 200  # quotes not found for which the closest passage is searched


@dataclass(frozen=True)
class Refused(Exception):
    """A file argmap will not read, and why, with the fix."""

    reason: str
    fix: str


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``path`` (already resolved) lies in one of ``roots`` (already resolved)."""
    return any(path == root or path.is_relative_to(root) for root in roots)


class Budget:
    """The bytes one corpus may still read (MAX_CORPUS_BYTES in all)."""

    def __init__(self, total: int = MAX_CORPUS_BYTES) -> None:
        self.left = total


def read_input(path: Path, roots: Sequence[Path], limit: int, budget: Budget) -> bytes:
    """The bytes of ``path``, or Refused: outside ``roots``, not a regular file, too large, unreadable."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        raise Refused(f"cannot be followed: {getattr(exc, 'strerror', None) or exc}",
                      "replace the link with the file itself") from None
    if not inside(real, roots):
        raise Refused(f"resolves to {real}, outside the corpus folder",
                      "keep every corpus file and source text inside the corpus folder (symlinks included), "
                      "or name the folder that holds the texts with --texts-from FOLDER")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the path was resolved.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise Refused("not found", "check the path") from None
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}", "check that the file exists and that you may read it") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"is {kind_of(info.st_mode)}, not a file",
                          "point to a plain text file (argmap reads regular files only)")
        cap = min(limit, budget.left)
        if info.st_size > cap:
            raise _too_large(info.st_size, limit, budget)
        chunks: list[bytes] = []
        size = 0
        while True:  # read to the end, but never past the cap (the file may grow while we read)
            chunk = os.read(fd, min(1 * MiB, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                raise _too_large(size, limit, budget)
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}", "check that you may read the file") from None
    finally:
        os.close(fd)
    budget.left -= size
    return b"".join(chunks)


def _too_large(size: int, limit: int, budget: Budget) -> Refused:
    if size > limit:
        return Refused(f"is larger than argmap reads ({_mib(size)}; the limit is {_mib(limit)})",
                       "split it into smaller files")
    return Refused(f"would take the corpus past the {_mib(MAX_CORPUS_BYTES)} argmap reads in all",
                   "split the corpus into smaller corpora")


def _mib(size: int) -> str:
    return f"{size / MiB:.1f} MB" if size < 10 * MiB else f"{size // MiB} MB"


def line_of(data: bytes | str, offset: int) -> int:
    """The 1-based line of character (or byte) ``offset``."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]
