"""Quotes and reported speech, each with its speaker resolved where the text allows it.

Works on the cleaned text and its sentence spans only (no parse), so it can run on any
document. The cascade, per sentence:

1. find attribution phrases: "X said", "said X" after a comma or closing quote,
   "according to X", "X told reporters";
2. take the subject span of each and resolve it to a speaker: an actor overlapping the
   span; a person name; a pronoun ("he said") resolved to the one person named in the
   preceding sentence (None when there is none or more than one); a bare definite
   description ("the watchdog said") resolved only when something it can refer to was
   introduced earlier (None otherwise);
3. pair the sentence's quoted passages (“…”, "…", ‘…’) of four words or more with that
   attribution, or, when there are none, make the reported clause itself the quote.

A quote whose attribution could not be resolved keeps `attribution` set and `speaker=None`;
the quality stage reports those as `unresolved_attribution`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Actor, Quote

_VERBS = (
    "said|says|say|told|tells|added|adds|stated|confirmed|confirms|announced|announces|"
    "claimed|claims|warned|warns|noted|notes|insisted|insists|argued|argues|explained|explains|"
    "wrote|writes|tweeted|declared|declares|denied|denies|asserted|asserts|acknowledged|"
    "acknowledges|admitted|admits|reported|reports|alleged|alleges|stressed|stresses|urged|"
    "urges|vowed|vows|pledged|pledges|promised|promises|suggested|suggests|replied|responded|"
    "recalled|concluded|posted|called it|described it as|quoted"
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
# Closing quote characters; a straight " closes when it follows a non-space.
_CLOSERS = "”’\""
_QUOTE_RE = re.compile(r"“([^”]{1,1500}?)”|(?<![\w])\"([^\"\n]{1,1500}?)\"|‘([^’]{1,1500}?)’(?!\w)")

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
_PERSON_PRONOUNS = {"he", "she"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                "their", "our", "another", "other", "some", "many", "several", "both", "one",
                "two", "three", "most", "all", "local", "state"}
# Words after which a verb-like token is not an attribution verb ("was told", "the claims").
_NOT_SUBJECT_END = {"the", "a", "an", "was", "were", "is", "are", "be", "been", "being", "has",
                    "have", "had", "not", "also", "who", "which", "that", "of", "to", "in",
                    "on", "for", "by", "with", "and", "or", "but", "as", "so", "it", "its",
                    "his", "her", "their", "would", "will", "could", "should", "may", "might",
                    "can", "did", "does", "do", "never", "widely", "previously", "first",
                    "newly", "recently", "often", "unconfirmed", "media", "these", "those",
                    "such", "there", "no", "any", "more"}
_ADVERB_RE = re.compile(r"\s+(?:also|later|earlier|previously|had|has|have|then|further|"
                        r"again|separately|repeatedly|publicly|recently)$")
_TRAILING_RE = re.compile(
    r"\s+(?:on|in|at|during|after|before|late|early|last|this|from|via|through|when|while|"
    r"who|which|adding|citing|quoted)\b.*$", re.S)
_CLAUSE_WORDS_RE = re.compile(r"\b(?:that|where|when|while|because|after|before|as|and|but|"
                              r"which|who|if|since|although|though)\s+", re.I)

# Heads of organisation-like names: a capitalised sequence containing one is not a person.
_ORG_WORDS = {
    "ministry", "army", "council", "forces", "force", "front", "state", "states", "party",
    "government", "agency", "institute", "university", "committee", "republic", "federation",
    "union", "nations", "organisation", "organization", "watch", "observatory", "brigade",
    "brigades", "movement", "group", "coalition", "court", "police", "guard", "guards",
    "corps", "news", "times", "post", "press", "network", "international", "office",
    "department", "service", "services", "bank", "company", "corporation", "association",
    "alliance", "command", "authority", "authorities", "administration", "parliament",
    "assembly", "congress", "senate", "house", "commission", "fund", "program", "programme",
    "media", "tv", "radio", "television", "kingdom", "emirates", "association", "society",
    "red", "crescent", "cross", "amnesty", "reuters", "afp", "ap", "bbc", "cnn", "monitor",
    "hospital", "center", "centre", "defence", "defense", "foreign", "interior", "affairs",
    "islamic", "syrian", "russian", "iranian", "american", "ukrainian", "general", "staff",
    "street", "square", "city", "province", "region", "district", "county", "airport", "base",
}
_TITLE_RE = re.compile(
    r"\b(?:President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defence Minister|"
    r"Defense Minister|Interior Minister|Minister|Secretary|Gen\.|General|Lt\.|Col\.|Colonel|"
    r"Maj\.|Major|Capt\.|Captain|Commander|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|King|Queen|Prince|"
    r"Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Ambassador|Envoy|Chancellor|Pope|Imam|"
    r"spokesman|spokeswoman|spokesperson|minister|governor|mayor|commander|envoy|ambassador|"
    r"chief|leader|official|president|director)\s+"
    r"((?:[A-Z][\w'’\-]+|al-[\w\-]+|el-[\w\-]+)"
    r"(?:\s+(?:[A-Z][\w'’\-]+|al-[\w\-]+|bin|ibn|de|van|von|der|el-[\w\-]+)){0,3})")
_NAME_RE = re.compile(r"\b([A-Z][a-z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]+|al-[\w\-]+|bin|ibn|de|van|von)){1,3})\b")
_BARE_DESC_RE = re.compile(r"^(?:the|The)\s+((?:[a-z][a-z\-]*\s+){0,2})([a-z][a-z\-]*)$")
# Which earlier mentions can serve as antecedent for a bare definite description.
_HEAD_CUES = {
    "watchdog": ("watchdog", "watch", "observatory", "monitor"),
    "monitor": ("monitor", "observatory", "watchdog", "watch", "monitoring"),
    # Groups of people named one way and then another.
    "protesters": ("protest", "protesters", "demonstrators", "marchers", "march"),
    "demonstrators": ("protest", "protesters", "demonstrators", "marchers", "demonstration"),
    "residents": ("residents", "villagers", "locals", "inhabitants", "people"),
    "villagers": ("residents", "villagers", "locals", "village"),
    "insurgents": ("insurgents", "insurgency", "rebels", "militants", "fighters", "jihadists"),
    "militants": ("insurgents", "rebels", "militants", "fighters", "jihadists", "gunmen"),
    "jihadists": ("insurgents", "jihadist", "jihadists", "militants", "fighters", "islamist"),
    "gunmen": ("gunmen", "attackers", "assailants", "militants", "bandits", "gang"),
    "attackers": ("gunmen", "attackers", "assailants", "militants", "bandits", "gang", "attack"),
    "organisers": ("organisers", "organizers", "organised", "organized", "march", "protest", "rally"),
}
# Institutions a country has one of: "the army said" needs no antecedent.
_SELF_EVIDENT = {"army", "military", "forces", "government", "police", "ministry", "authorities",
                 "presidency", "regime", "junta", "parliament", "prosecutor", "prosecutors",
                 "administration", "cabinet", "navy", "coastguard", "judiciary", "court",
                 "embassy", "kremlin", "pentagon", "opposition", "officials", "office", "party",
                 "department", "presidency", "palace", "senate", "assembly", "legislature"}
_DOCUMENT_HEADS = {"statement", "report", "communique", "announcement", "release", "spokesman",
                   "spokeswoman", "spokesperson", "official", "officials", "source", "sources"}
_HEAD_KINDS = {
    "group": {"rebel", "militia", "ngo", "other", "international"},
    "militants": {"rebel", "militia"}, "rebels": {"rebel"}, "insurgents": {"rebel", "militia"},
    "army": {"military"}, "military": {"military"}, "troops": {"military"},
    "police": {"police"}, "government": {"state"}, "regime": {"state"},
    "administration": {"state"}, "organisation": {"ngo", "international"},
    "organization": {"ngo", "international"}, "militia": {"militia"},
}


@dataclass
class _Said:
    start: int  # subject span of an attribution already read
    end: int
    speaker: Actor | None
    is_person: bool


@dataclass
class _Attribution:
    subject: tuple[int, int]  # subject span in the text
    phrase: tuple[int, int]  # "he said" / "said X" / "according to X"
    content: tuple[int, int]  # the reported clause


def find_quotes(text: str, sentences: list[tuple[int, int]], actors: list[Actor], *,
                persons: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quoted passages and reported speech with their speakers.

    `persons`: optional PERSON entity spans (e.g. from spaCy); without them, person names are
    found by title ("President X") and name-shape heuristics.
    """
    actors = sorted(actors, key=lambda a: a.start)
    person_spans = _guess_persons(text, actors, given=persons)
    passages = [(m.start(m.lastindex), m.end(m.lastindex)) for m in _QUOTE_RE.finditer(text)
                if m.lastindex]
    quotes: list[Quote] = []
    last_speaker: tuple[int, Actor | None] | None = None  # (sentence index, speaker)
    history: list[_Said] = []  # every attribution so far, for "he said"
    for si, (s, e) in enumerate(sentences):
        inside = [p for p in passages if p[0] < e and s < p[1]]
        attrs = _attributions(text, s, e, passages)
        long_passages = [p for p in inside if _words(text[p[0]:p[1]]) >= 4]
        if not attrs:
            # A quote paragraph continued in the next sentence keeps its speaker.
            for p in long_passages:
                if p[0] < s or p[1] > e + 1:  # handled in the sentence where it ends
                    continue
                spk = None
                if last_speaker and last_speaker[0] == si - 1 and last_speaker[1] is not None:
                    spk = last_speaker[1]
                elif si > 0 and text[sentences[si - 1][0]:sentences[si - 1][1]].rstrip().endswith(":"):
                    spk = last_speaker[1] if last_speaker else None
                if spk is not None:
                    quotes.append(Quote(spk, text[p[0]:p[1]], p[0], p[1], None))
                    last_speaker = (si, spk)
            continue
        for a in attrs:
            prev = last_speaker[1] if last_speaker and last_speaker[0] >= si - 1 else None
            speaker = _resolve(text, a, si, sentences, actors, person_spans, passages, prev, history)
            low = text[a.subject[0]:a.subject[1]].strip().lower()
            is_person = speaker is not None and (
                low in _PERSON_PRONOUNS or _person_shaped(speaker.text) or
                _person_description(low) or
                any(p[0] < a.subject[1] and a.subject[0] < p[1] for p in person_spans))
            history.append(_Said(a.subject[0], a.subject[1], speaker, is_person))
            phrase = text[a.phrase[0]:a.phrase[1]]
            mine = [p for p in long_passages if not (p[1] <= a.phrase[0] and a.phrase[0] - p[1] > 200)
                    and not (a.phrase[0] <= p[0] < a.phrase[1])]
            if len(attrs) > 1:
                mine = [p for p in mine if _overlaps(p, a.content) or _adjacent(text, p, a.phrase)]
            if mine:
                for p in mine:
                    quotes.append(Quote(speaker, text[p[0]:p[1]], p[0], p[1], phrase))
            else:
                cs, ce = a.content
                if ce - cs > 3 and _words(text[cs:ce]) >= 3:
                    quotes.append(Quote(speaker, text[cs:ce], cs, ce, phrase))
            last_speaker = (si, speaker)
    quotes.sort(key=lambda q: q.start)
    return _dedupe(quotes)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        if out and out[-1].start == q.start and out[-1].end == q.end:
            continue
        out.append(q)
    return out


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _adjacent(text: str, p: tuple[int, int], phrase: tuple[int, int]) -> bool:
    gap = text[p[1]:phrase[0]] if p[1] <= phrase[0] else text[phrase[1]:p[0]]
    return len(gap) <= 4


