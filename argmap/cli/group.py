"""The command group and the one edge where library errors become command-line errors.

Every command is an ``ArgmapCommand``: an ``ArgmapError`` raised anywhere below it becomes a
message and exit code 1 (a ClickException), or, for a request that cannot be met as asked
(``exit_code`` 2), a usage error with the command's usage line. Never a traceback.

Messages carry corpus text, so their control characters are made visible. ``main`` also keeps
printing from failing: characters the terminal's encoding lacks are written as escapes (under
``LC_ALL=C`` or a Latin-1 locale), and a full disk or a closed pipe on standard output ends the
run with a message and status 1, not a traceback.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from argmap import __version__
from argmap.errors import ArgmapError


class ArgmapCommand(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        from argmap.render.visible import visible

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            if error.exit_code == 2:
                raise click.UsageError(visible(str(error)), ctx) from None
            raise click.ClickException(visible(str(error))) from None


class ArgmapGroup(click.Group):
    command_class = ArgmapCommand


@click.group(cls=ArgmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """Map where several authors' accounts of one event agree and clash.

    \b
    Start with:
      argmap validate claims/
      argmap build claims/ --out graphs/
    """


# Writing to standard output failed for a reason outside argmap: say so, without a traceback.
_OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT}


def main(prog_name: str | None = None) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    code: Any = 0
    try:
        cli.main(prog_name=prog_name or "argmap")
    except SystemExit as done:
        code = done.code
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        code = _output_failed(error)
    for stream in (sys.stdout, sys.__stdout__):
        try:
            if stream is not None:
                stream.flush()
        except OSError as error:
            code = _output_failed(error)
    sys.exit(code)


def _output_failed(error: OSError) -> int:
    # Point standard output at /dev/null, so that nothing (not even Python's own flush at exit)
    # tries to write there again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass
    if error.errno != errno.EPIPE:  # a closed pipe (`| head`) is what the reader asked for
        try:
            sys.stderr.write(f"Error: cannot write to standard output: {error.strerror or error}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    return 1
