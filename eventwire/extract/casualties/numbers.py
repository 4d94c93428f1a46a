"""Numbers as news tells them: digits, number words, vague quantities ("dozens") and the
qualifiers around them ("at least 12", "10 to 15"), read as (best, low, high) the ACLED way
(the package's docstring gives the conventions)."""
from __future__ import annotations

import functools
import re

from eventwire.lexicon import pattern, regex, table, word_set

# Number words and qualifiers: data/lexicons/casualties.yaml, data/patterns/casualties.yaml.
_UNITS: dict[str, int] = table("number_units")
_TENS: dict[str, int] = table("number_tens")
_MULTIPLES: dict[str, int] = table("multiple_words")  # "a triple homicide"
# word -> (best, low, high); multiplied forms ("tens of thousands") are handled in card_value.
VAGUE: dict[str, tuple[int, int | None, int | None]] = {k: tuple(v) for k, v in table("vague_quantities").items()}
# The number grammar's words, longest first (a regex alternation takes the first that fits:
# "seventeen" must not be read as "seven"); vague quantities may be spaced any way.
FRAGMENTS = {
    "units": "|".join(sorted(_UNITS, key=len, reverse=True)),
    "tens": "|".join(_TENS),
    "vague": "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE, key=len, reverse=True)),
    "multiples": "|".join(_MULTIPLES),
}
_QUAL = pattern("casualty_qualifier")
_AT_LEAST = word_set("qualifiers_at_least")
_AT_MOST = word_set("qualifiers_at_most")
_ABOUT = word_set("qualifiers_about")


@functools.lru_cache(maxsize=1)
def _card() -> re.Pattern[str]:
    return regex("casualty_card", re.I, **FRAGMENTS)


def add_known(a: int | None, b: int | None) -> int | None:
    """The sum of two figures, None when either is not known."""
    return None if a is None or b is None else a + b


def card_value(s: str) -> tuple[int, int | None, int | None] | None:
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


def quantity(s: str) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of a qualified number phrase such as "at least 12" or "10 to 15"."""
    t = re.sub(r"\s+", " ", s.strip())
    q = re.match(_QUAL + r"\s+", t, re.I)
    qual = q.group(0).strip().lower() if q else ""
    rest = re.sub(r"(\d)\s*[-–]\s*(\d)", r"\1 to \2", t[q.end():] if q else t)
    cards = [m.group(0) for m in _card().finditer(re.sub(r"^between\s+", "", rest, flags=re.I))]
    if len(cards) > 1 and re.fullmatch(r"(?:19|20)\d\d", cards[0].strip()):
        cards = cards[1:]  # "July 16, 2024 - Nine civilians": a dateline's year, then the count
    vals = [v for v in (card_value(c) for c in cards) if v]
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


def multiple(word: str) -> tuple[int, int, int]:
    n = _MULTIPLES[word.lower()]
    return n, n, n

