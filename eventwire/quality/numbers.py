"""Numbers as the text states them: digits, number words, ordinals ("sixth", "21st")."""
from __future__ import annotations

import re

from ..lexicon import table

NUM_WORDS: dict[str, int] = table("count_number_words")
ORDINALS: dict[str, int] = table("ordinal_words")


def number(w: str) -> int | None:
    w = w.lower()
    if w.isdigit():
        return int(w)
    if w in NUM_WORDS:
        return NUM_WORDS[w]
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.match(r"(\d+)(?:st|nd|rd|th)$", w)
    return int(m.group(1)) if m else None
