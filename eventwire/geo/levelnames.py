"""Names the text itself calls places by the level word after them ("Ye Hla village", "Munaily
district", "Ein Issa area") that neither the statistical NER nor the gazetteer ruler marked:
villages the gazetteer lacks, and names its span model doubted though the text says what they are. Resolution then places them by the admin hierarchy the text
gives around them ("Ye Hla village, Gangaw township (Gangaw district, Magway region)"), or
leaves them unplaced."""
from __future__ import annotations

from .data import ADMIN1_WORDS, ADMIN2_WORDS, CONNECTORS, LEVEL_NAME_WORDS, NEVER_PLACES, TITLES
from .spans import PLACE_LABELS, capitalised, is_common, ngram_ok

_LEVEL = (ADMIN1_WORDS | ADMIN2_WORDS | LEVEL_NAME_WORDS)
# a level word after these is no place's: "the Democratic district", "Kurdish area"
_NOT_NAMES = {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW"}
MAX_TOKENS = 5


def level_named(doc) -> list[tuple[str, int, int]]:
    """(text, start, end) of every unmarked proper name right before a level word."""
    out = []
    for i, tok in enumerate(doc):
        if i == 0 or tok.lower_ not in _LEVEL or tok.text != tok.lower_ or not capitalised(doc[i - 1]):
            continue
        start = _name_start(doc, i)
        if start is None:
            continue
        span = doc[start:i]
        if (any(t.ent_type_ in PLACE_LABELS or t.ent_type_ in _NOT_NAMES or t.ent_type_ == "FAC" for t in span)
                or is_common(span)
                or any(t.lower_ in NEVER_PLACES for t in span) or any(t.pos_ != "PROPN" for t in span if capitalised(t))
                or (start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES)):
            continue
        out.append((span.text, span.start_char, span.end_char))
    return out


def _name_start(doc, end: int) -> int | None:
    """The first token of the longest name (capitalised at both ends, connectors between, not
    at a sentence's start) ending before token `end`."""
    start = end - 1
    while start - 1 >= 0 and end - (start - 1) <= MAX_TOKENS and (
            capitalised(doc[start - 1]) or doc[start - 1].lower_ in CONNECTORS):
        start -= 1
    while start < end and not capitalised(doc[start]):
        start += 1
    if start >= end or not ngram_ok(doc[start:end]):
        return None
    if doc[start].is_sent_start:
        return None  # "Police station", "Security zone": a capital a sentence gives any word
    return start
