"""The page's own day of publication, read off the page itself: a day in its address ("/2013/06/09/",
"-20130808-") or the stamp near its top of when it was first put out ("Posted: Wednesday, March 6,
2013", "Created: 01/26/2015"). A given publication date is often the day a page was crawled or
last updated: of the GVA fit reports whose address holds a day more than a day before the given
date (16 of 4,297), the address's day was within three days after the incident for all 16, the
given date for none; a creation stamp that early, 4 of 6 against 1. Relative days ("Sunday",
"last week") are read from the page's own day then (pipeline.py)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from eventwire.lexicon import regex

from .expressions import find_dates


@dataclass(frozen=True)
class Thresholds:
    """The numbers the page's own day is read by, named once."""

    stamp_within: int = 800  # characters from the top where a page's stamp is looked for
    before_chars: int = 40  # how far before a day its stamp word is looked for
    # A given date at least this many days after the page's own is a later crawl or update (a
    # day's lag is a time zone or a late edition).
    later_by: int = 2


THRESHOLDS = Thresholds()


@functools.lru_cache(maxsize=None)
def _rx(name: str) -> re.Pattern[str]:
    return regex(name, re.I)


def url_day(url: str | None) -> str | None:
    """The day an address's path holds ("/2013/06/09/"), if any."""
    m = _rx("page_url_day").search(url or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def stamp_day(text: str) -> str | None:
    """The first full day (with its year) near the page's top that a "Posted" or "Created" stamp gives."""
    top = text[:THRESHOLDS.stamp_within]
    for when in find_dates(top, None):
        if when.precision != "day" or not when.start or when.span_start is None:
            continue
        if _rx("page_stamp_before").search(top, max(0, when.span_start - THRESHOLDS.before_chars), when.span_start):
            return when.start
    return None


def page_published(text: str, url: str | None, given: str | None) -> tuple[str, str] | None:
    """(day, "url" | "stamp"): the page's own day of publication, when the page tells one and
    nothing is `given` or the given day is `later_by` days or more after it; else None."""
    own = [(day, kind) for day, kind in ((url_day(url), "url"), (stamp_day(text), "stamp")) if day]
    if not own:
        return None
    day, kind = min(own)
    if given is not None and (dt.date.fromisoformat(given[:10]) - dt.date.fromisoformat(day)).days < THRESHOLDS.later_by:
        return None
    return day, kind