def _in_passage(pos: int, passages: list[tuple[int, int]]) -> bool:
    return any(p0 <= pos < p1 for p0, p1 in passages)


def _attributions(text: str, s: int, e: int,
                  passages: list[tuple[int, int]]) -> list[_Attribution]:
    """Attribution phrases of one sentence (outside its quoted passages)."""
    out: list[_Attribution] = []
    sent = text[s:e]
    for m in _ACCORDING_RE.finditer(sent):
        if _in_passage(s + m.start(), passages):
            continue
        subj_s = m.end()
        stop = re.search(r"[,;.:!?]|\s[–—]\s", sent[subj_s:])
        subj_e = subj_s + (stop.start() if stop else len(sent[subj_s:]))
        subj_e = subj_s + len(sent[subj_s:subj_e].rstrip())
        if subj_e <= subj_s:
            continue
        before = sent[:m.start()].rstrip(" ,")
        if len(before) > 3:
            content = (s + _lstrip_at(sent, 0), s + len(before))
        else:
            content = (s + subj_e + 1, s + len(sent.rstrip(" .!?\"”")))
        content = _trim(text, *content)
        out.append(_Attribution((s + subj_s, s + subj_e), (s + m.start(), s + subj_e), content))
    for m in _VERB_RE.finditer(sent):
        vs, ve = s + m.start(), s + m.end()
        if _in_passage(vs, passages):
            continue
        if _after_appositive(text, s, vs):
            a = _normal(text, s, e, vs, ve)
        else:
            a = _inverted(text, s, e, vs, ve) or _normal(text, s, e, vs, ve)
        if a and not any(_overlaps(a.phrase, b.phrase) for b in out):
            out.append(a)
    return out


