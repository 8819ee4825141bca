"""The same corpus gives byte-identical outputs, whatever the hash seed, and pages are self-contained."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FLAGSHIP, MINI, REPO

PAGES = ["argmap.html", "brief.html"]


def _build(corpus: Path, out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "argmap", "build", str(corpus), "--out", str(out)],
                   check=True, capture_output=True, env=env, cwd=REPO)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("corpus", [pytest.param(MINI, id="mini"), pytest.param(FLAGSHIP, id="flagship")])
def test_builds_in_two_processes_with_different_hash_seeds_are_identical(tmp_path: Path, corpus: Path) -> None:
    first = _build(corpus, tmp_path / "first", "1")
    second = _build(corpus, tmp_path / "second", "2718")
    assert sorted(first) == sorted(second) and first
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize("name", PAGES)
def test_built_pages_load_nothing_from_elsewhere(tmp_path: Path, name: str) -> None:
    html = _build(MINI, tmp_path / "out", "0")[name].decode("utf-8")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", html)
    assert 'http-equiv="Content-Security-Policy"' in html
