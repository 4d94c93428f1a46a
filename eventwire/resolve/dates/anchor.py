"""One date expression, matched by a pattern of expressions.py, resolved against the publication
date: calendar parts read from its words, then the news conventions of the package's docstring
(a bare weekday, a month without a year, early/mid/late parts, weekday spells)."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from eventwire.lexicon import pattern, regex, table, word_set
from eventwire.model import When


@dataclass(frozen=True)
class Thresholds:
    """The numbers date resolution decides by, named once."""

    # A day+month without year more than this far after publication is taken as last year's.
    future_slack_days: int = 31
    # early/mid/late Month: days 1-10 / 11-20 / 21-end; early/mid/late Year: its thirds.
    month_parts: tuple[tuple[int, int], tuple[int, int], int] = ((1, 10), (11, 20), 21)
    year_parts: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
        ((1, 1), (4, 30)), ((5, 1), (8, 31)), ((9, 1), (12, 31)))


THRESHOLDS = Thresholds()

# Date words and expressions: data/lexicons/dates.yaml, data/patterns/dates.yaml.
_MONTHS: dict[str, int] = table("month_numbers")
_WEEKDAYS: dict[str, int] = table("weekday_numbers")
_SMALL: dict[str, int] = table("small_numbers")
# "yesterday", "tonight": days from publication; "last week", "next year": periods from it.
_RELATIVE_DAYS: dict[str, int] = table("relative_days")
_RELATIVE_SHIFTS: dict[str, int] = table("relative_shifts")
# "early", "the middle of": which part of a month or year; any other word is its late part.
_PART_WORDS = {which: word_set(f"{which}_part_words") for which in ("early", "mid")}
# "a speech by May": after these a bare "May" is the name, not the month.
_MAY_NAME_PREPS = word_set("may_name_prepositions")

_YEAR = pattern("date_year")
_F = re.IGNORECASE


@functools.lru_cache(maxsize=1)
def _side_res() -> list[tuple[str, re.Pattern[str]]]:
    names = ["iso", "numeric", "dmy", "mdy", "my", "dm", "md", "month_full", "year", "day"]
    short = {"month_full": "m", "year": "y", "day": "d"}
    return [(short.get(n, n), regex(f"date_{n}", _F)) for n in names]


@functools.lru_cache(maxsize=1)
def _named_day() -> dict[str, re.Pattern[str]]:
    # Weekdays that are part of a name ("the Sunday Times", "Good Friday"), not a date.
    return {"after": regex("named_day_after"), "before": regex("named_day_before")}


def _iso(d: dt.date) -> str:
    return d.isoformat()


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def days_before_published(when: When | None, published: str | None) -> int | None:
    """How many days before publication `when` ended (its start when it has no end); None when
    either is unknown or unreadable."""
    pub = parse_published(published)
    last = when and (when.end or when.start)
    if pub is None or not last:
        return None
    try:
        return (pub - dt.date.fromisoformat(last[:10])).days
    except ValueError:
        return None


def _month_num(word: str) -> int:
    return _MONTHS[word.strip(". ").lower()[:3]]


def _capitalised(word: str) -> bool:
    # Month and weekday names must be written as names; lower-case "may", "march" are words.
    return word[:1].isupper()


def _parts(s: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one single date expression, None where not said."""
    s = s.strip()
    for name, rx in _side_res():
        if not rx.fullmatch(s):
            continue
        nums = [int(n) for n in re.findall(r"\d+", s)]
        words = re.findall(r"[A-Za-z]+", s)
        month_words = [w for w in words if w.lower()[:3] in _MONTHS and w.lower() not in ("the", "of")
                       and w.lower() not in ("st", "nd", "rd", "th")]
        if name == "iso":
            return nums[0], nums[1], nums[2]
        if name == "numeric":
            d, m, y = nums
            return y, m, d
        if name == "y":
            return nums[0], None, None
        if name == "d":
            return None, None, nums[0]
        if not month_words or not _capitalised(month_words[0]):
            return None
        m = _month_num(month_words[0])
        if name in ("dmy", "mdy"):
            return nums[1], m, nums[0]
        if name == "my":
            return nums[0], m, None
        if name in ("dm", "md"):
            return None, m, nums[0]
        if name == "m":
            return None, m, None
    return None


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for_month(m: int, pub: dt.date) -> int:
    # Most recent such month on or before the publication month.
    return pub.year if m <= pub.month else pub.year - 1


