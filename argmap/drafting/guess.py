"""Guesses about one sentence, for a person to check: worth mapping?, type, voice and speaker, id.

Every guess is a cue-word rule a reader can follow (the draft says which cue fired), not a
model: it is right often enough to save typing and wrong often enough that every draft is
reviewed. The rules err towards ``reports``: a view wrongly marked as reported is caught on
review, an author wrongly credited with someone else's view is the worse mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.corpus.models import ClaimType
from argmap.drafting.text import words

STOPWORDS = frozenset("""
a about above after again against all also although am an and any are aren't as at be because been before being
below between both but by can cannot could did do does doing down during each even ever few for from further had
has have having he her here hers herself him himself his how however i if in into is isn't it it's its itself just
least less let like may me might more moreover most much must my myself no nor not now of off on once only or other
ought our ours ourselves out over own rather same shall she should since so some still such than that the their
theirs them themselves then there these they this those though through thus to too under until up upon us very was
we were what when where whether which while who whom whose why will with within without would yet you your yours
""".split())

# -- worth mapping ------------------------------------------------------------------------------

def worth_mapping(sentence: str) -> bool:
    """A sentence that can carry a claim: long enough, a statement, not a bare heading."""
    found = words(sentence)
    if len(found) < 6:
        return False
    stripped = sentence.rstrip(" \"'”’)»")
    if stripped.endswith("?"):
        return False  # questions frame claims; the answer is the claim
    return sum(1 for w in found if w.lower() not in STOPWORDS) >= 3


# -- type -------------------------------------------------------------------------------------

def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


# Checked in this order: the first type whose cues occur wins.
_TYPE_CUES: list[tuple[ClaimType, re.Pattern[str]]] = [
    (ClaimType.recommendation, _cues(
        r"should(?! have)", r"must(?! have)", r"ought to", r"needs? to", r"has to", r"have to", r"it is (?:necessary|essential|vital|imperative|time)",
        r"recommend\w*", r"urge[sd]?", r"call(?:s|ed)? (?:on|for|upon)", r"would do well", r"the (?:best|only) (?:way|option)",
        r"(?:is|are) advised")),
    (ClaimType.prediction, _cues(
        r"will(?! not have)", r"won['’]t", r"is (?:likely|unlikely|expected|set|poised|bound|going) to", r"are (?:likely|unlikely|expected|set|poised|bound|going) to",
        r"(?:would|could|may|might) (?:well |soon |eventually )?(?:lead|result|become|end|trigger|face|see|prove|have to)",
        r"in the (?:coming|next) (?:years?|months?|decades?)", r"in the future", r"forecast(?:s|ed)?", r"predict(?:s|ed|ion|ions)?", r"by 20\d\d")),
    (ClaimType.causal, _cues(
        r"because", r"due to", r"as a (?:result|consequence)", r"led to", r"leads? to", r"lead to", r"caus\w+", r"thanks to",
        r"therefore", r"consequently", r"hence", r"result(?:s|ed)? in", r"owing to", r"stems? from", r"enabl\w+",
        r"allow(?:s|ed)? (?:\w+ )?to", r"prevent\w*", r"so that", r"explains?", r"the reason", r"in order to", r"driven by",
        r"contribut\w+ to", r"made it (?:possible|impossible)")),
    (ClaimType.evaluation, _cues(
        r"fail\w*", r"success\w*", r"legitima\w*", r"illegitima\w*", r"effective\w*", r"ineffective", r"unacceptable",
        r"mistake\w*", r"disast\w+", r"complicit\w*", r"complicity", r"betray\w*", r"wrong\w*", r"right(?:ly)?", r"good", r"bad",
        r"better", r"worse", r"best", r"worst", r"positive", r"negative", r"shameful", r"credib\w+", r"justif\w+",
        r"(?:in)?adequate\w*", r"should have", r"must have", r"achiev\w+", r"useful", r"harmful", r"dangerous", r"crucial")),
    (ClaimType.fact, re.compile(
        r"\b\d[\d,.]*\b|\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December)\b|\b(?:signed|deployed|announced|declared|agreed|met|visited|voted|elected|killed|arrived|"
        r"withdrew|withdrawn|launched|established|adopted|received|stationed|dispatched|sent)\b")),
]


def guess_type(sentence: str) -> tuple[ClaimType, str]:
    """(type, the cue that decided it); interpretation when no cue fires."""
    for claim_type, pattern in _TYPE_CUES:
        match = pattern.search(sentence)
        if match:
            return claim_type, match.group()
    return ClaimType.interpretation, ""


# -- voice and speaker ------------------------------------------------------------------------

_SAY = (r"(?:claim|argue|believe|say|assert|insist|maintain|contend|allege|suggest|think|fear|hold|note|warn|"
        r"state|declare|affirm|stress|emphasi[sz]e|point(?:ed)? out|acknowledge|admit|deny|accuse|charge|"
        r"complain|reckon|feel|expect|hope|worry|consider|report|announce|said|thought|felt|held)")
_VERB = rf"(?:{_SAY}(?:s|es|ed|d)?|said|told|thought|felt|held)"
_AUX = r"(?:(?:has|have|had|had long|has long|has repeatedly|have long|also|repeatedly|consistently|openly|publicly|often|still|now|once|recently|"\
       r"even|further|likewise|similarly|apparently|reportedly) )*"
_CLAUSE_START = r"(?:^|[,;:(—–-]\s*|\b(?:and|but|while|whereas|as|although|though|since|because|yet|so)\s+)"
_SUBJECT = r"((?:[A-Z\"“‘'(][\w’'“”\".,()-]*|the|a|an|many|some|several|most|few|various|certain|others|one|two|three|" \
           r"[a-z][\w’'-]*)(?: [\w’'“”\".,()-]+){0,9}?)"

_WHO = r"(?:, (?:who|which)[^,]{1,90},)?"

_REPORT_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("according to", re.compile(r"\b[Aa]ccording to ((?:(?:\b[A-Z][a-z]{0,2}\.)+|[^,.;:])+?)(?:,|;|\.(?=\s|$)|$)")),
    ("in the view of", re.compile(r"\b(?:[Ii]n the (?:view|eyes|opinion) of|[Ii]n ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)['’]s? (?:view|opinion|words|eyes)) ?([^,.;]*)")),
    ("possessive claim", re.compile(rf"\b((?:[A-Z][\w’'.-]*\s?)+)['’]s? (?:claims?|view|argument|position|assertion|allegations?|accusations?|contention|belief|rationale|concern|insistence) (?:is )?that\b")),
    ("reportedly", re.compile(r"\b(?:[Rr]eportedly|[Aa]llegedly|[Rr]eports (?:suggest|say|indicate)|[Ii]t (?:is|was|has been) (?:reported|alleged|claimed|said|believed|rumou?red))\b")),
    ("there is a view", re.compile(r"\b[Tt]here (?:is|are|was|were) (?:a |an )?(?:growing |widespread |common |firm |strong )?(?:view|opinion|belief|perception|sense|feeling|fears?|concerns?|accusations?|claims?|suspicions?)s? (?:in ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*) )?that\b")),
    ("reporting verb", re.compile(rf"{_CLAUSE_START}{_SUBJECT}{_WHO} {_AUX}{_VERB}(?: (?:publicly|openly|repeatedly|firmly|strongly|also))?(?:,? (?:however|too|also|though|though,|however,)?,?)?(?: (?:that|:)| [“\"‘]| the (?:temporary|continued|need|importance)\b| (?=\w+ (?:is|are|was|were|will|would|should|has|have|had)\b))")),
    ("called upon", re.compile(rf"{_CLAUSE_START}{_SUBJECT}{_WHO} {_AUX}(?:called (?:upon|on|for)|urged)\b")),
    ("told that", re.compile(rf"{_CLAUSE_START}{_SUBJECT}{_WHO} {_AUX}(?:informed|told|assured|warned|reminded|promised) [^,.;]{{1,50}}? that\b")),
]

_NOT_SPEAKERS = frozenset({"this", "that", "it", "it is", "which", "who", "these", "those", "what", "such", "here", "there"})
_AUTHOR_WORDS = frozenset({"i", "we", "this article", "this author", "the author", "this paper", "this analysis", "my", "our"})
_LEAD = re.compile(r"^(?:however|moreover|meanwhile|furthermore|indeed|also|yet|still|thus|so|and|but|in addition|"
                   r"consequently|therefore|hence|accordingly|instead|nevertheless|nonetheless|notably|"
                   r"in other words|at the same time|for example|for instance|of course|in fact|in turn|notably|"
                   r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{4})?|"
                   r"in \d{4}|on \w+ \d+|recently|previously|earlier|later|prior to [^,]+),?\s+", re.I)


@dataclass(frozen=True)
class VoiceGuess:
    reported: bool
    speaker: str
    cue: str


# An opening phrase before the subject ("During the 2020 war, many"; "Indicative of this, the
# Council"), told from an apposition ("Mr. Quayle, the harbour master") by its first word.
_OPENING_PHRASE = re.compile(r"^(?:during|after|before|since|following|amid|amidst|throughout|until|despite|given|"
                             r"indicative|unlike|like|as|for|with|without|under|over|within|among|from|against|"
                             r"beyond|regarding|concerning|notwithstanding|by|at|on|in)\b[^,]{0,80},\s+", re.I)


def _clean_speaker(raw: str) -> str:
    speaker = raw.strip(" ,.;:\"“”'‘’()")
    previous = None
    while previous != speaker:
        previous = speaker
        speaker = _LEAD.sub("", speaker).strip(" ,")
        speaker = _OPENING_PHRASE.sub("", speaker).strip(" ,")
    speaker = re.sub(r"\s+", " ", speaker)
    speaker = re.sub(r"(?: (?:\w+ly|had|has|have|also|who|which))+$", "", speaker)  # "Liberal circles largely" -> "Liberal circles"
    return speaker


def guess_voice(sentence: str) -> VoiceGuess:
    """Whether the author only reports someone else's view in ``sentence``, and whose."""
    for cue, pattern in _REPORT_RULES:
        match = pattern.search(sentence)
        if not match:
            continue
        if cue == "reportedly":
            return VoiceGuess(True, "unnamed sources", match.group())
        groups = [g for g in match.groups() if g]
        speaker = _clean_speaker(groups[0]) if groups else ""
        if cue == "there is a view" and not speaker:
            speaker = "unnamed observers"
        if not speaker or speaker.lower() in _NOT_SPEAKERS or speaker.lower() in _AUTHOR_WORDS \
                or speaker.split()[0].lower() in ("it", "this", "that", "there"):
            continue
        if speaker.lower() in ("they", "he", "she"):
            speaker = f"{speaker} (say who)"
        elif cue in ("reporting verb", "called upon", "told that") and not _looks_like_a_speaker(speaker):
            continue
        if speaker.endswith(",") or speaker.split()[-1].lower() in ("who", "which") or speaker.endswith((" who", ", who")):
            continue
        if len(speaker) > 80:
            speaker = speaker[:80].rsplit(" ", 1)[0]
        return VoiceGuess(True, speaker, match.group().strip())
    return VoiceGuess(False, "", "")


