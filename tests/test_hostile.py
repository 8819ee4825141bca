"""Hostile and broken corpora (issue 11): never a traceback, a hang, a file read from outside the
corpus, an escape sequence sent to the terminal, or a half-replaced output folder.

The sections follow the issue's numbered cases; each test failed on the code before the fix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus import load_corpus
from argmap.errors import CorpusError
from conftest import FLAGSHIP, MINI, edit

DATE_FIX = "    fix: write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-03-04)"
RANGE_FIX = DATE_FIX + ", or a range EARLIEST/LATEST when it was inferred (e.g. 2023-10/2024-01)"


def problems(folder: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    return [str(p).replace(str(folder) + "/", "") for p in caught.value.problems]


def run(*args: str, timeout: float = 60, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """argmap in a real process (where a locale, a pipe or a hang is the point)."""
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=timeout,
                          **kwargs)  # type: ignore[call-overload]


# -- 1. tracebacks instead of file:line problems ------------------------------------------------

@pytest.mark.parametrize("old, new, expected", [
    pytest.param("  date: 2020-01-10\n", "  date: 2023-13-45\n",
                 ["alder.yaml:6: source.date: '2023-13-45' is not a real date (month must be in 1..12)\n" + RANGE_FIX],
                 id="impossible-month"),
    pytest.param("  date: 2020-01-10\n", "  date: 2021-02-30\n",
                 ["alder.yaml:6: source.date: '2021-02-30' is not a real date (day is out of range for month)\n" + RANGE_FIX],
                 id="impossible-day"),
    pytest.param("  date: 2020-01-10\n", "  date: 2020-01-10 25:61:00\n",
                 ["alder.yaml:6: source.date: '2020-01-10 25:61:00' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n"
                  + RANGE_FIX], id="bad-time"),
    pytest.param("  date: 2020-01-10\n", "  date: !!int abc\n",
                 ["alder.yaml:6: source.date: 'abc' is not a valid !!int value\n"
                  "    fix: remove the '!!int' tag (every value in a corpus is plain text) or correct the value",
                  "alder.yaml:6: source.date: 'abc' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n" + RANGE_FIX],
                 id="bad-int-tag"),
    pytest.param("    type: fact\n", "    type: fact\n    note: !!float x1\n",
                 ["alder.yaml:13: claims[alder.girders].note: 'x1' is not a valid !!float value\n"
                  "    fix: remove the '!!float' tag (every value in a corpus is plain text) or correct the value"],
                 id="bad-float-tag"),
    pytest.param("    type: fact\n", "    type: fact\n    note: !!bool maybe\n",
                 ["alder.yaml:13: claims[alder.girders].note: 'maybe' is not a valid !!bool value\n"
                  "    fix: remove the '!!bool' tag (every value in a corpus is plain text) or correct the value"],
                 id="bad-bool-tag"),
    pytest.param("    type: fact\n", "    type: fact\n    note: !!timestamp 2021-99-99\n",
                 ["alder.yaml:13: claims[alder.girders].note: '2021-99-99' is not a valid !!timestamp value\n"
                  "    fix: remove the '!!timestamp' tag (every value in a corpus is plain text) or correct the value"],
                 id="bad-timestamp-tag"),
    pytest.param("    supports: [alder.design]\n  - id: alder.cracks", "    supports: &a [*a]\n  - id: alder.cracks",
                 ["alder.yaml:13: YAML syntax error: alias '*a' refers to the list or mapping that contains it "
                  "(a recursive structure)\n    fix: remove '*a' here: a corpus value cannot contain itself"],
                 id="recursive-alias"),
    pytest.param("    type: fact\n", "    type: fact\n    note: " + "[" * 700 + "]" * 700 + "\n",
                 ["alder.yaml:13: YAML syntax error: nested more than 50 levels deep\n"
                  "    fix: a corpus file needs four levels (claims, a claim, its theses): flatten this part"],
                 id="nesting-700-deep"),
])
def test_bad_values_are_located_problems(mini: Path, old: str, new: str, expected: list[str]) -> None:
    edit(mini, "alder.yaml", old, new)
    assert problems(mini) == sorted(expected)


def test_an_event_date_that_cannot_be(mini: Path) -> None:
    edit(mini, "corpus.yaml", "date: 2021-01-15", "date: 2021-01-32")
    assert problems(mini) == [
        "corpus.yaml:14: events[inquiry].date: '2021-01-32' is not a real date (day is out of range for month)\n" + DATE_FIX
    ]


def test_a_duplicate_key_then_the_section_repeated(mini: Path) -> None:
    """The error reporter itself used to crash here (the repeated section replaced the first)."""
    edit(mini, "alder.yaml", "    type: fact\n", "    type: fact\n    type: fact\n")
    (mini / "alder.yaml").write_text((mini / "alder.yaml").read_text(encoding="utf-8") + "claims: []\n", encoding="utf-8")
    assert problems(mini) == [
        "alder.yaml:13: claims[alder.girders].type: key 'type' appears twice in the same mapping\n"
        "    fix: remove or rename one of them",
        "alder.yaml:37: claims: key 'claims' appears twice in the same mapping\n    fix: remove or rename one of them",
    ]


# -- 2. hangs and memory --------------------------------------------------------------------------

def test_billion_laughs_stops_at_the_alias_limit(mini: Path) -> None:
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    (mini / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(mini) == [
        "laughs.yaml:6: YAML syntax error: aliases repeat more than 100,000 values in this file\n"
        "    fix: write the values out, or use fewer aliases (aliases of aliases multiply)"
    ]


def test_a_fifo_is_refused_not_waited_on(mini: Path) -> None:
    os.mkfifo(mini / "x.yaml")
    result = run("validate", str(mini), timeout=30)
    assert result.returncode == 1
    assert (f"{mini}/x.yaml: this corpus file is a named pipe (FIFO), not a file\n"
            "    fix: point to a plain text file (argmap reads regular files only)") in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_yaml_symlink_to_a_device_is_refused(mini: Path, device: str) -> None:
    (mini / "x.yaml").symlink_to(device)
    result = run("validate", str(mini), timeout=30)
    assert result.returncode == 1
    assert f"{mini}/x.yaml: this corpus file resolves to {device}, outside the corpus folder\n" in result.stderr


def test_a_source_text_that_is_a_fifo_is_refused(mini: Path) -> None:
    os.mkfifo(mini / "texts" / "pipe.txt")
    edit(mini, "cedar.yaml", "  text: texts/cedar.txt", "  text: texts/pipe.txt")
    result = run("validate", str(mini), timeout=30)
    assert (f"{mini}/cedar.yaml:8: source.text: source text 'texts/pipe.txt' is a named pipe (FIFO), not a file\n"
            "    fix: point to a plain text file (argmap reads regular files only)") in result.stderr


def test_files_over_the_size_limits_are_refused_unread(mini: Path) -> None:
    with open(mini / "huge.yaml", "wb") as handle:  # sparse: no disk is used
        handle.truncate(11 * 1024 * 1024)
    with open(mini / "texts" / "cedar.txt", "r+b") as handle:
        handle.truncate(25 * 1024 * 1024)
    assert problems(mini) == [
        "cedar.yaml:8: source.text: source text 'texts/cedar.txt' is larger than argmap reads (25 MB; the limit is 20 MB)\n"
        "    fix: split it into smaller files",
        "huge.yaml: this corpus file is larger than argmap reads (11 MB; the limit is 10 MB)\n"
        "    fix: split it into smaller files",
    ]


def test_the_closest_passage_in_a_long_text(mini: Path) -> None:
    """An 8 MB text used to take minutes per quote not found; the passage found is the same."""
    text = (mini / "texts" / "cedar.txt").read_text(encoding="utf-8")
    filler = "".join(f"Paragraph {n} says nothing about bridges at all.\n\n" for n in range(160_000))
    (mini / "texts" / "cedar.txt").write_text(filler + text, encoding="utf-8")
    edit(mini, "cedar.yaml", 'quote: "Both accounts are half right."', 'quote: "Both accounts are half wrong."')
    assert problems(mini) == [
        'cedar.yaml:24: claims[cedar.both].quote: quote not found in texts/cedar.txt; closest passage (90% similar): '
        '"Both accounts are half right."\n'
        "    fix: copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not"
    ]


# -- 3. files outside the corpus -----------------------------------------------------------------

OUTSIDE_FIX = ("    fix: keep every corpus file and source text inside the corpus folder (symlinks included), "
               "or name the folder that holds the texts with --texts-from FOLDER")


def test_an_absolute_text_path_outside_is_refused(mini: Path) -> None:
    edit(mini, "cedar.yaml", "  text: texts/cedar.txt", "  text: /etc/passwd")
    assert problems(mini) == [
        "cedar.yaml:8: source.text: source text '/etc/passwd' resolves to /etc/passwd, outside the corpus folder\n" + OUTSIDE_FIX
    ]


def test_a_relative_path_or_a_symlink_out_is_refused_and_never_shown(mini: Path, tmp_path: Path, runner: CliRunner) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "cedar.txt").write_text("TOP SECRET Both accounts are half right.\n", encoding="utf-8")
    edit(mini, "cedar.yaml", "  text: texts/cedar.txt", "  text: ../secret/cedar.txt")
    (mini / "texts" / "alder.txt").unlink()
    (mini / "texts" / "alder.txt").symlink_to(secret / "cedar.txt")
    result = runner.invoke(cli, ["validate", str(mini)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "TOP SECRET" not in result.output
    assert (f"{mini}/cedar.yaml:8: source.text: source text '../secret/cedar.txt' resolves to {secret}/cedar.txt, "
            "outside the corpus folder\n") in result.output
    assert (f"{mini}/alder.yaml:7: source.text: source text 'texts/alder.txt' resolves to {secret}/cedar.txt, "
            "outside the corpus folder\n") in result.output


def test_texts_from_allows_a_named_folder(mini: Path, tmp_path: Path, runner: CliRunner) -> None:
    shared = tmp_path / "shared"
    shutil.move(str(mini / "texts"), shared)
    for name in ("alder", "birch", "cedar"):
        edit(mini, f"{name}.yaml", f"  text: texts/{name}.txt", f"  text: ../shared/{name}.txt")
    assert runner.invoke(cli, ["validate", str(mini)], catch_exceptions=False).exit_code == 1
    result = runner.invoke(cli, ["validate", str(mini), "--texts-from", str(shared)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = runner.invoke(cli, ["show", "cedar.both", "--corpus", str(mini), "--texts-from", str(shared)],
                          catch_exceptions=False)
    assert shown.exit_code == 0 and "Both accounts are half right." in shown.output


def test_a_yaml_symlink_out_of_the_corpus_is_refused(mini: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yaml").write_text("title: elsewhere\n", encoding="utf-8")
    (mini / "more.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert problems(mini) == [f"more.yaml: this corpus file resolves to {tmp_path}/elsewhere.yaml, outside the corpus folder\n"
                              + OUTSIDE_FIX]


# -- 4. valid corpora that failed ----------------------------------------------------------------

def write_corpus(folder: Path, files: dict[str, str], texts: dict[str, str]) -> Path:
    (folder / "texts").mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, text in texts.items():
        (folder / "texts" / name).write_text(text, encoding="utf-8")
    return folder


def source(ident: str, author: str, claims: str, date: str = "2020") -> str:
    return (f"source:\n  id: {ident}\n  author: \"{author}\"\n  title: T\n  publication: P\n  date: {date}\n"
            f"  text: texts/{ident}.txt\nclaims:\n{claims}")


def claim(ident: str, extra: str = "") -> str:
    return f"  - id: {ident}\n    text: Claim {ident}.\n    quote: \"Sentence {ident}.\"\n    type: fact\n{extra}"


def test_common_ground_whose_claims_are_all_mixed(tmp_path: Path, runner: CliRunner) -> None:
    """A's claim supports both A's pro and A's con claim; B and C support it: every claim of the
    group derives the side 'mixed'. The brief and the map used to crash on it."""
    folder = write_corpus(tmp_path / "c", {
        "corpus.yaml": "theses:\n  - id: t\n    text: T holds.\n",
        "a.yaml": source("a", "Ann", claim("a.x", "    supports: [a.pro, a.con]\n") + claim("a.pro", "    theses: {t: pro}\n")
                         + claim("a.con", "    theses: {t: con}\n")),
        "b.yaml": source("b", "Bo", claim("b.y"), "2021"),
        "c.yaml": source("c", "Cy", claim("c.z"), "2022"),
        "relations.yaml": "relations:\n"
        + "".join(f"  - from: {x}\n    to: a.x\n    relation: supports\n    rationale: Agrees.\n" for x in ("b.y", "c.z")),
    }, {f"{s}.txt": " ".join(f"Sentence {s}.{c}." for c in ("x", "pro", "con", "y", "z")) for s in "abc"})
    built = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    brief = runner.invoke(cli, ["brief", "--corpus", str(folder)], catch_exceptions=False)
    assert brief.exit_code == 0
    assert "### G1. Claim a.x.\n\n*Ann's claim, with claims of Bo and Cy that support it at least in part; bears on 1*\n" in brief.output


def test_a_chain_of_1200_supports(tmp_path: Path, runner: CliRunner) -> None:
    count = 1200
    claims = "".join(claim(f"a.c{n}", f"    supports: [a.c{n + 1}]\n" if n + 1 < count else "") for n in range(count))
    folder = write_corpus(tmp_path / "c", {"a.yaml": source("a", "Ann", claims)},
                          {"a.txt": " ".join(f"Sentence a.c{n}." for n in range(count))})
    result = runner.invoke(cli, ["validate", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1200 claims, 0 relations, 1199 within-author supports" in result.output
    built = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    edit(folder, "a.yaml", "    supports: [a.c1]\n", "    supports: [a.c1, a.c1199]\n")  # and a cycle through all of it
    edit(folder, "a.yaml", 'quote: "Sentence a.c1199."\n    type: fact\n', 'quote: "Sentence a.c1199."\n    type: fact\n    supports: [a.c0]\n')
    cycle = problems(folder)
    assert len(cycle) == 1 and cycle[0].startswith("a.yaml:") and "supports links form a cycle: a.c0 -> a.c1 -> a.c2 ->" in cycle[0]


@pytest.mark.parametrize("spelling", ["Ann\\u00a0Alder", "Ann  Alder", "Ann\\tAlder", "Ann\\u2028Alder"],
                         ids=["no-break-space", "double-space", "tab", "line-separator"])
@pytest.mark.parametrize("named", ["Ann Alder", "alder"], ids=["by-name", "by-source-id"])
def test_an_author_name_with_odd_white_space(mini: Path, runner: CliRunner, spelling: str, named: str) -> None:
    edit(mini, "alder.yaml", "  author: Ann Alder\n", f'  author: "{spelling}"\n')
    result = runner.invoke(cli, ["worksheet", "--authors", named, "birch", "--corpus", str(mini)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_an_unknown_author_shows_invisible_differences(mini: Path, runner: CliRunner) -> None:
    edit(mini, "alder.yaml", "  author: Ann Alder\n", '  author: "Ann\\u00a0Alder"\n')
    result = runner.invoke(cli, ["compare", "Ann Alda", "birch", "--corpus", str(mini)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Error: no author 'Ann Alda' (did you mean 'Ann\\u00a0Alder'?). Known authors (source ids): Ann\\u00a0Alder (alder);" in result.output


# -- 5. writes that are not all-or-nothing -------------------------------------------------------

OLD_SET = {"argmap.html": "old map", "argmap.json": "old json", "brief.html": "old brief", "brief.md": "old md"}
NEW_SET = {name: text.replace("old", "new") for name, text in OLD_SET.items()}


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") if p.is_file() else "<folder>" for p in sorted(folder.iterdir())}


def old_folder(tmp_path: Path) -> Path:
    from argmap.files import write_files

    out = tmp_path / "out"
    write_files(out, OLD_SET)
    assert folder_state(out) == OLD_SET
    return out


def test_a_failed_rename_puts_the_old_set_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap import files
    from argmap.errors import OutputError

    out = old_folder(tmp_path)
    real, calls = os.replace, []

    def flaky(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "replace", flaky)
    with pytest.raises(OutputError, match="Input/output error; the earlier files were left as they were"):
        files.write_files(out, NEW_SET)
    assert folder_state(out) == OLD_SET


def test_a_target_that_is_a_folder_stops_the_set_before_anything_is_replaced(tmp_path: Path) -> None:
    from argmap.errors import OutputError
    from argmap.files import write_files

    out = old_folder(tmp_path)
    (out / "brief.md").unlink()
    (out / "brief.md").mkdir()
    with pytest.raises(OutputError, match="brief.md: it is a folder; nothing was written"):
        write_files(out, NEW_SET)
    assert folder_state(out) == {**{k: v for k, v in OLD_SET.items() if k != "brief.md"}, "brief.md": "<folder>"}


def test_a_full_disk_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap import files
    from argmap.errors import OutputError

    out = old_folder(tmp_path)

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        files.write_files(out, NEW_SET)
    assert folder_state(out) == OLD_SET


KILLED = """
import os, sys
from pathlib import Path
from argmap import files
real, calls = os.replace, []
def dying(src, dst):
    calls.append(dst)
    if len(calls) == 3:
        os._exit(9)  # as SIGKILL would: no cleanup of any kind
    real(src, dst)
