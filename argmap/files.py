"""Write a set of output files all-or-nothing, so a failed run leaves no half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap.errors import OutputError


def write_files(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` (name -> text) into ``folder``: every file is complete or none is replaced."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, exc.strerror or str(exc)) from None
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temp_name, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
            staged.append((name, Path(temp_name)))
        written = []
        for name, staged_file in staged:
            target = folder / name
            os.replace(staged_file, target)
            written.append(target)
        return written
    except OSError as exc:
        for _, staged_file in staged:
            staged_file.unlink(missing_ok=True)
        raise OutputError(folder, exc.strerror or str(exc)) from None


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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(path: Path, text: str) -> Path:
    return write_files(path.parent, {path.name: text})[0]
