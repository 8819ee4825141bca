"""Golden files: whole documents as they should be, kept in tests/data/golden/ and compared byte for byte.

A change to a golden file is a change to what users get, so they are only ever rewritten on
purpose: ``ARGMAP_GOLDEN=update python3 -m pytest tests/test_golden.py`` rewrites every one the run
reaches (those tests then skip, saying so); review the diff with git before committing it.
"""

from __future__ import annotations

import os

import pytest

from conftest import DATA

GOLDEN = DATA / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ARGMAP_GOLDEN") == "update":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        pytest.skip(f"rewrote {path}: review the diff before committing it")
    assert path.exists(), f"no golden file {path}; create it with ARGMAP_GOLDEN=update, then review it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is meant, rewrite it with ARGMAP_GOLDEN=update"
        " and review the diff")
