"""`argmap stances`, `argmap compare` and `argmap brief` end to end, and what `build` adds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from argmap.documents.brief import build_brief
from argmap.render.markdown import render_brief_md
from argmap.cli import cli
from conftest import DATA, MINI, edit

HARBOUR = DATA / "harbour"


def run(runner: CliRunner, *args: str) -> click.testing.Result:
    return runner.invoke(cli, list(args), catch_exceptions=False)


MINI_STANCES = """\
Where each author stands (from their own claims; reported views never count)

Thesis               Alder    Birch   Cedar
Design fault         pro 1    con 2   pro 1
Steel fault          · (r1)   pro 1   pro 1
City <i>liable</i>   pro 1    ·       con 1

pro N / con N: the side the author's N claims take; mixed P/C: P claims pro, C con;
· silent; (rN): N views the author only reports, not counted.

Design fault (design-fault): The bridge fell because of its design.
  Ann Alder  pro     alder.design
  Ben Birch  con     birch.design-ok, birch.steel
  Cy Cedar   pro     cedar.design

Steel fault (steel-fault): The bridge fell because of faulty steel.
  Ann Alder  silent  reports: alder.council (view of the city council)
  Ben Birch  pro     birch.steel
  Cy Cedar   pro     cedar.steel

City <i>liable</i> (city-liable): The city is liable for the collapse.
  Ann Alder  pro     alder.hostile
  Ben Birch  silent
  Cy Cedar   con     cedar.city
"""


def test_stances_prints_the_table_and_the_claims_behind_each_cell(runner: CliRunner) -> None:
    result = run(runner, "stances", "--corpus", str(MINI))
    assert result.exit_code == 0
    assert result.output == MINI_STANCES


def test_stances_for_one_thesis_shows_a_mixed_cell(runner: CliRunner) -> None:
    result = run(runner, "stances", "--thesis", "council-misled", "--corpus", str(HARBOUR))
    assert result.exit_code == 0
    assert result.output == """\
Where each author stands (from their own claims; reported views never count)

Thesis           Dune   Ebb     Fjord       Gale
Council misled   ·      pro 1   mixed 1/1   ·

pro N / con N: the side the author's N claims take; mixed P/C: P claims pro, C con;
· silent; (rN): N views the author only reports, not counted.

Council misled (council-misled): The council misled the public about the closure.
  Dana Dune  silent
  Eli Ebb    pro     ebb.hid-report
  Flo Fjord  mixed   pro: fjord.spin; con: fjord.report-public
  Gus Gale   silent
"""


def test_compare_without_authors_prints_the_agreement_matrix_and_method(runner: CliRunner) -> None:
    result = run(runner, "compare", "--corpus", str(MINI))
    assert result.exit_code == 0
    assert result.output == """\
Agreement between authors: score (agreements/disagreements)

        Alder         Birch         Cedar
Alder   ·             -1.00 (0/2)   +0.33 (2/1)
Birch   -1.00 (0/2)   ·             0.00 (2/2)
Cedar   +0.33 (2/1)   0.00 (2/2)    ·

Method:
  Agreement of two authors = (agreements - disagreements) / (agreements + disagreements), from -1
  (they only clash) to +1 (they only agree); no score when neither occurs.
  Agreements: supports links between their claims, and theses on which both take the same side.
  Disagreements: contradicts links between their claims, and theses on which they take opposite
  sides.
  Each link and each thesis counts once. A mixed stance (both sides) counts neither way, and views
  an author only reports are left out: they are not the author's own.
"""


COMPARE_CEDAR_ALDER = """\
Cy Cedar (2022) and Ann Alder (2020-01-10)
Agreement +0.33: 2 agreements, 1 disagreement (see 'argmap compare' for the method)