def _lstrip_at(sent: str, i: int) -> int:
    while i < len(sent) and sent[i] in " \n\t":
        i += 1
    return i


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,:;\n\t—–":
        s += 1
    while e > s and text[e - 1] in " ,:;.\n\t—–":
        e -= 1
    # Drop a leading "that" of "said that ..."
    if text[s:s + 5].lower() == "that ":
        s += 5
    return s, e


_APPOSITIVE_RE = re.compile(r"(?:an?|the|who|which|whose|based|citing|[a-z]+ed|[a-z]+ing)\b")
_LOWER_APPOSITIVE_RE = re.compile(r"(?:who|which|whose|where|based|citing|[a-z]+ed|[a-z]+ing)$")
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|had|has|have|will|would|could|can|did|does|may|"
                        r"might|saw|showed|shows)\b")


def _after_appositive(text: str, s: int, vs: int) -> bool:
    """True for 'Name, a war monitor, said …': the comma before the verb closes an appositive,
    so the verb's subject is before it (not after it, as in '…, said the minister')."""
    seg = text[s:vs].rstrip()
    if not seg.endswith(","):
        return False
    prev = seg[:-1]
    k = prev.rfind(",")
    if k < 0:
        return False
    chunk = prev[k + 1:].strip()
    # The part before the appositive is the verb's subject, so subject-sized: in "Fighters
    # attacked the village on Saturday, burning homes, said X" it is a clause, and the verb's
    # subject is after it.
    head = prev[:k].split(",")[-1].split()
    return bool(chunk) and len(chunk.split()) <= 12 and bool(_APPOSITIVE_RE.match(chunk)) and \
        len(head) <= 10


