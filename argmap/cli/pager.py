"""Output for a person at a terminal: wrapped to its width, and paged when it is long, as git does.

Only when stdout is a terminal. Piped or redirected output is exactly what the renderers return,
byte for byte, so scripts, diffs and the golden-file tests see the same text whatever the
terminal. The pager is ``$PAGER`` (``less`` when unset; ``PAGER=cat`` turns paging off), and,
as git does, ``LESS=FRX`` unless the user has set ``LESS``: less quits at once when the text
fits on one screen and leaves it on the screen afterwards.
"""

from __future__ import annotations

import os
import shutil
import sys

import click

from argmap.render.terminal import WIDTH

MIN_WIDTH = 40  # narrower than this, wrapping does more harm than the terminal's own


def on_terminal() -> bool:
    return sys.stdout.isatty()


def width() -> int:
    """The terminal's width when printing to one, else the renderers' fixed width."""
    if not on_terminal():
        return WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((WIDTH, 24)).columns)


def show(text: str, markdown: bool = False) -> None:
    """Print ``text`` with its control characters made visible; on a terminal wrap Markdown to its
    width and page what is longer than a screen."""
    from argmap.render.visible import visible

    text = visible(text)
    if not on_terminal():
        click.echo(text, nl=False)
        return
    columns, rows = shutil.get_terminal_size((WIDTH, 24))
    if markdown:
        from argmap.render.markdown import wrap_for_terminal

        text = wrap_for_terminal(text, max(MIN_WIDTH, columns))
    if text.count("\n") < rows - 1:
        click.echo(text, nl=False)
        return
    os.environ.setdefault("LESS", "FRX")
    click.echo_via_pager(text.removesuffix("\n"))  # it ends the text with a newline of its own
