"""The README and the commands stay in step (in the manner of sqlite-utils' test_docs.py):
every command and option is documented, every command's help carries an example, and every
attribute argmap.json carries is in the README's table."""

from __future__ import annotations

import re
from typing import Any

import click
import pytest

from argmap.cli import cli
from argmap.render.json import graph_to_json
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def _options(command: click.Command) -> list[str]:
    return sorted(opt for param in command.params if isinstance(param, click.Option) for opt in param.opts
                  if opt.startswith("--"))


def _json_section() -> str:
    start = README.index("## The graph and its JSON")
    return README[start:README.index("\n## ", start + 1)]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    assert re.search(rf"\bargmap {name}\b", README), f"the README never shows 'argmap {name}'"


@pytest.mark.parametrize("name, option", [(n, o) for n in COMMANDS for o in _options(cli.commands[n])],
                         ids=lambda value: str(value))
def test_every_option_is_documented_in_the_readme(name: str, option: str) -> None:
    assert option in README, f"'argmap {name} {option}' is not documented in the README"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = cli.commands[name]
    assert command.help and "Example" in command.help, f"'argmap {name} --help' gives no example"
    for line in command.help.split("Example", 1)[1].splitlines()[1:]:
        if line.strip():
            assert line.strip().startswith("argmap "), f"example line {line!r} is not an argmap command"


def test_every_json_attribute_is_in_the_readme_table(mini_graph: Any) -> None:
    import json

    data = json.loads(graph_to_json(mini_graph))
    table = _json_section()
    names = set(data["graph"]) | {k for node in data["nodes"] for k in node if k != "id"}
    names |= {k for edge in data["edges"] for k in edge if k not in ("source", "target")}
    names |= {k for source in data["graph"]["sources"] for k in source}
    missing = sorted(n for n in names if f"`{n}`" not in table)
    assert missing == [], f"attributes of argmap.json missing from the README table: {missing}"


def test_every_command_the_readme_shows_exists() -> None:
    blocks = "\n".join(re.findall(r"^```(?:sh|console)?\n(.*?)^```", README, re.M | re.S))
    shown = set(re.findall(r"^\s*(?:\$ )?(?:python3 -m )?argmap ([a-z][a-z-]*)", blocks, re.M))
    assert shown and sorted(shown - set(COMMANDS)) == []


def test_the_library_exports_what_the_readme_uses() -> None:
    import argmap

    assert all(getattr(argmap, name) is not None for name in argmap.__all__)
    used = re.findall(r"^from argmap import (.+)$", README, re.M)
    assert used and all(name.strip() in argmap.__all__ for line in used for name in line.split(","))
