"""A war's (or siege's, visit's…) age or length stated two ways on one page ("now in its
sixth year" vs "the five-year war", "two-day visit" vs "three-day trip")."""
from __future__ import annotations

import math
import re
from collections import defaultdict

from ..lexicon import pattern, regex, table, word_set
from ..model import QualityFlag
from .numbers import number
from .thresholds import T

_WAR_HEADS = pattern("war_heads")
# Words naming the same stretch of time: a "two-day visit" and a "three-day trip" on one page
# are one visit told two ways.
_HEAD_SYNONYMS: dict[str, str] = table("head_synonyms")
# "Another two-day visit", "the previous three-day trip": a second one, not a restatement.
_OTHER_ONE_RE = regex("another_one_before", re.I)
_ORDINAL_RE = regex("in_its_nth", re.I)
_HEAD_RE = regex("length_head", re.I)
_ADJ_RE = regex("length_adjective", re.I)
_OF_RE = regex("length_of", re.I)
_DECADE_RE = regex("decade_long", re.I)
# How a length's qualifier widens it: "more than five years", "nearly", "about".
_LENGTH_AT_LEAST = word_set("length_at_least")
_LENGTH_NEARLY = word_set("length_nearly")
_LENGTH_ABOUT = word_set("length_about")

def _interval(qual: str | None, n: int) -> tuple[float, float]:
    q = (qual or "").strip().lower()
    if q in _LENGTH_AT_LEAST:
        return (n + (0 if q == "at least" else 0.01), math.inf)
    if q in _LENGTH_NEARLY:
        return (n - 1, n)
    if q in _LENGTH_ABOUT:
        return (n - 1, n + 1)
    return (n, n)


def _head_key(head: str) -> str:
    h = head.lower()
    if re.fullmatch(_WAR_HEADS, h):
        return "war"
    h = h if h in ("talks", "siege") else h.rstrip("s")
    return _HEAD_SYNONYMS.get(h, h)


def _ages(text: str) -> list[tuple[str, str, tuple[float, float], tuple[int, int]]]:
    """(key, unit, nominal-length interval, span) for each stated age of a war or the like.
    'In its sixth year' counts as six: the page quality question is whether the writer
    gives one number, not how many full years have passed."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        n = number(m.group(1))
        # What is in its Nth year: the nearest war-like noun before, in the same sentence.
        before = re.split(r"[.;!?]\s", text[max(0, m.start() - T.length_head_window):m.start()])[-1]
        heads = list(_HEAD_RE.finditer(before))
        if n and heads:
            out.append((_head_key(heads[-1].group(1)), m.group(2).lower(), (n, n), (m.start(), m.end())))
    for rx in (_ADJ_RE, _OF_RE):
        for m in rx.finditer(text):
            n = number(m.group(2))
            if n and not _OTHER_ONE_RE.search(text[max(0, m.start() - T.another_window):m.start()]):
                out.append((_head_key(m.group(4)), m.group(3).lower(), _interval(m.group(1), n),
                            (m.start(), m.end())))
    # "The decade-long insurgency": ten years; "decades-long": twenty or more.
    for m in _DECADE_RE.finditer(text):
        if m.group(3).lower() == "decades" and not m.group(2):
            iv: tuple[float, float] = (20, math.inf)
        else:
            n = 10 * (number((m.group(2) or "one").strip()) or 1)
            iv = _interval(m.group(1), n)
        out.append((_head_key(m.group(4)), "year", iv, (m.start(), m.end())))
    return out


def duration_contradictions(text: str) -> list[QualityFlag]:
    """One flag per war (or visit…) whose length in one unit is stated two incompatible ways."""
    flags = []
    ages = _ages(text)
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    for key, unit, iv, span in ages:
        by_key[(key, unit)].append((iv, span))
    for (key, unit), items in by_key.items():
        done = False
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                (i1, s1), (i2, s2) = items[a], items[b]
                if i1[1] < i2[0] or i2[1] < i1[0]:
                    flags.append(QualityFlag(
                        "contradiction",
                        f"the {key}'s length in {unit}s is stated two ways: "
                        f"{text[s1[0]:s1[1]]!r} vs {text[s2[0]:s2[1]]!r}",
                        [list(s1), list(s2)]))
                    done = True
                    break
            if done:
                break
    return flags
