"""Who an attribution's subject is: an actor overlapping it, a person name, a pronoun resolved
to the one person the text leaves ("he said"), or a definite description resolved only when
something it can refer to was introduced ("the watchdog said")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import alternation, regex, table, word_set
from ...model import Actor
from .attributions import Attribution
from .common import LIMITS, PERSON_PRONOUNS, PRONOUNS, count_words, in_passage
from .persons import org_like, person_shaped

_BARE_DESC_RE = regex("bare_description")
# Which earlier mentions can serve as antecedent for a bare definite description.
_HEAD_CUES = {head: tuple(cues) for head, cues in table("head_cues").items()}
# Institutions a country has one of: "the army said" needs no antecedent.
_SELF_EVIDENT = word_set("self_evident_bodies")
_DOCUMENT_HEADS = word_set("document_heads")
_HEAD_KINDS = {head: set(kinds) for head, kinds in table("head_kinds").items()}


@dataclass
class Said:
    start: int  # subject span of an attribution already read
    end: int
    speaker: Actor | None
    is_person: bool



def resolve_speaker(text: str, a: Attribution, si: int, sentences: list[tuple[int, int]],
             actors: list[Actor], persons: list[tuple[int, int]],
             passages: list[tuple[int, int]], prev: Actor | None = None,
             history: list[Said] | None = None) -> Actor | None:
    ss, se = a.subject
    subj = text[ss:se].strip()
    low = subj.lower()
    if low in PERSON_PRONOUNS:
        return _resolve_pronoun(text, ss, si, sentences, actors, persons, passages, history or [])
    if low in PRONOUNS:
        found = _resolve_group_pronoun(text, ss, si, sentences, actors)
        if found is None and prev is not None and not person_shaped(prev.text):
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
                prev.text[:1].isupper() and org_like(prev.text):
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

def person_description(subject: str) -> bool:
    """'a resident who asked not to be named', 'a senior police officer', 'the doctor':
    one unnamed person, who can be the antecedent of a later 'he/she said'."""
    return bool(_PERSON_DESC_RE.match(subject.strip()))


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _resolve_pronoun(text: str, pos: int, si: int, sentences: list[tuple[int, int]],
                     actors: list[Actor], persons: list[tuple[int, int]],
                     passages: list[tuple[int, int]], history: list[Said]) -> Actor | None:
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
    while wi > 0 and count_words(text[sentences[wi][0]:sentences[wi][1]]) < LIMITS.fragment_words:
        wi -= 1
    window_s = sentences[wi][0] if wi >= 0 else sentences[qi][0]
    para = _paragraph_start(text, sentences[qi][0])
    back = para - 1
    while back > 0 and text[back - 1].isspace():
        back -= 1
    prev_para = _paragraph_start(text, back) if back > 0 else para
    window_s = min(window_s, prev_para)
    earlier = [h for h in history if window_s <= h.start < pos]
    outside = [p for p in persons if window_s <= p[0] and p[1] <= pos and not in_passage(p[0], passages)]
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
