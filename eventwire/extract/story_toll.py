"""The toll a story gives for its incident, read from all of its sentences.

A local report tells its dead in pieces: the headline "Teen dies after shooting", the lead "two
people were shot, one fatally", a later paragraph "Ana Ruiz, 23, was pronounced dead at the
hospital", and at the end "the gunman then turned the gun on himself". The main event's own
sentence holds one piece. Each sentence's toll counts the victims it names; the story's toll is the
largest such count: a sentence that counts the dead counts them all, the others name one of them
again. (Adding an attacker's own death told apart, "... then turned the gun on himself", to the
largest count was tried and lost on the fit split: stories that count the dead mostly count him.)

Measured on the shooting reports of `../shared/train/gva` (fit split, eval/gva.py): the largest
toll of the story matches the Gun Violence Archive's killed count far more often than the main
sentence's own toll (see docs/MODEL.md, "Tolls").

Sentences that tell something else are left out: an aside ("Separately, ..."), a running count
("this year", casualties.py's cumulative pattern) and a sentence dated, by a date of its own, further
than `THRESHOLDS.other_day_days` from the main event's day (an earlier killing told as background).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Casualties, Event
from .casualties import find_casualties


@dataclass(frozen=True)
class Thresholds:
    """Every number the story's toll is read by, named once."""

    other_day_days: int = 31  # a sentence dated over a month from the event's day tells another one (background)


THRESHOLDS = Thresholds()


def story_toll(ev: Event, sentences: Sequence[tuple[int, str]], published: str | None, *,
               aside: re.Pattern[str]) -> Casualties | None:
    """The largest toll the story's sentences (start offset, text) give for `ev`'s incident; None
    when no sentence tells a toll."""
    from ..resolve.dates import find_dates

    day = _day(ev.date.start if ev.date else None) or _day(published)
    best: Casualties | None = None
    for start, text in sentences:
        if aside.match(text.lstrip()) or _other_day(find_dates(text, published), day):
            continue
        found = find_casualties(text, offset=start)
        if found is None or found.best is None:
            continue
        if best is None or found.best > best.best:
            best = found
    return best


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _other_day(dates, day: dt.date | None) -> bool:
    """A date of the sentence's own lies `other_day_days` or more from the event's day."""
    if day is None:
        return False
    for when in dates:
        start = _day(when.start)
        if when.precision in ("day", "range", "week", "month") and start is not None:
            end = _day(when.end) or start
            if (day - end).days >= THRESHOLDS.other_day_days or (start - day).days >= THRESHOLDS.other_day_days:
                return True
        elif when.precision == "year" and start is not None and start.year != day.year:
            return True
    return False
