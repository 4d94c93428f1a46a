"""Mentions of one event within a page, and the one record they become.

A story tells its incident in the headline, again in the lead, and again when it gives the toll
or the place: each sentence yields an event mention. Mentions of one kind (the three types of
armed violence count as one) whose place and time do not clash are one event; the record keeps
every mention's evidence.
"""
from __future__ import annotations

from typing import Sequence

from ..geo import haversine_km
from ..model import Event, Place, When
from ..resolve.dates import names_calendar_day
from .casualties import merge_tolls

# Two resolved points further apart than this are two scenes (two towns 12 km apart struck on one
# day are two events); a neighbourhood and its town, or a town and the point named in it, are one.
SAME_PLACE_KM = 10.0
HEADLINE_PLACE_KM = 60.0
_RANK = {"point": 0, "city": 0, "admin2": 1, "admin1": 2, "country": 3}


# One armed incident is often typed two ways by its sentences ("a shooting" a clash, "killed a man"
# an attack on civilians): the kinds of armed violence are one kind for telling mentions apart.
ARMED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


# Strategic developments' sub-types are different happenings (an agreement, a base set up, an
# arrest), not one happening typed two ways.
DISTINCT_SUBTYPES = frozenset({"Strategic developments"})


def _kind(ev: Event) -> tuple[str | None, str]:
    if ev.event_type in DISTINCT_SUBTYPES:
        return (ev.event_type, ev.sub_event_type or "")
    if ev.event_type:
        return ("armed" if ev.event_type in ARMED_TYPES else ev.event_type, "")
    return (None, ev.plover_type)


def same_place(p: Place | None, q: Place | None) -> bool:
    """No clash between two places: one is unknown, one holds the other, or they are one scene."""
    if p is None or q is None or p.latitude is None or q.latitude is None:
        return True
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    coarse = max((p, q), key=lambda x: _RANK.get(x.precision or "country", 3))
    if _RANK.get(coarse.precision or "country", 3) == 3:
        return True  # a country holds any place of its own
    if coarse.precision == "admin1":
        other = q if coarse is p else p
        return not other.admin1 or not coarse.admin1 or other.admin1 == coarse.admin1 or other.name == coarse.name
    km = haversine_km(p.latitude, p.longitude, q.latitude, q.longitude)
    return km is not None and km <= SAME_PLACE_KM


def same_time(a: When | None, b: When | None) -> bool:
    """No clash between two dates: one is unknown, or their spans overlap. Two different
    expressions that could not be placed ("Sunday", "Tuesday" on a page without a date) clash."""
    if a is not None and b is not None and not a.start and not b.start and a.text and b.text:
        return a.text.strip().lower() == b.text.strip().lower()
    if a is None or b is None or not a.start or not b.start:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def calendar_dated(ev: Event) -> bool:
    """Its own sentence names the calendar days it happened on ("on 30 September 2015")."""
    d = ev.date
    return (d is not None and bool(d.start) and d.span_start is not None
            and ev.evidence.start <= d.span_start < ev.evidence.end and names_calendar_day(d.text))


def compatible(a: Event, b: Event, headline_end: int = -1) -> bool:
    if _kind(a) != _kind(b) or not same_time(a.date, b.date):
        return False
    if a.event_type is None and _other_source(a, b):
        return False  # a PLOVER event is its source's act (CAMEO's who-did-what): two sources, two events
    in_headline = min(a.evidence.end, b.evidence.end) <= headline_end
    if not in_headline and any(calendar_dated(x) and (y.date is None or not y.date.start)
                               for x, y in ((a, b), (b, a))):
        return False  # a day named in full is told apart from a sentence that gives none
    if in_headline:
        # a headline names the story's scene loosely ("warplanes pound Idlib town" for a town of
        # Idlib province): it tells the lead's event when the places are in one region
        km = _km(a.location, b.location)
        return km is None or km <= HEADLINE_PLACE_KM or same_place(a.location, b.location)
    return same_place(a.location, b.location)


def _other_source(a: Event, b: Event) -> bool:
    return (a.actor1 is not None and b.actor1 is not None and bool(a.actor1.name) and bool(b.actor1.name)
            and a.actor1.name != b.actor1.name)