_PEOPLE_WORDS = re.compile(
    r"\b(?:many|some|several|most|others|experts?|analysts?|observers?|officials?|critics?|commentators?|scholars?|"
    r"government|ministry|minister|president|prime minister|spokes\w+|leaders?|side|sources?|diplomats?|circles|camp|"
    r"school|parties|party|opposition|public|people|residents|authorities|kremlin|council|secretary|envoy|media|press|"
    r"report|analysis|study|survey|statement|observers|population|armenians|azerbaijanis|russians|turks)\b", re.I)


def _looks_like_a_speaker(speaker: str) -> bool:
    """A person, a group or an institution: a name, or a word for people who hold views."""
    head = speaker.split()
    if not head:
        return False
    if _PEOPLE_WORDS.search(speaker):
        return True
    # A proper name (Lavrov, Baku, "the Kremlin"), not a sentence-initial common noun.
    proper = [w for w in head if w[:1].isupper()]
    return bool(proper) and (len(head) <= 5) and not speaker.lower().startswith(("the situation", "the deployment", "the agreement"))


# -- ids and paraphrases ------------------------------------------------------------------------

def slug(sentence: str, max_words: int = 4) -> str:
    """A readable id part from the sentence's first content words: 'girders-never-strong'."""
    picked: list[str] = []
    for word in words(sentence):
        lower = word.lower().replace("’", "'")
        if lower in STOPWORDS or len(lower) < 3:
            continue
        clean = re.sub(r"[^a-z0-9]+", "-", ascii_fold(lower)).strip("-")
        if clean and clean not in picked:
            picked.append(clean)
        if len(picked) == max_words:
            break
    return "-".join(picked) or "claim"


def ascii_fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def paraphrase(sentence: str) -> str:
    """A first paraphrase to edit: the sentence on one line, without its opening connective."""
    text = " ".join(sentence.split())
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"^(?:however|moreover|furthermore|indeed|meanwhile|also|yet|still|thus|in addition|in other words|"
                      r"at the same time|of course|in fact|in turn|notably|to sum up|in short|in sum|finally|first|second|"
                      r"third|lastly|nevertheless|nonetheless|therefore|hence|consequently|as such|to the contrary),?\s+",
                      "", text, flags=re.I)
    text = text[:1].upper() + text[1:]
    if text and text[-1] not in ".!?\"”’)":
        text += "."
    return text
