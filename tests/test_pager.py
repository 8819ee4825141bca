"""Long output on a terminal goes through the user's pager, wrapped to the terminal's width, as git
does; piped output is the renderers' text byte for byte and never meets a pager.

The commands run in a real pseudo-terminal of a set size, with PAGER set to a script that
records what it was given and the LESS it saw.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import Analysis
from argmap.documents.brief import build_brief
from argmap.documents.worksheet import thesis_worksheet
from argmap.render.markdown import render_brief_md, render_worksheet_md, wrap_for_terminal
from argmap.render.terminal import render_stances
from conftest import MINI


def _pager(tmp_path: Path) -> Path:
    script = tmp_path / "pager"
    script.write_text('#!/bin/sh\nprintf "%s" "${LESS-unset}" > "$0.less"\ncat > "$0.out"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


def _env(pager: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LESS", "PAGER")}
    return {**env, "PAGER": str(pager), "TERM": "xterm", **extra}


def _in_terminal(args: list[str], env: dict[str, str], columns: int, rows: int) -> str:
    """Run argmap with stdin and stdout on a pseudo-terminal of the given size; what it showed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as error:  # EIO: the terminal's last writer has gone
            assert error.errno == errno.EIO
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_long_brief_on_a_terminal_goes_through_the_pager_wrapped_to_its_width(tmp_path: Path, mini_analysis: Any) -> None:
    pager = _pager(tmp_path)
    shown = _in_terminal(["brief", "--corpus", str(MINI)], _env(pager), columns=60, rows=20)
    expected = wrap_for_terminal(render_brief_md(build_brief(mini_analysis)), 60)
    assert Path(f"{pager}.out").read_text(encoding="utf-8") == expected
    assert Path(f"{pager}.less").read_text(encoding="utf-8") == "FRX"  # as git sets it
    assert shown == ""  # everything went to the pager
    assert max(len(line) for line in expected.splitlines() if not line.startswith(("|", "#"))) <= 60


def test_the_users_less_settings_are_kept(tmp_path: Path) -> None:
    pager = _pager(tmp_path)
    _in_terminal(["worksheet", "--thesis", "design-fault", "--corpus", str(MINI)], _env(pager, LESS="-S"), 70, 10)
    assert Path(f"{pager}.less").read_text(encoding="utf-8") == "-S"


def test_output_that_fits_on_the_screen_is_printed_wrapped_not_paged(tmp_path: Path, mini_analysis: Any) -> None:
    pager = _pager(tmp_path)
    shown = _in_terminal(["stances", "--thesis", "design-fault", "--corpus", str(MINI)], _env(pager), 60, 40)
    assert shown == render_stances(mini_analysis, "design-fault", 60)
    assert not Path(f"{pager}.out").exists()
    assert max(map(len, shown.splitlines())) <= 60


@pytest.mark.parametrize(
    "args, expected",
    [
        pytest.param(["brief"], lambda a: render_brief_md(build_brief(a)), id="brief"),
        pytest.param(["worksheet", "--thesis", "design-fault"], lambda a: render_worksheet_md(thesis_worksheet(a, "design-fault")),
                     id="worksheet"),
        pytest.param(["stances"], lambda a: render_stances(a), id="stances"),
    ],
)
def test_piped_output_is_exact_and_never_paged(tmp_path: Path, mini_analysis: Any, args: list[str], expected: Any) -> None:
    pager = _pager(tmp_path)
    result = subprocess.run([sys.executable, "-m", "argmap", *args, "--corpus", str(MINI)], capture_output=True,
                            env=_env(pager, COLUMNS="40"), check=True)
    assert result.stdout.decode("utf-8") == expected(mini_analysis)
    assert not Path(f"{pager}.out").exists()


@pytest.mark.parametrize(
    "text, width, expected",
    [
        pytest.param("- **A1.** one two three four five six", 20, "- **A1.** one two\n  three four five\n  six", id="list-item-hangs"),
        pytest.param("  > \u201cone two three four five six\u201d", 16, "  > \u201cone two\n  > three four\n  > five six\u201d",
                     id="quote-keeps-its-marker"),
        pytest.param("1. one two three four five", 14, "1. one two\n   three four\n   five", id="numbered-item"),
        pytest.param("one two three in 2025. and on", 18, "one two three\nin 2025. and on", id="no-line-starts-with-a-number"),
        pytest.param("words and - more words", 10, "words\nand - more\nwords", id="no-line-starts-with-a-dash"),
        pytest.param("one two three four  ", 10, "one two\nthree four  ", id="hard-break-kept"),
        pytest.param("| a | b c d e f g h |", 8, "| a | b c d e f g h |", id="table-whole"),
        pytest.param("## A heading that is long", 8, "## A heading that is long", id="heading-whole"),
        pytest.param("short", 80, "short", id="short-untouched"),
    ],
)
def test_markdown_wraps_to_the_terminal_and_stays_markdown(text: str, width: int, expected: str) -> None:
    assert wrap_for_terminal(text, width) == expected
