"""Fatality (and injury) counts in one sentence, coded the conservative ACLED way.

Only numbers tied to a death phrase count: "19 civilians were killed", "killing two",
"the death toll rose to 40", "the bodies of 5 people". Numbers of anything else (times,
districts, years, ages, protesters) never do, nor do threats ("threatened to kill 100"),
hypotheticals ("could have been killed") or running war totals ("since 2011").

Conventions (documented choices; see VAGUE for the word table):
- exact number n: best = low = high = n.
- "at least / more than / over n": best = low = n, high None (ACLED keeps the stated figure).
- "up to / nearly / almost / fewer than n": best = high = n, low None.
- "about / around / some n": best = n, low = high = None.
- ranges "between 10 and 15", "10-15", "two or three": best = low (ACLED: lowest figure).
- vague words: "dozens" 12, "tens" 10, "scores" 20, "hundreds" 100, "thousands" 1000 (ACLED
  codebook); "several", "many", "a number of", "an unknown number of" 3 (ACLED's current
  practice for plural but unspecified deaths, as its coders' notes show); "a few" 3;
  "a couple of" 2. best = low = that figure, high None.
- a singular victim ("a soldier was killed", "killing a civilian", "he was shot dead") = 1; listed
  ones one each ("a mother and son were found fatally shot" = 2); a killer among his victims
  ("killed three people and himself" = 4).
- local news tells its dead in charges too: "two counts of first-degree murder" = 2 (not
  "attempted murder"), "a triple homicide" = 3, "the two homicides" = 2 (a bare "44 homicides" is
  a city's tally); "accused of killing three" is a killing done, not a hypothetical.
- "no one was killed" / "no deaths" = 0.
- several death mentions in one sentence: a list ("three soldiers and two civilians were
  killed") is summed; a toll ("the death toll rose to 40") wins over other mentions;
  otherwise mentions of different groups are summed and repeated figures for the same group
  take the lowest (conservative).
- civilians: set when the victims are named as civilians (civilians, villagers, children,
  women, worshippers...), or an "including N civilians" clause says so; children likewise.
- injuries ("19 people were injured", "wounding 12") go to `injured` only; a sentence with
  injuries and no deaths returns Casualties with best None.
- the dead of both sides count ("killing 15 fighters while losing three of their own" = 18);
  deaths in accidents or of illness do not (ACLED counts political violence only).
- across sentences (carry_story_tolls): a lethal event without a toll of its own takes the one
  its story gives later; a lower toll from another source replaces its own (lowest figure).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from typing import Sequence

from eventwire.lexicon import alternation, pattern, regex, table, word_set
from eventwire.model import Casualties, Event
from eventwire.resolve.dates import event_story

@dataclass(frozen=True)
class Windows:
    """How far around a death phrase casualties.py looks, in characters."""

    unreal: int = 60  # before it, for a threat or a hypothetical ("vowed to kill")
    label: int = 20  # before a number, for a label ("battalion 101")
    measure: int = 20  # after a number, for a measure ("5 km")
    object_after: int = 40  # after a passive verb, for an object that makes it active
    no_one: int = 20  # before "was killed", for "no one"
    injured: int = 30  # after a listed victim group, for "were injured"
    subset: int = 80  # after the toll, for "including 4 children"


WINDOWS = Windows()

# Number words, victim nouns, death verbs and the phrase patterns built from them:
# data/lexicons/casualties.yaml, data/patterns/casualties.yaml.
_UNITS: dict[str, int] = table("number_units")
_TENS: dict[str, int] = table("number_tens")
_MULTIPLES: dict[str, int] = table("multiple_words")  # "a triple homicide"
# word -> (best, low, high); multiplied forms ("tens of thousands") are handled in _card_value.
VAGUE: dict[str, tuple[int, int | None, int | None]] = {k: tuple(v) for k, v in table("vague_quantities").items()}
# The number grammar's words, longest first (a regex alternation takes the first that fits:
# "seventeen" must not be read as "seven"); vague quantities may be spaced any way.
_FRAGMENTS = {
    "units": "|".join(sorted(_UNITS, key=len, reverse=True)),
    "tens": "|".join(_TENS),
    "vague": "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE, key=len, reverse=True)),
    "multiples": "|".join(_MULTIPLES),
}
_CARD = pattern("casualty_card", **_FRAGMENTS)
_QUAL = pattern("casualty_qualifier")
_NUMX = pattern("casualty_number", **_FRAGMENTS)

_CIVILIAN = re.compile(alternation("civilian_victim_nouns"), re.I)
_CHILD = re.compile(alternation("child_victim_nouns"), re.I)
_NOT_PEOPLE = re.compile(rf"^\s*(?:{alternation('not_people_nouns')})\b", re.I)
_SUBSET_CIVILIANS = word_set("subset_civilian_nouns")
_AT_LEAST = word_set("qualifiers_at_least")
_AT_MOST = word_set("qualifiers_at_most")
_ABOUT = word_set("qualifiers_about")


# Mentions that say the least toll, not a count of their own: the sentence's toll is at least this.
FLOORS: dict[str, int] = {"sg_among": 1, "murder_suicide": 2, "fatal_event": 1}


@dataclass
class _Mention:
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
          "none", "unreal", "cumulative", "subset", "list", "list_one", "card", "accident", "card_after", "gate",
          "list_before", "after_passive", "counts_of", "multiple_murder", "the_killings", "left_dead", "reported_to_have", "unreal_between", "label_before", "measure_after",
          "or_injured_after", "injured_after", "no_one_before", "list_bare", "charged_with", "intransitive_death")
_CASE_SENSITIVE = {"after_passive", "or_injured_after"}


@functools.lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern[str]]:
    return {k: regex(f"casualty_{k}", 0 if k in _CASE_SENSITIVE else re.I, **_FRAGMENTS) for k in _KINDS}


def _card_value(s: str) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of one cardinal: digits, number words or a vague quantity word."""
    t = re.sub(r"\s+", " ", s.strip().lower())
    if t in VAGUE:
        return VAGUE[t]
    if re.fullmatch(r"[\d,]+", t):
        n = int(t.replace(",", ""))
        return n, n, n
    m = re.fullmatch(r"(a|one|two|three|four) dozen", t)
    if m:
        n = 12 * (1 if m.group(1) in ("a", "one") else _UNITS[m.group(1)])
        return n, n, n
    total = 0
    words = re.split(r"[\s-]+", t)
    if "hundred" in words:
        i = words.index("hundred")
        head = words[:i]
        mult = 1 if head in (["a"], ["one"]) else _UNITS.get(head[0], 0) if len(head) == 1 else 0
        if not mult:
            return None
        total = mult * 100
        words = [w for w in words[i + 1:] if w != "and"]
    for w in words:
        if w in _TENS:
            total += _TENS[w]
        elif w in _UNITS:
            total += _UNITS[w]
        elif w:
            return None
    return (total, total, total) if total else None