WHERE THEY AGREE
  cedar.design supports alder.design
     cedar.design (Cy Cedar, 2022): The design left no margin for error.
       “The design left no margin for error”
     alder.design (Ann Alder, 2020-01-10): The collapse was a design failure.
       “the collapse was, in the end, a design failure - plain and simple”
     why: Cedar agrees the design left no margin.
  Same side on a thesis:
    Design fault:
      Cy Cedar pro: cedar.design
      Ann Alder pro: alder.design

WHERE THEY CLASH
  Opposite sides on a thesis:
    City <i>liable</i>:
      Cy Cedar con: cedar.city
      Ann Alder pro: alder.hostile

ONLY ONE OF THEM ADDRESSES
  Only Cy Cedar takes a side on:
    Steel fault (pro): cedar.steel
  Only Ann Alder takes a side on: no thesis.
"""


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param("Cy Cedar", "Ann Alder", id="full-names"),
        pytest.param("cedar", "ALDER", id="source-ids-any-case"),
        pytest.param("CEDAR", "ann alder", id="mixed"),
    ],
)
def test_compare_two_authors_named_any_way(runner: CliRunner, first: str, second: str) -> None:
    result = run(runner, "compare", first, second, "--corpus", str(MINI))
    assert result.exit_code == 0
    assert result.output == COMPARE_CEDAR_ALDER


def test_compare_shows_clashes_with_both_quotes_rationale_and_turning_points(runner: CliRunner) -> None:
    result = run(runner, "compare", "dune", "ebb", "--corpus", str(HARBOUR))
    assert result.exit_code == 0
    assert """\
WHERE THEY CLASH
  1. sharpness 6 (weights 4 + 2)
     dune.close (Dana Dune, 2019-10-01): The council must close the harbour this winter.
       “The council must close the harbour this winter.”
     ebb.needless (Eli Ebb, 2020): The closure was needless.
       “The closure was needless.”
     why: Dune wrote before the storm that the harbour must close; Ebb, after it, that closing was
     needless.
     turning point: The November storm damages the pier: the earlier text was written before it, the
     later after
  Opposite sides on a thesis:
    Closure justified:
      Dana Dune pro: dune.unsafe, dune.close
      Eli Ebb con: ebb.needless

LINKS TO A VIEW ONE OF THEM ONLY REPORTS (not counted as theirs)
  ebb.repairable supports dune.mayor
""" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["compare", "aldre", "birch"],
                     "Error: no author 'aldre' (did you mean 'alder'?). Known authors (source ids): "
                     "Ann Alder (alder); Ben Birch (birch); Cy Cedar (cedar)\n", id="author"),
        pytest.param(["compare", "Ann Alder", "Ben Burch"], "(did you mean 'Ben Birch'?)", id="author-full-name"),
        pytest.param(["stances", "--thesis", "desgin"],
                     "Error: no thesis 'desgin' (did you mean 'design'?).", id="stances-thesis"),
        pytest.param(["brief", "--thesis", "steel-falt"], "(did you mean 'steel-fault'?)", id="brief-thesis"),
    ],
)
def test_unknown_ids_exit_1_with_did_you_mean(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, *args, "--corpus", str(MINI))
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["brief", "--side", "both"], "Invalid value for '--side': 'both' is not one of 'pro', 'con'.", id="side"),
        pytest.param(["brief", "--format", "pdf"], "Invalid value for '--format': 'pdf' is not one of 'md', 'html'.", id="format"),
        pytest.param(["compare", "alder"], "give two authors to compare, or none for the agreement matrix (got 1)", id="one-author"),
        pytest.param(["compare", "alder", "Ann Alder"], "both name Ann Alder; give two different authors", id="same-author"),
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, *args, "--corpus", str(MINI))
    assert result.exit_code == 2
    assert message in result.output


def test_brief_for_one_thesis_and_side_in_markdown(runner: CliRunner, harbour_analysis: Any) -> None:
    result = run(runner, "brief", "--thesis", "council", "--side", "con", "--corpus", str(HARBOUR))
    assert result.exit_code == 0
    assert result.output == render_brief_md(build_brief(harbour_analysis, "council-misled", "con"))
    assert result.output.startswith("# Debate brief for the negative: The harbour closure, four accounts\n")


def test_brief_without_thesis_covers_every_thesis_after_the_summary(runner: CliRunner) -> None:
    result = run(runner, "brief", "--corpus", str(MINI))
    assert result.exit_code == 0
    assert """\
