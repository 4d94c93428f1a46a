"""The death and injury phrases of one sentence: the patterns of data/patterns/casualties.yaml
found, each checked against what would make it no count (a threat, a label, a measure, an
object after a passive verb), and the victim groups listed around them."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventwire.lexicon import alternation, regex, word_set

from .numbers import FRAGMENTS, add_known, multiple, quantity

@dataclass(frozen=True)
class Windows:
    """How far around a death phrase the casualty rules look, in characters."""

    unreal: int = 60  # before it, for a threat or a hypothetical ("vowed to kill")
    label: int = 20  # before a number, for a label ("battalion 101")
    measure: int = 20  # after a number, for a measure ("5 km")
    object_after: int = 40  # after a passive verb, for an object that makes it active
    no_one: int = 20  # before "was killed", for "no one"
    injured: int = 30  # after a listed victim group, for "were injured"
    subset: int = 80  # after the toll, for "including 4 children"


WINDOWS = Windows()

_NOT_PEOPLE = re.compile(rf"^\s*(?:{alternation('not_people_nouns')})\b", re.I)
_PERSONS = re.compile(alternation("counted_people_nouns"), re.I)
_COLLECTIVE = word_set("collective_victim_nouns")
_LEFT_DEAD_VERBS = word_set("left_dead_verbs")


# Mentions that say the least toll, not a count of their own: the sentence's toll is at least this.
FLOORS: dict[str, int] = {"sg_among": 1, "murder_suicide": 2, "fatal_event": 1, "murder_charge": 1, "one_dead": 1}
# Floors read only when a story's toll is gathered (story_toll.py), never as one event sentence's own:
# a charge or an aftermath tells that someone died, not that this sentence's event killed (and the
# reportable model, fitted without them, reads an event's own toll as a feature).
STORY_FLOORS = frozenset({"murder_charge", "one_dead"})


@dataclass
class Mention:
    """One phrase that tells deaths (or injuries) of one victim group, and its figures."""

    kind: str
    start: int
    end: int
    best: int
    low: int | None
    high: int | None
    noun: str
    text: str


# The phrase patterns, each data/patterns/casualties.yaml's "casualty_<kind>".
_KINDS = ("passive", "among", "active", "toll", "fatally_of", "deaths", "deaths_of", "bodies", "to_death", "own_dead",
          "relative",
          "sg_passive", "sg_died", "sg_then_died", "sg_list", "sg_to_death", "sg_active", "sg_body", "sg_body_found",
          "sg_the_died", "sg_active_def", "sg_death_of", "sg_was", "sg_named_died", "inj_passive", "inj_active", "inj_noun",
          "sg_named_list", "sg_bare", "sg_slain", "sg_self", "sg_among", "murder_suicide", "sg_head", "sg_active_name", "fatal_event",
          "murder_charge", "one_dead", "preposition_before",
          "none", "unreal", "cumulative", "subset", "list", "list_one", "accident", "card_after", "gate",
          "list_before", "after_passive", "counts_of", "multiple_murder", "the_killings", "left_dead", "reported_to_have", "unreal_between", "label_before", "measure_after",
          "or_injured_after", "injured_after", "no_one_before", "list_bare", "charged_with", "intransitive_death",
          "objectless_verb", "injury_stems", "subject_after", "charged_killings")
_CASE_SENSITIVE = {"after_passive", "or_injured_after"}


@functools.lru_cache(maxsize=1)
def phrase_rx() -> dict[str, re.Pattern[str]]:
    return {k: regex(f"casualty_{k}", 0 if k in _CASE_SENSITIVE else re.I, **FRAGMENTS) for k in _KINDS}


def _ok_context(sentence: str, start: int, verb_start: int) -> bool:
    """False for threats, hypotheticals and denials before the death phrase."""
    before = sentence[max(0, min(start, verb_start) - WINDOWS.unreal):min(start, verb_start)]
    reported = phrase_rx()["reported_to_have"].search(before) or phrase_rx()["charged_with"].search(before)
    if phrase_rx()["unreal"].search(before) and not reported:
        return False
    between = sentence[start:verb_start]
    return not phrase_rx()["unreal_between"].search(between)


def _yearlike(num: str, noun: str) -> bool:
    """A bare 1900-2099 is a year ("In 2017 alone, ...") unless people are named right after it."""
    if not re.fullmatch(r"\s*(?:19|20)\d\d\s*", num):
        return False
    words = (noun or "").split()
    return not (words and _PERSONS.fullmatch(words[0]))


def _label_before(sentence: str, pos: int) -> bool:
    """The number names a unit, road, ward...: "battalion 101", "Route 6", "No. 7"."""
    return bool(phrase_rx()["label_before"].search(sentence[max(0, pos - WINDOWS.label):pos]))


def _measure_after(sentence: str, pos: int) -> bool:
    """The number measures something else: "5 km", "3 hours", "18 times", "40 percent", "24 June"."""
    return bool(phrase_rx()["measure_after"].match(sentence[pos:pos + WINDOWS.measure]))


def _singular(noun: str) -> bool:
    """A one-person victim phrase: "Levant Front member", not "villagers" or "police"."""
    head = head_word(noun)
    if not head or head in _COLLECTIVE or head.endswith("s") and not head.endswith(("ss", "us")):
        return False
    return not re.search(r"\b(?:and|or)\b", noun)


def people(noun: str) -> bool:
    """The victim phrase's head is a person: "two village elders" are people, "two villages" not."""
    head = re.split(r"\s+of\s+", noun or "", maxsplit=1, flags=re.I)[0].split()
    return not _NOT_PEOPLE.match(head[-1] if head else "")