def _quantity(s: str) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of a qualified number phrase such as "at least 12" or "10 to 15"."""
    t = re.sub(r"\s+", " ", s.strip())
    q = re.match(_QUAL + r"\s+", t, re.I)
    qual = q.group(0).strip().lower() if q else ""
    rest = re.sub(r"(\d)\s*[-–]\s*(\d)", r"\1 to \2", t[q.end():] if q else t)
    cards = [m.group(0) for m in _rx()["card"].finditer(re.sub(r"^between\s+", "", rest, flags=re.I))]
    if len(cards) > 1 and re.fullmatch(r"(?:19|20)\d\d", cards[0].strip()):
        cards = cards[1:]  # "July 16, 2024 - Nine civilians": a dateline's year, then the count
    vals = [v for v in (_card_value(c) for c in cards) if v]
    if not vals:
        return None
    if len(vals) >= 2 and vals[1][0] > vals[0][0]:  # a range: ACLED keeps the lower figure
        lo, hi = vals[0][0], vals[1][0]
        best, low, high = lo, lo, hi
    else:
        best, low, high = vals[0]
    if qual in _AT_LEAST:
        return best, best, None
    if qual in _AT_MOST:
        return best, None, best
    if qual in _ABOUT:
        return best, None, None
    return best, low, high


def _multiple(word: str) -> tuple[int, int, int]:
    n = _MULTIPLES[word.lower()]
    return n, n, n


def _ok_context(sentence: str, start: int, verb_start: int) -> bool:
    """False for threats, hypotheticals and denials before the death phrase."""
    before = sentence[max(0, min(start, verb_start) - WINDOWS.unreal):min(start, verb_start)]
    reported = _rx()["reported_to_have"].search(before) or _rx()["charged_with"].search(before)
    if _rx()["unreal"].search(before) and not reported:
        return False
    between = sentence[start:verb_start]
    return not _rx()["unreal_between"].search(between)


_PERSONS = re.compile(alternation("counted_people_nouns"), re.I)


def _yearlike(num: str, noun: str) -> bool:
    """A bare 1900-2099 is a year ("In 2017 alone, ...") unless people are named right after it."""
    if not re.fullmatch(r"\s*(?:19|20)\d\d\s*", num):
        return False
    words = (noun or "").split()
    return not (words and _PERSONS.fullmatch(words[0]))


def _label_before(sentence: str, pos: int) -> bool:
    """The number names a unit, road, ward...: "battalion 101", "Route 6", "No. 7"."""
    return bool(_rx()["label_before"].search(sentence[max(0, pos - WINDOWS.label):pos]))


def _measure_after(sentence: str, pos: int) -> bool:
    """The number measures something else: "5 km", "3 hours", "18 times", "40 percent", "24 June"."""
    return bool(_rx()["measure_after"].match(sentence[pos:pos + WINDOWS.measure]))


_COLLECTIVE = word_set("collective_victim_nouns")


def _singular(noun: str) -> bool:
    """A one-person victim phrase: "Levant Front member", not "villagers" or "police"."""
    head = _head(noun)
    if not head or head in _COLLECTIVE or head.endswith("s") and not head.endswith(("ss", "us")):
        return False
    return not re.search(r"\b(?:and|or)\b", noun)


def _people(noun: str) -> bool:
    """The victim phrase's head is a person: "two village elders" are people, "two villages" not."""
    head = re.split(r"\s+of\s+", noun or "", maxsplit=1, flags=re.I)[0].split()
    return not _NOT_PEOPLE.match(head[-1] if head else "")


