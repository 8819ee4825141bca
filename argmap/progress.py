"""Progress of long work, reported by the library and shown (or not) by whoever called it.

A ``Progress`` is called as ``progress(phase, done, total)``: ``phase`` is a short fixed label
("Reading corpus files"), never corpus text; ``done`` of ``total`` steps are finished. The
library only calls it; ``argmap.cli.progress`` draws a bar on a terminal, and by default nothing
is shown at all.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, TypeVar

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


def no_progress(phase: str, done: int, total: int) -> None:
    """The default: report nothing."""


def counted(progress: Progress, phase: str, items: Iterable[T], total: int) -> Iterator[T]:
    """``items``, reporting ``phase`` before the first and after each one."""
    progress(phase, 0, total)
    done = 0
    for item in items:
        yield item
        done += 1
        progress(phase, done, total)
