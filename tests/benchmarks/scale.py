"""How argmap's cost grows with the corpus: every command at several sizes, as a table.

    python3 tests/benchmarks/scale.py                          # 1k, 3k, 10k and 30k claims
    python3 tests/benchmarks/scale.py --sizes 1000,3000 --only build,validate
    python3 tests/benchmarks/scale.py --argmap /path/to/other/checkout   # measure another version

Each command runs as its own process (``python -m argmap ...``), as a person would run it, on a
synthetic corpus written by ``tests/synthetic.py`` (kept in ``--corpora``, rewritten only when
the generator changes). A cell is the CPU time (user + system) of the process, the median of
``--repeat`` runs (one run when the first takes longer than ``--once-over`` seconds), and its
peak resident memory. CPU time rather than wall time, because the machine may be shared; the
load average is printed with the table. The last columns are the growth exponent k between
sizes (time ~ n^k): 1 is linear; n log n from 1k to 30k is about 1.12.

The phases table is one in-process run of the build's steps (read and check, graph, layout,
analysis, SVG, map page, JSON, brief) and of the other documents, to show where the time goes
(with Python's default garbage collection; the command line collects less often, so its
commands take a little less than their steps add up to).

Commands run with the checked-corpus cache off (``ARGMAP_NO_CACHE=1``), except the rows marked
"(cached)", which run after a build has filled a cache in a private folder.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
# The argmap measured comes first (the phases run in a child told which), then this checkout's.
sys.path[:0] = [str(TESTS), os.environ.get("ARGMAP_SCALE_CODE", str(REPO))]

BROKEN = 100  # quotes changed by one word, and relation ids misspelt by one letter, in the broken corpus


def _corpus(corpora: Path, size: int, broken: bool) -> tuple[Path, dict[str, Any]]:
    """The synthetic corpus of ``size`` claims (written once), and what it holds."""
    from synthetic import GENERATOR_VERSION, write_corpus

    name = f"{size}-broken" if broken else str(size)
    folder = corpora / name
    stamp = corpora / f"{name}.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("generator") == GENERATOR_VERSION and folder.is_dir():
            return folder, info
    shape = write_corpus(folder, size, broken_quotes=BROKEN if broken else 0, misspelt_ids=BROKEN if broken else 0)
    info = {"generator": GENERATOR_VERSION, **shape.as_dict(), "author_names": shape.authors[:2],
            "thesis": shape.theses[0], "claim": shape.claim_ids[len(shape.claim_ids) // 2]}
    stamp.write_text(json.dumps(info, indent=1))
    return folder, info


def _argmap_has(env: dict[str, str], command: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "argmap", command, "--help"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


def run_once(args: list[str], env: dict[str, str], cwd: Path, timeout: float) -> tuple[float, float, int, float]:
    """(CPU seconds, peak RSS in MB, exit status, wall seconds) of one process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(args, env=env, cwd=cwd, stdout=null, stderr=null)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                return math.inf, usage.ru_maxrss / 1024, -9, time.perf_counter() - start
            time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, time.perf_counter() - start


def measure(args: list[str], env: dict[str, str], cwd: Path, repeat: int, once_over: float,
            timeout: float, before: Any = None) -> dict[str, Any]:
    runs = []
    for index in range(repeat):
        if before is not None:
            before()
        cpu, rss, status, wall = run_once(args, env, cwd, timeout)
        runs.append((cpu, rss, status, wall))
        if cpu > once_over or cpu == math.inf:
            break
    return {"cpu": statistics.median(r[0] for r in runs), "rss": max(r[1] for r in runs),
            "status": sorted({r[2] for r in runs}), "wall": statistics.median(r[3] for r in runs), "runs": len(runs)}


def commands(folder: Path, info: dict[str, Any], broken: Path | None, out: Path) -> dict[str, list[str]]:
    a, b = info["author_names"]
    corpus = ["--corpus", str(folder)]
    found = {
        "validate": ["validate", str(folder)],
        "build": ["build", str(folder), "--out", str(out)],
        "stances": ["stances", *corpus],
        "compare": ["compare", *corpus],
        "compare A B": ["compare", a, b, *corpus],
        "brief": ["brief", *corpus],
        "brief.html": ["brief", *corpus, "--out", str(out / "brief-only.html")],
        "quiz": ["quiz", *corpus],
        "worksheet A B": ["worksheet", "--authors", a, b, *corpus],
        "worksheet thesis": ["worksheet", "--thesis", info["thesis"], *corpus],
        "show": ["show", info["claim"], *corpus],
        # suggest writes suggestions.yaml into the corpus: it runs on a copy (see main()).
        "suggest": ["suggest", "--no-model", "--corpus", str(out.parent / "copy")],
    }
    if broken is not None:
        found["validate broken"] = ["validate", str(broken)]
    return found


CACHED = ("show (cached)", "stances (cached)")


