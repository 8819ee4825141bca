"""The core commands end to end: validate, build, show, help and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from conftest import MINI, REPO


def run(runner: CliRunner, *args: str) -> click.testing.Result:
    return runner.invoke(cli, list(args), catch_exceptions=False)


def all_commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("command", all_commands())
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"argmap {command}" in result.output


def test_validate_prints_a_one_line_summary(runner: CliRunner) -> None:
    result = run(runner, "validate", str(MINI))
    assert result.exit_code == 0
    assert result.output == (
        f"{MINI}: OK: 3 sources, 12 claims, 4 relations, 6 within-author supports, 3 theses, 1 events; every quote found\n"
    )


def test_validate_reports_problems_with_exit_1_and_no_traceback(runner: CliRunner, mini: Path) -> None:
    yaml = mini / "cedar.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("type: recommendation", "type: advice"), encoding="utf-8")
    result = run(runner, "validate", str(mini))
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem found:\n"
        f"{mini}/cedar.yaml:29: claims[cedar.city].type: 'advice' is not allowed here\n"
        "    fix: use one of: 'fact', 'interpretation', 'causal', 'evaluation', 'prediction' or 'recommendation'\n"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["validate", "no-such-folder"], "Directory 'no-such-folder' does not exist.", id="missing-folder"),
        pytest.param(["build", str(MINI), "--colour"], "No such option '--colour'. Did you mean '--out'?", id="bad-option"),
        pytest.param(["validate"], "Missing argument 'CORPUS'.", id="missing-argument"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_build_writes_map_and_graph(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(runner, "build", str(MINI), "--out", str(out))
    assert result.exit_code == 0
    written = sorted(p.name for p in out.iterdir())
    assert {"argmap.html", "argmap.json"} <= set(written)
    assert result.output.splitlines()[:2] == [f"wrote {out}/argmap.html", f"wrote {out}/argmap.json"]
    data = json.loads((out / "argmap.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 12 and len(data["edges"]) == 10


def test_build_is_deterministic(runner: CliRunner, tmp_path: Path) -> None:
    run(runner, "build", str(MINI), "--out", str(tmp_path / "a"))
    run(runner, "build", str(MINI), "--out", str(tmp_path / "b"))
    for name in sorted(p.name for p in (tmp_path / "a").iterdir()):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_of_a_bad_corpus_writes_nothing(runner: CliRunner, mini: Path, tmp_path: Path) -> None:
    (mini / "texts" / "birch.txt").unlink()
    out = tmp_path / "out"
    result = run(runner, "build", str(mini), "--out", str(out))
    assert result.exit_code == 1
    assert "source text file 'texts/birch.txt' not found" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_show_prints_the_claim_in_context_with_its_links(runner: CliRunner) -> None:
    result = run(runner, "show", "alder.design", "--corpus", str(MINI))
    assert result.exit_code == 0
    assert result.output == """\
alder.design  [causal]
The collapse was a design failure.

Author:  Ann Alder
Source:  The Night the Bridge Fell, City Paper
Date:    2020-01-10 (day)
Voice:   asserts (the author’s own claim)
Theses:  design-fault pro

Quote (texts/alder.txt, characters 172-237), in its sentence:
  So »the collapse was, in the end, a design failure – plain and simple«.

Supported by:
  alder.girders (Ann Alder): The girders were too weak for the traffic they carried.
  alder.cracks (Ann Alder): Inspectors flagged cracks in 2017 and nobody acted.
  cedar.design (Cy Cedar): The design left no margin for error.
      why: Cedar agrees the design left no margin.

Contradicts:
  birch.steel (Ben Birch): The steel, not the design, brought the bridge down.
      why: Alder blames the design, Birch says the steel and not the design caused the
      fall.
      timing: the two texts fall either side of The inquiry publishes its tests
      (2021-01-15)
"""


def test_show_marks_a_reported_view(runner: CliRunner) -> None:
    result = run(runner, "show", "alder.council", "--corpus", str(MINI))
    assert "Voice:   reports the view of the city council (not the author’s own stance)" in result.output


def test_show_unknown_claim_suggests_the_closest(runner: CliRunner) -> None:
    result = run(runner, "show", "alder.desing", "--corpus", str(MINI))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no claim 'alder.desing' (did you mean 'alder.design'?). Known claims: ")


def test_python_dash_m_and_a_c_locale(tmp_path: Path) -> None:
    """`python -m argmap` works, and files are written as UTF-8 even under LC_ALL=C."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "argmap", "build", str(MINI), "--out", str(out)],
                          env=env, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "The inquiry’s tests showed" in (out / "argmap.json").read_text(encoding="utf-8")


def test_built_files_are_readable_by_others(runner: CliRunner, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        run(runner, "build", str(MINI), "--out", str(tmp_path))
    finally:
        os.umask(old)
    assert {oct(p.stat().st_mode & 0o777) for p in tmp_path.iterdir()} == {"0o644"}