files.os.replace = dying
files.write_files(Path(sys.argv[1]), {name: text.replace("old", "new") for name, text in %r.items()})
"""


def test_a_run_killed_mid_set_is_undone_by_the_next(tmp_path: Path) -> None:
    from argmap.files import recover, write_files

    out = old_folder(tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLED % OLD_SET, str(out)], capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    left = folder_state(out)
    assert sorted(v for k, v in left.items() if not k.startswith(".")) == ["new json", "new map", "old brief", "old md"]
    recover(out)  # what the next write into the folder does first
    assert folder_state(out) == OLD_SET
    newer = {name: text.replace("old", "newer") for name, text in OLD_SET.items()}
    write_files(out, newer)
    assert folder_state(out) == newer


def test_stale_temporary_files_of_our_naming_are_removed(tmp_path: Path) -> None:
    from argmap.files import write_files

    out = old_folder(tmp_path)
    for stale in (".argmap.html.k2j3l4m5.tmp", ".argmap-new-0123456789ab-brief.md", ".argmap-old-0123456789ab-argmap.json"):
        (out / stale).write_text("left by a killed run", encoding="utf-8")
    (out / ".notes.tmp").write_text("not ours", encoding="utf-8")
    write_files(out, NEW_SET)
    assert folder_state(out) == {".notes.tmp": "not ours", **NEW_SET}


def test_quiz_out_checks_every_target_first(mini: Path, tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "lesson" / "quiz-key.md").mkdir(parents=True)
    result = runner.invoke(cli, ["quiz", "--corpus", str(mini), "--out", str(tmp_path / "lesson" / "quiz.md")],
                           catch_exceptions=False)
    assert result.exit_code == 1
    assert f"Error: cannot write {tmp_path}/lesson/quiz-key.md: it is a folder; nothing was written" in result.output
    assert sorted(p.name for p in (tmp_path / "lesson").iterdir()) == ["quiz-key.md"]


# -- 6. terminal escapes from corpus text --------------------------------------------------------

OSC52 = "\\e]52;c;SGVsbG8=\\a"  # a clipboard write, as YAML double-quoted escapes
RED = "\\e[31m"


@pytest.fixture
def escapes(mini: Path) -> Path:
    edit(mini, "alder.yaml", "    text: The collapse was a design failure.\n",
         f'    text: "The collapse was a {RED}design{OSC52} failure."\n')
    edit(mini, "birch.yaml", "  author: Ben Birch\n", f'  author: "Ben{RED} Birch"\n')
    edit(mini, "corpus.yaml", "    label: Design fault\n", f'    label: "Design {OSC52}fault"\n')
    return mini


@pytest.mark.parametrize("args", [
    ["show", "alder.design"], ["compare", "alder", "birch"], ["stances"], ["brief"], ["quiz", "--count", "6"],
    ["worksheet", "--authors", "alder", "birch"], ["worksheet", "--thesis", "design-fault"],
], ids=lambda a: "-".join(a[:2]))
def test_control_characters_are_shown_not_sent(escapes: Path, runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--corpus", str(escapes)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b" in result.output


def test_validation_messages_show_control_characters(mini: Path, runner: CliRunner) -> None:
    text = (mini / "texts" / "cedar.txt").read_text(encoding="utf-8")
    (mini / "texts" / "cedar.txt").write_text(text.replace("half right.", "half\x1b]52;c;SGVsbG8=\x07 right."), encoding="utf-8")
    edit(mini, "cedar.yaml", "theses: {city-liable: con}", f'theses: {{"city{RED}": con}}')
    result = runner.invoke(cli, ["validate", str(mini)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert ('closest passage (78% similar): "Both accounts are half\\x1b]52;c;SGVsbG8=\\x07 right."' in result.output)
    assert "claims[cedar.city].theses.city\\x1b[31m: 'city\\x1b[31m' is not a valid id" in result.output


def test_markdown_files_show_control_characters(escapes: Path, tmp_path: Path, runner: CliRunner) -> None:
    runner.invoke(cli, ["build", str(escapes), "--out", str(tmp_path / "out")], catch_exceptions=False)
    runner.invoke(cli, ["brief", "--corpus", str(escapes), "--out", str(tmp_path / "b.md")], catch_exceptions=False)
    for path in (tmp_path / "out" / "brief.md", tmp_path / "b.md"):
        text = path.read_text(encoding="utf-8")
        assert "\x1b" not in text and "\x07" not in text
        assert "\\x1b\\]52;c;SGVsbG8=\\x07" in text  # Markdown escapes the ]


# -- 7. encodings, full disks and closed pipes ---------------------------------------------------

@pytest.mark.parametrize("env", [
    {"PYTHONIOENCODING": "iso-8859-1"},
    {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
], ids=["latin-1", "c-locale-ascii"])
def test_a_terminal_that_cannot_show_every_character(env: dict[str, str]) -> None:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL", "LANG", "PYTHONUTF8")}
    result = run("show", "alder.cracks", "--corpus", str(MINI), env={**environ, **env}, encoding="latin-1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if "PYTHONIOENCODING" in env:
        assert "\u00bbInspectors had flagged \\u201chairline cracks\\u201d" in result.stdout  # what Latin-1 lacks, as escapes
    else:  # click writes UTF-8 where the locale claims ASCII
        assert "\u00bbInspectors had flagged \u201chairline cracks\u201d".encode().decode("latin-1") in result.stdout


def test_a_full_standard_output() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "argmap", "show", "alder.design", "--corpus", str(MINI)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to standard output: No space left on device\n"


def test_a_closed_pipe() -> None:
    """As `argmap brief | head -1` when head has gone: the next write finds the pipe closed."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([sys.executable, "-m", "argmap", "brief", "--corpus", str(MINI)], stdout=write,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write)
    assert result.returncode == 1
    assert result.stderr == ""