def _year_for_day(m: int, d: int, pub: dt.date) -> int:
    cand = _valid(pub.year, m, d)
    if cand is not None and (cand - pub).days > THRESHOLDS.future_slack_days:
        return pub.year - 1
    return pub.year


def unresolved(text: str) -> When:
    return When(text=text, start=None, end=None, precision="unresolved")


def when_between(text: str, a: dt.date, b: dt.date, precision: str) -> When:
    return When(text=text, start=_iso(a), end=_iso(b), precision=precision)


def _single(text: str, parts: tuple[int | None, int | None, int | None], pub: dt.date | None) -> When | None:
    y, m, d = parts
    if m is None and d is None and y is not None:
        return when_between(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if m is None:
        return None
    if y is None:
        if pub is None:
            return unresolved(text)
        y = _year_for_day(m, d, pub) if d is not None else _year_for_month(m, pub)
    if d is None:
        a, b = _month_span(y, m)
        return when_between(text, a, b, "month")
    day = _valid(y, m, d)
    return when_between(text, day, day, "day") if day else None


def _range(text: str, a_s: str, b_s: str, pub: dt.date | None) -> When | None:
    pa, pb = _parts(a_s), _parts(b_s)
    if pa is None or pb is None:
        return None
    ya, ma, da = pa
    yb, mb, db = pb
    if mb is None and db is not None:  # "June 5-7": the right side is only a day
        mb = ma
    if ma is None and da is not None:  # "3 to 5 May": the left side borrows the month
        ma = mb
    if ma is None and mb is None:  # year range
        if ya is None or yb is None or yb < ya:
            return None
        return when_between(text, dt.date(ya, 1, 1), dt.date(yb, 12, 31), "range")
    if ma is None or mb is None:
        return None
    if yb is None:
        if ya is not None:
            yb = ya if mb >= ma else ya + 1
        elif pub is None:
            return unresolved(text)
        else:
            yb = _year_for_day(mb, db, pub) if db is not None else _year_for_month(mb, pub)
    if ya is None:
        ya = yb if ma <= mb else yb - 1
    start = _valid(ya, ma, da or 1)
    end = _valid(yb, mb, db) if db is not None else _month_span(yb, mb)[1]
    if start is None or end is None or end < start:
        return None
    return when_between(text, start, end, "range")


def _week(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _weekday(text: str, wd: int, mod: str | None, pub: dt.date | None) -> When:
    if pub is None:
        return unresolved(text)
    mod = (mod or "").lower()
    back = (pub.weekday() - wd) % 7
    if mod in ("last", "past") and back == 0:
        back = 7
    if mod == "next":
        fwd = (wd - pub.weekday()) % 7 or 7
        day = pub + dt.timedelta(days=fwd)
    else:
        day = pub - dt.timedelta(days=back)
    return when_between(text, day, day, "day")


def _relative(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    if pub is None:
        return unresolved(text)
    t = re.sub(r"\s+", " ", text.lower())
    one = dt.timedelta(days=1)
    if t in _RELATIVE_DAYS:
        day = pub + _RELATIVE_DAYS[t] * one
        return when_between(text, day, day, "day")
    if m.group("unit"):
        n_s = m.group("n").lower()
        n = int(n_s) if n_s.isdigit() else _SMALL[n_s]
        unit = m.group("unit").lower()
        if unit == "day":
            d = pub - n * one
            return when_between(text, d, d, "day")
        if unit == "week":
            return when_between(text, *_week(pub - 7 * n * one), "week")
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return when_between(text, *_month_span(y, mo), "month")
        return when_between(text, dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year")
    words = t.split()
    unit = words[-1]
    shift = _RELATIVE_SHIFTS.get(words[0], 0)
    if unit == "weekend":
        # the most recent Saturday-Sunday that started on or before publication
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if shift == 1:
            sat = sat + dt.timedelta(days=7)
        return when_between(text, sat, sat + one, "range")
    if unit == "week":
        return when_between(text, *_week(pub + 7 * shift * one), "week")
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, shift)
        return when_between(text, *_month_span(y, mo), "month")
    if unit == "year":
        y = pub.year + shift
        return when_between(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    return None


def _part(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    mod = re.sub(r"\s+", " ", m.group("mod").lower())
    which = "early" if mod in _PART_WORDS["early"] else "mid" if mod in _PART_WORDS["mid"] else "late"
    target = m.group("m")
    if re.fullmatch(_YEAR, target):
        if m.group("y"):
            return None
        y = int(target)
        bounds = dict(zip(("early", "mid", "late"), THRESHOLDS.year_parts))[which]
        return when_between(text, dt.date(y, *bounds[0]), dt.date(y, *bounds[1]), "range")
    if not _capitalised(target):
        return None
    mo = _month_num(target)
    if m.group("y"):
        y = int(m.group("y"))
    elif pub is None:
        return unresolved(text)
    else:
        y = _year_for_month(mo, pub)
    last = calendar.monthrange(y, mo)[1]
    early, mid, late_from = THRESHOLDS.month_parts
    lo, hi = {"early": early, "mid": mid, "late": (late_from, last)}[which]
    return when_between(text, dt.date(y, mo, lo), dt.date(y, mo, hi), "range")


def _month(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    name = text.split()[-1]
    mod = (m.group("mod") or "").lower()
    # A bare capitalised month needs a preposition or modifier: "May" alone may be a name.
    if not _capitalised(name) or not (mod or m.group("prep")):
        return None
    if name.lower() == "may" and (m.group("prep") or "").lower() in _MAY_NAME_PREPS:
        return None  # "a speech by May": the name, not the month
    if pub is None:
        return unresolved(text)
    mo = _month_num(name)
    if mod == "last":
        y = pub.year if mo < pub.month else pub.year - 1
    elif mod == "next":
        y = pub.year if mo > pub.month else pub.year + 1
    elif mod == "this":
        y = pub.year
    else:
        y = _year_for_month(mo, pub)
    return when_between(text, *_month_span(y, mo), "month")


def resolve_match(kind: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    """The date of one match of expressions.py's pattern of `kind`; None when its words are not a
    date after all (lower-case "may", "the Sunday Times")."""
    text = m.group("x")
    if kind == "range":
        return _range(text, m.group("a"), m.group("b"), pub)
    if kind == "mdrange":
        if not _capitalised(m.group("m")):
            return None
        y = m.group("y") or ""
        return _range(text, f"{m.group('m')} {m.group('d1')}", f"{m.group('m')} {m.group('d2')} {y}".strip(), pub)
    if kind == "weekday_date":
        if not _capitalised(m.group("wd")):
            return None
        parts = _parts(m.group("d"))
        return _single(text, parts, pub) if parts else None
    if kind == "date":
        parts = _parts(text)
        return _single(text, parts, pub) if parts else None
    if kind == "part":
        return _part(text, m, pub)
    if kind == "month":
        return _month(text, m, pub)
    if kind == "year":
        y = int(text)
        return when_between(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if kind == "decade":
        y = int(m.group("dec"))
        return when_between(text, dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "range")
    if kind == "weekday":
        if not _capitalised(m.group("wd")) or _named_day()["after"].match(m.string, m.start("wd")):
            return None
        if _named_day()["before"].search(m.string, 0, m.start("x")):
            return None
        return _weekday(text, _WEEKDAYS[m.group("wd").lower()], m.group("mod"), pub)
    if kind == "relative":
        return _relative(text, m, pub)
    if kind == "wdrange":
        return _weekday_range(text, m.group("a"), m.group("b"), pub)
    if kind == "since":
        return _since_weekday(text, m.group("wd"), pub)
    return None


def _weekday_range(text: str, first: str, last: str, pub: dt.date | None) -> When | None:
    """"between Friday and Sunday": the last day is the most recent such day, the first the one before it."""
    if not (_capitalised(first) and _capitalised(last)):
        return None
    end = _weekday(text, _WEEKDAYS[last.lower()], None, pub)
    if pub is None:
        return end
    stop = dt.date.fromisoformat(end.start)
    start = stop - dt.timedelta(days=(_WEEKDAYS[last.lower()] - _WEEKDAYS[first.lower()]) % 7)
    return when_between(text, start, stop, "range")


def _since_weekday(text: str, day: str, pub: dt.date | None) -> When | None:
    if not _capitalised(day):
        return None
    first = _weekday(text, _WEEKDAYS[day.lower()], None, pub)
    if pub is None:
        return first
    return when_between(text, dt.date.fromisoformat(first.start), pub, "range")