def _trailing_ok(sentence: str, m: re.Match[str]) -> bool:
    """A passive "killed" with no auxiliary, or after a bare "have" ("two groups have killed 21
    people": the perfect, active), must not be followed by its own object."""
    verb = m.group("verb").lower()
    if verb in ("died", "dead", "perished") or "death" in verb or "lives" in verb:
        return True
    aux = sentence[m.end("noun"):m.start("verb")].strip()
    if aux and not re.search(r"\b(?:have|has|had)$", aux, re.I):
        return True
    after = sentence[m.end():m.end() + WINDOWS.object_after]
    if _rx()["card_after"].match(after):
        return False
    return bool(_rx()["after_passive"].match(after))


def _mentions(sentence: str) -> tuple[list[_Mention], list[_Mention]]:
    rx = _rx()
    deaths: list[_Mention] = []
    injuries: list[_Mention] = []
    denials = [_Mention("none", m.start(), m.end(), 0, 0, 0, "", m.group(0)) for m in rx["none"].finditer(sentence)]

    def overlaps(s: int, e: int, pool: list[_Mention]) -> bool:
        return any(s < m.end and m.start < e for m in pool)

    for kind in ("toll", "passive", "relative", "among", "active", "to_death", "fatally_of", "deaths", "deaths_of", "bodies",
                 "own_dead", "counts_of", "multiple_murder", "the_killings"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            verb_start = m.start("verb") if "verb" in m.groupdict() else m.start()
            if not _people(noun) or not _ok_context(sentence, m.start(), verb_start):
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
            if kind == "active" and verb in ("left", "leaving"):
                tail = _rx()["left_dead"].match(sentence, m.end("num"))
                if not tail:
                    continue
                end = tail.end()
            else:
                end = m.end("noun") if noun else m.end("num")
            if kind == "active" and _rx()["or_injured_after"].match(sentence[m.end("verb"):]):
                continue
            if kind == "passive" and _rx()["or_injured_after"].match(sentence[m.end():]):
                continue
            if kind in ("passive", "relative", "among", "to_death", "deaths", "bodies", "counts_of", "multiple_murder", "the_killings"):
                end = max(end, m.end())
            q = _multiple(m.group("num")) if kind == "multiple_murder" else _quantity(m.group("num"))
            if q is None or overlaps(m.start(), end, deaths) or _yearlike(m.group("num"), noun):
                continue
            if _rx()["accident"].match(sentence, end):
                continue
            if m.groupdict().get("self"):  # "killed himself and 12 others": the attacker died too
                q = (q[0] + 1, _add(q[1], 1), _add(q[2], 1))
            start = m.start()
            deaths.append(_Mention(kind, start, end, *q, noun=noun, text=sentence[start:end]))
    for kind in ("sg_list", "sg_named_list", "sg_passive", "sg_died", "sg_then_died", "sg_to_death", "sg_active",
                 "sg_body", "sg_body_found", "sg_the_died", "sg_active_def", "sg_death_of", "sg_was", "sg_named_died",
                 "sg_bare", "sg_slain", "sg_self", "sg_active_name", "sg_head", *FLOORS):
        for m in rx[kind].finditer(sentence):
            if overlaps(m.start(), m.end(), deaths + denials):
                continue
            noun = "self" if kind == "sg_self" else (m.groupdict().get("noun") or "").strip()
            if not _people(noun):
                continue
            if kind == "sg_the_died" and m.group("det").lower() == "the" and not _singular(noun):
                continue
            if kind in ("sg_active_def", "sg_death_of") and not _singular(noun):
                continue
            if kind == "sg_active" and m.group("det").lower() == "her" and noun and not _singular(noun):
                continue  # "killed her family": a possessive, not the pronoun
            if kind == "sg_active" and m.group("verb").lower() in ("left", "leaving") \
                    and not _rx()["left_dead"].match(sentence, m.end()):
                continue  # "left a teen wounded": only "left ... dead" tells a death
            if not _ok_context(sentence, m.start(), m.start("verb")):
                continue
            if kind == "sg_was" and _rx()["no_one_before"].search(sentence[max(0, m.start() - WINDOWS.no_one):m.start()]):
                continue
            if kind in ("sg_bare", "sg_head") and not _rx()["intransitive_death"].search(m.group("verb")) \
                    and not _no_object(sentence, m.end()):
                continue  # "a man shot and killed his wife": the subject killed, it did not die
            end = m.end("noun") if kind in ("sg_active", "sg_body", "sg_active_def") and noun else m.end()
            if _rx()["accident"].match(sentence, end):
                continue
            # one victim per listed item: "a soldier, a guard and a militant", "a mother and son"
            n = len(re.findall(r",(?:\s*and\b)?|\band\b", m.group("det"), re.I)) + 1 if kind == "sg_list" else 1
            if kind == "sg_named_list":
                n = len(re.findall(r",\s*\d{1,3}\b", m.group("det")))  # one victim per age told
            if _head(noun) == "couple":
                n = 2
            n = FLOORS.get(kind, n)
            deaths.append(_Mention(kind, m.start(), end, n, n, n, noun=noun, text=sentence[m.start():end]))
    for kind in ("inj_passive", "inj_active", "inj_noun"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            if not _people(noun) or overlaps(m.start(), m.end(), deaths + injuries + denials):
                continue
            if _measure_after(sentence, m.end("num")):
                continue
            q = _quantity(m.group("num"))
            if q is None or _yearlike(m.group("num"), noun):
                continue
            injuries.append(_Mention(kind, m.start(), m.end(), *q, noun=noun, text=m.group(0)))
    deaths.sort(key=lambda x: x.start)
    return deaths, injuries


def _no_object(sentence: str, pos: int) -> bool:
    """Nothing after a bare participle at `pos` is its object: "a man shot and killed near his home"
    (the man died), not "a man shot and killed two people" or "... his wife"."""
    after = sentence[pos:pos + WINDOWS.object_after]
    return not _rx()["card_after"].match(after) and bool(_rx()["after_passive"].match(after))


def _extend_list(sentence: str, m: _Mention) -> list[_Mention]:
    """Further victim groups listed after an active verb: "killing three soldiers and two civilians",
    "killing her and a campaign volunteer"."""
    out = [m]
    if m.kind not in ("active", "sg_active", "sg_active_def", "sg_to_death", "to_death", "sg_death_of", "sg_active_name"):
        return out
    pos = m.end
    while (nxt := _next_victims(sentence, pos)) is not None:
        out.append(nxt)
        pos = nxt.end
    return out


def _next_victims(sentence: str, pos: int) -> _Mention | None:
    """The victim group listed at `pos`, if the list goes on there with people who died."""
    many = _rx()["list"].match(sentence, pos)
    one = None if many else _rx()["list_one"].match(sentence, pos) or _rx()["list_bare"].match(sentence, pos)
    nxt = many or one
    if not nxt or not _people(nxt.group("noun")):
        return None
    if one and not (_singular(one.group("noun")) or one.group("det").lower().startswith("one")):
        return None
    if _rx()["injured_after"].match(sentence[nxt.end():nxt.end() + WINDOWS.injured]):
        return None
    q = _quantity(nxt.group("num")) if many else (1, 1, 1)
    if q is None:
        return None
    first = nxt.start("num") if many else nxt.start("det")
    return _Mention("list", first, nxt.end("noun"), *q, noun=nxt.group("noun").strip(),
                    text=sentence[first:nxt.end("noun")])


def _prepend_list(sentence: str, m: _Mention, taken: list[_Mention]) -> list[_Mention]:
    """Victim groups listed before a passive verb: "three soldiers and two civilians were killed"."""
    if m.kind != "passive":
        return []
    out: list[_Mention] = []
    head = sentence[:m.start]
    rx = _rx()["list_before"]
    while True:
        p = rx.search(head)
        if not p or not _people(p.group("noun")) or any(p.start() < t.end and t.start < p.end() for t in taken):
            break
        if p.group("det") and not _singular(p.group("noun")):
            break
        q = _quantity(p.group("num")) if p.group("num") else (1, 1, 1)
        if q is None or p.group("num") and _yearlike(p.group("num"), p.group("noun")):
            break
        out.append(_Mention("list", p.start(), p.end("noun"), *q, noun=p.group("noun").strip(),
                            text=p.group(0)))
        head = head[:p.start()]
    return out


def _head(noun: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", noun)
    return words[-1].lower() if words else ""


def _stem(noun: str) -> str:
    h = _head(noun)
    return h[:-1] if h.endswith("s") and not h.endswith("ss") else h


def _group_counts(group: list[_Mention]) -> tuple[int | None, int | None]:
    civ = kids = 0
    civ_seen = kid_seen = False
    for m in group:
        h = _head(m.noun)
        if h and _CIVILIAN.fullmatch(h):
            civ += m.best
            civ_seen = True
        if h and _CHILD.fullmatch(h):
            kids += m.best
            kid_seen = True
    return (civ if civ_seen else None), (kids if kid_seen else None)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def find_casualties(sentence: str, *, offset: int = 0) -> Casualties | None:
    """Deaths (ACLED conventions), civilians, children and injured in one sentence; None if none said."""
    if not sentence or not _rx()["gate"].search(sentence):
        return None
    if _rx()["cumulative"].search(sentence):
        return None
    deaths, injuries = _mentions(sentence)
    injured = injuries[0].best if injuries else None
    # "the gunman was among the dead", "a murder-suicide": a least toll, never added to a count
    floors = [m for m in deaths if m.kind in FLOORS]
    deaths = [m for m in deaths if m.kind not in FLOORS] or floors[:1]
    floor = max((m.best for m in floors), default=0)
    if not deaths:
        none = _rx()["none"].search(sentence)
        if none and not re.search(r"injur|hurt|wound", none.group(0), re.I):
            return Casualties(text=none.group(0), best=0, low=0, high=0, injured=injured,
                              start=none.start() + offset, end=none.end() + offset)
        if injured is None:
            return None
        first = injuries[0]
        return Casualties(text=first.text, best=None, low=None, high=None, injured=injured,
                          start=first.start + offset, end=first.end + offset)

    groups: list[list[_Mention]] = []
    for m in deaths:
        grp = _prepend_list(sentence, m, deaths) + _extend_list(sentence, m)
        groups.append(sorted(grp, key=lambda x: x.start))
    # a toll is the sentence's own summary figure
    tolls = [g for g in groups if g[0].kind == "toll" or any(x.kind == "toll" for x in g)]
    if tolls:
        groups = tolls[:1]

    chosen: list[list[_Mention]] = []
    for g in groups:
        heads = {_stem(x.noun) for x in g}
        clash = next((c for c in chosen if {_stem(x.noun) for x in c} & heads
                      or not all(_head(x.noun) for x in c + g)), None)
        if clash is None:
            chosen.append(g)
        elif sum(x.best for x in g) < sum(x.best for x in clash):  # same victims told twice: lowest
            chosen[chosen.index(clash)] = g

    best = sum(x.best for g in chosen for x in g)
    if best < floor:
        chosen = [[max(floors, key=lambda x: x.best)]]
        best = floor
    low: int | None = 0
    high: int | None = 0
    civilians: int | None = None
    children: int | None = None
    for g in chosen:
        for x in g:
            low, high = _add(low, x.low), _add(high, x.high)
        c, k = _group_counts(g)
        civilians = c if civilians is None else (civilians + c if c is not None else civilians)
        children = k if children is None else (children + k if k is not None else children)

    start = min(x.start for g in chosen for x in g)
    end = max(x.end for g in chosen for x in g)
    sub = _rx()["subset"].search(sentence, start, min(len(sentence), end + WINDOWS.subset))
    if sub and _people(sub.group("noun")):
        q = _quantity(sub.group("num"))
        h = _head(sub.group("noun"))
        if q is not None and q[0] <= best:
            if _CHILD.fullmatch(h or "-"):
                children = q[0] if children is None else max(children, q[0])
                end = max(end, sub.end("noun"))
            elif h in _SUBSET_CIVILIANS:
                civilians = q[0] if civilians is None else max(civilians, q[0])
                end = max(end, sub.end("noun"))
            elif sub.group("noun").strip():
                end = max(end, sub.end("noun"))
    return Casualties(text=sentence[start:end], best=best, low=low, high=high, civilians=civilians,
                      children=children, injured=injured, start=start + offset, end=end + offset)


_TOLL_WORD = regex("toll_words", re.I)
_OTHERS = regex("toll_other_victims", re.I)


def told_as_toll(found: Casualties) -> bool:
    """The figure is told as the toll ("police put the death toll at 31"): the story's own summary."""
    return bool(_TOLL_WORD.search(found.text or ""))


def merge_tolls(own: Casualties | None, other: Casualties | None) -> Casualties | None:
    """One event's toll from two tellings: a figure told as the toll is the story's summary and wins
    over a count (the lowest of two such figures: ACLED's lowest figure when sources conflict);
    otherwise the larger count (one sentence names a victim, another counts them all). An explicit
    "no one was killed" stays; a count of other victims never raises it."""
    if other is None or other.best is None:
        return own if own is not None else other
    if own is None or own.best is None:
        return other
    if counts_others(other) or own.best == 0:
        return own
    if told_as_toll(own) != told_as_toll(other):
        return own if told_as_toll(own) else other
    if told_as_toll(own):
        return other if other.best < own.best else own
    return other if own.best < other.best else own


def counts_others(found: Casualties) -> bool:
    """The toll counts victims other than an event's own: "troops later shot dead five other attackers"."""
    return bool(_OTHERS.search(found.text or ""))
_PRONOUN_VICTIM = re.compile(r"\b(?:him|her)\b", re.I)


def carry_story_tolls(events: Sequence[Event], sentences: Sequence[tuple[int, str]], published: str | None,
                      *, aside: re.Pattern[str]) -> None:
    """ACLED codes an event's toll from the whole report, not only from the sentence that names the
    event: "Rebels took the town on Tuesday. [...] He said four civilians were killed in the fighting."
    Each lethal event in `events` looks at the sentences (start offset, text) that carry its story
    on, and keeps the toll found there with that sentence's evidence span (see _better_toll). A
    sentence with a detail dated otherwise ("they arrived late on Saturday") is not the event's."""
    for ev in events:
        for start, text, other in event_story(ev, sentences, published, aside=aside):
            found = None if other else find_casualties(text, offset=start)
            if found is not None and found.best is not None:
                ev.fatalities = _better_toll(ev.fatalities, found)


def _better_toll(own: Casualties | None, found: Casualties) -> Casualties:
    """An event without a toll takes the story's; one with a toll keeps it, unless the story gives a
    lower toll for the incident (ACLED: the lowest figure when sources conflict) or names its one
    victim again among more ("killing her and a campaign volunteer")."""
    if own is None or own.best is None:
        return found
    if found.best < own.best and told_as_toll(found):
        return found
    if own.best == 1 and found.best > 1 and _PRONOUN_VICTIM.search(found.text):
        return found
    return own

