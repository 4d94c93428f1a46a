"""Holidays as days: "shot early New Year's Day", "on Christmas", "the Fourth of July party".
Local reports date a shooting by the holiday it happened on as often as by its weekday (of the
GVA fit reports, 82 of 4,297 name a holiday and their incident fell on it). The day is the most
recent such holiday on or before publication (a month's slack, as for a day and month without
year: anchor.py); with no publication date it is unresolved, as a weekday is."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from eventwire.lexicon import pattern, regex, table
from eventwire.model import When

from .anchor import THRESHOLDS, unresolved, when_between


@functools.lru_cache(maxsize=1)
def _holidays() -> list[tuple[re.Pattern[str], tuple[int, ...]]]:
    return [(re.compile(name), tuple(day)) for name, day in table("holiday_dates").items()]


def holiday_pattern() -> str:
    """expressions.py's pattern of a holiday's name, its names filled in from the data file."""
    return pattern("date_holiday", holiday_names="|".join(f"(?:{name})" for name in table("holiday_dates")))


@functools.lru_cache(maxsize=1)
def _context() -> dict[str, re.Pattern[str]]:
    return {which: regex(f"date_holiday_{which}", re.I) for which in ("on_before", "time_after")} | {
        "full": regex("date_holiday_full")}


def _in_year(year: int, day: tuple[int, ...]) -> dt.date:
    if len(day) == 2:
        return dt.date(year, day[0], day[1])
    month, weekday, n = day
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n - 1 if n > 0 else n]


def holiday_day(m: re.Match[str], pub: dt.date | None) -> When | None:
    """The day a holiday's name (group "x" of holiday_pattern) stands for; None when the name alone
    is no day here ("a Christmas party"); unresolved without a publication date to find its year by."""
    name = m.group("x")
    ctx = _context()
    if not ctx["full"].search(name) and not (ctx["on_before"].search(m.string, 0, m.start("x"))
                                             or ctx["time_after"].match(m.string, m.end("x"))):
        return None
    day = next((d for rx, d in _holidays() if rx.fullmatch(name)), None)
    if day is None:
        return None
    if pub is None:
        return unresolved(name)
    when = _in_year(pub.year, day)
    if (when - pub).days > THRESHOLDS.future_slack_days:
        when = _in_year(pub.year - 1, day)
    return when_between(name, when, when, "day")
