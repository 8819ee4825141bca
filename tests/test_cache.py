"""The checked-corpus cache: a hit gives back exactly what the check builds, any change is a miss,
a broken corpus is never kept, and a cache that cannot be used is silently skipped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

import argmap.corpus.load as load
from argmap.cli import cli
from argmap.corpus import load_corpus
from argmap.corpus.cache import KEEP, CorpusCache
from argmap.errors import CorpusError
from conftest import edit


class Reads:
    """Counts full checks (each reads every file)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = load._ReportingReader.read_folder

        def counted(reader: Any) -> None:
            self.count += 1
            original(reader)

        monkeypatch.setattr(load._ReportingReader, "read_folder", counted)


@pytest.fixture
def cache(tmp_path: Path) -> CorpusCache:
    return CorpusCache(tmp_path / "cache")


def test_a_hit_is_the_corpus_the_check_builds(mini: Path, cache: CorpusCache, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    checked = load_corpus(mini, cache=cache)
    assert reads.count == 1 and len(list(cache.folder.glob("*.pickle"))) == 1
    again = load_corpus(mini, cache=cache)
    assert reads.count == 1  # not read again
    assert again == checked == load_corpus(mini)


def _append(name: str, text: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        with open(folder / name, "a", encoding="utf-8") as stream:
            stream.write(text)
    return change


CHANGES = {
    "claim text": lambda folder: edit(folder, "alder.yaml", "The girders were too weak", "The girders were weak"),
    "comment in a file": _append("relations.yaml", "# a comment changes nothing but the bytes\n"),
    "source text": _append("texts/alder.txt", "\nA new closing line.\n"),
    "new file": lambda folder: (folder / "extra.yaml").write_text("events: []\n", encoding="utf-8"),
    "renamed file": lambda folder: (folder / "relations.yaml").rename(folder / "links.yaml"),
    "other top-level file": lambda folder: (folder / "NOTES.txt").write_text("notes\n", encoding="utf-8"),
}


@pytest.mark.parametrize("change", list(CHANGES.values()), ids=list(CHANGES))
def test_any_change_is_a_miss(mini: Path, cache: CorpusCache, monkeypatch: pytest.MonkeyPatch,
                              change: Callable[[Path], None]) -> None:
    reads = Reads(monkeypatch)
    load_corpus(mini, cache=cache)
    change(mini)
    changed = load_corpus(mini, cache=cache)
    assert reads.count == 2
    assert load_corpus(mini, cache=cache) == changed  # the changed corpus is kept in turn
    assert reads.count == 2
    assert changed == load_corpus(mini)


def test_a_copy_elsewhere_is_its_own_entry(mini: Path, cache: CorpusCache, tmp_path: Path) -> None:
    load_corpus(mini, cache=cache)
    other = tmp_path / "elsewhere"
    shutil.copytree(mini, other)
    assert load_corpus(other, cache=cache) == load_corpus(other)
    assert len(list(cache.folder.glob("*.pickle"))) == 2


def test_changed_code_is_a_miss(mini: Path, cache: CorpusCache, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    load_corpus(mini, cache=cache)
    monkeypatch.setattr("argmap.corpus.cache.code_fingerprint", lambda: "other code")
    load_corpus(mini, cache=cache)
    assert reads.count == 2


def test_a_broken_corpus_is_never_kept(mini: Path, cache: CorpusCache) -> None:
    load_corpus(mini, cache=cache)
    edit(mini, "alder.yaml", "The girders were never strong enough", "The girders were never weak")
    with pytest.raises(CorpusError) as first:
        load_corpus(mini, cache=cache)
    with pytest.raises(CorpusError) as second:
        load_corpus(mini, cache=cache)
    assert str(first.value) == str(second.value)
    assert "quote not found" in str(first.value)


def test_a_file_changed_during_the_check_keeps_nothing(mini: Path, cache: CorpusCache,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    original = load.check_corpus

    def meanwhile(reader: Any, progress: Any) -> Any:
        _append("relations.yaml", "# edited while being checked\n")(mini)
        return original(reader, progress)

    monkeypatch.setattr(load, "check_corpus", meanwhile)
    load_corpus(mini, cache=cache)
    assert not list(cache.folder.glob("*.pickle"))


def test_a_damaged_entry_is_a_miss(mini: Path, cache: CorpusCache) -> None:
    checked = load_corpus(mini, cache=cache)
    (entry,) = cache.folder.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:200])
    assert load_corpus(mini, cache=cache) == checked
    entry.write_bytes(b"not a pickle")
    assert load_corpus(mini, cache=cache) == checked


def test_a_shared_or_unwritable_cache_is_skipped(mini: Path, tmp_path: Path) -> None:
    shared = CorpusCache(tmp_path / "shared")
    shared.folder.mkdir(mode=0o777)
    shared.folder.chmod(0o777)
    load_corpus(mini, cache=shared)
    assert not list(shared.folder.iterdir())  # others could write it: never trusted
    (tmp_path / "a-file").write_text("in the way\n", encoding="utf-8")
    blocked = CorpusCache(tmp_path / "a-file" / "cache")
    assert load_corpus(mini, cache=blocked) == load_corpus(mini)


def test_only_the_newest_folders_are_kept(mini: Path, cache: CorpusCache, tmp_path: Path) -> None:
    for index in range(KEEP + 3):
        copy = tmp_path / f"copy{index}"
        shutil.copytree(mini, copy)
        load_corpus(copy, cache=cache)
    assert len(list(cache.folder.glob("*.pickle"))) == KEEP


@pytest.mark.parametrize("env, expected", [
    ({"ARGMAP_NO_CACHE": "1", "ARGMAP_CACHE_DIR": "/somewhere"}, None),
    ({"ARGMAP_CACHE_DIR": "/somewhere", "XDG_CACHE_HOME": "/xdg"}, "/somewhere"),
    ({"XDG_CACHE_HOME": "/xdg"}, "/xdg/argmap"),
    ({"XDG_CACHE_HOME": "relative"}, "HOME/.cache/argmap"),
    ({}, "HOME/.cache/argmap"),
], ids=["off", "explicit", "xdg", "xdg-relative-ignored", "home"])
def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str],
                               expected: str | None) -> None:
    for name in ("ARGMAP_NO_CACHE", "ARGMAP_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    found = CorpusCache.default()
    if expected is None:
        assert found is None
    else:
        assert found is not None and str(found.folder) == expected.replace("HOME", str(tmp_path))


def test_commands_after_a_build_give_the_same_output(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache"))
    commands = [["show", "alder.design", "--corpus", str(mini)], ["stances", "--corpus", str(mini)],
                ["brief", "--corpus", str(mini)], ["validate", str(mini)]]
    fresh = {}
    with monkeypatch.context() as off:
        off.setenv("ARGMAP_NO_CACHE", "1")
        for args in commands:
            fresh[args[0]] = runner.invoke(cli, args, catch_exceptions=False).output
    runner.invoke(cli, ["build", str(mini), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    for args in commands:
        assert runner.invoke(cli, args, catch_exceptions=False).output == fresh[args[0]]
    # A text edited after the build: the quote is found at its new place, never at the old one.
    text = (mini / "texts" / "alder.txt").read_text(encoding="utf-8")
    (mini / "texts" / "alder.txt").write_text("A new first line.\n" + text, encoding="utf-8")
    with monkeypatch.context() as off:
        off.setenv("ARGMAP_NO_CACHE", "1")
        moved = runner.invoke(cli, ["build", str(mini), "--out", str(tmp_path / "fresh")], catch_exceptions=False)
    assert moved.exit_code == 0
    runner.invoke(cli, ["build", str(mini), "--out", str(tmp_path / "cached")], catch_exceptions=False)
    for name in ("argmap.json", "argmap.html", "argmap.svg", "brief.md"):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert (tmp_path / "cached" / "argmap.json").read_bytes() != (tmp_path / "out" / "argmap.json").read_bytes()
    assert not os.environ.get("ARGMAP_NO_CACHE")


def test_texts_from_another_folder_are_part_of_the_key(mini: Path, cache: CorpusCache, tmp_path: Path) -> None:
    elsewhere = tmp_path / "texts-elsewhere"
    (mini / "texts").rename(elsewhere)
    (mini / "texts").symlink_to(elsewhere)  # the texts now lie outside the corpus folder
    with pytest.raises(CorpusError):
        load_corpus(mini, cache=cache)
    checked = load_corpus(mini, [elsewhere], cache=cache)
    assert load_corpus(mini, [elsewhere], cache=cache) == checked
    with pytest.raises(CorpusError) as refused:  # without --texts-from the kept corpus is not given
        load_corpus(mini, cache=cache)
    assert "outside the corpus folder" in str(refused.value)


def test_a_text_that_now_leads_outside_is_a_miss(mini: Path, cache: CorpusCache, tmp_path: Path) -> None:
    load_corpus(mini, cache=cache)
    outside = tmp_path / "alder-copy.txt"
    shutil.copy(mini / "texts" / "alder.txt", outside)
    (mini / "texts" / "alder.txt").unlink()
    (mini / "texts" / "alder.txt").symlink_to(outside)  # the same words, but outside the corpus
    with pytest.raises(CorpusError) as refused:
        load_corpus(mini, cache=cache)
    assert "outside the corpus folder" in str(refused.value)


def test_problems_name_files_as_the_command_line_named_the_folder(mini: Path, cache: CorpusCache,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Warnings travel with a kept corpus: they must name files the way this run names the folder.
    edit(mini, "alder.yaml", 'quote: "The city council blames the steel supplier, not the engineers."',
         'quote: "the"')
    absolute = load_corpus(mini, cache=cache)
    monkeypatch.chdir(mini.parent)
    relative = load_corpus(Path(mini.name), cache=cache)
    assert [w.path for w in absolute.warnings] and [w.path for w in relative.warnings]
    assert {w.path for w in relative.warnings} == {str(Path(mini.name) / "alder.yaml")}
    assert relative.warnings == load_corpus(Path(mini.name)).warnings


def test_compiled_templates_are_kept_and_give_the_same_pages(mini: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO), "ARGMAP_CACHE_DIR": str(tmp_path / "cache")}
    outputs = []
    for run in range(3):  # compiled, then from the kept code, then with a damaged file
        done = subprocess.run([sys.executable, "-m", "argmap", "build", str(mini), "--out", str(tmp_path / f"out{run}")],
                              env=env, capture_output=True, text=True)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / f"out{run}").iterdir()})
        kept = sorted((tmp_path / "cache" / "templates").iterdir())
        assert kept
        kept[0].write_bytes(b"damaged")
    assert outputs[0] == outputs[1] == outputs[2]
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    env["ARGMAP_CACHE_DIR"] = str(shared)
    done = subprocess.run([sys.executable, "-m", "argmap", "build", str(mini), "--out", str(tmp_path / "out3")],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0 and not list(shared.rglob("*.cache")) and not list(shared.glob("*.pickle"))
