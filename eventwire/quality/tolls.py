"""Two incompatible tolls for what reads as the same incident ("killed 19" … "21 dead")."""
from __future__ import annotations

import heapq
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from ..lexicon import regex, table, word_set
from ..model import Event, QualityFlag, Quote
from .numbers import NUM_WORDS, number
from .thresholds import T

# Counts of one kind of outcome, so that "killed 19" is compared with "19 dead" but never
# with "19 wounded".
_COUNT_VERBS: dict[str, str] = table("count_verbs")
_COUNT_RES = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _COUNT_VERBS.items()}
_NUM_ALT = "|".join(k for k in NUM_WORDS if k not in ("zero", "one"))
_COUNT_NUM_RE = regex("stated_count", re.I, count_numbers=_NUM_ALT)
_SITES = word_set("count_sites")
_UPDATE_RE = regex("count_update", re.I)
# Numbers from a party's own claim or a second source's estimate are disagreements the text
# attributes, not the writer contradicting himself.
_CLAIM_RE = regex("count_claim")
_TIME_RE = regex("time_words", re.I)
_COUNT_LINK_BREAK = regex("count_link_break")
_PLACE_AFTER_PREP = regex("place_after_preposition")


@dataclass
class _Count:
    kind: str  # killed | wounded | abducted | …
    noun: str  # people | soldiers | pupils | …
    low: float
    high: float
    definite: bool  # "the 21 people killed": refers back to a count given before
    span: tuple[int, int]
    sentence: tuple[int, int]


def _interval_of(qual: str, n: int) -> tuple[float, float]:
    """A stated count as a range. Within one article 'at least 9' names the count (9): a
    later bare '11' for the same incident is a second figure, not a refinement."""
    over = (n + 1, n * T.over_factor + 1)
    about = (n * T.about_factors[0], n * T.about_factors[1])
    nearly = (n * T.nearly_factor, n)
    return {"more than": over, "over": over, "up to": (0, n), "about": about, "around": about,
            "some": about, "roughly": about, "nearly": nearly, "almost": nearly}.get(qual, (n, n))


def _counts(text: str, s: int, e: int) -> list[_Count]:
    """Stated counts of people killed, wounded, abducted… in one sentence."""
    sent = text[s:e]
    out = []
    nums = list(_COUNT_NUM_RE.finditer(sent))
    for kind, rx in _COUNT_RES.items():
        for k in rx.finditer(sent):
            best = None
            for m in nums:
                gap = m.start() - k.end() if m.start() >= k.end() else k.start() - m.end()
                if gap < 0 or gap > T.count_gap:
                    continue
                between = sent[min(m.end(), k.end()):max(m.start(), k.start())]
                if _COUNT_LINK_BREAK.search(between):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, m)
            if best:
                m = best[1]
                noun = _NOUN_GROUPS.get(m.group(3).lower(), m.group(3).lower())
                qual, raw, ms, me = m.group(1), m.group(2), m.start(), m.end()
            elif kind == "killed":
                # A bare count: "killing 12", "left 15 dead", "12 were killed".
                off = max(0, k.start() - T.bare_count_window)
                m = _BARE_AFTER_RE.match(sent, k.end()) or _BARE_BEFORE_RE.search(sent, off, k.start())
                if m is None and k.group().lower().endswith("toll"):
                    m = _TOLL_RE.match(sent, k.end())
                if m is None:
                    continue
                noun = "people"
                qual, raw, ms, me = m.group(1), m.group(2), m.start(2), m.end(2)
            else:
                continue
            raw = raw.replace(",", "")
            n = int(raw) if raw.isdigit() else number(raw)
            if n is None or re.fullmatch(r"(19|20)\d\d", raw):
                continue
            qual = (qual or "").strip().lower()
            lo, hi = _interval_of(qual, n)
            if raw.lower() == "dozens":  # a vague amount, not 24
                lo, hi = T.dozens
            out.append(_Count(kind, noun, lo, hi, qual == "the",
                              (s + min(ms, k.start()), s + max(me, k.end())), (s, e)))
    return out


# Victim nouns that count the same people.
_NOUN_GROUPS: dict[str, str] = table("victim_noun_groups")
_BARE_AFTER_RE = regex("bare_count_after", re.I, count_numbers=_NUM_ALT)
# "The death toll from the attack on Dumba stood at 15".
_TOLL_RE = regex("toll_stood_at", re.I, count_numbers=_NUM_ALT)
_BARE_BEFORE_RE = regex("bare_count_before", re.I, count_numbers=_NUM_ALT)


