"""The argmap command line: the only package that knows about click.

``group`` holds the command group and the one place library errors become exit codes;
``corpus`` the commands that check and build a corpus, ``views`` the comparative views and the
brief, ``teaching`` the quiz and the worksheet, ``exchange`` export and import for other tools.
"""

from argmap.cli import corpus, drafting, exchange, teaching, views  # noqa: F401  (each module registers its commands)
from argmap.cli.group import cli, main

__all__ = ["cli", "main"]