def _inverted(text: str, s: int, e: int, vs: int, ve: int) -> _Attribution | None:
    """'…, said the head of X.' — the verb follows a comma or a closing quote."""
    before = text[s:vs].rstrip()
    if not before or before[-1] not in "," + _CLOSERS:
        return None
    if before[-1] in _CLOSERS and len(before) > 1 and before[-2] == " ":
        return None
    rest = text[ve:e]
    m = re.match(r"\s+([^,;.:!?]+)", rest)
    if not m:
        return None
    subj = m.group(1)
    first = subj.split()[0]
    if first.lower() in {"that", "to", "in", "on", "it", "they", "he", "she", "this"} and \
            first.lower() not in _PERSON_PRONOUNS | {"they", "it"}:
        return None
    after_quote = before[-1] in _CLOSERS
    # "…, said regional police commander Colonel X": lowercase-led but ends in a name.
    named = bool(re.search(r"\s[A-Z][a-z]+\s*$", _TRAILING_RE.sub("", subj)))
    if first.lower() in {"it", "they"} or not after_quote and not named and first[0].islower() and \
            first.lower() not in _DETERMINERS and first.lower() not in _PERSON_PRONOUNS and \
            not first.lower().endswith("s"):
        return None
    # "…, said he" is rare; "…, said the minister in a statement" is common: cut the tail.
    cut = _TRAILING_RE.sub("", subj).rstrip()
    if not cut or len(cut.split()) > 10 or _FINITE_RE.search(cut) or any(c in cut for c in "“”\""):
        return None
    subj_s = ve + m.start(1)
    subj_e = subj_s + len(cut)
    content = _trim(text, s, s + len(before.rstrip(_CLOSERS + ",")))
    return _Attribution((subj_s, subj_e), (vs, subj_e), content)


def _normal(text: str, s: int, e: int, vs: int, ve: int) -> _Attribution | None:
    """'X said …' / '…, X said.' — the subject is the noun phrase just before the verb."""
    span = _chunk_span(text, s, vs)
    if span is None:
        return None
    chunk_s = span[0]
    subj = text[chunk_s:span[1]]
    stripped = _ADVERB_RE.sub("", subj.rstrip())
    subj_s, subj_e = chunk_s, chunk_s + len(stripped)
    # Skip a leading conjunction ("But rights groups said").
    lead = re.match(r"(?:But|And|Yet|However,?|Meanwhile,?|Still,?|and|but|while|yet)(?:\s+|$)",
                    text[subj_s:subj_e])
    if lead:
        subj_s += lead.end()
    if subj_s >= subj_e:
        # "X condemned … and said": the subject is the sentence's, when it names someone.
        head = re.match(r"\s*((?:[A-Z][\w'’\-.]*\s+){1,6}?[A-Z][\w'’\-]+)\s+[a-z]", text[s:vs])
        name = head.group(1) if head else ""
        if not head or re.match(r"(?:The|A|An|This|That)\b", name) or not (
                _person_shaped(name.split(" ", 1)[-1]) or _person_shaped(name)):
            return None
        subj_s, subj_e = s + head.start(1), s + head.end(1)
    words = text[subj_s:subj_e].split()
    if not words or len(words) > 14:
        return None
    if words[-1].lower().strip(",") in _NOT_SUBJECT_END and words[-1].lower() not in _PRONOUNS:
        return None
    if len(words) == 1 and words[0].lower() in _DETERMINERS:
        return None
    after = text[ve:e]
    tail = re.match(r"\s*(?:on \w+|in \w+|late \w+|earlier|later|on Monday|in a statement|"
                    r"in an interview|at a \w+ conference|reporters|journalists|the \w+|"
                    r"\w+ reporters)?\s*[.!?\"”]*\s*$", after)
    if tail or after.strip() in {"", "."}:
        cs, ce = _trim(text, s, min(subj_s, _clause_start(text, s, subj_s)))
        content = (cs, ce - (1 if text[cs:ce].endswith(_CLOSERS) else 0))
    else:
        content = _trim(text, ve, e)
        # "said in March, …" / "told reporters on Monday that …": skip the adjunct.
        adj = re.match(r"\s*(?:(?:on|in|at|late|early|last) [\w ]{1,25}?,\s|(?:on|in|at|via|through)"
                       r" [\w ]{1,40}? that\s|(?:reporters|journalists"
                       r"|the \w+|\w+)(?: on \w+| in \w+)? that\s|that\s)", text[ve:e])
        if adj:
            content = _trim(text, ve + adj.end(), e)
    phrase_e = ve
    return _Attribution((subj_s, subj_e), (subj_s, phrase_e), content)


