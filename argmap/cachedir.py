"""Where argmap keeps what it may reuse between runs: checked corpora (``argmap.corpus.cache``)
and compiled page templates (``argmap.render.compiled``).

``$ARGMAP_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``;
``ARGMAP_NO_CACHE=1`` turns it off. Deleting the folder is always safe. Light to import: the
command line asks for it before it knows which command runs.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_folder() -> Path | None:
    """The cache folder the command line uses, or None when caching is turned off."""
    if os.environ.get("ARGMAP_NO_CACHE", "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get("ARGMAP_CACHE_DIR") or ""
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "argmap"


def private_folder(path: Path) -> bool:
    """Whether ``path`` belongs to this user and nobody else may write to it (what is kept there
    is run as code or unpickled, so only a private folder is trusted)."""
    try:
        info = path.stat()
    except OSError:
        return False
    uid = getattr(os, "getuid", None)
    return (uid is None or info.st_uid == uid()) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
