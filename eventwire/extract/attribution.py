"""Who says so, and how sure they sound: source attribution and hedging within one sentence."""
from __future__ import annotations

import re

from ..lexicon import alternation, regex, word_set
from ..model import Attribution

# Order matters: the most specific phrasing first (data/patterns/attribution.yaml).
_PATTERNS = [regex(name) for name in ("attribution_source_said", "attribution_said_source",
                                      "attribution_according_to", "attribution_source_first")]

_HEDGES = re.compile(rf"\b({alternation('hedge_cues')})\b", re.IGNORECASE)

_NOT_SOURCES = word_set("not_sources")
MAX_SOURCE_WORDS = 12  # a longer "source" is a clause
MAX_FIRST_SOURCE_WORDS = 6  # a source that opens the sentence is a short noun phrase
_CLAUSE_VERBS = word_set("clause_verbs")


def find_attribution(sentence: str, *, offset: int = 0) -> Attribution | None:
    """The source a sentence cites, or None when it cites nobody."""
    for pattern in _PATTERNS:
        m = pattern.search(sentence)
        if not m:
            continue
        src = m.group("src").strip(" ,")
        words = src.split()
        if not words or src.lower() in _NOT_SOURCES or len(words) > MAX_SOURCE_WORDS:
            continue
        if pattern is _PATTERNS[3] and not _looks_like_source_start(words):
            continue
        source = re.sub(r"^(?:the|a|an)\s+", "", src, flags=re.IGNORECASE)
        start, end = m.start("src"), m.end()
        if m.start("verb") < m.start("src"):
            start = m.start("verb")
        text = sentence[start:end].strip(" ,.")
        start = sentence.find(text, start)
        return Attribution(text=text, source=source, start=start + offset, end=start + len(text) + offset)
    return None


def _looks_like_source_start(words: list[str]) -> bool:
    # At the start of a sentence the subject of "said" is a source only when it is a plain
    # noun phrase (no verb of its own), e.g. "The watchdog", "UN investigators".
    return len(words) <= MAX_FIRST_SOURCE_WORDS and not any(w.lower() in _CLAUSE_VERBS for w in words)


def is_hedged(sentence: str) -> bool:
    return bool(_HEDGES.search(sentence))
