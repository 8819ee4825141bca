"""Shared fixtures, defined once: the test corpora (mini, harbour, the flagship) as graphs and
analyses, a CLI runner and a real headless Chromium."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
HARBOUR = DATA / "harbour"
REPO = Path(__file__).parent.parent
FLAGSHIP = REPO / "claims"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True, scope="session")
def _private_corpus_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands keep checked corpora in a cache folder: the tests' own, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGMAP_CACHE_DIR", str(tmp_path_factory.mktemp("argmap-cache")))
        yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the small test corpus, safe to edit."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def edit(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``folder/name`` (a test corpus copy) with ``new``."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _graph(folder: Path) -> Any:
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    return build_graph(load_corpus(folder))


@pytest.fixture(scope="session")
def mini_graph() -> Any:
    """The small corpus with hostile text (tests/data/mini)."""
    return _graph(MINI)


@pytest.fixture(scope="session")
def harbour_graph() -> Any:
    """The known-answer corpus for the comparative views (tests/data/harbour)."""
    return _graph(HARBOUR)


@pytest.fixture(scope="session")
def flagship_corpus() -> Any:
    from argmap.corpus import load_corpus

    return load_corpus(FLAGSHIP)


@pytest.fixture(scope="session")
def flagship_graph(flagship_corpus: Any) -> Any:
    from argmap.graph import build_graph

    return build_graph(flagship_corpus)


@pytest.fixture(scope="session")
def mini_analysis(mini_graph: Any) -> Any:
    from argmap.analysis import Analysis

    return Analysis(mini_graph)


@pytest.fixture(scope="session")
def harbour_analysis(harbour_graph: Any) -> Any:
    from argmap.analysis import Analysis

    return Analysis(harbour_graph)


@pytest.fixture(scope="session")
def flagship_analysis(flagship_graph: Any) -> Any:
    from argmap.analysis import Analysis

    return Analysis(flagship_graph)


CHECKERS = Path(__file__).parent / "checkers"


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """The pinned Argdown CLI; the tests fail (not skip) when it is missing."""
    program = CHECKERS / "node_modules" / ".bin" / "argdown"
    assert program.exists(), f"the Argdown checks need {program}: bash .ci/test installs it (npm ci in tests/checkers)"
    return program


@pytest.fixture(scope="session")
def cytoscape_check() -> list[str]:
    """The command that loads a Cytoscape.js export in headless Cytoscape.js (pinned, from npm)."""
    node = shutil.which("node")
    assert node, "the Cytoscape.js check needs Node.js: bash .ci/test installs it"
    assert (CHECKERS / "node_modules" / "cytoscape").exists(), "the Cytoscape.js check needs tests/checkers/node_modules: run bash .ci/test"
    return [node, str(CHECKERS / "cytoscape_check.js")]


@pytest.fixture(scope="session")
def graphviz_dot() -> str:
    """Graphviz's dot (Debian's graphviz); the tests fail (not skip) when it is missing."""
    program = shutil.which("dot")
    assert program, "the DOT check needs Graphviz's dot: bash .ci/test installs Debian's graphviz"
    return program


@dataclass
class OpenedPage:
    """A page opened in Chromium, with everything it logged and asked the network for."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def network_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; the tests fail (not skip) when it is missing."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "browser tests need Debian's chromium at /usr/bin/chromium (bash .ci/test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Any]:
    """open_page(path, settle=True) -> OpenedPage; waits for the map to settle when asked."""
    contexts = []

    def opener(path: Path, settle: bool = True, timeout: float = 60_000) -> OpenedPage:
        context = chromium.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page)
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri())
        if settle:
            page.wait_for_selector("body[data-settled=true]", state="attached", timeout=timeout)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def synthetic_3k() -> Any:
    """3,000 claims by eight authors in argument trees (tests/synthetic.argument_graph)."""
    from synthetic import argument_graph

    return argument_graph(3000)


# Hypothesis profiles (tests/test_fuzz_corpus.py). "argmap", the default: bounded and
# derandomised, so every run tries the same examples and CI stays fast. "fuzz": new examples
# for minutes (`python3 -m pytest tests/test_fuzz_corpus.py --hypothesis-profile=fuzz`).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("argmap", max_examples=100, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=4000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("argmap")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``model`` need the optional embeddings extra: they run only when ``-m`` names them."""
    if "model" in (config.getoption("markexpr") or ""):
        return
    deselected = [item for item in items if item.get_closest_marker("model")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("model")]
