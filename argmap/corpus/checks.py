"""Checks across files: ids, references, source texts, quotes, relations and timing."""

from __future__ import annotations

from pathlib import Path

from argmap.corpus.checked import Corpus, Where
from argmap.corpus.inputs import MAX_QUOTE_SEARCHES, MAX_TEXT_BYTES, Refused
from argmap.corpus.models import Claim, Event, Relation, RelationKind, Source
from argmap.corpus.quotes import FoldedText, Span
from argmap.corpus.reader import Located, Reader
from argmap.dates import between, time_key
from argmap.errors import did_you_mean


def _unique(reader: Reader, items: list[Located], kind: str) -> dict[str, Located]:
    seen: dict[str, Located] = {}
    for item in items:
        key = item.value.id
        if key in seen:
            reader.problem(
                item.where("id"),
                f"{item.label()}.id",
                f"duplicate {kind} id '{key}': already defined at {seen[key].where('id')}",
                f"give each {kind} its own id",
            )
        else:
            seen[key] = item
    return seen


def _read_texts(reader: Reader, sources: dict[str, Located]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for source_id, located in sources.items():
        source: Source = located.value
        path = Path(located.doc.path).parent / source.text
        where = located.where("text")
        try:
            data = reader.read_input(path, reader.text_roots, MAX_TEXT_BYTES)
        except Refused as refused:
            if refused.reason == "not found":
                reader.problem(where, "source.text", f"source text file '{source.text}' not found (looked for {path})",
                               "check the path: it is relative to this YAML file")
            else:
                reader.problem(where, "source.text", f"source text '{source.text}' {refused.reason}", refused.fix)
            continue
        try:
            texts[source_id] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            reader.problem(where, "source.text", f"source text {path} is not UTF-8 (bad byte at position {exc.start})",
                           "re-save the text file as UTF-8")
    return texts


def _find_quotes(reader: Reader, claims: dict[str, Located], claim_source: dict[str, str],
                 texts: dict[str, str], sources: dict[str, Located]) -> dict[str, Span]:
    spans: dict[str, Span] = {}
    folded = {source_id: FoldedText(text) for source_id, text in texts.items()}
    searched = 0
    # Claims that failed validation for another reason are checked too, so one run tells all.
    loose = [(located.value["id"].strip(), located, source) for located, source in reader.loose_claims]
    checked = [(claim_id, located, None) for claim_id, located in claims.items()] + loose
    for claim_id, located, source in checked:
        source_id = claim_source[claim_id] if source is None else source.value.id
        if source_id not in folded or (source is not None and sources.get(source_id) is not source):
            continue  # its text is missing (reported once, on the source), or its source is a duplicate
        quote = located.value.quote if source is None else located.value["quote"]
        found = folded[source_id].occurrences(quote)
        if found:
            if source is None:
                spans[claim_id] = found[0]
            if len(found) > 1:
                text = texts[source_id]
                lines = [text.count("\n", 0, span.start) + 1 for span in found]
                reader.warn(located.where("quote"), f"claims[{claim_id}].quote",
                            f"the quote occurs more than once in {sources[source_id].value.text} (lines {lines[0]} and "
                            f"{lines[1]}); the first is used", "lengthen the quote so that it occurs once")
            continue
        text_name = sources[source_id].value.text
        searched += 1
        if searched > MAX_QUOTE_SEARCHES:
            found_text = f"the closest passage was not searched (more than {MAX_QUOTE_SEARCHES} quotes not found)"
        else:
            near = folded[source_id].closest(quote)
            found_text = (
                f"closest passage ({near.similarity:.0%} similar): \"{near.passage}\""
                if near.similarity >= 0.5
                else "no passage of the source is close to it"
            )
        reader.problem(
            located.where("quote"),
            f"claims[{claim_id}].quote",
            f"quote not found in {text_name}; {found_text}",
            "copy the quote verbatim from the source: quote marks, dashes and spacing may differ, words may not",
        )
    return spans


def _check_claim_refs(reader: Reader, claims: dict[str, Located], claim_source: dict[str, str],
                      theses: dict[str, Located], sources: dict[str, Located]) -> None:
    for claim_id, located in claims.items():
        claim: Claim = located.value
        for thesis_id in claim.theses:
            if thesis_id not in theses and not reader.may_exist(thesis_id):
                reader.problem(
                    located.where("theses", thesis_id),
                    f"claims[{claim_id}].theses",
                    f"unknown thesis '{thesis_id}'{did_you_mean(thesis_id, theses)}",
                    "use the id of a thesis defined under 'theses:', or define it there",
                )
        author = sources[claim_source[claim_id]].value.author
        listed: set[str] = set()
        for index, target in enumerate(claim.supports):
            where = located.where("supports", index)
            field = f"claims[{claim_id}].supports"
            if target in listed:
                reader.problem(where, field, f"'{target}' is listed twice in 'supports'", "remove the repeat")
                continue
            listed.add(target)
            if target == claim_id:
                reader.problem(where, field, "a claim cannot support itself", "remove it from its own 'supports' list")
            elif target not in claims:
                if reader.may_exist(target):
                    continue
                reader.problem(where, field, f"supports unknown claim '{target}'{did_you_mean(target, claims)}",
                               "use the id of a claim defined in the corpus")
            elif sources[claim_source[target]].value.author != author:
                other = sources[claim_source[target]].value.author
                reader.problem(where, field, f"'{target}' is a claim of {other}, not of {author}",
                               "'supports' links one author's own claims; link claims of different authors under 'relations:'")


def _check_support_cycles(reader: Reader, claims: dict[str, Located]) -> None:
    """Report each cycle of supports links once (a depth-first search with its own stack: a chain
    of thousands of claims must not exhaust Python's)."""
    graph = {cid: list(dict.fromkeys(t for t in loc.value.supports if t in claims and t != cid)) for cid, loc in claims.items()}
    done: set[str] = set()
    reported: set[frozenset[str]] = set()
    for root in graph:
        if root in done:
            continue
        path = [root]
        on_path = {root: 0}
        todo = [iter(graph[root])]
        while todo:
            node = path[-1]
            nxt = next(todo[-1], None)
            if nxt is None:
                todo.pop()
                done.add(path.pop())
                del on_path[node]
                continue
            if nxt in on_path:
                cycle = path[on_path[nxt]:] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    reader.problem(claims[node].where("supports"), f"claims[{node}].supports",
                                   f"supports links form a cycle: {' -> '.join(cycle)}",
                                   "a reason cannot, through other claims, be supported by its own conclusion: remove one link")
            elif nxt not in done:
                on_path[nxt] = len(path)
                path.append(nxt)
                todo.append(iter(graph[nxt]))


def _check_relations(reader: Reader, relations: list[Located], claims: dict[str, Located],
                     claim_source: dict[str, str], sources: dict[str, Located], events: dict[str, Located]) -> None:
    kinds: dict[frozenset[str], dict[RelationKind, Where]] = {}
    for claim_id, located in claims.items():
        for target in located.value.supports:
            if target in claims and target != claim_id:
                kinds.setdefault(frozenset((claim_id, target)), {})[RelationKind.supports] = located.where("supports")
    for located in relations:
        relation: Relation = located.value
        ok = True
        label = located.label()
        for end, name in ((relation.source, "from"), (relation.target, "to")):
            if end not in claims:
                ok = False
                if reader.may_exist(end):
                    continue
                reader.problem(located.where(name), f"{label}.{name}", f"unknown claim '{end}'{did_you_mean(end, claims)}",
                               "use the id of a claim defined in the corpus")
        if relation.source == relation.target:
            reader.problem(located.where("to"), f"{label}.to", f"relation from '{relation.source}' to itself",
                           "a relation joins two different claims")
            continue
        if not ok:
            continue
        pair = frozenset((relation.source, relation.target))
        seen = kinds.setdefault(pair, {})
        where = located.where()
        if relation.relation in seen:
            reader.problem(where, label, f"'{relation.source}' and '{relation.target}' are already linked by "
                           f"'{relation.relation.value}' at {seen[relation.relation]}", "keep one of the two links")
        for other in sorted(set(seen) - {relation.relation}, key=list(RelationKind).index):
            kinds_here = {relation.relation, other}
            if kinds_here == {RelationKind.supports, RelationKind.contradicts}:
                reader.problem(where, f"{label}.relation", f"'{relation.source}' and '{relation.target}' would both "
                               f"support and contradict each other (the other link is at {seen[other]})",
                               "decide which it is: two claims cannot both support and contradict each other")
            else:
                reader.problem(where, f"{label}.relation", f"'{relation.source}' and '{relation.target}' are linked "
                               f"both as '{other.value}' (at {seen[other]}) and as '{relation.relation.value}'",
                               "decide which it is: 'superseded' means each held in its own period, so it excludes the other kinds")
        seen.setdefault(relation.relation, where)
        provisional = {claim_source[relation.source], claim_source[relation.target]} & reader.provisional
        if relation.timing is not None and not provisional:  # a source with a bad date has no timing to check
            _check_timing(reader, located, events, sources[claim_source[relation.source]].value,
                          sources[claim_source[relation.target]].value)


def _check_timing(reader: Reader, located: Located, events: dict[str, Located], a: Source, b: Source) -> None:
    relation: Relation = located.value
    where = located.where("timing")
    if reader.may_exist(relation.timing or ""):
        return
    if relation.timing not in events:
        reader.problem(where, f"{located.label()}.timing", f"unknown event '{relation.timing}'{did_you_mean(relation.timing or '', events)}",
                       "use the id of an event defined under 'events:'")
        return
    event: Event = events[relation.timing].value
    first, last = sorted((a, b), key=lambda s: time_key(s.date))
    if between(first.date, last.date, event.date) is None:
        reader.problem(where, f"{located.label()}.timing",
                       f"event '{event.id}' ({event.date}) does not fall between the two sources "
                       f"({first.author}, {first.date}; {last.author}, {last.date})",
                       "name an event that happened after the earlier text and before the later one, or drop 'timing'")


def check_corpus(reader: Reader) -> Corpus:
    """Run every cross-file check, adding to ``reader.problems``; return what is known."""
    sources = _unique(reader, reader.sources, "source")
    # The claims of a source whose id is taken (reported once, on the source) are left out:
    # checked as the other source's claims, they would only give follow-on problems.
    kept = [(claim, source) for claim, source in reader.claims if sources.get(source.value.id) is source]
    reader.invalid_ids.update(claim.value.id for claim, source in reader.claims if sources.get(source.value.id) is not source)
    claims = _unique(reader, [claim for claim, _ in kept], "claim")
    claim_source: dict[str, str] = {}
    for claim, source in kept:
        claim_source.setdefault(claim.value.id, source.value.id)  # a duplicate keeps the first
    theses = _unique(reader, reader.theses, "thesis")
    events = _unique(reader, reader.events, "event")
    texts = _read_texts(reader, sources)
    spans = _find_quotes(reader, claims, claim_source, texts, sources)
    _check_claim_refs(reader, claims, claim_source, theses, sources)
    _check_support_cycles(reader, claims)
    _check_relations(reader, reader.relations, claims, claim_source, sources, events)
    return Corpus(
        title=reader.title.value.strip() if reader.title else reader.folder.resolve().name,
        sources={k: v.value for k, v in sources.items()},
        claims={k: v.value for k, v in claims.items()},
        claim_source=claim_source,
        theses={k: v.value for k, v in theses.items()},
        events={k: v.value for k, v in sorted(events.items(), key=lambda kv: time_key(kv[1].value.date))},
        relations=[r.value for r in reader.relations],
        texts=texts,
        spans=spans,
        warnings=sorted(reader.warnings),
        inputs=tuple(dict.fromkeys(reader.inputs)),
    )