def _chunk_span(text: str, s: int, vs: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb at `vs` (span), walking back over
    clause punctuation: '…, activists said' -> 'activists'; 'Name, who runs X, said' and
    'Name, a war monitor, said' -> 'Name'; 'A report by X, based on Y, suggests' -> 'A report by X'."""
    # Parentheticals ("the Tehreek-e-Taliban Pakistan (TTP), claimed") are not boundaries.
    seg = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[s:vs])
    bounds = [0]
    for m in re.finditer(r"[,;:]|\s[-–—]\s|[”\"’](?=\s)", seg):
        bounds.append(m.end())
    segs = []  # (start, end) in text, delimiters excluded
    for j, b0 in enumerate(bounds):
        b1 = bounds[j + 1] - 1 if j + 1 < len(bounds) else len(seg)
        segs.append((s + b0, s + b1))
    j = len(segs) - 1

    def words(k: int) -> list[str]:
        return text[segs[k][0]:segs[k][1]].split()

    while j >= 0 and not words(j):
        j -= 1
    if j < 0:
        return None
    skipped = j < len(segs) - 1 or not text[segs[-1][0]:segs[-1][1]].strip()
    # Appositives: lowercase-led ("who runs…", "based on…") or "a/the …" after a name.
    while j >= 1:
        w = words(j)
        if not w:  # an empty segment between two commas ("Name, , who runs X,") is no boundary
            j -= 1
            continue
        first = w[0]
        lower_led = bool(_LOWER_APPOSITIVE_RE.match(first))
        det_led = skipped and first.lower() in ("a", "an", "the") and words(j - 1) and \
            _looks_like_name(" ".join(words(j - 1)))
        if not (lower_led or det_led):
            break
        j -= 1
        skipped = True
    cs, ce = segs[j]
    chunk = text[cs:ce]
    if not skipped and len(chunk.split()) > 8:
        ms = list(_CLAUSE_WORDS_RE.finditer(chunk))
        # "A resident who asked not to be named said": the relative clause belongs to a
        # short noun phrase that is the subject.
        if ms and ms[-1].group().strip().lower() == "who" and len(chunk[:ms[-1].start()].split()) <= 5 \
                and re.match(r"(?:an?|one|another|the)\s", chunk.strip(), re.I):
            ms = []
        if ms:
            cs += ms[-1].end()
    while cs < ce and text[cs] in " \n\t\"“”":
        cs += 1
    while ce > cs and text[ce - 1] in " \n\t,":
        ce -= 1
    return (cs, ce) if cs < ce else None


def _clause_start(text: str, s: int, pos: int) -> int:
    """Where the subject's own clause starts (the comma before 'Name, a monitor, said')."""
    k = text.rfind(",", s, pos)
    return k if k >= 0 and not text[k + 1:pos].strip() else pos


def _looks_like_name(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 8 and words[0][:1].isupper()


def _resolve(text: str, a: _Attribution, si: int, sentences: list[tuple[int, int]],
             actors: list[Actor], persons: list[tuple[int, int]],
             passages: list[tuple[int, int]], prev: Actor | None = None,
             history: list[_Said] | None = None) -> Actor | None:
    ss, se = a.subject
    subj = text[ss:se].strip()
    low = subj.lower()
    if low in _PERSON_PRONOUNS:
        return _resolve_pronoun(text, ss, si, sentences, actors, persons, passages, history or [])
    if low in _PRONOUNS:
        found = _resolve_group_pronoun(text, ss, si, sentences, actors)
        if found is None and prev is not None and not _person_shaped(prev.text):
            return prev
        return found
    hits = [x for x in actors if x.start < se and ss < x.end]
    m = _BARE_DESC_RE.match(subj)
    if m and _self_introducing(text, subj, m, se):
        return Actor(text=subj, name=None, country=None, kind=None, start=ss, end=se)
    if m and m.group(2) not in _SELF_EVIDENT:
        # "the monitor said": an actor tag on the noun gives its type, not an antecedent.
        found = _resolve_description(text, m.group(2), ss, se, sentences[si][0], actors)
        # "…, the group said": the organisation quoted just before, unless the description
        # names a kind of body that must be introduced ("the watchdog", "the monitor").
        if found is None and prev is not None and m.group(2) not in _HEAD_CUES and \
                prev.text[:1].isupper() and _org_like(prev.text):
            return prev
        if found is not None and hits and found.start >= ss:
            return max(hits, key=lambda x: x.end - x.start)
        return found
    people = [p for p in persons if p[0] < se and ss < p[1]]
    if people:
        ps, pe = people[0]
        for x in hits:
            if x.start <= ps and pe <= x.end or ps <= x.start and x.end <= pe:
                return x
        return _person_actor(text, ps, pe)
    if hits:
        return max(hits, key=lambda x: (x.end - x.start, -x.start))
    return Actor(text=subj, name=None, country=None, kind=None, start=ss, end=se)


# Offices a country has one holder of: "the prime minister said" needs no antecedent.
_OFFICES = {"president", "premier", "chancellor", "king", "queen", "pope", "emir", "sultan",
            "monarch", "speaker"}
_OFFICE_MODS = {"prime", "foreign", "defence", "defense", "interior", "finance", "health",
                "justice", "information", "home", "deputy"}


def _self_introducing(text: str, subj: str, m: re.Match, se: int) -> bool:
    """A definite description that needs no antecedent: a national office ("the prime
    minister", "the president"), or a person introduced on the spot by a relative clause or
    appositive ("The woman, who declined to give her name, said")."""
    head = m.group(2)
    mods = set(m.group(1).split())
    if head in _OFFICES or (head == "minister" and mods & _OFFICE_MODS):
        return True
    return bool(_PERSON_DESC_RE.match(subj)) and \
        bool(re.match(r",\s+(?:who|whose|aged|an?\s|\d)", text[se:se + 12]))


def _person_actor(text: str, s: int, e: int) -> Actor:
    return Actor(text=text[s:e], name=text[s:e], country=None, kind=None, start=s, end=e)


def _surname(name: str) -> str:
    return name.split()[-1].strip("’'s").lower() if name.split() else name


# Nouns for one person: "a resident who asked not to be named said …. '…,' he said".
_PERSON_NOUNS = (
    "resident|witness|doctor|nurse|surgeon|medic|paramedic|official|officer|policeman|"
    "policewoman|spokesman|spokeswoman|spokesperson|trader|merchant|shopkeeper|vendor|farmer|"
    "herder|fisherman|teacher|headteacher|student|man|woman|mother|father|husband|wife|son|"
    "daughter|brother|sister|uncle|aunt|grandmother|grandfather|survivor|commander|soldier|"
    "fighter|militiaman|relative|neighbour|neighbor|driver|journalist|reporter|activist|lawyer|"
    "source|villager|worker|pastor|priest|imam|cleric|elder|chief|leader|diplomat|analyst|"
    "member|volunteer|guard|businessman|businesswoman|engineer|mayor|governor|minister|"
    "lawmaker|legislator|councillor|councilor|negotiator|mediator|envoy|ambassador|researcher|"
    "director|coordinator|manager|organiser|organizer|protester|demonstrator|parent|girl|boy|"
    "passenger|pilot|nun|monk|refugee|migrant|detainee|prisoner|hostage|victim|employee|"
    "lecturer|professor|student|chairman|chairwoman|head|deputy|aide|adviser|advisor|"
    "investigator|prosecutor|judge|magistrate|rescuer|firefighter|ranger|sheikh"
)
_PERSON_DESC_RE = re.compile(
    rf"^(?:an?|one|another|the|this|that)\s+(?:[\w'’\-]+\s+){{0,4}}?(?:{_PERSON_NOUNS})\b(?!['’]s)", re.I)


def _person_description(subject: str) -> bool:
    """'a resident who asked not to be named', 'a senior police officer', 'the doctor':
    one unnamed person, who can be the antecedent of a later 'he/she said'."""
    return bool(_PERSON_DESC_RE.match(subject.strip()))


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _resolve_pronoun(text: str, pos: int, si: int, sentences: list[tuple[int, int]],
                     actors: list[Actor], persons: list[tuple[int, int]],
                     passages: list[tuple[int, int]], history: list[_Said]) -> Actor | None:
    """'he said' -> a person, only when the text leaves one candidate. The window is the
    paragraph of the quote and the one before it (at least the preceding sentence):

    - after a person's attribution ("Smith said …. '…,' he said", also an unnamed "a
      resident said"): that person, unless another person is named in a later sentence;
      people named in the attribution's own sentence ("Baerbock told reporters after meeting
      Zourabichvili") are objects, the subject stays the antecedent;
    - after a group's or organisation's attribution later than any person ("police said ….
      '…,' he said"): None, a "he" cannot be them;
    - otherwise the one person named in the window, else None.
    """
    # A quote split over sentences ('"A. B," he said') counts from where the quote opens.
    sent_s = sentences[si][0]
    opened = [p[0] for p in passages if p[0] < sent_s <= p[1] + 2]
    qi = si
    while opened and qi > 0 and sentences[qi][0] > min(opened):
        qi -= 1
    # The preceding sentence, skipping fragments (a lone quote mark split off by the parser).
    wi = qi - 1
    while wi > 0 and _words(text[sentences[wi][0]:sentences[wi][1]]) < 3:
        wi -= 1
    window_s = sentences[wi][0] if wi >= 0 else sentences[qi][0]
    para = _paragraph_start(text, sentences[qi][0])
    back = para - 1
    while back > 0 and text[back - 1].isspace():
        back -= 1
    prev_para = _paragraph_start(text, back) if back > 0 else para
    window_s = min(window_s, prev_para)
    earlier = [h for h in history if window_s <= h.start < pos]
    outside = [p for p in persons if window_s <= p[0] and p[1] <= pos and not _in_passage(p[0], passages)]
    said = [h for h in earlier if h.is_person and h.speaker is not None]
    last_person = max([p[0] for p in outside] + [h.start for h in said], default=-1)
    if any(h.start > last_person and not h.is_person for h in earlier):
        return None
    if said:
        last = said[-1]
        name = _surname(last.speaker.text)
        own = next((e for s, e in sentences if s <= last.start < e), last.end)
        between = [p for p in outside if own <= p[0] and _surname(text[p[0]:p[1]]) != name]
        return None if between else last.speaker
    names = {_surname(text[p[0]:p[1]]) for p in outside}
    if len(names) != 1:
        return None
    # Prefer the fullest mention of that person ("President Vladimir Putin" over "Putin").
    best = max(outside, key=lambda p: p[1] - p[0])
    for x in actors:
        if x.start <= best[0] and best[1] <= x.end:
            return x
    return _person_actor(text, *best)


def _resolve_group_pronoun(text: str, pos: int, si: int, sentences: list[tuple[int, int]],
                           actors: list[Actor]) -> Actor | None:
    """'it said' / 'they said': the one non-person actor named in the preceding sentence."""
    if si == 0:
        return None
    window_s = sentences[si - 1][0]
    found = [x for x in actors if window_s <= x.start and x.end <= pos]
    names = {x.name or x.text for x in found}
    return found[-1] if len(names) == 1 else None


def _resolve_description(text: str, head: str, ss: int, se: int, sent_s: int,
                         actors: list[Actor]) -> Actor | None:
    """'the watchdog said': resolved only when something it can name came earlier."""
    earlier = text[:sent_s]
    cues = _HEAD_CUES.get(head, (head, head.rstrip("s"), head + "s"))
    # "the presidency statement", "the ministry spokesman": the body is the modifier.
    mods = text[ss:se].split()[1:-1]
    if head in _DOCUMENT_HEADS and mods:
        cues = cues + tuple(m.lower() for m in mods)
    if any(re.search(rf"\b{re.escape(c)}\b", earlier, re.I) for c in cues if len(c) > 2):
        before = [x for x in actors if x.end <= sent_s and any(
            c in x.text.lower() for c in cues if len(c) > 2)]
        if before:
            return before[-1]
        return Actor(text=text[ss:se], name=None, country=None, kind=None, start=ss, end=se)
    kinds = _HEAD_KINDS.get(head)
    if kinds:
        before = [x for x in actors if x.end <= sent_s and x.kind in kinds]
        if before:
            return before[-1]
    # A named organisation of a compatible type introduced earlier ("Human Rights Watch" …
    # "the rights group said"; "the International Organization for Migration (IOM)" … "the
    # agency said").
    kind = _ORG_HEAD_CLASS.get(head)
    if kind:
        m = None
        for m in _ORG_NAME_RES[kind].finditer(earlier):
            pass
        if m is not None:
            return Actor(text=m.group(0), name=None, country=None, kind=None,
                         start=m.start(), end=m.end())
    return None


# Which named organisations a bare description of a body can point back to.
_ORG_HEAD_CLASS = {
    "monitor": "rights", "watchdog": "rights", "observatory": "rights",
    "agency": "agency",
    "group": "any", "organisation": "any", "organization": "any", "charity": "any",
    "body": "any", "ngo": "any", "network": "any", "coalition": "any", "alliance": "any",
    "movement": "any", "outfit": "any", "militia": "any", "mission": "agency",
}
_CAP = r"(?:[A-Z][\w'’\-]*|for|of|the|and|to|on|in|des|de|du|sans|without)"
_ORG_NAME_RES = {
    "rights": re.compile(
        rf"\b(?:[A-Z][\w'’\-]*\s+{_CAP}*\s*)?(?:Watch|Observatory|Monitor|Monitoring|Human Rights|"
        r"Civil Liberties|Protect Journalists|Without Borders|Amnesty International|Airwars|ACLED)\b"
        r"|\b(?:monitoring|rights|watchdog|press freedom) (?:group|organi[sz]ation|body)\b"),
    "agency": re.compile(
        r"\b(?:UNHCR|UNICEF|OCHA|WFP|IOM|WHO|UNRWA|UNDP|UNFPA|FAO|IAEA|Frontex|Reuters|AFP|"
        r"Xinhua|TASS|Interfax|IRNA|SANA|Anadolu|Yonhap|Kyodo|MONUSCO|UNMISS|MINUSMA|UNIFIL)\b"
        r"|\b[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,5}\s+(?:Agency|Organi[sz]ation|"
        r"Programme|Program|Fund|Office|Commission(?:er)?|Mission)\b|\b(?:news|UN|aid|refugee) agency\b"),
    "any": re.compile(
        r"\b[A-Z][\w'’\-]*(?:\s+" + _CAP + r"){0,6}\s+(?:Watch|Observatory|Monitor|International|"
        r"Front|Movement|Brigades?|Army|Council|Committee|Organi[sz]ation|Foundation|Federation|"
        r"Union|Coalition|Alliance|Network|Association|Society|Institute|Centre|Center|Group|"
        r"Party|Forces|Crescent|Cross|Frontières|Children|Relief|Rescue|Agency|Fund|Mission)\b"
        r"|\([A-Z][A-Z\-]{1,9}\)|\b(?:rebel|armed|militant|jihadist|rights|monitoring|aid|"
        r"separatist|insurgent|opposition|civil society|advocacy|humanitarian) (?:group|"
        r"organi[sz]ation|movement|coalition|alliance|body|charity)\b"),
}


def _guess_persons(text: str, actors: list[Actor],
                   given: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Person-name spans: `given` (a tagger's PERSON entities) plus titled names, person-shaped
    actors, names that head an attribution ("Mikhail Bogdanov said"), and later surname-only
    mentions of all of these ("Marchuk wrote")."""
    # A tagger's PERSON spans are noisy ("bush", "The Kuki Inpi Manipur"): keep the ones
    # shaped like a name.
    spans: set[tuple[int, int]] = {
        (s, e) for s, e in given or []
        if text[s:s + 1].isupper() and not re.match(r"(?:The|A|An)\s", text[s:e])
        and not _org_like(text[s:e])}
    for m in _TITLE_RE.finditer(text):
        s, e = m.span(1)
        if not _org_like(text[s:e]):
            spans.add((s, e))
    for x in actors:
        if x.kind in (None, "other", "state", "military", "rebel", "militia") and \
                _person_shaped(x.text):
            spans.add((x.start, x.end))
    for m in _NAME_RE.finditer(text):
        s, e = m.span(1)
        nxt = text[e:e + 40]
        prev = text[max(0, s - 12):s].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in {"of", "for", "to", "the", "and"}):
            continue
        if _person_shaped(text[s:e]) and (re.match(rf"\s+(?:{_VERBS})\b", nxt) or
                                          re.match(r",\s+(?:an?|the)\s+[\w\- ]{0,40}?(?:spokes|official|"
                                                   r"minister|volunteer|commander|leader|director|"
                                                   r"resident|doctor|witness|analyst|head|chief)", nxt)):
            spans.add((s, e))
    for m in re.finditer(r"\b([A-Z][a-z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]+|al-[\w\-]+|bin|ibn)){1,3})"
                         rf",\s+(?:an?|the)\s[^,.;]{{3,90}},\s+(?:{_VERBS})\b", text):
        prev = text[max(0, m.start() - 12):m.start()].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in {"of", "for", "to", "the", "and"}):
            continue
        if _person_shaped(m.group(1)):
            spans.add(m.span(1))
    # Only from full names: a one-word tag may be a people or a place ("Kuki", "Lendu").
    known: dict[str, int] = {}
    for s, e in spans:
        if len(text[s:e].split()) >= 2:
            sur = text[s:e].split()[-1]
            known[sur] = min(known.get(sur, s), s)
    # Later surname-only mentions of a known person ("Marchuk wrote"). A word used on its
    # own before the full name is something else ("Manipur" … "Kuki Inpi Manipur").
    for sur, first in known.items():
        if len(sur) < 3:
            continue
        found = [m for m in re.finditer(rf"\b{re.escape(sur)}\b", text)
                 if not any(s <= m.start() < e for s, e in spans)]
        if any(m.start() < first for m in found):
            continue
        spans.update(m.span() for m in found)
    # Drop spans nested in longer ones.
    out = sorted(spans)
    return [p for p in out if not any(q != p and q[0] <= p[0] and p[1] <= q[1] for q in out)]


def _org_like(name: str) -> bool:
    return any(re.sub(r"[’']s$", "", w.lower()) in _ORG_WORDS for w in name.split())


def _person_shaped(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if not all(w[:1].isupper() or w.startswith(("al-", "el-")) or w in ("bin", "ibn", "de", "van", "von")
               for w in words):
        return False
    return not _org_like(name) and not any(ch.isdigit() for ch in name)
