"""`argmap quiz` and `argmap worksheet` end to end: outputs, file layout, exit codes and help."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.quiz.generate import generate_quiz
from argmap.render.html import render_key_html, render_self_html, render_sheet_html
from argmap.render.markdown import render_key_md, render_sheet_md
from argmap.documents.worksheet import authors_worksheet, thesis_worksheet
from argmap.render.html import render_worksheet_html
from argmap.render.markdown import render_worksheet_md
from argmap.analysis import Analysis
from conftest import MINI

CORPUS = ["--corpus", str(MINI)]


def run(runner: CliRunner, command: str, *args: str) -> click.testing.Result:
    return runner.invoke(cli, [command, *CORPUS, *args], catch_exceptions=False)


# --- quiz --------------------------------------------------------------------------------------

def test_quiz_prints_the_sheet_then_the_key(runner: CliRunner, mini_graph: object) -> None:
    result = run(runner, "quiz", "--count", "4", "--seed", "3")
    assert result.exit_code == 0, result.output
    quiz = generate_quiz(Analysis(mini_graph), count=4, seed=3)  # type: ignore[arg-type]
    assert result.stdout == render_sheet_md(quiz) + "\n" + render_key_md(quiz)
    assert result.stderr == ""


def test_quiz_defaults_to_ten_exercises_seed_zero(runner: CliRunner, mini_graph: object) -> None:
    result = run(runner, "quiz")
    assert result.exit_code == 0
    assert result.stdout.startswith(render_sheet_md(generate_quiz(Analysis(mini_graph))))  # type: ignore[arg-type]
    sheet, key = result.stdout.split("# Answer key: ", 1)
    assert "10 exercises" in sheet and "Seed 0" not in sheet and "argmap quiz" not in sheet  # nothing for students to type
    assert "Seed 0: argmap quiz --seed 0 makes the same quiz again." in key


def test_same_seed_same_output_other_seed_other_output(runner: CliRunner) -> None:
    first, again = run(runner, "quiz", "--seed", "5"), run(runner, "quiz", "--seed", "5")
    other = run(runner, "quiz", "--seed", "6")
    assert first.stdout == again.stdout != other.stdout


@pytest.mark.parametrize(
    ("out", "fmt", "names"),
    [
        ("quiz.md", None, ("quiz.md", "quiz-key.md", "quiz-self.html")),
        ("quiz.html", None, ("quiz.html", "quiz-key.html", "quiz-self.html")),
        ("lesson/week1", "html", ("lesson/week1.html", "lesson/week1-key.html", "lesson/week1-self.html")),
        ("sheet.txt", "md", ("sheet.txt", "sheet-key.txt", "sheet-self.html")),
    ],
    ids=["md-by-suffix", "html-by-suffix", "suffix-added", "format-given"],
)
def test_quiz_out_writes_sheet_key_and_self_marking_page(
    runner: CliRunner, tmp_path: Path, mini_graph: object, out: str, fmt: str | None, names: tuple[str, ...]
) -> None:
    args = ["quiz", "--count", "5", "--seed", "2", "--out", str(tmp_path / out)] + (["--format", fmt] if fmt else [])
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    paths = [tmp_path / name for name in names]
    assert result.stdout == "".join(f"wrote {p}\n" for p in paths)
    quiz = generate_quiz(Analysis(mini_graph), count=5, seed=2)  # type: ignore[arg-type]
    html = paths[0].suffix == ".html"
    sheet, key = (render_sheet_html, render_key_html) if html else (render_sheet_md, render_key_md)
    assert paths[0].read_text(encoding="utf-8") == sheet(quiz)
    assert paths[1].read_text(encoding="utf-8") == key(quiz)
    assert paths[2].read_text(encoding="utf-8") == render_self_html(quiz)
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(p.name for p in paths)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kinds", "stance,rhyme"], "unknown kind 'rhyme'; allowed kinds: attribution, relation, stance, voice, timing, evidence"),
        (["--kinds", "quotes"], "allowed kinds: attribution, relation, stance, voice, timing, evidence"),
        (["--count", "0"], "0 is not in the range x>=1"),
        (["--count", "-3"], "-3 is not in the range x>=1"),
        (["--format", "pdf"], "'pdf' is not one of 'md', 'html'"),
        (["--format", "html"], "--format html writes three files: give --out FILE"),
    ],
    ids=["unknown-kind", "unknown-kind-alone", "count-zero", "count-negative", "bad-format", "html-needs-out"],
)
def test_quiz_bad_options_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, "quiz", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_quiz_kinds_repeated_or_comma_separated(runner: CliRunner) -> None:
    comma = run(runner, "quiz", "--kinds", "voice,stance", "--count", "4")
    repeated = run(runner, "quiz", "--kinds", "stance", "--kinds", "voice", "--count", "4")
    assert comma.exit_code == repeated.exit_code == 0
    assert comma.stdout == repeated.stdout
    assert "(stance)" in comma.stdout and "(voice)" in comma.stdout and "(attribution)" not in comma.stdout


def test_quiz_says_when_the_map_supports_fewer_exercises(runner: CliRunner) -> None:
    result = run(runner, "quiz", "--kinds", "timing", "--count", "9")
    assert result.exit_code == 0
    assert result.stderr == "note: the map supports only 1 unambiguous exercise of these kinds, not 9\n"
    assert "1 exercise, 2 marks. The map supports only 1 of the 9 exercises asked for." in result.stdout


def test_quiz_on_a_bad_corpus_exits_1_without_traceback(runner: CliRunner, mini: Path) -> None:
    (mini / "relations.yaml").write_text("relations:\n  - from: alder.nope\n    to: birch.steel\n    relation: supports\n"
                                         "    rationale: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["quiz", "--corpus", str(mini)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "alder.nope" in result.stderr and "Traceback" not in result.output


# --- worksheet ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "names",
    [("Ann Alder", "Ben Birch"), ("alder", "birch"), ("ALDER", "Birch"), ("ann alder", "birch"), ("birch", "alder")],
    ids=["full-names", "source-ids", "surname-any-case", "full-name-lower", "reversed"],
)
def test_worksheet_authors_by_any_name(runner: CliRunner, mini_graph: object, names: tuple[str, str]) -> None:
    result = run(runner, "worksheet", "--authors", *names)
    assert result.exit_code == 0, result.output
    assert result.stdout == render_worksheet_md(authors_worksheet(Analysis(mini_graph), "Ann Alder", "Ben Birch"))  # type: ignore[arg-type]


def test_worksheet_thesis_and_html_out(runner: CliRunner, tmp_path: Path, mini_graph: object) -> None:
    printed = run(runner, "worksheet", "--thesis", "design-fault")
    assert printed.exit_code == 0
    assert printed.stdout == render_worksheet_md(thesis_worksheet(Analysis(mini_graph), "design-fault"))  # type: ignore[arg-type]
    target = tmp_path / "out" / "ws.html"
    written = run(runner, "worksheet", "--thesis", "design-fault", "--out", str(target))
    assert written.exit_code == 0
    assert written.stdout == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == render_worksheet_html(thesis_worksheet(Analysis(mini_graph), "design-fault"))  # type: ignore[arg-type]
    html_out = run(runner, "worksheet", "--thesis", "design-fault", "--format", "html")
    assert html_out.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([], 2, "give either --authors AUTHOR AUTHOR or --thesis THESIS"),
        (["--authors", "alder", "birch", "--thesis", "design-fault"], 2, "give either --authors AUTHOR AUTHOR or --thesis THESIS"),
        (["--authors", "alder", "Ann Alder"], 2, "both name Ann Alder; give two different authors"),
        (["--authors", "alder"], 2, "Option '--authors' requires 2 arguments."),
        (["--authors", "alder", "oak"], 1, "no author 'oak'"),
        (["--thesis", "bridge"], 1, "no thesis 'bridge'"),
        (["--thesis", "design-fault", "--format", "pdf"], 2, "'pdf' is not one of 'md', 'html'"),
    ],
    ids=["neither", "both", "same-author", "one-author", "unknown-author", "unknown-thesis", "bad-format"],
)
def test_worksheet_errors(runner: CliRunner, args: list[str], code: int, message: str) -> None:
    result = run(runner, "worksheet", *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


# --- help --------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["quiz", "worksheet"])
def test_help_explains_and_gives_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Example:\n    argmap " + command in result.stdout
    assert "--out" in result.stdout and "--corpus" in result.stdout


def test_quiz_help_says_where_files_go(runner: CliRunner) -> None:
    text = " ".join(runner.invoke(cli, ["quiz", "--help"]).stdout.split())
    assert "quiz.html, quiz-key.html, quiz-self.html" in text
    for kind in ("attribution", "relation", "stance", "voice", "timing", "evidence"):
        assert kind in text


def test_main_help_lists_the_teaching_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert "  quiz " in result.stdout and "  worksheet " in result.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_worksheet_student_copy_leaves_out_the_model_answer(runner: CliRunner, fmt: str) -> None:
    full = run(runner, "worksheet", "--authors", "alder", "birch", "--format", fmt)
    student = run(runner, "worksheet", "--authors", "alder", "birch", "--format", fmt, "--student")
    assert full.exit_code == student.exit_code == 0
    assert "Model answer" in full.stdout and "Model answer" not in student.stdout
    assert "Evidence table" in student.stdout and "Guiding questions" in student.stdout
    assert "the collapse was, in the end" in full.stdout and "the collapse was, in the end" not in student.stdout
