"""Stretches of a story's text that are not the reporter's account of an event: the dateline
(where and when the story was filed), direct quotations (what someone said), and the asides that
open another story ("Separately, ...")."""
from __future__ import annotations

import re

from ...lexicon import regex
from ...resolve.dates import find_dates
from .thresholds import T


_DATELINE = regex("dateline")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations, which may run over several sentences within a paragraph."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”", text)]
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer(r'"', para.group())]
        spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
    return spans


def dateline_date(text: str) -> str | None:
    """The day a dateline gives in full ("BAMAKO, Nov. 4, 2024 - "): the day the story was
    filed, a stand-in for a missing publication date. None without a year or a day."""
    for start, end in dateline_spans(text[:T.dateline_within]):
        for when in find_dates(text[start:end], None):
            if when.precision == "day" and when.start:
                return when.start
    return None


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """"BAMAKO, Nov. 4, 2024 - ": where the reporter filed from, not where the event happened."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


_ASIDE = regex("aside_opening", re.I)


def _undateline(sentence: str) -> str:
    m = _DATELINE.match(sentence)
    return sentence[m.end():] if m else sentence
