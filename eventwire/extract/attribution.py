"""Who says so, and how sure they sound: source attribution and hedging within one sentence."""
from __future__ import annotations

import re

from ..model import Attribution

_SAY = (r"(?:said|says|say|reported|reports|report|told\s+\w+|claimed|claims|claim|added|stated|"
        r"confirmed|confirms|announced|announces|alleged|alleges|insisted|noted|wrote|tweeted|"
        r"posted|estimated|counted|documented)")
_SOURCE = r"(?P<src>(?:the\s+|a\s+|an\s+)?[A-Z0-9a-z’'\-\.& ]{2,90}?)"

# Order matters: the most specific phrasing first.
_PATTERNS = [
    # "..., activists said." / "..., the ministry said in a statement."
    re.compile(rf"[,”\"]\s*{_SOURCE}\s+(?P<verb>{_SAY})(?:\s+(?:in|on|at)\s+[^,.;]{{1,40}})?\s*[.!]?\s*$"),
    # "..., said the head of the council." (inverted)
    re.compile(rf"[,”\"]\s*(?P<verb>{_SAY})\s+{_SOURCE}\s*[.!]?\s*$"),
    # "according to the health ministry"
    re.compile(r"\b(?P<verb>according to)\s+(?P<src>[^,.;:]{2,80})"),
    # "The watchdog said a review ..." at the start of the sentence
    re.compile(rf"^\s*{_SOURCE}\s+(?P<verb>{_SAY})\b(?:\s+that)?"),
]

_HEDGES = re.compile(
    r"\b(allegedly|alleged|reportedly|purportedly|supposedly|supposed|apparently|suggests?|"
    r"claim(?:s|ed|ing)?|unconfirmed|unverified|may have|might have|could have|"
    r"it is believed|believed to|said to have|appears? to|rumou?red)\b",
    re.IGNORECASE,
)

_NOT_SOURCES = {"it", "this", "that", "which", "there", "what"}


def find_attribution(sentence: str, *, offset: int = 0) -> Attribution | None:
    """The source a sentence cites, or None when it cites nobody."""
    for pattern in _PATTERNS:
        m = pattern.search(sentence)
        if not m:
            continue
        src = m.group("src").strip(" ,")
        words = src.split()
        if not words or src.lower() in _NOT_SOURCES or len(words) > 12:
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
    return len(words) <= 6 and not any(w.lower() in {"was", "were", "is", "are", "had", "has"} for w in words)


def is_hedged(sentence: str) -> bool:
    return bool(_HEDGES.search(sentence))
