"""Story days across sentences: which sentences after an event's tell its story, and the day an
event takes from its story (carry_story_days) when its own sentence dates only the report, or
nothing at all."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from eventwire.lexicon import regex
from eventwire.model import Event, When

from .expressions import find_dates


@dataclass(frozen=True)
class Thresholds:
    """The numbers story days are carried by, named once."""

    # How many sentences after an event's own can still carry its story on: details of an
    # incident (its toll, when it started) are often given a paragraph or two after the lead.
    story_sentences: int = 6
    report_lag_days: int = 7  # an earlier day further back than a report's day is another incident's
    report_window: int = 50  # characters before a date where "said on" is looked for


THRESHOLDS = Thresholds()


def story_after(after: int, own: str | None, sentences: Sequence[tuple[int, str]], published: str | None, *,
                aside: re.Pattern[str]) -> list[tuple[int, str, list[When]]]:
    """The sentences (start, text, dates other than `own`, the story's day) after the one at offset
    `after` that tell its story, up to an aside ("Separately, ...") or a sentence set at another time
    ("In February, ...", "On Thursday, rebels ..."): another incident. A detail dated otherwise
    inside a sentence ("they arrived late on Saturday") does not end the story. `sentences` are in
    text order (the document's), so the ones after `after` are found by bisection."""
    first = bisect_right(sentences, after, key=lambda s: s[0])
    later = sentences[first:first + THRESHOLDS.story_sentences]
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