# -- 8. wrong places --------------------------------------------------------------------------------

@pytest.mark.parametrize("char, name", [("\x1b", "U+001B (ESC)"), ("\x00", "U+0000 (NUL)"), ("\x07", "U+0007")],
                         ids=["esc", "nul", "bell"])
def test_a_control_character_is_reported_on_its_line(mini: Path, char: str, name: str) -> None:
    edit(mini, "alder.yaml", "    text: Inspectors flagged", f"    text: Inspectors{char} flagged")
    assert problems(mini) == [
        f"alder.yaml:15: YAML syntax error: control character {name} at column 21: YAML files may not contain it\n"
        "    fix: delete it (it is invisible in most editors: retype the line), or write it as an escape such as "
        "\\x1b inside double quotes"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(mini: Path) -> None:
    lines = ["theses:"] + [f"  - id: t{n}\n    text: Thesis {n}." for n in range(5)] + ['  - id: t5\n    text: "Never closed.']
    (mini / "more.yaml").write_text("\n".join(lines) + "\n\n\n\n\n", encoding="utf-8")
    assert problems(mini) == [
        "more.yaml:13: YAML syntax error: while scanning a quoted scalar found unexpected end of stream (at line 18)\n"
        "    fix: close the quote that opens on this line with the same quote mark (inside double quotes write \\\" for "
        "a quote mark; inside single quotes write '')"
    ]


@pytest.mark.parametrize("separator", ["\\x85", "\\u2028", "\\u2029"], ids=["nel", "line-separator", "paragraph-separator"])
def test_lines_are_counted_as_an_editor_counts_them(mini: Path, separator: str) -> None:
    """YAML breaks lines at NEL and the Unicode separators too; an editor shows them inside a line."""
    char = separator.encode().decode("unicode_escape")
    (mini / "extra.yaml").write_text(f"theses:\n  - id: t{char}\n    text: T.{char}\nnope: 1\n", encoding="utf-8")
    assert problems(mini) == [
        "extra.yaml:4: nope: unknown section 'nope'\n    fix: top-level keys are: title, source, claims, theses, events, relations, suggestions",
    ]


def test_a_null_key_is_reported_on_its_line(mini: Path) -> None:
    edit(mini, "birch.yaml", "    type: causal\n", "    type: causal\n    ~: a value\n")
    assert problems(mini) == [
        "birch.yaml:24: claims[birch.steel]: a key is empty (or null)\n"
        "    fix: write the field name before the colon, e.g. 'text: ...'"
    ]


# -- 9. silent acceptance and misleading messages ------------------------------------------------

@pytest.mark.parametrize("file, old, new, expected", [
    pytest.param("alder.yaml", "theses: {design-fault: pro}", 'theses: {design-fault: pro, "design-fault ": con}',
                 ["alder.yaml:23: claims[alder.design].theses.design-fault : key 'design-fault ' appears twice in the same "
                  "mapping (as 'design-fault' at line 23; they differ only in spaces)\n    fix: remove or rename one of them"],
                 id="thesis-keys-differing-by-a-space"),
    pytest.param("alder.yaml", "    supports: [alder.design]\n  - id: alder.cracks",
                 "    supports: [alder.design, alder.design]\n  - id: alder.cracks",
                 ["alder.yaml:13: claims[alder.girders].supports: 'alder.design' is listed twice in 'supports'\n"
                  "    fix: remove the repeat"], id="duplicate-supports"),
    pytest.param("cedar.yaml", "  id: cedar\n", "  id: birch\n",
                 ["cedar.yaml:2: source.id: duplicate source id 'birch': already defined at birch.yaml:2\n"
                  "    fix: give each source its own id"], id="duplicate-source-id-alone"),
    pytest.param("birch.yaml", "    type: causal\n", "    type: causal\n    <<: {note: merged}\n",
                 ["birch.yaml:24: claims[birch.steel]: YAML merge keys ('<<') are not supported\n"
                  "    fix: write the fields out in full instead of merging an anchored mapping"], id="merge-key"),
    pytest.param("corpus.yaml", "date: 2021-01-15", "date: 0000",
                 ["corpus.yaml:14: events[inquiry].date: '0000' is not a real date (year 0 is out of range)\n" + DATE_FIX],
                 id="year-0000-as-written"),
    pytest.param("alder.yaml", "    voice: reports\n", "    voice: yes\n",
                 ["alder.yaml:28: claims[alder.council].voice: 'yes' is not allowed here\n    fix: use one of: 'asserts' or 'reports'"],
                 id="yes-as-written"),
    pytest.param("cedar.yaml", "  text: texts/cedar.txt", "  text: texts",
                 ["cedar.yaml:8: source.text: source text 'texts' is a folder, not a file\n"
                  "    fix: point to a plain text file (argmap reads regular files only)"], id="folder-as-source-text"),
    pytest.param("birch.yaml", 'quote: "The inquiry\'s tests showed the steel was far weaker than its certificate said."\n    type: fact',
                 'quote: "The tests showed the steel was far weaker than its certificate said."\n    type: gossip',
                 ["birch.yaml:11: claims[birch.tests].quote: quote not found in texts/birch.txt; closest passage (93% similar): "
                  "\"The inquiry’s tests showed the steel was far weaker than its certificate said.\"\n"
                  "    fix: copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not",
                  "birch.yaml:12: claims[birch.tests].type: 'gossip' is not allowed here\n"
                  "    fix: use one of: 'fact', 'interpretation', 'causal', 'evaluation', 'prediction' or 'recommendation'"],
                 id="wrong-type-and-misquote-in-one-run"),
    pytest.param("alder.yaml", "  date: 2020-01-10\n", "  date: 2020-01-99\n",
                 ["alder.yaml:6: source.date: '2020-01-99' is not a real date (day is out of range for month)\n" + RANGE_FIX,
                  "alder.yaml:16: claims[alder.cracks].quote: quote not found in texts/alder.txt; closest passage (92% similar): "
                  "\"Inspectors had flagged “hairline cracks” in 2017, and nobody acted on it. So\"\n"
                  "    fix: copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not"],
                 id="bad-source-date-and-misquote-in-one-run"),
])
def test_no_silent_acceptance(mini: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    edit(mini, file, old, new)
    if "2020-01-99" in new:
        edit(mini, "alder.yaml", "nobody acted on it.", "nobody acted at all.")
    assert problems(mini) == expected


def test_a_quote_found_twice_is_a_warning(mini: Path, runner: CliRunner) -> None:
    text = (mini / "texts" / "cedar.txt").read_text(encoding="utf-8")
    (mini / "texts" / "cedar.txt").write_text(text + "\nAs I said: Both accounts are half right.\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(mini)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith(
        f"warning: {mini}/cedar.yaml:24: claims[cedar.both].quote: the quote occurs more than once in texts/cedar.txt "
        "(lines 3 and 7); the first is used\n    fix: lengthen the quote so that it occurs once\n")


def test_every_problem_has_a_fix(mini: Path) -> None:
    for name in ("alder.yaml", "birch.yaml", "cedar.yaml"):
        text = (mini / name).read_text(encoding="utf-8")
        (mini / name).write_text(text.replace("    type: fact\n", "    type: fact\n    speaker: x\n    label: \"a\\nb\"\n")
                                 .replace("  title:", "  title: []\n  titel:"), encoding="utf-8")
    (mini / "extra.yaml").write_text("title: [x]\nrelations:\n  - {from: a, to: a, relation: superseded}\n"
                                     "theses: 5\nevents:\n  - {id: e, date: , label: ~}\n", encoding="utf-8")
    found = problems(mini)
    assert len(found) > 10
    assert [p for p in found if "\n    fix: " not in p] == []


# -- 10. no cache that grows ----------------------------------------------------------------------

def test_loading_again_and_again_keeps_no_memory() -> None:
    load_corpus(FLAGSHIP)
    tracemalloc.start()
    try:
        load_corpus(FLAGSHIP)
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(3):
            load_corpus(FLAGSHIP)
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert after - first < 200_000  # it was 2.3 MB more per load


# -- 11. command-line outputs ---------------------------------------------------------------------

@pytest.mark.parametrize("args", [["build", "{corpus}", "--out", ""], ["brief", "--corpus", "{corpus}", "--out", ""],
                                  ["quiz", "--corpus", "{corpus}", "--out", " "]], ids=["build", "brief", "quiz"])
def test_an_empty_out_is_refused(mini: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                 args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, [a.format(corpus=mini) for a in args], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Invalid value for '--out': must name a file or folder (it is empty)" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini"]


def test_out_through_a_missing_folder_creates_only_the_target(mini: Path, tmp_path: Path, runner: CliRunner,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", str(mini), "--out", "a/../b"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "mini"]
    result = runner.invoke(cli, ["worksheet", "--thesis", "design-fault", "--corpus", str(mini), "--out", "c/../w.md"],
                           catch_exceptions=False)
    assert result.output == "wrote w.md\n"


@pytest.mark.parametrize("args, target", [
    (["quiz", "--out", "{corpus}/corpus.yaml"], "corpus.yaml"),
    (["worksheet", "--thesis", "design-fault", "--out", "{corpus}/texts/alder.txt"], "texts/alder.txt"),
    (["brief", "--out", "{corpus}/alder.yaml"], "alder.yaml"),
], ids=["quiz-over-corpus-yaml", "worksheet-over-a-text", "brief-over-a-claim-file"])
def test_an_output_never_replaces_an_input(mini: Path, runner: CliRunner, args: list[str], target: str) -> None:
    before = (mini / target).read_text(encoding="utf-8")
    result = runner.invoke(cli, [*(a.format(corpus=mini) for a in args), "--corpus", str(mini)], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"Error: cannot write {mini}/{target}: it is a file the corpus is read from; write the output somewhere else" in result.output
    assert (mini / target).read_text(encoding="utf-8") == before


# -- did you mean, fast on many ids, with the same suggestions -----------------------------------

def test_close_matches_are_difflibs() -> None:
    import random
    from difflib import get_close_matches

    from argmap.errors import close_matches

    rng = random.Random(11)
    words = ["".join(rng.choice("abcde.-") for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for word in words[:300]:
        probe = word[::-1] if rng.random() < 0.3 else word + rng.choice("xyz")
        assert close_matches(probe, words, n=3) == get_close_matches(probe, sorted(set(words)), n=3, cutoff=0.6)


def test_two_runs_never_write_into_one_folder_at_once(tmp_path: Path) -> None:
    import fcntl

    from argmap.errors import OutputError
    from argmap.files import write_files

    out = old_folder(tmp_path)
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as another argmap writing there would
        with pytest.raises(OutputError, match="another argmap is writing into this folder"):
            write_files(out, NEW_SET)
    finally:
        os.close(fd)
    assert folder_state(out) == OLD_SET


# -- the commands that add to a corpus read it the same safe way ----------------------------------

def test_draft_reads_a_hostile_corpus_and_refuses_a_fifo(mini: Path, tmp_path: Path) -> None:
    (mini / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (mini / "pipe.yaml").unlink(missing_ok=True)
    os.mkfifo(mini / "pipe.yaml")
    text = tmp_path / "new.txt"
    text.write_text("The Dam\n\nThe dam was built on sand, and everyone knew it.\n", encoding="utf-8")
    args = ["--corpus", str(mini), "--author", "Dee Dam", "--title", "T", "--publication", "P", "--date", "2022"]
    drafted = run("draft", str(text), *args, timeout=60)
    assert drafted.returncode == 0, drafted.stderr
    assert (mini / "dam.yaml").exists()
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    refused = run("draft", str(fifo), *args[:2], "--author", "Fi Fo", *args[4:], timeout=60)
    assert refused.returncode == 1
    assert refused.stderr == f"Error: {fifo}: is a named pipe (FIFO), not a file\n    fix: point to a plain text file (argmap reads regular files only)\n"


def test_problem_and_search_counts_are_bounded(tmp_path: Path, runner: CliRunner) -> None:
    from argmap.corpus.inputs import MAX_PROBLEMS_SHOWN, MAX_QUOTE_SEARCHES

    count = MAX_PROBLEMS_SHOWN + 100
    claims = "".join(f"  - id: a.c{n}\n    text: C.\n    quote: \"Sentence {n} is missing.\"\n    type: fact\n"
                     for n in range(count))
    folder = write_corpus(tmp_path / "c", {"a.yaml": source("a", "Ann", claims)}, {"a.txt": "Nothing here.\n"})
    result = runner.invoke(cli, ["validate", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"Error: {count} problems found:"
    assert lines[-1] == "... and 100 more problems, not listed: fix these first"
    assert sum(line.startswith(f"{folder}/a.yaml:") for line in lines) == MAX_PROBLEMS_SHOWN
    skipped = f"the closest passage was not searched (more than {MAX_QUOTE_SEARCHES} quotes not found)"
    assert sum(skipped in line for line in lines) == MAX_PROBLEMS_SHOWN - MAX_QUOTE_SEARCHES


# -- libyaml and the pure-Python fallback read alike -----------------------------------------------

FALLBACK_CASES = {
    **{p.name: p.read_text(encoding="utf-8") for p in sorted(MINI.glob("*.yaml"))},
    "odd": "a: ~\nb: ''\nc: null\nd: yes\ne: 0000\n~: x\n<<: {q: 1}\nf: !!int 7\ng: !!int x\nh: &x [1, *x]\n",
    "dupes": "k: 1\nk: 2\n'k ': 3\nlist:\n  - a\n  - {b: 1, b: 2}\n",
    "unclosed": "a: 'never\n\nb: c\n",
    "flow": "theses: {t1: pro, t2: con}\nsupports: [a.b, c.d]\n",
}


@pytest.mark.parametrize("name", sorted(FALLBACK_CASES))
def test_the_pure_python_loader_reads_as_libyaml_does(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from argmap.corpus import yaml_lines

    def read() -> object:
        try:
            doc = yaml_lines.read_yaml(Path(name), FALLBACK_CASES[name])
        except yaml_lines.YamlSyntaxError as error:
            return ("error", error.line, error.message, error.fix)
        return (doc.data, doc.lines, doc.duplicate_keys, [vars(i) for i in doc.issues])

    assert yaml_lines.LIBYAML
    fast = read()
    monkeypatch.setattr(yaml_lines, "FastLoader", yaml.SafeLoader)
    monkeypatch.setattr(yaml_lines, "LIBYAML", False)
    assert read() == fast
