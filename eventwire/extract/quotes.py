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

from ..lexicon import alternation, regex, table, word_set, words
from ..model import Actor, Quote

_VERBS = alternation("quote_verbs")
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_ACCORDING_RE = regex("according_to")
# Closing quote characters; a straight " closes when it follows a non-space.
_CLOSERS = "”’\""
_QUOTE_RE = re.compile(r"“([^”]{1,1500}?)”|(?<![\w])\"([^\"\n]{1,1500}?)\"|‘([^’]{1,1500}?)’(?!\w)")

@dataclass(frozen=True)
class Limits:
    """The sizes quotes.py decides by, named once (words, or characters where said)."""

    quote_min_words: int = 4  # a quoted passage shorter than this is a phrase, not a quote
    quote_reach: int = 200  # characters from a quote to an attribution after it
    reported_min_chars: int = 3  # a reported clause made the quote when there is no passage
    reported_min_words: int = 3
    adjacent_gap: int = 4  # characters between a passage and its attribution phrase
    according_content_min: int = 3  # characters before "according to" that are its content
    appositive_max_words: int = 12  # "Name, a war monitor, said"
    before_appositive_max_words: int = 10
    inverted_subject_max_words: int = 10  # "..., said the head of X"
    subject_max_words: int = 14
    clause_chunk_words: int = 8  # a subject chunk longer than this may hold a clause
    relative_subject_max_words: int = 5  # "A resident who asked not to be named said"
    name_max_words: int = 8
    fragment_words: int = 3  # a sentence shorter than this is a fragment (a lone quote mark)
    person_name_words: tuple[int, int] = (2, 4)  # a person's name: two to four words
    min_surname: int = 3  # characters of a surname that later stands alone
    min_cue: int = 3  # characters of a cue word for an antecedent
    before_name: int = 12  # characters before a name, for a word that makes it part of a longer one
    after_name: int = 40  # characters after a name, for "said" or a role
    introduction: int = 12  # characters after a description, for ", who" or ", aged"


LIMITS = Limits()

# Word lists and phrase patterns: data/lexicons/quotes.yaml, data/patterns/quotes.yaml.
_PRONOUNS = word_set("pronouns")
_PERSON_PRONOUNS = word_set("person_pronouns")
_DETERMINERS = word_set("speaker_determiners")
# Words after which a verb-like token is not an attribution verb ("was told", "the claims").
_NOT_SUBJECT_END = word_set("not_subject_end")
_ADVERB_RE = regex("speaker_adverb_end")
_TRAILING_RE = regex("speaker_trailing", re.S)
_CLAUSE_WORDS_RE = regex("clause_words", re.I)

# Heads of organisation-like names: a capitalised sequence containing one is not a person.
_ORG_WORDS = word_set("org_words")
_TITLE_RE = regex("titled_name")
_NAME_RE = regex("name_shape")
_BARE_DESC_RE = regex("bare_description")
# Which earlier mentions can serve as antecedent for a bare definite description.
_HEAD_CUES = {head: tuple(cues) for head, cues in table("head_cues").items()}
# Institutions a country has one of: "the army said" needs no antecedent.
_SELF_EVIDENT = word_set("self_evident_bodies")
_DOCUMENT_HEADS = word_set("document_heads")
_HEAD_KINDS = {head: set(kinds) for head, kinds in table("head_kinds").items()}
_INVERTED_NOT_SUBJECT = word_set("inverted_not_subject")
_NAME_PARTICLES = tuple(words("name_particles"))
_NAME_BREAKERS = word_set("name_breakers")
_LEADING_CONJUNCTION = regex("leading_conjunction")
_SPEECH_TAIL = regex("speech_tail")
_SPEECH_ADJUNCT = regex("speech_adjunct")
_ROLE_APPOSITIVE = regex("role_appositive_after")
_NAME_APPOSITIVE_SAID = regex("name_appositive_said")
_SPEECH_VERB_AFTER = regex("speech_verb_after")


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
        long_passages = [p for p in inside if _words(text[p[0]:p[1]]) >= LIMITS.quote_min_words]
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
            mine = [p for p in long_passages if not (p[1] <= a.phrase[0] and a.phrase[0] - p[1] > LIMITS.quote_reach)
                    and not (a.phrase[0] <= p[0] < a.phrase[1])]
            if len(attrs) > 1:
                mine = [p for p in mine if _overlaps(p, a.content) or _adjacent(text, p, a.phrase)]
            if mine:
                for p in mine:
                    quotes.append(Quote(speaker, text[p[0]:p[1]], p[0], p[1], phrase))
            else:
                cs, ce = a.content
                if ce - cs > LIMITS.reported_min_chars and _words(text[cs:ce]) >= LIMITS.reported_min_words:
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
    return len(gap) <= LIMITS.adjacent_gap


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
        if len(before) > LIMITS.according_content_min:
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


