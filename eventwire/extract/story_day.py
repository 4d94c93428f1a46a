"""The incident's day in a local report: which of the days the page tells the incident it
reports happened on.

A report tells several days: the incident's ("shot late Saturday"), the day someone was
arrested, charged, identified or buried, when police spoke, when a vigil or a court date is,
and a page stamp. Which one is the incident's is read from the words around each day, where
the page first tells it, how often, how far before publication it lies, and whether a violent
event's sentence gives it: a logistic regression over these cues, fitted on the shooting
reports of ../shared/train/gva (fit split; training/train_story.py), scores every candidate
day and the surest is the incident's. A report that tells no day is of its publication day
(letting that day compete with told days gained nothing on the training reports, and moved
ACLED notes published a week after their dated event to the publication day).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Sequence

from ..lexicon import table
from ..model import Document, When
from ..resolve.dates import bind_weekdays, find_dates
from .events import THRESHOLDS as EVENTS, dateline_spans
from .story_model import Candidate, layout, load_model, position_cues, WindowWords

MODEL_NAME = "story_day"


@dataclass(frozen=True)
class Thresholds:
    """The numbers the day candidates are read with, named once."""

    window: int = 5  # words read on each side of a day's expression
    max_sentence: int = 8  # sentence positions beyond this count as this one
    # How many days before publication a day lies, in the bands the model reads (the cue names
    # are the model's: "ago_2_3" for 2-3 days); an incident is most often told a day or two later.
    ago_bands: tuple[tuple[int, str], ...] = ((0, "ago_0"), (1, "ago_1"), (3, "ago_2_3"), (7, "ago_4_7"),
                                              (30, "ago_8_30"))
    future_by: int = 1  # a day this far after publication still counts (a stamp in UTC can lag the town's date)


THRESHOLDS = Thresholds()


def _ago_band(days: int) -> str:
    if days < 0:
        return "ago_future"
    return next((name for top, name in THRESHOLDS.ago_bands if days <= top), "ago_31_plus")


def _kind(expr: str) -> str:
    """How the day is told: a weekday alone, words relative to today, or a calendar date."""
    low = expr.lower()
    if any(ch.isdigit() for ch in low):
        return "told_calendar"
    if any(w in low for w in table("weekday_numbers")):
        return "told_weekday"
    return "told_relative"


def day_candidates(doc: Document, sentences: Sequence[tuple[int, str]]) -> list[Candidate]:
    """Every day the page tells (precision day, not in the future beyond a day, not a dateline's
    filing day), each with its cue features; the publication day alone when the page tells none."""
    from .story import stamped, told_or_stamped  # story.py chooses with this module: imported when used

    published = doc.published
    if not published:
        return []
    pub = dt.date.fromisoformat(published[:10])
    text = doc.text
    page = layout(doc, sentences)
    filed = dateline_spans(text[:EVENTS.dateline_within])  # "MAPUTO, June 3, 2024 -": when it was filed
    by_day: dict[str, Candidate] = {}
    window = WindowWords(text)
    for when in bind_weekdays(find_dates(text, published), published, stamp=lambda w: stamped(w, text)):
        if when.precision != "day" or not when.start or when.span_start is None \
                or any(a <= when.span_start < b for a, b in filed):
            continue
        ago = (pub - dt.date.fromisoformat(when.start)).days
        if ago < -THRESHOLDS.future_by:
            continue
        c = by_day.get(when.start)
        if c is None:
            c = by_day[when.start] = Candidate(key=when.start, value=when, features={})
        f = c.features
        f["n_told"] = f.get("n_told", 0.0) + 1.0
        f[_ago_band(ago)] = 1.0
        f[_kind(when.text)] = 1.0
        sent_start, sent_end = position_cues(f, page, when.span_start, THRESHOLDS.max_sentence)
        if told_or_stamped(when, text):
            f["said_or_stamp"] = 1.0
        for w in window(when.span_start, when.span_end, sent_start, sent_end, THRESHOLDS.window):
            f[w] = 1.0
    out = list(by_day.values())
    for c in out:
        f = c.features
        f["n_told"] = math.log1p(f["n_told"])
        f["first_sentence"] = f["first_sentence"] / THRESHOLDS.max_sentence
        if c.key == published[:10]:
            f["is_published"] = 1.0
    if not out:  # a report that tells no day is of its publication day (as often as not, the day before)
        out.append(Candidate(key=published[:10], value=When(text="", start=published[:10], end=published[:10],
                                                            precision="day"),
                             features={"is_published": 1.0, "untold": 1.0}))
    return out


def incident_day(doc: Document, sentences: Sequence[tuple[int, str]]) -> tuple[When | None, float]:
    """The surest candidate day and its probability ((None, 0.0) without a model or candidates)."""
    model = load_model(MODEL_NAME)
    cands = day_candidates(doc, sentences)
    if model is None or not cands:
        return None, 0.0
    best = max(cands, key=lambda c: model.probability(c.features))
    return best.value, model.probability(best.features)
