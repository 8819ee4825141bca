"""The command group and the one edge where library errors become command-line errors.

Every command is an ``ArgmapCommand``: an ``ArgmapError`` raised anywhere below it becomes a
message and exit code 1 (a ClickException), or, for a request that cannot be met as asked
(``exit_code`` 2), a usage error with the command's usage line. Never a traceback.
"""

from __future__ import annotations

from typing import Any

import click

from argmap import __version__
from argmap.errors import ArgmapError


class ArgmapCommand(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            if error.exit_code == 2:
                raise click.UsageError(str(error), ctx) from None
            raise click.ClickException(str(error)) from None


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


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name or "argmap")
