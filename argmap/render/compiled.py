"""Where compiled page templates may be kept between runs.

Compiling the templates is a tenth of a small build. The command line sets ``folder`` (inside
``argmap.cachedir``, beside the checked corpora) before anything is rendered; the library
keeps none by default. Jinja checks each kept template against its source, so a changed
template is compiled afresh; a folder that cannot be used is skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

folder: Path | None = None


def bytecode_cache() -> Any:
    """A Jinja bytecode cache in ``folder``, or None (no folder, or not one to trust)."""
    if folder is None:
        return None
    from jinja2 import FileSystemBytecodeCache

    from argmap.cachedir import private_folder

    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if private_folder(folder.parent):
            folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    if not (private_folder(folder) and private_folder(folder.parent)):  # code others could plant: never
        return None

    class Tolerant(FileSystemBytecodeCache):
        """A kept template that cannot be read or written is compiled as if none were kept."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged file: compile afresh
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return Tolerant(str(folder))
