"""Property: whatever is done to a corpus, reading it ends in a corpus or in located problems.

Hypothesis mutates the small corpus (lines deleted, text inserted, values swapped for other types,
odd Unicode, bytes flipped, whole files of random YAML, source texts cut or garbled) and checks
that loading it either succeeds (and then every output builds) or raises CorpusError whose every
problem names its file, a line inside it, and a fix; that the command line exits 0 or 1 with no
traceback and no control character; and that nothing hangs.

The regular run is bounded and derandomised (profile "argmap", registered in conftest.py: the
same examples every time). The long fuzz run draws new examples for minutes:

    python3 -m pytest tests/test_fuzz_corpus.py --hypothesis-profile=fuzz --hypothesis-show-statistics
"""

from __future__ import annotations

import shutil
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import yaml
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from argmap.cli import cli
from argmap.corpus import load_corpus
from argmap.corpus.models import SECTION_MODELS, TOP_LEVEL_KEYS, field_names
from argmap.errors import CorpusError
from conftest import MINI

FILES = sorted(p.name for p in MINI.glob("*.yaml"))
TEXTS = sorted(p.name for p in (MINI / "texts").iterdir())
HANG_SECONDS = 20

# Characters that have broken readers: controls, invisible and bidirectional marks, line and
# paragraph separators, no-break spaces, combining marks, astral characters, YAML indicators.
ODD = ("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u00a0\u00ad\u0301\u200b\u200d\u200e\u202e\u2028\u2029"
       "\u2066\ufeff\ufffd\U0001f600\U000e0041\u4e2d\t\r\n :-?[]{}#&*!|>'\"%@`,")
odd_text = st.text(alphabet=st.sampled_from(ODD) | st.characters(codec="utf-8"), max_size=40)
SWAPS = ["[]", "{}", "[a, b]", "{a: b}", "~", "''", '""', "5", "-1.5e3", "yes", "no", "0000", "2023-13-45", "!!int x",
         "!!float nope", "!!binary AAAA", "!!python/object:os.system x", "*nowhere", "&anchor x", "- item", '"unclosed',
         "|\n  block text", ">\n  folded", "<<: {a: 1}", "? complex\n: key", "[[[[[[[[]]]]]]]]", "\x1b[31mred", "\t", ""]
KEYS = [*TOP_LEVEL_KEYS, *(name for model in SECTION_MODELS.values() for name in field_names(model)), "<<", "~", ""]
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | odd_text | st.sampled_from(["alder.design", "pro", "con", "texts/alder.txt"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | odd_text, children, max_size=5),
    max_leaves=25,
)


@st.composite
def line_mutation(draw: st.DrawFn, lines: list[str]) -> list[str]:
    lines = list(lines)
    kind = draw(st.sampled_from(["delete", "insert", "swap", "odd", "duplicate", "indent"]))
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "delete":
        del lines[at : at + draw(st.integers(1, 4))]
    elif kind == "insert":
        lines.insert(at, draw(odd_text))
    elif kind == "swap" and ":" in lines[at]:
        key = lines[at].split(":", 1)[0]
        lines[at] = f"{key}: {draw(st.sampled_from(SWAPS))}"
    elif kind == "odd" and lines[at]:
        column = draw(st.integers(0, len(lines[at]) - 1))
        lines[at] = lines[at][:column] + draw(st.sampled_from(ODD)) + lines[at][column + 1 :]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "indent":
        lines[at] = " " * draw(st.integers(0, 7)) + lines[at].lstrip()
    return lines


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Turn a hang into a failure (hypothesis's own deadline only measures runs that end)."""
    def hung(signum: int, frame: Any) -> None:
        raise AssertionError(f"no answer after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(folder: Path) -> None:
    """The property, on a corpus folder that may be anything."""
    from argmap.build import corpus_outputs
    from argmap.render.visible import visible

    with deadline(HANG_SECONDS):
        try:
            corpus = load_corpus(folder)
        except CorpusError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.message and problem.fix, problem
                path = Path(problem.path)
                assert path == folder or path.parent in (folder, folder / "texts"), problem
                if path.suffix == ".yaml" and not problem.message.startswith("this corpus file"):
                    lines = len(path.read_bytes().splitlines())
                    assert 1 <= problem.line <= lines + 1, problem
                assert visible(str(problem)) == visible(visible(str(problem)))
        else:
            corpus_outputs(corpus)  # a valid corpus builds: no crash in the analysis or the pages
        result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert visible(result.output) == result.output, "a control character reached the terminal"


@contextmanager
def corpus_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as temp:
        folder = Path(temp) / "mini"
        shutil.copytree(MINI, folder)
        yield folder


@given(data=st.data(), name=st.sampled_from(FILES), count=st.integers(1, 3))
def test_mutated_corpus_files(data: st.DataObject, name: str, count: int) -> None:
    with corpus_copy() as folder:
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        for _ in range(count):
            lines = data.draw(line_mutation(lines))
        (folder / name).write_text("\n".join(lines), encoding="utf-8")
        check(folder)


@given(name=st.sampled_from(FILES), at=st.floats(0, 1), garbage=st.binary(min_size=1, max_size=8))
def test_bytes_flipped(name: str, at: float, garbage: bytes) -> None:
    with corpus_copy() as folder:
        raw = (folder / name).read_bytes()
        index = int(at * (len(raw) - 1))
        (folder / name).write_bytes(raw[:index] + garbage + raw[index + len(garbage) :])
        check(folder)


@given(document=yaml_values, name=st.sampled_from([*FILES, "extra.yaml"]))
@example(document={"\x85": {"\x85": None}, "\x9b": None}, name="alder.yaml")  # found by the fuzz run: NEL is a YAML line break
def test_random_yaml_files(document: Any, name: str) -> None:
    with corpus_copy() as folder:
        (folder / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        check(folder)


@given(name=st.sampled_from(TEXTS), cut=st.floats(0, 1), insert=odd_text)
def test_mutated_source_texts(name: str, cut: float, insert: str) -> None:
    with corpus_copy() as folder:
        text = (folder / "texts" / name).read_text(encoding="utf-8")
        at = int(cut * len(text))
        (folder / "texts" / name).write_text(text[:at] + insert + text[at + len(insert) :], encoding="utf-8")
        check(folder)