def _km(p: Place | None, q: Place | None) -> float | None:
    if p is None or q is None:
        return None
    return haversine_km(p.latitude, p.longitude, q.latitude, q.longitude)


def group(events: Sequence[Event], headline_end: int = -1) -> list[list[int]]:
    """Indices of the mentions of each event, in text order: a mention joins the first earlier
    event whose every mention it agrees with, or starts a new one. `headline_end`: where the
    page's headline line ends (-1: no headline)."""
    # compatible() reads only a mention's traits, so a mention is held against one member of a
    # group for each of the group's traits, and each pair of traits is judged once; and only
    # against groups of its kind, the only ones it can join. The same groups as holding every
    # mention against every member of every group, in work linear in a page that repeats its
    # paragraphs (issue 11).
    traits = [_traits(ev, headline_end) for ev in events]
    first: dict[tuple, int] = {}  # traits -> the first mention with them, which stands for all
    judged: dict[tuple[int, int], bool] = {}
    groups: list[list[int]] = []
    told: list[set[int]] = []  # per group: the mentions that stand for its members' traits
    of_kind: dict[tuple[str | None, str], list[int]] = {}  # kind -> its groups, in order
    for i, ev in sorted(enumerate(events), key=lambda x: x[1].evidence.start):
        me = first.setdefault(traits[i], i)

        def agrees(j: int) -> bool:
            if (me, j) not in judged:
                judged[(me, j)] = compatible(events[me], events[j], headline_end)
            return judged[(me, j)]

        mine = of_kind.setdefault(_kind(ev), [])
        home = next((g for g in mine if all(agrees(j) for j in told[g])), None)
        if home is None:
            mine.append(len(groups))
            groups.append([i])
            told.append({me})
        else:
            groups[home].append(i)
            told[home].add(me)
    return groups


def _traits(ev: Event, headline_end: int) -> tuple:
    """All that compatible() reads of a mention: two mentions with the same traits agree with the
    same mentions."""
    d, p, a = ev.date, ev.location, ev.actor1
    return (_kind(ev), ev.event_type is None, ev.evidence.end <= headline_end, calendar_dated(ev),
            None if d is None else (d.text, d.start, d.end),
            None if a is None else a.name,
            None if p is None else (p.latitude, p.longitude, p.geonameid, p.country, p.precision, p.admin1, p.name))


def _finer(p: Place | None, q: Place | None) -> bool:
    if q is None or q.latitude is None:
        return False
    if p is None or p.latitude is None:
        return True
    return _RANK.get(q.precision or "country", 3) < _RANK.get(p.precision or "country", 3)


_SHARP = {"day": 0, "range": 1, "week": 1, "month": 2, "year": 3, "unresolved": 4}


def collapse(members: Sequence[Event], headline_end: int = -1) -> Event:
    """One record for the mentions of one event, `members` surest first: the surest mention's
    record, with the finest place, the sharpest day, the actors that other mentions add, the
    toll of all mentions (casualties.merge_tolls: the largest count, a figure told as the toll first), and
    the evidence of all of them. A headline's place yields to the body's as fine."""
    ev = members[0]
    loose = ev.evidence.end <= headline_end
    for other in members[1:]:
        body_place = loose and other.evidence.end > headline_end and other.location is not None \
            and other.location.latitude is not None and not _finer(other.location, ev.location)
        if _finer(ev.location, other.location) or body_place:
            ev.location = other.location
            loose = False
        if other.date is not None and other.date.start and (
                ev.date is None or _SHARP.get(other.date.precision, 4) < _SHARP.get(ev.date.precision, 4)):
            ev.date = other.date
        ev.actor1 = ev.actor1 or other.actor1
        ev.actor2 = ev.actor2 or other.actor2
        ev.fatalities = merge_tolls(ev.fatalities, other.fatalities)
        ev.civilian_targeting = ev.civilian_targeting or other.civilian_targeting
    told = {(e.start, e.end): e for m in members for e in (m.evidence, *m.evidence_spans)}
    ev.evidence_spans = sorted(told.values(), key=lambda e: e.start)
    return ev