def _trailing_ok(sentence: str, m: re.Match[str]) -> bool:
    """A passive "killed" with no auxiliary, or after a bare "have" ("two groups have killed 21
    people": the perfect, active), must not be followed by its own object."""
    if phrase_rx()["objectless_verb"].search(m.group("verb").lower()):
        return True
    aux = sentence[m.end("noun"):m.start("verb")].strip()
    if aux and not re.search(r"\b(?:have|has|had)$", aux, re.I):
        return True
    after = sentence[m.end():m.end() + WINDOWS.object_after]
    if phrase_rx()["card_after"].match(after):
        return False
    return bool(phrase_rx()["after_passive"].match(after))


def sentence_mentions(sentence: str, *, story: bool = False) -> tuple[list[Mention], list[Mention]]:
    rx = phrase_rx()
    deaths: list[Mention] = []
    injuries: list[Mention] = []
    denials = [Mention("none", m.start(), m.end(), 0, 0, 0, "", m.group(0)) for m in rx["none"].finditer(sentence)]

    def overlaps(s: int, e: int, pool: list[Mention]) -> bool:
        return any(s < m.end and m.start < e for m in pool)

    for kind in ("toll", "passive", "relative", "among", "active", "to_death", "fatally_of", "deaths", "deaths_of", "bodies",
                 "own_dead", "counts_of", "multiple_murder", "the_killings", "charged_killings"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            verb_start = m.start("verb") if "verb" in m.groupdict() else m.start()
            if not people(noun) or not _ok_context(sentence, m.start(), verb_start):
                continue
            if _measure_after(sentence, m.end("num")) or overlaps(m.start(), m.end(), denials):
                continue
            if _label_before(sentence, m.start("num")):
                continue
            if (kind == "passive" and not noun and re.match(r"\s+was\b", sentence[m.end("num"):])
                    and m.group("num").strip().lower() not in ("one", "1")):
                continue  # "battalion 101 was killed": a name, not a count
            if kind == "passive" and not _trailing_ok(sentence, m):
                continue
            verb = (m.groupdict().get("verb") or "").lower()
            if kind == "active" and verb in _LEFT_DEAD_VERBS:
                tail = phrase_rx()["left_dead"].match(sentence, m.end("num"))
                if not tail:
                    continue
                end = tail.end()
            else:
                end = m.end("noun") if noun else m.end("num")
            if kind == "active" and phrase_rx()["or_injured_after"].match(sentence[m.end("verb"):]):
                continue
            if kind == "passive" and phrase_rx()["or_injured_after"].match(sentence[m.end():]):
                continue
            if kind in ("passive", "relative", "among", "to_death", "deaths", "bodies", "counts_of", "multiple_murder", "the_killings",
                        "charged_killings"):
                end = max(end, m.end())
            q = multiple(m.group("num")) if kind == "multiple_murder" else quantity(m.group("num"))
            if q is None or overlaps(m.start(), end, deaths) or _yearlike(m.group("num"), noun):
                continue
            if phrase_rx()["accident"].match(sentence, end):
                continue
            if m.groupdict().get("self"):  # "killed himself and 12 others": the attacker died too
                q = (q[0] + 1, add_known(q[1], 1), add_known(q[2], 1))
            start = m.start()
            deaths.append(Mention(kind, start, end, *q, noun=noun, text=sentence[start:end]))
    for kind in ("sg_list", "sg_named_list", "sg_passive", "sg_died", "sg_then_died", "sg_to_death", "sg_active",
                 "sg_body", "sg_body_found", "sg_the_died", "sg_active_def", "sg_death_of", "sg_was", "sg_named_died",
                 "sg_bare", "sg_slain", "sg_self", "sg_active_name", "sg_head", *FLOORS):
        if kind in STORY_FLOORS and not story:
            continue
        for m in rx[kind].finditer(sentence):
            if overlaps(m.start(), m.end(), deaths + denials):
                continue
            noun = "self" if kind == "sg_self" else (m.groupdict().get("noun") or "").strip()
            if not people(noun):
                continue
            if kind == "sg_the_died" and m.group("det").lower() == "the" and not _singular(noun):
                continue
            if kind in ("sg_active_def", "sg_death_of") and not _singular(noun):
                continue
            if kind == "sg_active" and m.group("det").lower() == "her" and noun and not _singular(noun):
                continue  # "killed her family": a possessive, not the pronoun
            if kind == "sg_active" and m.group("verb").lower() in _LEFT_DEAD_VERBS \
                    and not phrase_rx()["left_dead"].match(sentence, m.end()):
                continue  # "left a teen wounded": only "left ... dead" tells a death
            if not _ok_context(sentence, m.start(), m.start("verb")) and not (
                    kind == "fatal_event" and phrase_rx()["preposition_before"].search(sentence, 0, m.start())):
                continue  # a deadly incident named after a preposition is no threat: "victim of fatal shooting"
            if kind == "sg_was" and phrase_rx()["no_one_before"].search(sentence[max(0, m.start() - WINDOWS.no_one):m.start()]):
                continue
            if kind in ("sg_bare", "sg_head") and not phrase_rx()["intransitive_death"].search(m.group("verb")) \
                    and not _no_object(sentence, m.end()):
                continue  # "a man shot and killed his wife": the subject killed, it did not die
            end = m.end("noun") if kind in ("sg_active", "sg_body", "sg_active_def") and noun else m.end()
            if phrase_rx()["accident"].match(sentence, end):
                continue
            # one victim per listed item: "a soldier, a guard and a militant", "a mother and son"
            n = len(re.findall(r",(?:\s*and\b)?|\band\b", m.group("det"), re.I)) + 1 if kind == "sg_list" else 1
            if kind == "sg_named_list":
                n = len(re.findall(r",\s*\d{1,3}\b", m.group("det")))  # one victim per age told
            if head_word(noun) == "couple":
                n = 2
            n = FLOORS.get(kind, n)
            deaths.append(Mention(kind, m.start(), end, n, n, n, noun=noun, text=sentence[m.start():end]))
    for kind in ("inj_passive", "inj_active", "inj_noun"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            if not people(noun) or overlaps(m.start(), m.end(), deaths + injuries + denials):
                continue
            if _measure_after(sentence, m.end("num")):
                continue
            q = quantity(m.group("num"))
            if q is None or _yearlike(m.group("num"), noun):
                continue
            injuries.append(Mention(kind, m.start(), m.end(), *q, noun=noun, text=m.group(0)))
    deaths.sort(key=lambda x: x.start)
    return deaths, injuries


def _no_object(sentence: str, pos: int) -> bool:
    """Nothing after a bare participle at `pos` is its object: "a man shot and killed near his home"
    (the man died), not "a man shot and killed two people" or "... his wife"."""
    after = sentence[pos:pos + WINDOWS.object_after]
    return not phrase_rx()["card_after"].match(after) and bool(phrase_rx()["after_passive"].match(after))


def extend_list(sentence: str, m: Mention) -> list[Mention]:
    """Further victim groups listed after an active verb: "killing three soldiers and two civilians",
    "killing her and a campaign volunteer"; after a passive one, those told "along with" its victims:
    "two guards were killed, along with a driver"."""
    out = [m]
    told_before = m.kind in _PASSIVE_KINDS and _along_with().match(sentence, m.end)
    if m.kind not in _ACTIVE_KINDS and not told_before:
        return out  # after a passive verb only "along with" goes on with its victims
    pos = m.end
    while (nxt := _next_victims(sentence, pos)) is not None:
        out.append(nxt)
        pos = nxt.end
    return out


_ACTIVE_KINDS = ("active", "sg_active", "sg_active_def", "sg_to_death", "to_death", "sg_death_of", "sg_active_name")
_PASSIVE_KINDS = ("passive", "sg_list", "sg_named_list", "sg_passive", "sg_was")


@functools.lru_cache(maxsize=1)
def _along_with() -> re.Pattern[str]:
    return regex("along_with", re.I)


def _next_victims(sentence: str, pos: int) -> Mention | None:
    """The victim group listed at `pos`, if the list goes on there with people who died."""
    many = phrase_rx()["list"].match(sentence, pos)
    one = None if many else phrase_rx()["list_one"].match(sentence, pos) or phrase_rx()["list_bare"].match(sentence, pos)
    nxt = many or one
    if not nxt or not people(nxt.group("noun")):
        return None
    if one and not (_singular(one.group("noun")) or one.group("det").lower().startswith("one")):
        return None
    if phrase_rx()["injured_after"].match(sentence[nxt.end():nxt.end() + WINDOWS.injured]):
        return None
    if phrase_rx()["subject_after"].match(sentence, nxt.end("noun")):
        return None  # "killed Ana, one of the children said": the item opens a clause of its own
    q = quantity(nxt.group("num")) if many else (1, 1, 1)
    if q is None:
        return None
    first = nxt.start("num") if many else nxt.start("det")
    return Mention("list", first, nxt.end("noun"), *q, noun=nxt.group("noun").strip(),
                    text=sentence[first:nxt.end("noun")])


def prepend_list(sentence: str, m: Mention, taken: list[Mention]) -> list[Mention]:
    """Victim groups listed before a passive verb: "three soldiers and two civilians were killed"."""
    if m.kind != "passive":
        return []
    out: list[Mention] = []
    head = sentence[:m.start]
    rx = phrase_rx()["list_before"]
    while True:
        p = rx.search(head)
        if not p or not people(p.group("noun")) or any(p.start() < t.end and t.start < p.end() for t in taken):
            break
        if p.group("det") and not _singular(p.group("noun")):
            break
        q = quantity(p.group("num")) if p.group("num") else (1, 1, 1)
        if q is None or p.group("num") and _yearlike(p.group("num"), p.group("noun")):
            break
        out.append(Mention("list", p.start(), p.end("noun"), *q, noun=p.group("noun").strip(),
                            text=p.group(0)))
        head = head[:p.start()]
    return out


def head_word(noun: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", noun)
    return words[-1].lower() if words else ""


def stem_word(noun: str) -> str:
    h = head_word(noun)
    return h[:-1] if h.endswith("s") and not h.endswith("ss") else h
