"""Date expressions in news sentences, resolved against the publication date.

Candidates come from our own regular expressions (fast, and strict about what counts as a
date: capitalised month and weekday names only, so "may" the modal and "a march" are not
dates). dateparser is only asked about whole expressions our rules do not resolve, never
asked to search free text (its search is slow and finds dates in "18 times").

News conventions (documented choices):
- a bare weekday ("on Sunday") is the most recent such day on or before publication;
  "last Sunday" is the most recent one strictly before publication.
- a month without a year is the most recent such month on or before the publication month;
  a day and month without a year takes the publication year unless that lands more than
  THRESHOLDS.future_slack_days after publication, then the year before.
- early/mid/late Month: days 1-10 / 11-20 / 21-end, precision "range".
- with no publication date every relative or under-specified expression is returned with
  precision "unresolved" and no dates; fully specified dates still resolve.
- weekday spells ("between Friday and Sunday", "since Thursday" up to publication) are ranges.
- across sentences (carry_story_days): an event dated only by its report ("said on Monday") takes
  the earlier day its story gives; an undated event takes the day its story set before it; a
  day put first in a sentence ("On 4 May 2022, ...") dates the sentence, not its details.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Sequence

from eventwire.lexicon import pattern, regex, table, word_set
from eventwire.model import Event, When

@dataclass(frozen=True)
class Thresholds:
    """The numbers date resolution decides by, named once."""

    # A day+month without year more than this far after publication is taken as last year's.
    future_slack_days: int = 31
    # How many sentences after an event's own can still carry its story on: details of an
    # incident (its toll, when it started) are often given a paragraph or two after the lead.
    story_sentences: int = 6
    report_lag_days: int = 7  # an earlier day further back than a report's day is another incident's
    report_window: int = 50  # characters before a date where "said on" is looked for
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

_MONTH_FULL = pattern("date_month_full")
_DAY = pattern("date_day")
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


@functools.lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(rx, _F)) for kind, rx in _PATTERNS]


@functools.lru_cache(maxsize=1)
def _side_res() -> list[tuple[str, re.Pattern[str]]]:
    names = ["iso", "numeric", "dmy", "mdy", "my", "dm", "md", "month_full", "year", "day"]
    short = {"month_full": "m", "year": "y", "day": "d"}
    return [(short.get(n, n), regex(f"date_{n}", _F)) for n in names]


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def days_before_published(when: When | None, published: str | None) -> int | None:
    """How many days before publication `when` ended (its start when it has no end); None when
    either is unknown or unreadable."""
    pub = _parse_published(published)
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


def _unresolved(text: str) -> When:
    return When(text=text, start=None, end=None, precision="unresolved")


def _when(text: str, a: dt.date, b: dt.date, precision: str) -> When:
    return When(text=text, start=_iso(a), end=_iso(b), precision=precision)


def _single(text: str, parts: tuple[int | None, int | None, int | None], pub: dt.date | None) -> When | None:
    y, m, d = parts
    if m is None and d is None and y is not None:
        return _when(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if m is None:
        return None
    if y is None:
        if pub is None:
            return _unresolved(text)
        y = _year_for_day(m, d, pub) if d is not None else _year_for_month(m, pub)
    if d is None:
        a, b = _month_span(y, m)
        return _when(text, a, b, "month")
    day = _valid(y, m, d)
    return _when(text, day, day, "day") if day else None


def _span_of(w: When) -> tuple[dt.date, dt.date] | None:
    if w.start is None or w.end is None:
        return None
    return dt.date.fromisoformat(w.start), dt.date.fromisoformat(w.end)


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
        return _when(text, dt.date(ya, 1, 1), dt.date(yb, 12, 31), "range")
    if ma is None or mb is None:
        return None
    if yb is None:
        if ya is not None:
            yb = ya if mb >= ma else ya + 1
        elif pub is None:
            return _unresolved(text)
        else:
            yb = _year_for_day(mb, db, pub) if db is not None else _year_for_month(mb, pub)
    if ya is None:
        ya = yb if ma <= mb else yb - 1
    start = _valid(ya, ma, da or 1)
    end = _valid(yb, mb, db) if db is not None else _month_span(yb, mb)[1]
    if start is None or end is None or end < start:
        return None
    return _when(text, start, end, "range")


def _week(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _weekday(text: str, wd: int, mod: str | None, pub: dt.date | None) -> When:
    if pub is None:
        return _unresolved(text)
    mod = (mod or "").lower()
    back = (pub.weekday() - wd) % 7
    if mod in ("last", "past") and back == 0:
        back = 7
    if mod == "next":
        fwd = (wd - pub.weekday()) % 7 or 7
        day = pub + dt.timedelta(days=fwd)
    else:
        day = pub - dt.timedelta(days=back)
    return _when(text, day, day, "day")


def _relative(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    if pub is None:
        return _unresolved(text)
    t = re.sub(r"\s+", " ", text.lower())
    one = dt.timedelta(days=1)
    if t in _RELATIVE_DAYS:
        day = pub + _RELATIVE_DAYS[t] * one
        return _when(text, day, day, "day")
    if m.group("unit"):
        n_s = m.group("n").lower()
        n = int(n_s) if n_s.isdigit() else _SMALL[n_s]
        unit = m.group("unit").lower()
        if unit == "day":
            d = pub - n * one
            return _when(text, d, d, "day")
        if unit == "week":
            return _when(text, *_week(pub - 7 * n * one), "week")
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return _when(text, *_month_span(y, mo), "month")
        return _when(text, dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year")
    words = t.split()
    unit = words[-1]
    shift = _RELATIVE_SHIFTS.get(words[0], 0)
    if unit == "weekend":
        # the most recent Saturday-Sunday that started on or before publication
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if shift == 1:
            sat = sat + dt.timedelta(days=7)
        return _when(text, sat, sat + one, "range")
    if unit == "week":
        return _when(text, *_week(pub + 7 * shift * one), "week")
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, shift)
        return _when(text, *_month_span(y, mo), "month")
    if unit == "year":
        y = pub.year + shift
        return _when(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
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
        return _when(text, dt.date(y, *bounds[0]), dt.date(y, *bounds[1]), "range")
    if not _capitalised(target):
        return None
    mo = _month_num(target)
    if m.group("y"):
        y = int(m.group("y"))
    elif pub is None:
        return _unresolved(text)
    else:
        y = _year_for_month(mo, pub)
    last = calendar.monthrange(y, mo)[1]
    early, mid, late_from = THRESHOLDS.month_parts
    lo, hi = {"early": early, "mid": mid, "late": (late_from, last)}[which]
    return _when(text, dt.date(y, mo, lo), dt.date(y, mo, hi), "range")


def _month(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    name = text.split()[-1]
    mod = (m.group("mod") or "").lower()
    # A bare capitalised month needs a preposition or modifier: "May" alone may be a name.
    if not _capitalised(name) or not (mod or m.group("prep")):
        return None
    if name.lower() == "may" and (m.group("prep") or "").lower() in _MAY_NAME_PREPS:
        return None  # "a speech by May": the name, not the month
    if pub is None:
        return _unresolved(text)
    mo = _month_num(name)
    if mod == "last":
        y = pub.year if mo < pub.month else pub.year - 1
    elif mod == "next":
        y = pub.year if mo > pub.month else pub.year + 1
    elif mod == "this":
        y = pub.year
    else:
        y = _year_for_month(mo, pub)
    return _when(text, *_month_span(y, mo), "month")


def _resolve_match(kind: str, m: re.Match[str], pub: dt.date | None) -> When | None:
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
        return _when(text, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if kind == "decade":
        y = int(m.group("dec"))
        return _when(text, dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "range")
    if kind == "weekday":
        if not _capitalised(m.group("wd")) or _aux()["after"].match(m.string, m.start("wd")):
            return None
        if _aux()["before"].search(m.string, 0, m.start("x")):
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
    return _when(text, start, stop, "range")


def _since_weekday(text: str, day: str, pub: dt.date | None) -> When | None:
    if not _capitalised(day):
        return None
    first = _weekday(text, _WEEKDAYS[day.lower()], None, pub)
    if pub is None:
        return first
    return _when(text, dt.date.fromisoformat(first.start), pub, "range")


@functools.lru_cache(maxsize=1)
def _aux() -> dict[str, re.Pattern[str]]:
    # Weekdays that are part of a name ("the Sunday Times", "Good Friday"), not a date; and a
    # cheap gate: sentences with none of its words cannot hold a date expression.
    return {"after": regex("named_day_after"), "before": regex("named_day_before"),
            "gate": regex("date_gate", _F)}


# Expressions that name a day of the calendar, with or without its year (not "Tuesday", "last week").
_CALENDAR_KINDS = frozenset({"range", "mdrange", "weekday_date", "date"})


def names_calendar_day(expr: str) -> bool:
    """Whether a date expression names calendar days ("30 September 2015", "between 5 June and
    10 August") rather than days counted from the page's own ("on Monday", "two days ago")."""
    return any(kind in _CALENDAR_KINDS and rx.search(expr) for kind, rx in _compiled())


def find_dates(text: str, published: str | None, *, offset: int = 0) -> list[When]:
    """Every date expression in `text`, resolved against `published` (ISO date or None)."""
    if not text or not _aux()["gate"].search(text):
        return []
    pub = _parse_published(published)
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    # Patterns are tried in priority order; a later pattern never claims characters an
    # earlier, more specific one already matched.
    for kind, rx in _compiled():
        for m in rx.finditer(text):
            s, e = m.span("x")
            if any(s < te and ts < e for ts, te in taken):
                continue
            w = _resolve_match(kind, m, pub)
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
    pub = _parse_published(published)
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
    if not text or not _aux()["gate"].search(text):
        return _unresolved(expr)
    pub = _parse_published(published)
    if pub is None and not re.search(_YEAR, text):
        return _unresolved(text)
    day = _dateparser(text, _iso(pub) if pub else None)
    if day is None or (pub is None and str(day.year) not in text):
        return _unresolved(text)
    return _when(text, day, day, "day")


def story_after(after: int, own: str | None, sentences: Sequence[tuple[int, str]], published: str | None, *,
                aside: re.Pattern[str]) -> list[tuple[int, str, list[When]]]:
    """The sentences (start, text, dates other than `own`, the story's day) after the one at offset
    `after` that tell its story, up to an aside ("Separately, ...") or a sentence set at another time
    ("In February, ...", "On Thursday, rebels ..."): another incident. A detail dated otherwise
    inside a sentence ("they arrived late on Saturday") does not end the story."""
    later = [s for s in sentences if s[0] > after][:THRESHOLDS.story_sentences]
    out: list[tuple[int, str, list[When]]] = []
    for start, text in later:
        other = [d for d in find_dates(text, published, offset=start) if d.start != own]
        if aside.match(text.strip()) or (other and (own is None or any(_new_setting(d, start, text) for d in other))):
            break
        out.append((start, text, other))
    return out


def event_story(ev: Event, sentences: Sequence[tuple[int, str]], published: str | None, *,
                aside: re.Pattern[str]) -> list[tuple[int, str, list[When]]]:
    """story_after the event's own sentence, on the event's day."""
    return story_after(ev.evidence.start, ev.date.start if ev.date else None, sentences, published, aside=aside)


def _new_setting(date: When, sentence_start: int, sentence: str) -> bool:
    """A date that sets a new scene: background (a month, a year) or put first ("On Thursday, ...")."""
    return date.precision != "day" or sets_the_scene(date, sentence, sentence_start)


# What may come before a date put first in its sentence: "On", "Around", "Late on", a "Label: ".
_BEFORE_FRONTED = regex("before_fronted_date", re.I)


def sets_the_scene(date: When, sentence: str, sentence_start: int) -> bool:
    """The date is put first in its sentence ("On 4 May 2022, ...", "Around 13 February 2022 (between
    11 - 17 February), ..."): it sets the time of what the sentence tells, not of a detail in it."""
    if date.span_start is None:
        return False
    return bool(_BEFORE_FRONTED.fullmatch(sentence, 0, date.span_start - sentence_start))


# "..., residents said on Monday": the day the event was reported, not the day it happened.
_REPORT_DAY = regex("report_day_before", re.I)


def carry_story_days(events: Sequence[Event], sentences: Sequence[tuple[int, str]], text: str,
                     published: str | None, *, aside: re.Pattern[str],
                     datelines: Sequence[tuple[int, int]] = ()) -> None:
    """An event dated only by the day it was reported ("Gunmen killed 27 people in overnight raids,
    residents said on Monday") happened on the earlier day its story gives ("The attackers arrived
    late on Saturday"); that day keeps its own text and span. With no such day the report's day
    stands (ACLED codes a statement's events to the statement's day when nothing else is said)."""
    for ev in events:
        day = _earlier_story_day(ev, sentences, published, aside) if _reported_on(ev, text) else None
        if day is not None:
            ev.date = day
    _date_undated_story(events, sentences, published, aside, datelines)


def _date_undated_story(events: Sequence[Event], sentences: Sequence[tuple[int, str]], published: str | None,
                        aside: re.Pattern[str], datelines: Sequence[tuple[int, int]]) -> None:
    """An undated event in the story of an earlier sentence that set a day ("On 14 March, drivers
    blocked streets. The protesters denounced fuel prices."; the paragraph after the lead) happened
    then, even when that sentence reported no event; the date keeps its own text and span."""
    for ev in events:
        setting = None if ev.date else _setting_before(ev.evidence.start, events, sentences, published, datelines)
        if setting is None:
            continue
        start, day = setting
        if any(s <= ev.evidence.start < s + len(t) and not other
               for s, t, other in story_after(start, day.start, sentences, published, aside=aside)):
            ev.date = day


def _setting_before(pos: int, events: Sequence[Event], sentences: Sequence[tuple[int, str]], published: str | None,
                    datelines: Sequence[tuple[int, int]]) -> tuple[int, When] | None:
    """(start, date) of the nearest earlier dated sentence, if it sets a day, week or range: its event's
    date, else its first date that is not a dateline's (when the story was filed)."""
    for start, text in reversed([s for s in sentences if s[0] < pos][-THRESHOLDS.story_sentences:]):
        dated = [e.date for e in events if e.evidence.start == start and e.date is not None]
        found = dated or [d for d in find_dates(text, published, offset=start)
                          if not any(a <= (d.span_start or -1) < b for a, b in datelines)]
        if found:
            return (start, found[0]) if found[0].precision in {"day", "week", "range"} else None
    return None


def _reported_on(ev: Event, text: str) -> bool:
    span = ev.date.span_start if ev.date else None
    return span is not None and ev.date.precision == "day" and bool(_REPORT_DAY.search(text, max(0, span - THRESHOLDS.report_window), span))


def _earlier_story_day(ev: Event, sentences: Sequence[tuple[int, str]], published: str | None,
                       aside: re.Pattern[str]) -> When | None:
    reported = dt.date.fromisoformat(ev.date.start)
    for _, _, other in event_story(ev, sentences, published, aside=aside):
        for d in other:
            if d.precision == "day" and 0 < (reported - dt.date.fromisoformat(d.start)).days <= THRESHOLDS.report_lag_days:
                return d
    return None
