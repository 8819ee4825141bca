"""Write a set of output files all-or-nothing: after a run, either every file is new or none is.

A build writes four files, a quiz three. Each is rendered in memory, then:

1. every target is checked before anything is replaced (not a folder, not a file the corpus was
   read from, a folder we may write in);
2. the new files are written beside their targets as ``.argmap-new-TOKEN-NAME`` and synced;
3. a journal ``.argmap-commit-TOKEN`` names the set (from here on the set is committed);
4. each existing target keeps a hard link ``.argmap-old-TOKEN-NAME``, and the new file is
   renamed over it (each rename is atomic: a target is always wholly old or wholly new);
5. the journal and the links are removed.

An error in step 4 puts the old files back. A run killed in step 4 leaves the journal: the next
write into the folder puts the old files back before it starts, so a folder never keeps a
half-replaced set, and it removes any temporary file of our naming that a killed run left. A
lock on the folder keeps two runs from writing into it at once; interrupting signals wait
until the renames are done.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import signal
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from argmap.errors import OutputError

NEW, OLD, JOURNAL = ".argmap-new-", ".argmap-old-", ".argmap-commit-"
_OURS = re.compile(r"^\.argmap-(new|old)-([0-9a-f]{12})-(.+)$")
_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT}


def write_files(folder: Path, files: dict[str, str], protect: Iterable[Path] = ()) -> list[Path]:
    """Write ``files`` (name -> text) into ``folder``: every file is replaced, or none is.

    ``protect`` lists files that must never be written over (the corpus's own files).
    """
    folder = logical(folder)
    protected = {Path(p).resolve() for p in protect}
    targets = _check_targets(folder, files, protected)
    created = _make_folder(folder)
    try:
        with _locked(folder):
            recover(folder, files)
            token = uuid.uuid4().hex[:12]
            staged = _stage(folder, token, files)
            _commit(folder, token, staged)
    except BaseException:
        for made in reversed(created):  # leave no empty folder we made
            try:
                made.rmdir()
            except OSError:
                pass
        raise
    return targets


def write_file(path: Path, text: str, protect: Iterable[Path] = ()) -> Path:
    path = logical(path)
    return write_files(path.parent, {path.name: text}, protect)[0]


def logical(path: Path) -> Path:
    """``path`` with each ``..`` that follows a folder that does not exist removed.

    ``--out a/../b`` must not create ``a``: where ``a`` does not exist, ``a/..`` can only mean
    the folder it would be in. Where ``a`` exists, ``..`` is left to the system (``a`` may be a
    symlink).
    """
    parts = Path(path).parts
    kept: list[str] = []
    for part in parts:
        if part == ".." and kept and kept[-1] not in ("..", "/") and not Path(*kept).exists():
            kept.pop()
        elif part != ".":
            kept.append(part)
    return Path(*kept) if kept else Path(".")


def _check_targets(folder: Path, files: dict[str, str], protected: set[Path]) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "it is a file, not a folder")
    targets = []
    for name in files:
        target = folder / name
        if target.is_dir():
            raise OutputError(target, "it is a folder; nothing was written")
        if target.resolve() in protected:
            raise OutputError(target, "it is a file the corpus is read from; write the output somewhere else")
        targets.append(target)
    existing = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(folder, f"no permission to write in {existing}")
    return targets


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    created = []
    try:
        for path in missing:
            path.mkdir()
            created.append(path)
    except OSError as exc:
        for path in reversed(created):
            path.rmdir()
        raise OutputError(folder, exc.strerror or str(exc)) from None
    return created


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(folder, "another argmap is writing into this folder; try again when it is done") from None
        except OSError:
            pass  # a file system without locks (some network ones): write unlocked, as before
        yield
    finally:
        os.close(fd)  # closing releases the lock


def recover(folder: Path, files: Iterable[str] = ()) -> None:
    """Undo a set a killed run left half-replaced, and remove temporary files of our naming."""
    names = os.listdir(folder)
    journals = {n[len(JOURNAL):]: n for n in names if n.startswith(JOURNAL)}
    for token, journal in journals.items():
        try:
            listed = json.loads((folder / journal).read_text(encoding="utf-8"))["names"]
        except (OSError, ValueError, KeyError, TypeError):
            listed = []
        for name in listed:
            if not isinstance(name, str) or "/" in name:
                continue
            old, new = folder / f"{OLD}{token}-{name}", folder / f"{NEW}{token}-{name}"
            if old.exists():
                os.replace(old, folder / name)
            elif not new.exists():  # it had been renamed in over no earlier file
                (folder / name).unlink(missing_ok=True)
        (folder / journal).unlink(missing_ok=True)
    # Left by a killed run that never committed (or by a run killed while cleaning up).
    legacy = [re.compile(rf"^\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp$") for name in files]
    for name in names:
        if _OURS.match(name) or any(p.match(name) for p in legacy):
            (folder / name).unlink(missing_ok=True)


def _stage(folder: Path, token: str, files: dict[str, str]) -> dict[str, Path]:
    staged: dict[str, Path] = {}
    try:
        for name, text in files.items():
            path = folder / f"{NEW}{token}-{name}"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)  # the umask applies
            staged[name] = path
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException as exc:
        for path in staged.values():
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(folder, exc.strerror or str(exc)) from None
        raise
    return staged


@contextmanager
def _signals_held() -> Iterator[None]:
    """Interrupting signals wait until the renames are done (SIGKILL cannot: see ``recover``)."""
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (AttributeError, OSError, ValueError):  # not the main thread, or no such call
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _commit(folder: Path, token: str, staged: dict[str, Path]) -> None:
    journal = folder / f"{JOURNAL}{token}"
    done: list[tuple[str, Path | None]] = []
    target = journal
    with _signals_held():
        try:
            journal.write_text(json.dumps({"names": list(staged)}), encoding="utf-8")
            _sync(journal)
            _sync(folder)
            for name, new in staged.items():
                target = folder / name
                old: Path | None = None
                if target.exists() or target.is_symlink():
                    old = folder / f"{OLD}{token}-{name}"
                    _keep(target, old)
                os.replace(new, target)
                done.append((name, old))
        except BaseException as exc:
            for name, old in reversed(done):
                if old is not None:
                    os.replace(old, folder / name)
                else:
                    (folder / name).unlink(missing_ok=True)
            for name, new in staged.items():
                new.unlink(missing_ok=True)
                (folder / f"{OLD}{token}-{name}").unlink(missing_ok=True)
            journal.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise OutputError(target, f"{exc.strerror or exc}; the earlier files were left as they were") from None
            raise
        journal.unlink()
        for _, old in done:
            if old is not None:
                old.unlink(missing_ok=True)
        _sync(folder)


def _keep(target: Path, old: Path) -> None:
    """A second name for the current file, to put back on failure (a copy where links fail)."""
    try:
        os.link(target, old, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK, errno.EOPNOTSUPP):
            raise
        shutil.copy2(target, old, follow_symlinks=False)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder
        pass
    finally:
        os.close(fd)


SUFFIXES = {"md": ".md", "html": ".html"}


def with_suffix(out: Path, fmt: str) -> Path:
    """``out`` as given, or with the format's suffix when it has none."""
    return out if out.suffix else out.with_name(out.name + SUFFIXES[fmt])


def quiz_paths(out: Path, fmt: str) -> tuple[Path, Path, Path]:
    """(student sheet, answer key, self-marking page) for ``--out``.

    ``--out lesson/quiz.md`` writes the sheet ``lesson/quiz.md``, the key ``lesson/quiz-key.md``
    and the self-marking page ``lesson/quiz-self.html`` (always HTML: it runs in a browser).
    """
    sheet = with_suffix(out, fmt)
    return sheet, sheet.with_name(f"{sheet.stem}-key{sheet.suffix}"), sheet.with_name(f"{sheet.stem}-self.html")


def format_for(out: Path | None, given: str | None) -> str:
    """The format asked for, else the one the file name implies (.html or .htm), else Markdown."""
    if given:
        return given
    if out is not None and out.suffix.lower() in (".html", ".htm"):
        return "html"
    return "md"
