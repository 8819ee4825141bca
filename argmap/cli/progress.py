"""Progress bars on stderr, for work long enough to wait for; nothing at all when stderr is not a
terminal, so pipes, scripts and CI logs stay exactly as they were.

The library reports ``(phase, done, total)`` (``argmap.progress``); a phase gets a click progress
bar (its label, the count and the time left) once the command has run for ``DELAY`` seconds, so
quick commands never flash a bar. Labels are fixed phrases, never corpus text.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Any, Iterator, TextIO

import click

from argmap.progress import Progress, no_progress

DELAY = 0.5  # seconds of work before a bar appears
REDRAW = 0.1  # seconds between redraws of a bar
LABEL_WIDTH = 28  # the phases' labels padded alike, so their bars line up


class TerminalProgress:
    """A ``Progress`` that draws one click progress bar per phase on ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.phase = ""
        self.bar: Any = None
        self.drawn = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase != self.phase:
            self.close()
            self.phase = phase
        if self.bar is None:
            if now - self.started < DELAY or done >= total:
                return
            self.bar = click.progressbar(length=total, label=phase.ljust(LABEL_WIDTH), file=self.stream,
                                         show_pos=True, show_eta=True, width=30)
            self.bar.__enter__()
        elif now - self.drawn < REDRAW and done < total:
            return
        self.drawn = now
        self.bar.length = max(total, done)
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@contextmanager
def progress_bars(stream: TextIO | None = None) -> Iterator[Progress]:
    """A bar-drawing ``Progress`` while the block runs, when ``stream`` (default: stderr) is a
    terminal; else one that says nothing."""
    stream = sys.stderr if stream is None else stream
    if not stream.isatty():
        yield no_progress
        return
    shown = TerminalProgress(stream)
    try:
        yield shown
    finally:
        shown.close()
