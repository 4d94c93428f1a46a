"""A bare weekday read with the page: "shot Monday night" on a page that also writes "around 11 p.m.
Monday, May 23" is that Monday, not the most recent one before publication (the package's
convention for a weekday alone). Follow-up reports name the incident's day in full once and by its
weekday elsewhere; the most recent such weekday is then often a week late."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Callable, Sequence

from eventwire.lexicon import table
from eventwire.model import When

from .anchor import parse_published

_WEEKDAYS: dict[str, int] = table("weekday_numbers")


def _weekday_named(when: When) -> int | None:
    """The weekday a day's expression opens with ("Monday, May 23" -> 0), when the expression is a
    calendar day that really falls on it; None for anything else."""
    first = when.text.split(maxsplit=1)[0].strip(",").lower() if when.text else ""
    wd = _WEEKDAYS.get(first)
    if wd is None or when.precision != "day" or not when.start or not any(ch.isdigit() for ch in when.text):
        return None
    return wd if dt.date.fromisoformat(when.start).weekday() == wd else None


def bind_weekdays(dates: Sequence[When], published: str | None, *, page: Sequence[When] | None = None,
                  stamp: Callable[[When], bool] = lambda w: False) -> list[When]:
    """`dates` with each bare weekday ("Monday", not "last Monday") moved to the one day before
    publication the page names in full with that weekday ("Monday, May 23"), when there is exactly
    one such day that is not a page stamp (`stamp`: "Posted Monday, May 30" tells when the page was
    written) and not after publication (an upcoming hearing's day). The page's dates (find_dates
    over its text) are `page`, or `dates` themselves."""
    pub = parse_published(published)
    if pub is None:
        return list(dates)
    named: dict[int, set[str]] = {}
    for w in dates if page is None else page:
        wd = _weekday_named(w)
        if wd is not None and dt.date.fromisoformat(w.start) < pub and not stamp(w):
            named.setdefault(wd, set()).add(w.start)
    out = []
    for w in dates:
        wd = _WEEKDAYS.get(w.text.lower()) if w.precision == "day" and w.text else None
        days = named.get(wd) if wd is not None else None
        out.append(replace(w, start=min(days), end=min(days)) if days and len(days) == 1 else w)
    return out
