"""Synthetic corpora and graphs of any size, for scale tests and benchmarks.

``write_corpus(folder, claims)`` writes a real corpus folder (YAML files and source texts) that
``argmap validate`` accepts, shaped like a research group's archive: many sources (about 50 claims
each) by fewer authors (each writes several), within-author support trees, cross-author supports
in small agreeing clusters, contradictions between the sides of a thesis, superseded links and
timed clashes across turning points, theses with stances, reported views with their speakers,
partial dates (day, month, year) and inferred date ranges with a ``date_note``. Texts carry
typographic quotes, dashes, non-breaking spaces and wrapped lines that the quote check folds.
Authors and theses grow as the square root of the claims, so the stance matrix, the agreement
matrix and the brief grow no faster than the corpus. The same arguments write the same bytes.

``broken_quotes`` and ``misspelt_ids`` make an invalid corpus (one word of a quote changed; a
relation's ``to`` misspelt by one letter) to measure the error paths.

``synthetic_graph(nodes, authors, seed)`` builds a graph directly, without a corpus.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from argmap.dates import between, time_key
from argmap.graph import FORMAT_VERSION

TYPES = ["fact", "interpretation", "causal", "evaluation", "prediction", "recommendation"]
TYPE_WEIGHTS = [24, 38, 15, 12, 8, 3]  # about the flagship corpus's mix
GENERATOR_VERSION = 1  # bump when the output changes, so cached corpora are rewritten

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "st", "tr", "sh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "th", "nd", "rk"]
_GLUE = ["the", "of", "and", "to", "in", "that", "a", "for", "on", "with", "as", "was", "by", "its", "not", "but"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        words[_word(rng, rng.choice((1, 2, 2, 3)))] = None
    return list(words)


@dataclass
class Shape:
    """What ``write_corpus`` wrote: sizes, and names to ask the commands about."""

    claims: int
    sources: int
    authors: list[str]
    theses: list[str]
    events: int
    relations: int
    within_supports: int
    claim_ids: list[str] = field(repr=False, default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"claims": self.claims, "sources": self.sources, "authors": len(self.authors),
                "theses": len(self.theses), "events": self.events, "relations": self.relations,
                "within_supports": self.within_supports}


@dataclass
class _Claim:
    id: str
    source: int
    author: int
    words: list[str]
    record: dict[str, Any]
    theses: dict[str, str]
    reported: bool


def _sizes(rng: random.Random, total: int, parts: int) -> list[int]:
    """``parts`` sizes that vary by about +-40% and add up to ``total``."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    index = 0
    while sum(sizes) != total:
        step = 1 if sum(sizes) < total else -1
        if sizes[index % parts] + step >= 1:
            sizes[index % parts] += step
        index += 1
    return sizes


def _dates(rng: random.Random, count: int, start: dt.date, days: int) -> list[tuple[str, str]]:
    """(date, date_note) for each source: mostly days, some months, years and inferred ranges."""
    out = []
    for _ in range(count):
        day = start + dt.timedelta(days=rng.randrange(days))
        kind = rng.random()
        if kind < 0.72:
            out.append((day.isoformat(), ""))
        elif kind < 0.86:
            out.append((day.strftime("%Y-%m"), ""))
        elif kind < 0.90:
            out.append((str(day.year), "Only the year is printed."))
        else:
            later = day + dt.timedelta(days=rng.randrange(40, 200))
            out.append((f"{day.strftime('%Y-%m')}/{later.strftime('%Y-%m')}",
                        "No date printed; inferred from the events the text reports."))
    return out


def _sentence(rng: random.Random, vocab: list[str], length: int) -> list[str]:
    words = []
    for _ in range(length):
        words.append(rng.choice(_GLUE) if rng.random() < 0.3 else rng.choice(vocab))
    return words


def _typeset(words: list[str], rng: random.Random) -> str:
    """The words as a source prints them: curly apostrophes, dashes, the odd non-breaking space."""
    out = []
    for index, word in enumerate(words):
        if index and rng.random() < 0.03:
            out.append("\u2014")
        if rng.random() < 0.04:
            word += "\u2019s"
        out.append(word)
    text = ""
    for index, word in enumerate(out):
        text += ("" if index == 0 else "\u00a0" if rng.random() < 0.02 else " ") + word
    return text


