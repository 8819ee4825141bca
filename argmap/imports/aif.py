"""Read AIF JSON (AIFdb's, OVA's, arguebuf's and argmap's own) into an ImportedMap.

I-nodes become claims, their text the paraphrase. The quote is the text of the L-node that
asserts the I-node through a YA node, less its ``"Speaker : "`` prefix (an I-node no locution
anchors lends its own text as the quote). The locution's participant is the author; when that
L-node is itself the content of another participant's L-node, the claim is a view the outer
speaker only reports (``voice: reports``, the inner participant its ``speaker``). Each premise of
an RA node supports its conclusion; a CA node's conflict becomes contradicts. Other nodes (MA,
PA, TA, ...) are listed as skipped. The xAIF wrapper (``{"AIF": {...}}``) is accepted too.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap.errors import ImportFileError, Problem
from argmap.imports.model import ImportedClaim, ImportedMap, ImportedRelation
from argmap.render.aif import joined_name

CARRIED = frozenset({"id", "text", "quote", "author", "voice", "speaker"})
_PREFIX = re.compile(r"^(.{1,200}?) : ", re.DOTALL)
SCHEME_RELATIONS = {"RA": "supports", "CA": "contradicts"}


def _problem(path: str, field: str, message: str, fix: str) -> Problem:
    return Problem(path, 0, field, message, fix)


def _records(data: dict[str, Any], key: str, path: str, needed: tuple[str, ...], problems: list[Problem]) -> list[dict[str, Any]]:
    items = data.get(key, [])
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(_problem(path, key, f"is {type(items).__name__}, not a list", f"make '{key}' a list of objects"))
        return []
    good = []
    for index, item in enumerate(items):
        missing = [name for name in needed if not isinstance(item, dict) or item.get(name) is None]
        if missing:
            problems.append(_problem(path, f"{key}[{index}]", f"has no {', '.join(repr(m) for m in missing)}",
                                     f"every entry of '{key}' needs {', '.join(needed)}"))
            continue
        good.append(item)
    return good


def read_aif(text: str, path: str) -> ImportedMap:
    """The claims and relations of an AIF JSON document; ImportFileError lists every problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError([Problem(path, exc.lineno, "", f"not JSON: {exc.msg} (column {exc.colno})",
                                       "give the AIF JSON file as AIFdb or OVA saves it")]) from None
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]
    if not isinstance(data, dict) or "nodes" not in data:
        raise ImportFileError([_problem(path, "", "not AIF JSON: no 'nodes' list at the top",
                                        "give the AIF JSON file as AIFdb or OVA saves it (nodes, edges, locutions)")])
    problems: list[Problem] = []
    nodes = _records(data, "nodes", path, ("nodeID", "type", "text"), problems)
    edges = _records(data, "edges", path, ("fromID", "toID"), problems)
    locutions = _records(data, "locutions", path, ("nodeID", "personID"), problems)
    participants = _records(data, "participants", path, ("participantID",), problems)
    if problems:
        raise ImportFileError(problems)

    kind = {str(n["nodeID"]): str(n["type"]) for n in nodes}
    text_of = {str(n["nodeID"]): str(n["text"]) for n in nodes}
    position = {str(n["nodeID"]): index for index, n in enumerate(nodes)}
    people = {str(p["participantID"]): joined_name(str(p.get("firstname") or ""), str(p.get("surname") or ""))
              for p in participants}
    speaker_of = {str(loc["nodeID"]): people.get(str(loc["personID"]), "") for loc in locutions}
    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    for index, edge in enumerate(edges):
        source, target = str(edge["fromID"]), str(edge["toID"])
        for end, name in ((source, "fromID"), (target, "toID")):
            if end not in kind:
                problems.append(_problem(path, f"edges[{index}].{name}", f"'{end}' is not a node",
                                         "every edge must join two nodes of the file"))
        into[target].append(source)
        out_of[source].append(target)
    if problems:
        raise ImportFileError(problems)

    def speaker_and_words(l_node: str) -> tuple[str, str]:
        words = text_of[l_node]
        name = speaker_of.get(l_node, "")
        prefix = _PREFIX.match(words)
        if prefix and (not name or prefix.group(1).strip() == name):
            name, words = name or prefix.group(1).strip(), words[prefix.end():]
        return name, words

    def asserting(node: str) -> list[str]:
        """The L-nodes that assert ``node`` through a YA node."""
        return [l_node for ya in into[node] if kind[ya] == "YA" for l_node in into[ya] if kind[l_node] == "L"]

    imported = ImportedMap("AIF", CARRIED)
    for node in nodes:
        node_id = str(node["nodeID"])
        if kind[node_id] != "I":
            continue
        where = f"nodes[{position[node_id]}]"
        claim = ImportedClaim(node_id, text_of[node_id].strip(), "", where=where)
        said = asserting(node_id)
        if said:
            speaker, words = speaker_and_words(said[0])
            reporters = asserting(said[0])
            if reporters:
                claim.author = speaker_and_words(reporters[0])[0]
                claim.voice, claim.speaker = "reports", speaker
            else:
                claim.author = speaker
            claim.quote = words.strip()
        else:
            claim.quote, claim.quote_from_text = claim.text, True
        imported.claims.append(claim)
    skipped: dict[str, int] = defaultdict(int)
    for node in nodes:
        node_id = str(node["nodeID"])
        relation = SCHEME_RELATIONS.get(kind[node_id])
        if relation is None:
            if kind[node_id] not in ("I", "L", "YA"):
                skipped[kind[node_id] or "untyped"] += 1
            continue
        premises = [n for n in into[node_id] if kind[n] == "I"]
        conclusions = [n for n in out_of[node_id] if kind[n] == "I"]
        if not premises or not conclusions:
            skipped[f"{kind[node_id]} not between two I-nodes"] += 1
            continue
        for premise in premises:
            for conclusion in conclusions:
                imported.relations.append(ImportedRelation(premise, conclusion, relation))
    imported.skipped = [f"{count} {what} node{'s' if count > 1 else ''}" for what, count in sorted(skipped.items())]
    return imported