_APPOSITIVE_RE = regex("appositive_start")
_LOWER_APPOSITIVE_RE = regex("lower_appositive_start")
_FINITE_RE = regex("finite_verb")

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
    return bool(chunk) and len(chunk.split()) <= LIMITS.appositive_max_words and bool(_APPOSITIVE_RE.match(chunk)) \
        and len(head) <= LIMITS.before_appositive_max_words


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
    if first.lower() in _INVERTED_NOT_SUBJECT and \
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
    if not cut or len(cut.split()) > LIMITS.inverted_subject_max_words or _FINITE_RE.search(cut) or any(c in cut for c in "“”\""):
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
    lead = _LEADING_CONJUNCTION.match(text[subj_s:subj_e])
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
    if not words or len(words) > LIMITS.subject_max_words:
        return None
    if words[-1].lower().strip(",") in _NOT_SUBJECT_END and words[-1].lower() not in _PRONOUNS:
        return None
    if len(words) == 1 and words[0].lower() in _DETERMINERS:
        return None
    after = text[ve:e]
    tail = _SPEECH_TAIL.match(after)
    if tail or after.strip() in {"", "."}:
        cs, ce = _trim(text, s, min(subj_s, _clause_start(text, s, subj_s)))
        content = (cs, ce - (1 if text[cs:ce].endswith(_CLOSERS) else 0))
    else:
        content = _trim(text, ve, e)
        # "said in March, …" / "told reporters on Monday that …": skip the adjunct.
        adj = _SPEECH_ADJUNCT.match(text[ve:e])
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
    if not skipped and len(chunk.split()) > LIMITS.clause_chunk_words:
        ms = list(_CLAUSE_WORDS_RE.finditer(chunk))
        # "A resident who asked not to be named said": the relative clause belongs to a
        # short noun phrase that is the subject.
        if ms and ms[-1].group().strip().lower() == "who" and len(chunk[:ms[-1].start()].split()) <= LIMITS.relative_subject_max_words \
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
    return 1 <= len(words) <= LIMITS.name_max_words and words[0][:1].isupper()


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
_OFFICES = word_set("national_offices")
_OFFICE_MODS = word_set("office_modifiers")

def _self_introducing(text: str, subj: str, m: re.Match, se: int) -> bool:
    """A definite description that needs no antecedent: a national office ("the prime
    minister", "the president"), or a person introduced on the spot by a relative clause or
    appositive ("The woman, who declined to give her name, said")."""
    head = m.group(2)
    mods = set(m.group(1).split())
    if head in _OFFICES or (head == "minister" and mods & _OFFICE_MODS):
        return True
    return bool(_PERSON_DESC_RE.match(subj)) and \
        bool(_INTRODUCED.match(text[se:se + LIMITS.introduction]))


def _person_actor(text: str, s: int, e: int) -> Actor:
    return Actor(text=text[s:e], name=text[s:e], country=None, kind=None, start=s, end=e)


def _surname(name: str) -> str:
    return name.split()[-1].strip("’'s").lower() if name.split() else name


# Nouns for one person: "a resident who asked not to be named said …. '…,' he said".
_PERSON_NOUNS = alternation("one_person_nouns")
_PERSON_DESC_RE = regex("person_description", re.I)
# "The woman, who declined to give her name, said": a person introduced on the spot.
_INTRODUCED = regex("introduced_after")

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
    while wi > 0 and _words(text[sentences[wi][0]:sentences[wi][1]]) < LIMITS.fragment_words:
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
    if any(re.search(rf"\b{re.escape(c)}\b", earlier, re.I) for c in cues if len(c) >= LIMITS.min_cue):
        before = [x for x in actors if x.end <= sent_s and any(
            c in x.text.lower() for c in cues if len(c) >= LIMITS.min_cue)]
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
_ORG_HEAD_CLASS = table("org_head_classes")
_ORG_NAME_RES = {kind: regex(f"org_names_{kind}") for kind in ("rights", "agency", "any")}

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
        nxt = text[e:e + LIMITS.after_name]
        prev = text[max(0, s - LIMITS.before_name):s].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in _NAME_BREAKERS):
            continue
        if _person_shaped(text[s:e]) and (_SPEECH_VERB_AFTER.match(nxt) or _ROLE_APPOSITIVE.match(nxt)):
            spans.add((s, e))
    for m in _NAME_APPOSITIVE_SAID.finditer(text):
        prev = text[max(0, m.start() - LIMITS.before_name):m.start()].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in _NAME_BREAKERS):
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
        if len(sur) < LIMITS.min_surname:
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
    if not LIMITS.person_name_words[0] <= len(words) <= LIMITS.person_name_words[1]:
        return False
    if not all(w[:1].isupper() or w.startswith(("al-", "el-")) or w in _NAME_PARTICLES
               for w in words):
        return False
    return not _org_like(name) and not any(ch.isdigit() for ch in name)
