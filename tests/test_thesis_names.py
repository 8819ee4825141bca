"""A thesis named the way people name it: id, label or the start of either, in every command."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from argmap.analysis.names import resolve_thesis
from argmap.cli import cli
from argmap.errors import AmbiguousThesisError, UnknownThesisError
from conftest import HARBOUR, MINI


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("council-misled", "council-misled", id="id"),
        pytest.param("COUNCIL-MISLED", "council-misled", id="id-any-case"),
        pytest.param("Council misled", "council-misled", id="label"),
        pytest.param("  council   MISLED ", "council-misled", id="label-spacing-and-case"),
        pytest.param("counc", "council-misled", id="prefix-of-id-and-label"),
        pytest.param("closure-j", "closure-justified", id="prefix-of-id"),
        pytest.param("Closure just", "closure-justified", id="prefix-of-label"),
    ],
)
def test_a_thesis_by_id_label_or_unique_prefix(harbour_graph: Any, name: str, expected: str) -> None:
    assert resolve_thesis(harbour_graph, name) == expected


def test_an_exact_id_or_label_beats_a_longer_one_it_starts(harbour_graph: Any) -> None:
    graph = harbour_graph.copy()
    graph.graph["theses"] = [{"id": "aim", "label": "Aim", "text": "x"}, {"id": "aims-wider", "label": "Aims wider", "text": "y"}]
    assert resolve_thesis(graph, "aim") == "aim"
    assert resolve_thesis(graph, "Aims") == "aims-wider"
    with pytest.raises(AmbiguousThesisError):
        resolve_thesis(graph, "ai")


def test_an_ambiguous_start_lists_the_candidates(harbour_graph: Any) -> None:
    with pytest.raises(AmbiguousThesisError) as caught:
        resolve_thesis(harbour_graph, "c")
    assert str(caught.value) == ("'c' could be any of 2 theses: closure-justified (Closure justified), "
                                 "council-misled (Council misled); give more of the id or label")


def test_an_unknown_name_lists_every_thesis_and_the_closest(mini_graph: Any) -> None:
    with pytest.raises(UnknownThesisError) as caught:
        resolve_thesis(mini_graph, "desgin")
    assert str(caught.value) == ("no thesis 'desgin' (did you mean 'design'?). Known theses (id and label): "
                                 "design-fault (Design fault), steel-fault (Steel fault), city-liable (City <i>liable</i>)")
    with pytest.raises(UnknownThesisError, match="no thesis ''"):
        resolve_thesis(mini_graph, "")


COMMANDS = [pytest.param(["stances"], id="stances"), pytest.param(["brief"], id="brief"),
            pytest.param(["worksheet"], id="worksheet")]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_thesis_option_takes_a_label_or_prefix(runner: CliRunner, command: list[str]) -> None:
    by_id = runner.invoke(cli, [*command, "--thesis", "council-misled", "--corpus", str(HARBOUR)], catch_exceptions=False)
    assert by_id.exit_code == 0, by_id.output
    for name in ("Council misled", "council m", "COUN"):
        result = runner.invoke(cli, [*command, "--thesis", name, "--corpus", str(HARBOUR)], catch_exceptions=False)
        assert (result.exit_code, result.stdout) == (0, by_id.stdout), name


@pytest.mark.parametrize("command", COMMANDS)
def test_every_thesis_option_refuses_an_ambiguous_name_with_the_candidates(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--thesis", "c", "--corpus", str(HARBOUR)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == ("Error: 'c' could be any of 2 theses: closure-justified (Closure justified), "
                             "council-misled (Council misled); give more of the id or label\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_thesis_option_refuses_an_unknown_name(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--thesis", "bridge", "--corpus", str(MINI)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no thesis 'bridge'. Known theses (id and label): design-fault (Design fault)")