def _places(text: str, s: int, e: int) -> set[str]:
    """Capitalised place words after in/of/near/at: a cheap stand-in for where a count is."""
    return {m.group(1).lower() for m in _PLACE_AFTER_PREP.finditer(text[s:e])
        if not _TIME_RE.fullmatch(m.group(1))}


def _sites(text: str, s: int, e: int) -> set[str]:
    """What a count is about: its places and site nouns ("the market")."""
    return _places(text, s, e) | {w for w in re.findall(r"[a-z]+", text[s:e].lower()) if w in _SITES}


def _times(text: str, s: int, e: int) -> set[str]:
    return {m.group().lower() for m in _TIME_RE.finditer(text[s:e])}


def toll_contradictions(text: str, sentences: list[tuple[int, int]],
                         events: list[Event] | None,
                         quotes: list[Quote] | None = None) -> list[QualityFlag]:
    """Two incompatible counts of the same outcome for what reads as the same incident:
    same kind (killed, abducted…) and victim noun, no clash of stated days, neither sentence
    presenting its number as an update or as someone's claim, and either a shared place or
    site ("the market") or a definite back-reference ("the 21 people killed") to the only
    earlier count of that kind. (`events` and `quotes` are accepted for later checks.)"""
    counts = []
    for s, e in sentences:
        sent = text[s:e]
        if _UPDATE_RE.search(sent) or _CLAIM_RE.search(sent):
            continue
        counts += _counts(text, s, e)
    # Each count is held against the earlier ones it could contradict: without a back-reference
    # they must share a site, so only earlier counts of its kind filed under one of its sites are
    # looked at, in text order, up to the first that holds (one flag per count); the sentences'
    # places, days and sites are read once each. The same flags as holding it against every earlier
    # count, in time linear in the document for a story that repeats its paragraphs (issue 11).
    sets: dict[tuple[int, int], tuple[set[str], set[str], set[str]]] = {}

    def sets_of(sent: tuple[int, int]) -> tuple[set[str], set[str], set[str]]:  # read once a sentence
        if sent not in sets:
            sets[sent] = (_times(text, *sent), _places(text, *sent), _sites(text, *sent))
        return sets[sent]

    filed: dict[tuple[str, str, str], list[int]] = defaultdict(list)  # (kind, noun, site) -> counts
    of_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
    in_sentence: dict[tuple[str, str, tuple[int, int]], int] = defaultdict(int)
    flags = []
    seen: set[tuple[int, int]] = set()
    for j, b in enumerate(counts):
        kind = (b.kind, b.noun)
        # the earlier counts of its kind, in other sentences
        n_earlier = len(of_kind[kind]) - in_sentence[(*kind, b.sentence)]
        if b.span not in seen:
            if b.definite and n_earlier == 1:  # a back-reference to the only earlier count
                only = next(i for i in of_kind[kind] if counts[i].sentence != b.sentence)
                candidates: Iterable[int] = [only]
            else:
                lists = [filed[(*kind, w)] for w in sorted(sets_of(b.sentence)[2])]
                candidates = (i for i, _ in itertools.groupby(heapq.merge(*lists)))
            for i in candidates:
                a = counts[i]
                if a.sentence == b.sentence:
                    continue
                flag = _contradiction(text, a, b, b.definite and n_earlier == 1, sets_of)
                if flag is not None:
                    seen.add(b.span)
                    flags.append(flag)
                    break
        of_kind[kind].append(j)
        in_sentence[(*kind, b.sentence)] += 1
        for w in sets_of(b.sentence)[2]:
            filed[(*kind, w)].append(j)
    return flags


_Sets = Callable[[tuple[int, int]], tuple[set[str], set[str], set[str]]]  # a sentence's days, places, sites


def _contradiction(text: str, a: _Count, b: _Count, backref: bool, sets_of: _Sets) -> QualityFlag | None:
    """The flag for count b contradicting the earlier count a, or None."""
    if not (a.high < b.low or b.high < a.low):
        return None
    (ta, pa, sa), (tb, pb, sb) = sets_of(a.sentence), sets_of(b.sentence)
    if not backref:
        # Different days, or each side naming a place the other lacks: two incidents.
        if ta and tb and not ta & tb:
            return None
        if pa - pb and pb - pa:
            return None
    shared = sa & sb
    if not (shared or backref):
        return None
    where = f" ({sorted(shared)[0]})" if shared else ""
    return QualityFlag(
        "contradiction",
        f"two counts of {b.noun} {b.kind} for the same incident{where}: "
        f"{text[a.span[0]:a.span[1]]!r} vs {text[b.span[0]:b.span[1]]!r}",
        [list(a.span), list(b.span)])