def _plain(printed: str) -> str:
    """How a person types the same words: straight apostrophes and hyphens, plain spaces."""
    return printed.replace("\u2019", "'").replace("\u2014", "-").replace("\u00a0", " ")


def write_corpus(folder: Path, claims: int, seed: int = 1, *, broken_quotes: int = 0, misspelt_ids: int = 0) -> Shape:
    """Write a corpus of ``claims`` claims into ``folder`` (created; files in it are replaced)."""
    rng = random.Random(seed)
    root = math.sqrt(claims)
    n_sources = max(4, round(claims / 50))
    n_authors = max(3, min(n_sources, round(0.3 * root)))
    n_theses = max(4, round(0.35 * root))
    n_events = max(3, round(root / 8))
    n_speakers = max(5, round(root / 2))
    vocab = _vocabulary(rng, 4000)

    first_names = [w.capitalize() for w in _vocabulary(rng, n_authors * 2)][:n_authors]
    surnames: list[str] = []
    for word in _vocabulary(rng, n_authors * 3):
        if word.capitalize() not in first_names and len(surnames) < n_authors:
            surnames.append(word.capitalize())
    authors = [f"{first} {last}" for first, last in zip(first_names, surnames)]
    speakers = [f"the {rng.choice(vocab)} {rng.choice(['ministry', 'council', 'party', 'envoy', 'press office'])}"
                for _ in range(n_speakers)]
    theses = [f"thesis-{i:03d}" for i in range(n_theses)]
    years = 4 + n_sources // 50
    start = dt.date(2001, 1, 1)
    span = years * 365
    events = sorted((start + dt.timedelta(days=rng.randrange(30, span - 30))).isoformat() for _ in range(n_events))
    event_ids = [f"event-{i:02d}" for i in range(n_events)]

    source_author = [i % n_authors for i in range(n_sources)]
    rng.shuffle(source_author)
    source_dates = _dates(rng, n_sources, start, span)
    source_ids = [f"{surnames[a].lower()}-{i:04d}" for i, a in enumerate(source_author)]
    # Each author leans one way on each thesis; each source takes up a few theses.
    leaning = [[rng.choice(("pro", "con")) for _ in theses] for _ in authors]
    topics = [rng.sample(range(n_theses), min(3, n_theses)) for _ in range(n_sources)]

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    for old in [*folder.glob("*.yaml"), *(folder / "texts").glob("*.txt")]:
        old.unlink()

    all_claims: list[_Claim] = []
    by_source: list[list[_Claim]] = []
    texts: list[str] = []
    within = 0
    for s, size in enumerate(_sizes(rng, claims, n_sources)):
        author = source_author[s]
        paragraphs: list[str] = []
        mine: list[_Claim] = []
        for j in range(size):
            filler = [_typeset(_sentence(rng, vocab, rng.randint(8, 24)), rng) + "." for _ in range(rng.randint(0, 2))]
            words = _sentence(rng, vocab, rng.randint(14, 34))
            words[0] = words[0].capitalize()
            printed = _typeset(words, rng)
            sentence = printed + rng.choice((".", ".", ".", "?"))
            parts = filler + [sentence] if rng.random() < 0.5 else [sentence] + filler
            paragraph = " ".join(parts)
            if len(paragraph) > 160 and rng.random() < 0.3:  # a capture that keeps the page's line breaks
                cut = paragraph.find(" ", 80)
                paragraph = paragraph[:cut] + "\n" + paragraph[cut + 1 :]
            paragraphs.append(paragraph)
            # Most quotes are a whole sentence, some a clause of it, typed with plain characters.
            plain = _plain(printed).split()
            if rng.random() < 0.3 and len(plain) > 16:
                a = rng.randrange(0, len(plain) - 10)
                quote_words = plain[a : a + rng.randint(8, len(plain) - a)]
            else:
                quote_words = plain
            quote = " ".join(quote_words)
            slug = "-".join(filter(None, (re.sub(r"[^a-z]", "", w.lower()) for w in quote_words[:2])))[:24].strip("-") or "claim"
            claim_id = f"{source_ids[s]}.{slug}-{j}"
            ctype = rng.choices(TYPES, TYPE_WEIGHTS)[0]
            reported = rng.random() < 0.12
            paraphrase = " ".join(rng.sample(quote_words, max(4, len(quote_words) // 2)))
            record: dict[str, Any] = {
                "id": claim_id,
                "text": paraphrase[0].upper() + paraphrase[1:] + ".",
                "quote": quote,
                "type": ctype,
            }
            if rng.random() < 0.1:
                record["label"] = " ".join(quote_words[:3])
            if reported:
                record["voice"] = "reports"
                record["speaker"] = rng.choice(speakers)
            stances: dict[str, str] = {}
            if rng.random() < 0.42:
                for t in rng.sample(topics[s], 1 if rng.random() < 0.85 else min(2, len(topics[s]))):
                    side = leaning[author][t]
                    if reported or rng.random() < 0.02:
                        side = "con" if side == "pro" else "pro"
                    stances[theses[t]] = side
            if stances:
                record["theses"] = stances
            # Reasons below their conclusion in the text: a tree of supports, never a cycle.
            if j and rng.random() < 0.85:
                targets = {mine[rng.randrange(max(0, j - 8), j)].id}
                if j > 2 and rng.random() < 0.1:
                    targets.add(mine[rng.randrange(0, j)].id)
                record["supports"] = sorted(targets)
                within += len(targets)
            if rng.random() < 0.08:
                record["note"] = f"Judgement call: the {rng.choice(vocab)} passage is read as {ctype}."
            claim = _Claim(claim_id, s, author, quote_words, record, stances, reported)
            mine.append(claim)
            all_claims.append(claim)
        by_source.append(mine)
        texts.append(f"{_typeset(_sentence(rng, vocab, 8), rng).title()}\n\n" + "\n\n".join(paragraphs) + "\n")

    broken = set(rng.sample(range(len(all_claims)), min(broken_quotes, len(all_claims))))
    for index in sorted(broken):
        words = list(all_claims[index].words)
        at = rng.randrange(len(words))
        words[at] = "zzyzx" if words[at] != "zzyzx" else "qwert"
        all_claims[index].record["quote"] = " ".join(words)

    # Cross-author links, each written in the later text's file (the one that answers the other).
    relations: dict[int, list[dict[str, Any]]] = {s: [] for s in range(n_sources)}
    on_side: dict[tuple[str, str], list[_Claim]] = {}
    for claim in all_claims:
        for thesis, side in claim.theses.items():
            on_side.setdefault((thesis, side), []).append(claim)
    linked: set[frozenset[str]] = set()
    in_cluster: set[str] = set()
    day_range = {s: source_dates[s][0] for s in range(n_sources)}
    sort_key = {s: (time_key(source_dates[s][0]), s) for s in range(n_sources)}

    def other_author(claim: _Claim, pool: list[_Claim]) -> _Claim | None:
        for _ in range(6):
            pick = rng.choice(pool)
            if pick.author != claim.author and frozenset((claim.id, pick.id)) not in linked:
                return pick
        return None

    def timing_between(a: _Claim, b: _Claim) -> str | None:
        first, last = sorted((a.source, b.source), key=sort_key.__getitem__)
        fitting = [event_ids[i] for i, day in enumerate(events)
                   if between(day_range[first], day_range[last], day) is not None]
        return rng.choice(fitting) if fitting else None

    def add(a: _Claim, b: _Claim, kind: str, rationale: str, timing: str | None = None) -> None:
        linked.add(frozenset((a.id, b.id)))
        record: dict[str, Any] = {"from": a.id, "to": b.id, "relation": kind, "rationale": rationale}
        if timing:
            record["timing"] = timing
        later = max(a.source, b.source, key=sort_key.__getitem__)
        relations[later].append(record)

    target_links = round(0.8 * claims)
    made = 0
    while made < target_links:
        kind = rng.choices(("supports", "contradicts", "superseded"), (60, 34, 6))[0]
        a = rng.choice(all_claims)
        if kind == "supports":
            # Agreement comes in small clusters (a fact two to four authors report), not one giant web.
            if a.id in in_cluster:
                continue
            members = [a]
            for _ in range(rng.choice((1, 1, 2, 3))):
                pool = on_side.get(next(iter(a.theses.items())), all_claims) if a.theses and rng.random() < 0.6 else all_claims
                b = other_author(a, pool)
                if b is not None and b.id not in in_cluster and b.author not in {m.author for m in members}:
                    members.append(b)
            if len(members) < 2:
                continue
            in_cluster.update(m.id for m in members)
            for b in members[1:]:
                add(b, a, "supports", f"Both report the {rng.choice(vocab)} {rng.choice(vocab)}: {b.id} backs {a.id}.")
                made += 1
            continue
        if a.theses and rng.random() < 0.7:
            thesis, side = next(iter(a.theses.items()))
            pool = on_side.get((thesis, "con" if side == "pro" else "pro"), all_claims)
        else:
            pool = all_claims
        b = other_author(a, pool)
        if b is None:
            continue
        timing = timing_between(a, b) if kind == "superseded" or rng.random() < 0.25 else None
        if kind == "superseded" and timing is None:
            kind = "contradicts"
        reason = ("events overturned the earlier account" if kind == "superseded"
                  else f"both cannot hold: {rng.choice(vocab)} against {rng.choice(vocab)}")
        add(a, b, kind, f"{a.id} and {b.id}: {reason}.", timing)
        made += 1

    all_relations = [r for s in range(n_sources) for r in relations[s]]
    ids = {c.id for c in all_claims}
    for record in rng.sample(all_relations, min(misspelt_ids, len(all_relations))):
        target = record["to"]
        for _ in range(20):
            at = rng.randrange(len(target.split(".", 1)[0]) + 1, len(target))
            if target[at].isalpha():
                wrong = target[:at] + ("x" if target[at] != "x" else "y") + target[at + 1 :]
                if wrong not in ids:
                    record["to"] = wrong
                    break

    dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    def write_yaml(name: str, data: dict[str, Any], header: str = "") -> None:
        text = yaml.dump(data, Dumper=dump, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
        (folder / name).write_text(header + text, encoding="utf-8")

    write_yaml("corpus.yaml", {
        "title": f"A synthetic archive of {claims} claims",
        "theses": [{"id": t, "label": f"Thesis {i}", "text": f"The {vocab[i]} {vocab[i + 1]} settled the {vocab[i + 2]} question."}
                   for i, t in enumerate(theses)],
        "events": [{"id": e, "date": d, "label": f"The {vocab[100 + i]} {rng.choice(['accord', 'offensive', 'election', 'blockade'])}"}
                   for i, (e, d) in enumerate(zip(event_ids, events))],
    }, "# Synthetic corpus (tests/synthetic.py): theses and turning points.\n")
    for s in range(n_sources):
        date, note = source_dates[s]
        author = authors[source_author[s]]
        source: dict[str, Any] = {
            "id": source_ids[s], "author": author, "title": f"On the {vocab[s % 4000]} question, part {s}",
            "publication": f"The {rng.choice(vocab).capitalize()} Review", "date": date,
        }
        if note:
            source["date_note"] = note
        source["text"] = f"texts/{source_ids[s]}.txt"
        if rng.random() < 0.7:
            source["byline"] = author
        else:
            source["provenance"] = "No byline printed; attributed from the publication's contents page."
        data: dict[str, Any] = {"source": source, "claims": [c.record for c in by_source[s]]}
        if relations[s]:
            data["relations"] = relations[s]
        write_yaml(f"{source_ids[s]}.yaml", data)
        (folder / "texts" / f"{source_ids[s]}.txt").write_text(texts[s], encoding="utf-8")
    return Shape(claims, n_sources, authors, theses, n_events, len(all_relations), within, [c.id for c in all_claims])


def synthetic_graph(nodes: int, authors: int = 8, seed: int = 1) -> nx.DiGraph:
    rng = random.Random(seed)
    names = [f"Author {i}" for i in range(authors)]
    graph = nx.DiGraph(
        format=FORMAT_VERSION,
        title=f"Synthetic corpus of {nodes} claims",
        authors=names,
        sources=[
            {"id": f"s{i}", "author": name, "title": f"Text {i}", "publication": "Synthetic", "date": f"{2000 + i}",
             "date_precision": "year", "date_note": "", "url": "", "note": "", "author_index": i}
            for i, name in enumerate(names)
        ],
        theses=[{"id": f"t{i}", "text": f"Thesis {i}", "label": f"T{i}"} for i in range(10)],
        events=[{"id": "e1", "date": "2003-06-01", "label": "An event"}],
    )
    for n in range(nodes):
        a = n % authors
        graph.add_node(
            f"s{a}.c{n}", author=names[a], source=f"s{a}", date=f"{2000 + a}", type=TYPES[n % len(TYPES)],
            text=f"Claim {n} says something.", quote=f"quote {n}", quote_start=0, quote_end=7,
            voice="reports" if n % 11 == 0 else "asserts", speaker="someone" if n % 11 == 0 else "",
            theses={f"t{n % 10}": "pro" if n % 3 else "con"}, note="",
        )
    ids = list(graph.nodes)
    for n in range(nodes):
        same = ids[(n + authors) % nodes]
        graph.add_edge(ids[n], same, relation="supports", rationale="", scope="author", timing="")
        other = ids[rng.randrange(nodes)]
        if other != ids[n] and not graph.has_edge(other, ids[n]) and not graph.has_edge(ids[n], other):
            kind = "contradicts" if n % 2 else "supports"
            graph.add_edge(ids[n], other, relation=kind, rationale=f"link {n}", scope="between", timing="")
    return graph


WORDS = (
    "the mission mandate ceasefire troops border corridor talks treaty guarantees security region peace "
    "withdrawal deployment leverage influence agreement status monitoring presence conflict settlement "
    "government army offensive blockade access road humanitarian observers referendum sovereignty"
).split()


def argument_graph(nodes: int, authors: int = 8, seed: int = 1, links_per_claim: float = 0.48) -> nx.DiGraph:
    """A graph shaped like a curated corpus, for layout benchmarks and pictures: each author's
    claims form argument trees (a conclusion, reasons under it, now and then a wide fan of reasons
    or a reason for two claims), about one claim in twelve stands alone, and links between
    authors (contradicts, supports, a few superseded) favour the upper levels of the arguments, as
    curators link theses more than evidence. Paraphrases are sentences of 60 to 200 characters;
    one claim in five has a short ``label``."""
    rng = random.Random(seed)
    graph = synthetic_graph(0, authors=authors, seed=seed)
    graph.graph["title"] = f"Synthetic corpus of {nodes} claims in argument trees"
    names = graph.graph["authors"]
    per_author = [nodes // authors + (1 if i < nodes % authors else 0) for i in range(authors)]
    levels: dict[str, int] = {}
    counter = 0
    for a, count in enumerate(per_author):
        made: list[str] = []
        while len(made) < count:
            size = min(count - len(made), rng.choice([1, 1, 3, 5, 8, 12, 20, 35]))
            tree: list[str] = []
            for i in range(size):
                node = f"s{a}.c{counter}"
                counter += 1
                words = [rng.choice(WORDS) for _ in range(rng.randint(9, 30))]
                text = " ".join(words).capitalize() + "."
                reported = rng.random() < 0.1
                graph.add_node(
                    node, author=names[a], source=f"s{a}", date=f"{2000 + a}", type=TYPES[rng.randrange(len(TYPES))],
                    text=text, quote=text[:40], quote_start=0, quote_end=min(40, len(text)),
                    voice="reports" if reported else "asserts", speaker="a minister" if reported else "",
                    theses={f"t{rng.randrange(10)}": rng.choice(["pro", "con"])}, note="",
                    label=" ".join(words[:3]).capitalize() if rng.random() < 0.2 else "",
                )
                if i:  # a reason for a claim already in the tree; fans come from favouring one parent
                    parent = tree[0] if rng.random() < 0.25 else tree[rng.randrange(len(tree))]
                    graph.add_edge(node, parent, relation="supports", rationale="", scope="author", timing="")
                    levels[node] = levels[parent] + 1
                    if len(tree) > 2 and rng.random() < 0.05:
                        other = tree[rng.randrange(len(tree))]
                        if other != parent and levels[other] <= levels[parent]:
                            graph.add_edge(node, other, relation="supports", rationale="", scope="author", timing="")
                else:
                    levels[node] = 0
                tree.append(node)
            made += tree
    ids = list(graph.nodes)
    by_level = sorted(ids, key=lambda n: (levels[n], n))
    upper = by_level[: max(1, len(by_level) * 2 // 3)]
    for _ in range(round(nodes * links_per_claim)):
        a, b = rng.choice(upper), rng.choice(upper if rng.random() < 0.7 else ids)
        if graph.nodes[a]["author"] == graph.nodes[b]["author"] or graph.has_edge(a, b) or graph.has_edge(b, a):
            continue
        if graph.nodes[a]["source"] < graph.nodes[b]["source"]:
            a, b = b, a  # the later account links to the earlier
        roll = rng.random()
        kind = "contradicts" if roll < 0.42 else "superseded" if roll < 0.47 else "supports"
        graph.add_edge(a, b, relation=kind, rationale=f"link {a} {b}", scope="between",
                       timing="e1" if kind == "superseded" else "")
    return graph
