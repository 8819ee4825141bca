"""Common ground whose claims all argue both sides of a thesis leans neither way in the brief.

Found by the 10,000-claim benchmark: the brief said such a group "argues the mixed side", and
both renderers failed on it (there is no name for a mixed side).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap.analysis import Analysis
from argmap.cli import cli
from argmap.corpus import load_corpus
from argmap.documents.brief import build_brief
from argmap.graph import build_graph


def _write(folder: Path) -> None:
    (folder / "texts").mkdir(parents=True)
    (folder / "corpus.yaml").write_text(
        "title: Both sides\ntheses:\n  - id: t\n    text: The thing happened.\n", encoding="utf-8")
    for index, name in enumerate(("ash", "box", "yew")):
        (folder / "texts" / f"{name}.txt").write_text(
            f"{name.title()} says the dam held. {name.title()} says it held for a while. "
            f"{name.title()} says it broke in the end.\n", encoding="utf-8")
        (folder / f"{name}.yaml").write_text(f"""\
source: {{id: {name}, author: {name.title()} Writer, title: On the dam, publication: Weekly, date: 202{index}, text: texts/{name}.txt}}
claims:
  - {{id: {name}.held, text: The dam held., quote: "says the dam held", type: fact, supports: [{name}.pro, {name}.con]}}
  - {{id: {name}.pro, text: It held a while., quote: "held for a while", type: fact, theses: {{t: pro}}}}
  - {{id: {name}.con, text: It broke., quote: "broke in the end", type: fact, theses: {{t: con}}}}
""", encoding="utf-8")
    (folder / "relations.yaml").write_text("""\
relations:
  - {from: ash.held, to: box.held, relation: supports, rationale: Both say it held.}
  - {from: yew.held, to: box.held, relation: supports, rationale: Both say it held.}
""", encoding="utf-8")


def test_a_group_arguing_both_sides_leans_neither_way(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _write(folder)
    analysis = Analysis(build_graph(load_corpus(folder)))
    assert {analysis.sides("t")[c] for c in ("ash.held", "box.held", "yew.held")} == {"mixed"}
    (part,) = build_brief(analysis).theses
    (ground,) = part.common_ground
    assert [c.id for c in ground.claims] == ["ash.held", "box.held", "yew.held"]
    assert ground.leans == ""
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    brief = (tmp_path / "out" / "brief.md").read_text(encoding="utf-8")
    assert "Supported by 3 authors: Ash Writer, Box Writer, Yew Writer." in brief
    assert "1. Supported by 3 authors: Ash Writer, Box Writer, Yew Writer.\n" in brief  # and no side named
