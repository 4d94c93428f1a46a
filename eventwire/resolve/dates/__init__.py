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
  anchor.THRESHOLDS.future_slack_days after publication, then the year before.
- early/mid/late Month: days 1-10 / 11-20 / 21-end, precision "range".
- with no publication date every relative or under-specified expression is returned with
  precision "unresolved" and no dates; fully specified dates still resolve.
- weekday spells ("between Friday and Sunday", "since Thursday" up to publication) are ranges.
- across sentences (carry_story_days): an event dated only by its report ("said on Monday") takes
  the earlier day its story gives; an undated event takes the day its story set before it; a
  day put first in a sentence ("On 4 May 2022, ...") dates the sentence, not its details.
- a holiday ("New Year's Day", "on Christmas"; holidays.py) is the most recent such day, with
  the same slack as a day and month without a year; a bare name needs "on" or a time of day.
- read with the page (bind_weekdays): a bare weekday is the day the page names in full with that
  weekday ("Monday, May 23"), when it names one such day before publication.

The package, one job a module: expressions.py finds the expressions (and resolves a whole one,
`resolve_date`); anchor.py resolves one against the publication date; holidays.py resolves a holiday's
name; story_days.py carries the story's day across sentences; page_weekdays.py reads a bare weekday with the page's full dates.
"""
from __future__ import annotations

from .anchor import days_before_published
from .expressions import find_dates, names_calendar_day, resolve_date
from .page_weekdays import bind_weekdays
from .story_days import carry_story_days, event_story, sets_the_scene

__all__ = ["bind_weekdays", "carry_story_days", "days_before_published", "event_story", "find_dates", "names_calendar_day",
           "resolve_date", "sets_the_scene"]
