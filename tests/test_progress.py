"""Progress bars: on stderr when it is a terminal (a real pty here), and not a byte extra when it
is not, so scripts and CI logs stay as they were."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from argmap.progress import counted
from conftest import REPO
from synthetic import write_corpus

# The real command line, with bars allowed from the first moment (the library reports the same
# phases at any speed; the delay only keeps quick commands from flashing a bar).
RUN = "import sys, argmap.cli.progress as p; p.DELAY = 0; from argmap.cli import main; sys.argv[0] = 'argmap'; main()"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress") / "corpus"
    write_corpus(folder, 600, seed=2)
    return folder


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "ARGMAP_CACHE_DIR": str(tmp / "cache"), "COLUMNS": "100"}


def _run_with_terminal_stderr(args: list[str], tmp: Path) -> tuple[int, str, str]:
    """(exit status, stdout through a pipe, what the terminal on stderr received)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", RUN, *args], stdout=subprocess.PIPE, stderr=slave,
                               stdin=subprocess.DEVNULL, env=_env(tmp))
    os.close(slave)
    received = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout = process.stdout.read() if process.stdout else b""
    status = process.wait()
    reader.join(timeout=30)
    os.close(master)
    return status, stdout.decode(), received.decode()


def test_a_build_shows_each_phase_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    status, stdout, terminal = _run_with_terminal_stderr(["build", str(corpus), "--out", str(tmp_path / "out")], tmp_path)
    assert status == 0
    assert stdout == "".join(f"wrote {tmp_path / 'out' / name}\n" for name in ("argmap.html", "argmap.json", "argmap.svg", "brief.html", "brief.md"))
    files = len(list(corpus.glob("*.yaml")))
    for phase, total in (("Reading corpus files", files), ("Checking quotes", 600), ("Building the map and brief", 7)):
        assert phase in terminal
        assert f"{total}/{total}" in terminal  # the count, drawn as the phase ends
    assert "Checking quotes" in terminal.split("Reading corpus files")[-1]  # in order
    # Nothing read again from the cache the build filled: no bar at all.
    status, stdout, terminal = _run_with_terminal_stderr(["stances", "--corpus", str(corpus)], tmp_path)
    assert status == 0 and stdout.startswith("Where each author stands") and terminal == ""


def test_a_validate_with_problems_shows_progress_then_the_problems(corpus: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    write_corpus(broken, 600, seed=2, broken_quotes=5, misspelt_ids=5)
    status, stdout, terminal = _run_with_terminal_stderr(["validate", str(broken)], tmp_path)
    assert status == 1 and stdout == ""
    assert "Checking quotes" in terminal and "600/600" in terminal
    problems = terminal.split("600/600")[-1]
    assert "Error: 10 problems found:" in problems and problems.count("quote not found") == 5


@pytest.mark.parametrize("args", [["validate"], ["build", "--out"], ["stances", "--corpus"]], ids=lambda a: a[0])
def test_nothing_extra_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path, args: list[str]) -> None:
    command = [*args, str(corpus)] if args[0] != "build" else ["build", str(corpus), "--out", str(tmp_path / "out")]
    done = subprocess.run([sys.executable, "-c", RUN, *command], capture_output=True, text=True,
                          env={**_env(tmp_path), "ARGMAP_NO_CACHE": "1"})
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout


def test_counted_reports_before_the_first_and_after_each() -> None:
    heard: list[tuple[str, int, int]] = []
    assert list(counted(lambda *call: heard.append(call), "Phase", "abc", 3)) == ["a", "b", "c"]
    assert heard == [("Phase", 0, 3), ("Phase", 1, 3), ("Phase", 2, 3), ("Phase", 3, 3)]
