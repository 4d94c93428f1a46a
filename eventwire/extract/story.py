"""The document's main event completes what its own sentence left out from the story's other
reports of the same violence.

A local report tells one incident in pieces: the headline says "fatal shooting in Hammond",
the lead says when, the third paragraph where and who died. Sentence by sentence each event
holds only its own piece, and the main one (the most confident) often lacks the place, the
day or the toll that its neighbours carry. Measured on the shooting reports of
`../shared/train/gva` (fit split, eval/gva.py), the main event's place, day and dead were
each found on another violent event of the same report in 7-11% of reports where its own
slot was empty or coarse.

The place and day of a violent main event are the page's, chosen by two models fitted on those
reports over every town and day the page tells (story_place.py, story_day.py): the main
sentence's own town is often the outlet's or the hospital's, its day the day police spoke.
Otherwise only empty slots are filled (and a place no finer than a province), except the toll,
which rises to the largest the story gives for its incident (story_toll.py: the main sentence
often names one of the dead, another counts them all); an explicit "no one was killed" stays 0.
A follow-up's main record (an arrest, a charge, a reward) keeps no dead of its own, as ACLED codes
it, though its sentence names the killing it follows.
A main event of any type that the page places nowhere takes the story's town when the outlet
is known (a local report's arrest or vigil is in the town of its shooting).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import string
from dataclasses import dataclass
from typing import Sequence

from .events import _ASIDE, LETHAL_SUBS, VIOLENT_TYPES, _undateline
from .casualties import merge_tolls
from .mentions import calendar_dated
from .story_day import incident_day
from .story_place import FINE_PLACE, incident_place
from .story_toll import story_toll
from ..geo import haversine_km
from ..geo.outlets import Outlet, outlet_of_page
from ..lexicon import regex, table
from ..model import Document, Event, Place, When
from ..resolve.dates import bind_weekdays, find_dates
from ..salience import main_event

DAY = {"day"}  # a week or a month from elsewhere is no better than none
_WEEKDAY_NAMES = {name.capitalize() for name in table("weekday_numbers")}  # a bare weekday, as written
SPAN = {"range", "week"}  # days a sentence tells as a span


@dataclass(frozen=True)
class Thresholds:
    """Every number the story completion decides by, named once."""

    same_place_km: float = 50.0  # two violent events further apart than this are two incidents
    lead_within_days: int = 7  # the lead's day lies at most this far before publication (else a follow-up)
    lead_chars: int = 2500  # how much of the body below the headline the lead may take
    before_date_chars: int = 40  # how far before a date its stamp or "said" is looked for
    before_place_chars: int = 60  # how far before a place "50 kilometres south of" is looked for
    # The story models were fitted on local outlets' reports: on a page from an outlet the outlet
    # table does not know they decide only this sure (else the main sentence and the rules below).
    # Above any probability, so never: at 0.5 they moved international wire reports to the town
    # a spokesman spoke in (held-out team incidents B-cubed 0.944 -> 0.868) and ACLED notes
    # gained only 0.006 of places within 25 km.
    unknown_outlet_sure: float = 1.01


THRESHOLDS = Thresholds()


def complete_main_event(doc: Document, sentences: Sequence[tuple[int, str]] = ()) -> Event | None:
    """A violent main event (eventwire.main_event) takes the place and day the story models choose
    from the whole page (story_place.py, story_day.py); what is still missing is filled from the
    report's other violent events, most confident first; a place from the dateline's town; a day,
    or one that is only a page stamp or the day something was said, from the lead's day; a lethal
    event's toll from the largest the story's `sentences` (start offset, text) give. Returns the
    main event."""
    main = main_event(doc)
    if main is None:
        return None
    text, published = doc.text, doc.published
    outlet = outlet_of_page(doc.source, doc.url)
    dateline = dateline_place(text, (outlet.country, outlet.admin1) if outlet else None)
    if main.event_type in VIOLENT_TYPES:  # the report's incident: where and when the page tells it
        _story_place(main, doc, sentences, dateline, outlet)
        _story_day(main, doc, sentences, outlet)
    pool = sorted((e for e in doc.events if e is not main and e.event_type in VIOLENT_TYPES
                   and _same_incident(main, e)),
                  key=lambda e: (e.confidence, -e.evidence.start), reverse=True)
    if main.location is None or main.location.precision not in FINE_PLACE:
        main.location = next((e.location for e in pool if e.location is not None
                              and e.location.precision in FINE_PLACE and not _reference_point(e.location, text)),
                             main.location)
    if main.location is None or main.location.precision not in FINE_PLACE:
        main.location = dateline or main.location
    if main.location is None or main.location.precision not in FINE_PLACE:
        _unplaced_story_place(main, doc, sentences, outlet)
    if main.date is None or main.date.start is None:
        main.date = next((e.date for e in pool if e.date is not None and e.date.start
                          and e.date.precision in DAY), main.date)
    if main.date is None or main.date.start is None or told_or_stamped(main.date, text):
        main.date = lead_day(text, published) or main.date
    if main.date is not None and main.date.precision in DAY and main.date.text in _WEEKDAY_NAMES:
        main.date = bind_weekdays([main.date], published, page=find_dates(text, published),
                                  stamp=lambda w: stamped(w, text))[0]
    lethal = main.event_type in VIOLENT_TYPES or main.sub_event_type in LETHAL_SUBS
    if lethal and (main.fatalities is None or main.fatalities.best is None):
        main.fatalities = next((e.fatalities for e in pool if e.fatalities is not None
                                and e.fatalities.best), main.fatalities)
    if lethal and sentences:
        main.fatalities = merge_tolls(main.fatalities, story_toll(main, sentences, published, aside=_ASIDE))
    return main


def _story_place(main: Event, doc: Document, sentences: Sequence[tuple[int, str]], dateline: Place | None,
                 outlet: Outlet | None) -> None:
    """The place the page tells the incident at (story_place.py), over the main sentence's own:
    on the training reports the model's choice was right more often than the main sentence's
    place even where that sentence had one (a headline's town is often the outlet's)."""
    place, p = incident_place(doc, sentences, dateline, outlet)
    if place is not None and (outlet is not None or p >= THRESHOLDS.unknown_outlet_sure):
        main.location = place


def _unplaced_story_place(main: Event, doc: Document, sentences: Sequence[tuple[int, str]],
                          outlet: Outlet | None) -> None:
    """A local report's main event of any type that the page places nowhere (or only in a
    state) happened in the story's town (story_place.py), when the outlet is known: the model
    reads its cues with the outlet's. Without one, filling the place moved the team's
    multi-source reports between incidents (incidents B-cubed 0.953 -> 0.930), so it stays empty.
    A coarse place of the main sentence stays unless the town lies inside it."""
    if outlet is None:
        return
    place, _ = incident_place(doc, sentences, None, outlet)
    if place is None:
        return
    own = main.location
    if own is not None and ((own.country and own.country != place.country)
                            or (own.admin1 and own.admin1 != place.admin1)):
        return
    main.location = place


def _story_day(main: Event, doc: Document, sentences: Sequence[tuple[int, str]], outlet: Outlet | None) -> None:
    """The day the page tells the incident on (story_day.py), over the main sentence's own day.
    Two own days stay: a span ("between Friday and Sunday", "last week"; the model picks days),
    unless the chosen day is told inside it ("over the weekend" and "late Saturday"; "early July" and
    "the July 9 shooting": the day tells the span more finely), and a calendar day named in the
    sentence itself ("On 30 June 2022, ..."), not as the day something was said: the model, fitted
    on local reports that rarely write one, moved such days to another day the page names in 4 of
    800 ACLED training notes and fixed none."""
    span = main.date if main.date is not None and main.date.start and main.date.precision in SPAN else None
    if span is None and calendar_dated(main) and not told_or_stamped(main.date, doc.text):
        return
    day, p = incident_day(doc, sentences)
    if day is None or (outlet is None and p < THRESHOLDS.unknown_outlet_sure):
        return
    if span is None or (day.span_start is not None and span.start <= day.start <= (span.end or span.start)):
        main.date = day  # a span gives way only to a day the page tells, not to the untold page's stamp


def _reference_point(place: Place, text: str) -> bool:
    """A place named only to say where the scene lies: "50 kilometres south of Quetta"."""
    before = text[max(0, place.start - THRESHOLDS.before_place_chars):place.start]
    return bool(_rx("story_reference_before").search(before))


def _same_incident(main: Event, other: Event) -> bool:
    """Nothing says `other` is another incident: not an aside ("Separately, ...", "a separate
    roadside bomb"), not on another day, not in another town."""
    sentence = _undateline(other.evidence.sentence)
    if _ASIDE.match(sentence) or _rx("story_other_incident").search(sentence):
        return False
    if main.date is not None and other.date is not None and main.date.start and other.date.start \
            and (main.date.start, main.date.end) != (other.date.start, other.date.end):
        return False
    a, b = main.location, other.location
    if a is not None and b is not None and a.precision in FINE_PLACE and b.precision in FINE_PLACE:
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
        if km is not None and km > THRESHOLDS.same_place_km:
            return False
    return True


def dateline_place(text: str, home: tuple[str, str | None] | None = None) -> Place | None:
    """The town a dateline files the story from, read through the gazetteer with its state as
    the hint (and the outlet's `home` region, geo/outlets.py). Local news is filed from the town
    it reports on (or its metro), so this is the incident's place when no sentence told a finer one."""
    from ..geo.places import resolve_places
    from .events import THRESHOLDS as EVENTS, dateline_spans

    for start, end in dateline_spans(text[:EVENTS.dateline_within]):
        m = _rx("story_dateline_town").match(text, start, end)
        if m is None:
            continue
        town = string.capwords(m.group(1).strip(" .-"))
        hinted = f"{town}, {m.group(2)}" if m.group(2) else town
        place = resolve_places([(town, 0, len(town))], hinted, home=home)[0]
        if place.latitude is not None and place.precision in FINE_PLACE:
            return dataclasses.replace(place, text=m.group(1), start=m.start(1), end=m.end(1))
    return None


@functools.lru_cache(maxsize=None)
def _rx(name: str) -> re.Pattern[str]:
    return regex(name, 0 if name == "story_dateline_town" else re.I)


def lead_day(text: str, published: str | None) -> When | None:
    """The incident's day as the lead tells it: the first day-precise date below the headline,
    at most `lead_within_days` before publication, that is not a page stamp or the day something was
    said, charged or released. Reports are written lead first: the first day told is the
    incident's."""
    if not published:
        return None
    from .events import dateline_spans

    pub = dt.date.fromisoformat(published[:10])
    body = text.find("\n") + 1
    # a dateline tells when the story was filed, not when the incident happened
    filed = dateline_spans(text[:body + THRESHOLDS.lead_chars])
    for when in find_dates(text[body:body + THRESHOLDS.lead_chars], published, offset=body):
        if when.precision != "day" or not when.start or when.span_start is None:
            continue
        if told_or_stamped(when, text) or any(a <= when.span_start < b for a, b in filed):
            continue
        if 0 <= (pub - dt.date.fromisoformat(when.start)).days <= THRESHOLDS.lead_within_days:
            return when
    return None


def told_or_stamped(when: When, text: str) -> bool:
    """A page stamp ("Posted: Monday, June 22") or the day something was said or done about the
    incident ("police said Saturday", "was charged Wednesday"), not the incident's day."""
    return _before_date(when, text, "story_stamp_before") or _before_date(when, text, "story_told_before")


def stamped(when: When, text: str) -> bool:
    """A page stamp ("Posted: Monday, June 22", "(Published Friday, July 31)"): when the page was written."""
    return _before_date(when, text, "story_stamp_before")


def _before_date(when: When, text: str, pattern: str) -> bool:
    if when.span_start is None:
        return False
    return bool(_rx(pattern).search(text[max(0, when.span_start - THRESHOLDS.before_date_chars):when.span_start]))
