"""Publication dates as sources write them -> "YYYY-MM-DD", the date in the source's own zone.

Read: ISO 8601 with any offset ("2009-03-20 12:24:52.002364-05", "2016-12-17T10:00:00Z"),
RFC 2822 ("Sat, 17 Dec 2016 10:00:00 +0000"), day-month-year and month-day-year words with
times and zones ("17 December 2016", "DEC. 14, 2016, 2:54 AM EST", "Wed Nov 23, 2016 | 3:02pm
EST"), and numeric dates whose day and month cannot be confused ("17/12/2016").

The zone is never applied: an article stamped 23:30 EST appeared on that day where it was
written, which is the day its relative dates ("on Tuesday") count from.

What is not read with certainty gives None, never a guess (a wrong publication date is worse
than none: every relative date resolves against it): a missing day, month or year, an
impossible time ("2020-01-01T99:99"), a day/month order that could be either ("03/04/2016"),
a number the reader had to skip.
"""
from __future__ import annotations

import datetime as dt
import re

_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_MAX_CHARS = 100  # a date field longer than this is not a date
_RAW_CHARS = 200  # how much of an unreadable value is kept to show the user

_ISO_START = re.compile(r"\d{4}-\d")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})"
                  r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?"
                  r"\s*(?:Z|[A-Za-z]{2,5}|[+-]\d{2}(?::?\d{2})?)?")
# "03/04/2016": March or April, depending on where it was written.
_NUMERIC_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{4}|\d{2})(?!\d)")
# "08.47 GMT" (a dotted time): the reader wants a colon.
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*(?:[AaPp]\.?[Mm]\b|[A-Z]{2,5}\b|$))")
# Two defaults that share no field: a field the text lacks shows as a difference.
_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 2, 2))


def read_date(value: object) -> str | None:
    """"YYYY-MM-DD" for a readable publication date (any form above), else None. A JSON
    number (20161217) is read as written; a list or an object is no date; a Python date is
    taken as it is."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(value)
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text or len(text) > _MAX_CHARS:
        return None
    if _ISO_START.match(text):
        return _iso(text)
    return _written(text)


def raw_value(value: object) -> str | None:
    """The value as the source wrote it (shortened), to keep beside an unreadable date."""
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else repr(value)
    return text[:_RAW_CHARS]


def _iso(text: str) -> str | None:
    m = _ISO.fullmatch(text)
    if m is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in m.groups())
    try:
        stamp = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return _in_range(stamp.date())


def _written(text: str) -> str | None:
    from dateutil import parser

    for m in _NUMERIC_DAY_MONTH.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first != second and first <= 12 and second <= 12:
            return None
    text = _DOTTED_TIME.sub(r"\1:\2", text)
    try:
        one, skipped = parser.parse(text, fuzzy_with_tokens=True, ignoretz=True, default=_DEFAULTS[0])
        other = parser.parse(text, fuzzy=True, ignoretz=True, default=_DEFAULTS[1])
    except (ValueError, OverflowError, TypeError):
        return None
    if any(ch.isdigit() for token in skipped for ch in token):
        return None
    if (one.year, one.month, one.day) != (other.year, other.month, other.day):
        return None
    return _in_range(one.date())


def _in_range(day: dt.date) -> str | None:
    return day.isoformat() if _FIRST_YEAR <= day.year <= _LAST_YEAR else None
