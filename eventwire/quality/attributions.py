"""Unresolved attributions: a quote whose speaker cannot be resolved ("he said" with no single
person before it; "the watchdog said" with no watchdog introduced)."""
from __future__ import annotations

import re

from ..lexicon import regex
from ..model import QualityFlag, Quote
from .thresholds import T

_GROUP_PRONOUN_RE = regex("group_pronoun", re.I)


def unresolved_attributions(text: str, quotes: list[Quote]) -> list[QualityFlag]:
    flags = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if q.speaker is not None or not q.attribution:
            continue
        subject = re.sub(r"^(?:according to)\s+", "", q.attribution, flags=re.I)
        if _GROUP_PRONOUN_RE.match(subject):
            continue
        span = _find_near(text, q.attribution, q.start, q.end)
        if span is None or span in seen:
            continue
        seen.add(span)
        flags.append(QualityFlag(
            "unresolved_attribution",
            f"{q.attribution!r}: no speaker it can refer to — {q.text[:T.detail_chars]!r}",
            [list(span)]))
    return flags


def _find_near(text: str, phrase: str, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence of `phrase` closest to the quote text[start:end]."""
    lo, hi = max(0, start - T.near_window), min(len(text), end + T.near_window)
    best = None
    for m in re.finditer(re.escape(phrase), text[lo:hi]):
        s = lo + m.start()
        d = min(abs(s - end), abs(s - start))
        if best is None or d < best[0]:
            best = (d, (s, s + len(phrase)))
    return best[1] if best else None
