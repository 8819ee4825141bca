"""Synthetic corpus folders (YAML files and source texts) of any size, for the error-path benchmarks.

``write_corpus(folder, claims=10_000, broken_quotes=100, misspelt_ids=100)`` writes a corpus in
which ``broken_quotes`` quotes have one word changed and ``misspelt_ids`` supports links name a
claim id with two letters swapped, so ``validate`` has that many problems of each kind to report.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("the mission force border road treaty troops ceasefire monitor convoy village report council "
         "minister agreement deadline corridor pressure guarantee mandate observers withdrawal talks "
         "region capital patrol incident status question security").split()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return f"Item {n}: " + " ".join(words).capitalize() + "."


def write_corpus(folder: Path, claims: int = 10_000, sources: int = 100, broken_quotes: int = 0,
                 misspelt_ids: int = 0, seed: int = 1) -> Path:
    rng = random.Random(seed)
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    per_source = claims // sources
    broken = set(rng.sample(range(claims), broken_quotes))
    misspelt = set(rng.sample(range(claims), misspelt_ids))
    theses = [f"t{i}" for i in range(10)]
    (folder / "corpus.yaml").write_text(
        "title: A synthetic corpus\ntheses:\n"
        + "".join(f"  - id: {t}\n    text: Thesis {t} holds.\n" for t in theses),
        encoding="utf-8",
    )
    n = 0
    for s in range(sources):
        sentences = [_sentence(rng, n + i) for i in range(per_source)]
        # Filler paragraphs make the texts article-sized (about 60 kB each).
        filler = [_sentence(rng, -1) for _ in range(300)]
        body = []
        for sentence, pad in zip(sentences, [filler[i::per_source] for i in range(per_source)]):
            body.append(" ".join([sentence, *pad]))
        (folder / "texts" / f"s{s}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
        lines = [f"source:\n  id: s{s}\n  author: Author {s}\n  title: Text {s}\n  publication: Synthetic\n"
                 f"  date: {2000 + s % 20}\n  text: texts/s{s}.txt\nclaims:\n"]
        for i, sentence in enumerate(sentences):
            quote = sentence.rstrip(".")
            if n in broken:
                words = quote.split()
                words[-2] = "zebra"
                quote = " ".join(words)
            lines.append(f"  - id: s{s}.c{n}\n    text: Claim {n}.\n    quote: \"{quote}\"\n    type: fact\n"
                         f"    theses: {{{theses[n % 10]}: {'pro' if n % 3 else 'con'}}}\n")
            if i > 0:
                target = f"s{s}.c{n - 1}"
                if n in misspelt:
                    target = target[:-2] + target[-1] + target[-2]
                    target = target.replace(".c", ".x", 1)
                lines.append(f"    supports: [{target}]\n")
            n += 1
        (folder / f"s{s:03d}.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


if __name__ == "__main__":
    import sys

    write_corpus(Path(sys.argv[1]), broken_quotes=100, misspelt_ids=100)