def phases(folder: Path) -> dict[str, float]:
    """CPU seconds of each step, in this process (run it in a fresh one)."""
    import resource

    clock = time.process_time
    marks: dict[str, float] = {}
    t = clock()

    def mark(name: str) -> None:
        nonlocal t
        now = clock()
        marks[name] = now - t
        t = now

    import argmap.analysis, argmap.corpus, argmap.graph  # noqa: E401
    from argmap.build import build_outputs  # noqa: F401  (every module the build imports)
    mark("import")
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.analysis import Analysis
    corpus = load_corpus(folder)
    mark("read and check")
    graph = build_graph(corpus)
    mark("graph")
    from argmap.layout import compute_layout, store_positions
    layout = compute_layout(graph)
    store_positions(graph, layout)
    mark("layout")
    analysis = Analysis(graph)
    analysis.weights, analysis.stances, analysis.agreement, analysis.clashes, analysis.clash_kinds  # noqa: B018
    analysis.common_ground, analysis.timeline  # noqa: B018
    for thesis in analysis.thesis_ids:
        analysis.sides(thesis)
    mark("analysis")
    from argmap.render.svg import render_svg
    svg = render_svg(graph, layout)
    mark("SVG")
    from argmap.render.map_page import render_map
    page = render_map(analysis, corpus.texts, layout, svg)
    mark("map page")
    from argmap.render.json import graph_to_json
    graph_to_json(graph)
    mark("JSON")
    from argmap.documents.brief import build_brief
    brief = build_brief(analysis)
    mark("brief (data)")
    from argmap.render.html import render_brief_html
    from argmap.render.markdown import render_brief_md
    render_brief_md(brief), render_brief_html(brief)  # noqa: B018
    mark("brief (md + html)")
    from argmap.quiz.generate import generate_quiz
    generate_quiz(analysis)
    mark("quiz (data)")
    from argmap.documents.worksheet import authors_worksheet, thesis_worksheet
    authors_worksheet(analysis, analysis.authors[0], analysis.authors[1])
    thesis_worksheet(analysis, analysis.thesis_ids[0])
    mark("worksheets (data)")
    marks["map page MB"] = len(page.encode()) / 1e6
    marks["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return marks


def exponent(n1: int, t1: float, n2: int, t2: float) -> float | None:
    if not (t1 > 0 and t2 > 0) or math.inf in (t1, t2):
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def fmt_time(cpu: float) -> str:
    return "timeout" if cpu == math.inf else f"{cpu:.1f} s" if cpu >= 10 else f"{cpu:.2f} s"


def fmt_exp(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def table(results: dict[str, dict[int, dict[str, Any]]], sizes: list[int]) -> str:
    head = ["command", *(f"{n:,}" for n in sizes)]
    pairs = list(zip(sizes, sizes[1:]))
    head += [f"k {a // 1000}k-{b // 1000}k" for a, b in pairs]
    if len(sizes) > 2:
        head.append(f"k {sizes[0] // 1000}k-{sizes[-1] // 1000}k")
    rows = [head, ["---"] * len(head)]
    for name, by_size in results.items():
        row = [name]
        for n in sizes:
            cell = by_size.get(n)
            if cell is None:
                row.append("")
            else:
                bad = "" if cell["status"] == [0] or name == "validate broken" else f" (exit {cell['status']})"
                row.append(f"{fmt_time(cell['cpu'])}, {cell['rss']:.0f} MB{bad}")
        for a, b in pairs:
            row.append(fmt_exp(exponent(a, by_size[a]["cpu"], b, by_size[b]["cpu"])) if a in by_size and b in by_size else "")
        if len(sizes) > 2:
            a, b = sizes[0], sizes[-1]
            row.append(fmt_exp(exponent(a, by_size[a]["cpu"], b, by_size[b]["cpu"])) if a in by_size and b in by_size else "")
        rows.append(row)
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def phase_table(found: dict[int, dict[str, float]], sizes: list[int]) -> str:
    names = list(next(iter(found.values())))
    rows = [["step (CPU s, in process)", *(f"{n:,}" for n in sizes if n in found)], ["---"] * (1 + len(found))]
    for name in names:
        rows.append([name, *(f"{found[n][name]:.2f}" for n in sizes if n in found)])
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000,30000")
    parser.add_argument("--only", default="", help="comma-separated command names (default: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--once-over", type=float, default=30.0, help="one run only when the first takes longer")
    parser.add_argument("--timeout", type=float, default=1200.0)
    parser.add_argument("--argmap", type=Path, default=REPO, help="checkout whose argmap to measure")
    parser.add_argument("--corpora", type=Path, default=Path(tempfile.gettempdir()) / "argmap-scale-corpora")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--no-phases", action="store_true")
    parser.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phases_of:
        print(json.dumps(phases(options.phases_of)))
        return

    sizes = [int(s) for s in options.sizes.split(",")]
    only = {s.strip() for s in options.only.split(",") if s.strip()}
    options.corpora.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(options.argmap.resolve()), "ARGMAP_SCALE_CODE": str(options.argmap.resolve()),
           "ARGMAP_NO_CACHE": "1", "PYTHONHASHSEED": "0"}
    env.pop("PYTHONSTARTUP", None)
    python = [sys.executable, "-m", "argmap"]
    print(f"argmap from {options.argmap.resolve()} ({_git(options.argmap)}); python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}", flush=True)

    floor = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        floor["python -c 'import networkx, pydantic, yaml'"] = measure(
            [sys.executable, "-c", "import networkx, pydantic, yaml"], env, work, 5, 60, 60)
        floor["argmap --help"] = measure([*python, "--help"], env, work, 5, 60, 60)
        flagship = REPO / "claims"
        if flagship.is_dir():
            floor["argmap build claims/ (flagship)"] = measure(
                [*python, "build", str(flagship), "--out", str(work / "flagship")], env, work, 5, 60, 120)
    for name, cell in floor.items():
        print(f"{name}: {fmt_time(cell['cpu'])} CPU, {cell['rss']:.0f} MB (median of {cell['runs']})", flush=True)
    base = floor["python -c 'import networkx, pydantic, yaml'"]["cpu"]
    if "argmap build claims/ (flagship)" in floor:
        print(f"flagship build / import floor: {floor['argmap build claims/ (flagship)']['cpu'] / base:.2f}x", flush=True)

    has_suggest = _argmap_has(env, "suggest")
    results: dict[str, dict[int, dict[str, Any]]] = {}
    found_phases: dict[int, dict[str, float]] = {}
    for size in sizes:
        folder, info = _corpus(options.corpora, size, broken=False)
        broken, _ = _corpus(options.corpora, size, broken=True) if not only or "validate broken" in only else (None, None)
        print(f"\n{size:,} claims: {info['sources']} sources, {info['authors']} authors, {info['theses']} theses, "
              f"{info['events']} events, {info['relations']} relations, {info['within_supports']} within-author supports",
              flush=True)
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            out = work / "out"
            out.mkdir()
            for name, args in commands(folder, info, broken, out).items():
                if (only and name not in only) or (name == "suggest" and not has_suggest):
                    continue
                if name == "suggest":
                    shutil.rmtree(work / "copy", ignore_errors=True)
                    shutil.copytree(folder, work / "copy")
                cell = measure([*python, *args], env, work, options.repeat, options.once_over, options.timeout)
                results.setdefault(name, {})[size] = cell
                print(f"  {name}: {fmt_time(cell['cpu'])} CPU ({cell['wall']:.1f} s wall), {cell['rss']:.0f} MB, "
                      f"exit {cell['status']}, {cell['runs']} run(s); load {os.getloadavg()[0]:.2f}", flush=True)
            cached_env = {**env, "ARGMAP_CACHE_DIR": str(work / "cache")}
            cached_env.pop("ARGMAP_NO_CACHE")
            if not only or any(name in only for name in CACHED):
                # Fill the cache with a build, then time the commands a person runs next.
                run_once([*python, "build", str(folder), "--out", str(out)], cached_env, work, options.timeout)
                for name, args in (("show (cached)", ["show", info["claim"], "--corpus", str(folder)]),
                                   ("stances (cached)", ["stances", "--corpus", str(folder)])):
                    cell = measure([*python, *args], cached_env, work, options.repeat, options.once_over, options.timeout)
                    results.setdefault(name, {})[size] = cell
                    print(f"  {name}: {fmt_time(cell['cpu'])} CPU, {cell['rss']:.0f} MB", flush=True)
        if not options.no_phases and not only:
            runs = []
            for _ in range(1 if size >= 10000 else 3):
                done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--phases-of", str(folder)],
                                      env=env, capture_output=True, text=True, timeout=options.timeout)
                if done.returncode:
                    print(done.stderr[-2000:], flush=True)
                    break
                runs.append(json.loads(done.stdout))
            if runs:
                found_phases[size] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print("  phases: " + ", ".join(f"{k} {v:.2f}" for k, v in found_phases[size].items()), flush=True)

    print(f"\nCPU seconds (user + system), median of up to {options.repeat}; peak RSS. "
          f"Load average at end {os.getloadavg()[0]:.2f}.\n")
    print(table(results, sizes))
    if found_phases:
        print()
        print(phase_table(found_phases, sizes))
    if options.json:
        options.json.write_text(json.dumps({"floor": floor, "results": {k: {str(n): c for n, c in v.items()} for k, v in results.items()},
                                            "phases": {str(k): v for k, v in found_phases.items()}}, indent=1, default=str))


def _git(path: Path) -> str:
    try:
        done = subprocess.run(["git", "-C", str(path), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(path), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return done.stdout.strip()[:60] + (" + uncommitted changes" if dirty else "")
    except OSError:
        return "not a git checkout"


if __name__ == "__main__":
    main()
