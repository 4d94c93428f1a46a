"""Finding date expressions in text: our own patterns, tried in priority order, each match
resolved by anchor.py; dateparser only for a whole expression the patterns do not resolve."""
from __future__ import annotations

import datetime as dt
import functools
import re

from eventwire.lexicon import pattern, regex
from eventwire.model import When

from .anchor import parse_published, resolve_match, unresolved, when_between
from .holidays import holiday_day, holiday_pattern

_YEAR = pattern("date_year")
_F = re.IGNORECASE
# kind -> pattern, in priority order; every pattern puts the reported expression in group "x".
_PATTERNS: list[tuple[str, str]] = [(kind, pattern(name)) for kind, name in [
    ("range", "date_range_between"), ("range", "date_range_dashed"), ("range", "date_range_to"),
    ("mdrange", "date_month_day_range"), ("range", "date_year_range"), ("weekday_date", "date_weekday_date"),
    ("date", "date_full"), ("part", "date_part_of"), ("date", "date_partial"), ("month", "date_month"),
    ("year", "date_year_after"), ("decade", "date_decade"), ("wdrange", "date_weekday_range_between"),
    ("wdrange", "date_weekday_range"), ("since", "date_since_weekday"), ("weekday", "date_weekday_mention"),
    ("relative", "date_relative")]]
_PATTERNS.insert(_PATTERNS.index(("weekday", pattern("date_weekday_mention"))), ("holiday", holiday_pattern()))


@functools.lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(rx, _F)) for kind, rx in _PATTERNS]


@functools.lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    # A cheap gate: sentences with none of its words cannot hold a date expression.
    return regex("date_gate", _F)


# Expressions that name a day of the calendar, with or without its year (not "Tuesday", "last week").
_CALENDAR_KINDS = frozenset({"range", "mdrange", "weekday_date", "date"})


def names_calendar_day(expr: str) -> bool:
    """Whether a date expression names calendar days ("30 September 2015", "between 5 June and
    10 August") rather than days counted from the page's own ("on Monday", "two days ago")."""
    return any(kind in _CALENDAR_KINDS and rx.search(expr) for kind, rx in _compiled())


def find_dates(text: str, published: str | None, *, offset: int = 0) -> list[When]:
    """Every date expression in `text`, resolved against `published` (ISO date or None)."""
    if not text or not _gate().search(text):
        return []
    pub = parse_published(published)
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    # Patterns are tried in priority order; a later pattern never claims characters an
    # earlier, more specific one already matched.
    for kind, rx in _compiled():
        for m in rx.finditer(text):
            s, e = m.span("x")
            if any(s < te and ts < e for ts, te in taken):
                continue
            w = holiday_day(m, pub) if kind == "holiday" else resolve_match(kind, m, pub)
            if w is None:
                continue
            if kind == "date" and w.text.lower().startswith("the ") and " of " not in w.text:
                s += 4  # "the 5 June attack": the date is "5 June"
                w.text = text[s:e]
            w.span_start, w.span_end = s + offset, e + offset
            found.append((s, e, w))
            taken.append((s, e))
    found.sort(key=lambda t: t[0])
    return [w for _, _, w in found]


@functools.lru_cache(maxsize=4096)
def _dateparser(expr: str, published: str | None) -> dt.date | None:
    import dateparser  # slow to import; only needed for expressions our rules miss

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    pub = parse_published(published)
    if pub is None:
        # Without an anchor only complete dates are acceptable: never guess from today.
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
        settings["RELATIVE_BASE"] = dt.datetime(1900, 1, 1)
    else:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    got = dateparser.parse(expr, languages=["en"], settings=settings)
    return got.date() if got else None


def resolve_date(expr: str, published: str | None) -> When:
    """One date expression (e.g. "on Sunday", "late November") resolved; "unresolved" if not."""
    text = expr.strip()
    hits = find_dates(text, published)
    if hits:
        best = max(hits, key=lambda w: (w.span_end or 0) - (w.span_start or 0))
        best.span_start = best.span_end = None
        return best
    if not text or not _gate().search(text):
        return unresolved(expr)
    pub = parse_published(published)
    if pub is None and not re.search(_YEAR, text):
        return unresolved(text)
    day = _dateparser(text, pub.isoformat() if pub else None)
    if day is None or (pub is None and str(day.year) not in text):
        return unresolved(text)
    return when_between(text, day, day, "day")