| # | Resolution | Alder 2020-01-10 | Birch 2021-06 | Cedar 2022 |
|---|---|---|---|---|
| [1](#thesis-design-fault) | **Design fault.** The bridge fell because of its design. | pro | con | pro |
| [2](#thesis-steel-fault) | **Steel fault.** The bridge fell because of faulty steel. | \u00b7 | pro | pro |
| [3](#thesis-city-liable) | **City \\<i\\>liable\\</i\\>.** The city is liable for the collapse. | pro | \u00b7 | con |
""" in result.output
    for heading in ("## Summary", "## 1. Design fault", "### Affirmative case", "### Negative case",
                    "### Reported views (not the authors\u2019 own)", "### Clashes of reading", "### Changed with events",
                    "### Cross-examination", "To the affirmative:", "To the negative:", "## Common ground",
                    "## References and turning points", "## How this brief was made"):
        assert heading in result.output, heading
    assert "\\<img src=x onerror=alert(1)\\> a reader's letter" in result.output
    assert "<script>" not in result.output and "\\<script\\>alert('quote')\\</script\\>" in result.output


@pytest.mark.parametrize(
    "args, name, start",
    [
        pytest.param(["--out", "{tmp}/brief.html"], "brief.html", "<!DOCTYPE html>", id="html-from-suffix"),
        pytest.param(["--format", "md", "--out", "{tmp}/b.html"], "b.html", "# Debate brief", id="format-wins"),
        pytest.param(["--out", "{tmp}/sub/brief.md"], "sub/brief.md", "# Debate brief", id="markdown-new-folder"),
    ],
)
def test_brief_writes_a_file(runner: CliRunner, tmp_path: Path, args: list[str], name: str, start: str) -> None:
    result = run(runner, "brief", *(a.format(tmp=tmp_path) for a in args), "--corpus", str(MINI))
    assert result.exit_code == 0
    assert result.output == f"wrote {tmp_path / name}\n"
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_build_writes_the_brief_beside_the_map_with_the_panels(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "build", str(MINI), "--out", str(tmp_path / "a"))
    assert result.exit_code == 0
    assert result.output == "".join(f"wrote {tmp_path / 'a' / n}\n" for n in ("argmap.html", "argmap.json", "argmap.svg", "brief.html", "brief.md"))
    page = (tmp_path / "a" / "argmap.html").read_text(encoding="utf-8")
    for panel in ('id="stance-matrix"', 'id="agreement"', 'id="timeline"', 'id="clashes"', 'id="common-ground"', 'id="core"'):
        assert panel in page
    assert run(runner, "build", str(MINI), "--out", str(tmp_path / "b")).exit_code == 0
    for name in ("argmap.html", "brief.html", "brief.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "brief.md").read_text(encoding="utf-8") == run(runner, "brief", "--corpus", str(MINI)).output


def test_compare_lists_what_changed_with_events_apart_from_the_clashes(runner: CliRunner, mini: Path) -> None:
    edit(mini, "relations.yaml", "    relation: contradicts\n    rationale: Alder blames",
         "    relation: superseded\n    rationale: Alder blames")
    result = run(runner, "compare", "alder", "birch", "--corpus", str(mini))
    assert result.exit_code == 0
    changed = result.output.split("WHAT CHANGED WITH EVENTS (each held in its own period; not counted as a disagreement)\n")[1]
    assert changed.startswith("  1. across The inquiry publishes its tests\n     alder.design (Ann Alder, 2020-01-10)")
    assert "alder.design" not in result.output.split("WHERE THEY CLASH")[1].split("WHAT CHANGED")[0].split("Opposite sides")[0]
