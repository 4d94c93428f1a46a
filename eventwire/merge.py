"""Cross-source merging: many reports of one incident -> one `Incident` with every source.

Three steps, each cheap enough for a store of 100k events:

1. Candidates by blocking. Every report is indexed under keys made of its event-type family,
   a 3-day date bucket and a place key whose grain follows the place's precision (a ~1 degree
   grid cell for towns, the admin1 for provinces, the country for country-level places). A
   report only meets the reports it shares a key with, so the work grows with n log n (the
   sort of the candidate pairs), never with all pairs.
2. A scored decision per candidate pair: agreement of place, date, type, actors and toll, plus
   the similarity of the two evidence sentences (MiniLM embeddings, or word overlap).
   Within one article, a sentence without its own place or date elaborates the article's
   lead report of the same family (`_elaborations`); an unplaced event takes the country
   its article is about, and a sentence that says neither where nor when takes the place
   and day of the article's lead story and goes with it whatever its type
   (`_fill_from_story`). Related types (a riot / a mob attack) meet only when both reports
   pin the happening to one town and day; two articles that nearly match on several of
   their reports are taken to tell one story (`_supported`).
3. Union-find over the pairs, best pair first, where a merge is refused when the merged
   cluster would span more than a town, more than a few days, two countries or two
   provinces. That stops a vague "across Kenya" report from chaining the Nairobi and Kisumu
   marches of the same day into one incident. Last, a vague cluster (no town or no day)
   joins a cluster it nearly matches when that is its only near match.

Syndicated copies of one wire story (near-identical text on several sites) are found among
the documents whose events are candidates (MinHash over word shingles) and count as ONE
source when grading corroboration and choosing the conservative toll.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from .geo import haversine_km
from .model import Evidence, Incident, Place, SourceReport

# Event types that describe one kind of happening as seen by different outlets: one outlet's
# "air strike" is another's "attack on civilians", so blocking is by family, and the exact
# type only adds to the score.
_FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}
_PLOVER_FAMILY = {"ASSAULT": "violence", "FIGHT": "violence", "PROTEST": "demonstration"}

# Types one happening may be told as: a riot is a "mob attack" to one outlet and "clashes" to
# another; police beating marchers is a protest or an attack on civilians. Such reports meet
# only when both pin it to one town and day (`_pinned`).
RELATED_TYPES = frozenset({
    frozenset({"Riots", "Violence against civilians"}),
    frozenset({"Riots", "Battles"}),
    frozenset({"Protests", "Violence against civilians"}),
})
_RELATED = frozenset(t for pair in RELATED_TYPES for t in pair)
CROSS_FAMILY_KM = 10.0
CROSS_FAMILY_EXTRA = 0.1

_FINE = {"point", "city", "admin2"}
BUCKET_DAYS = 3
MAX_KM = 25.0  # two town-level places further apart are different incidents
CLUSTER_MAX_KM = 35.0  # the span of all town-level places of one incident
MAX_DAY_GAP = 2  # reports of one incident disagree on its day by at most this much
CLUSTER_MAX_DAYS = 2
RECENT_DAYS = 2  # an undated report most likely tells of a day this close before publication
WEAK_DATE_BEFORE = 10  # an undated report is about something in the days before publication
MAX_UNDATED_BLOCK = 200  # an undated report among more candidates than this is too ambiguous
THRESHOLD = 0.6
WEAK_EXTRA = 0.15  # an undated or unplaced report needs this much more evidence
SYNDICATED_JACCARD = 0.6
UNAMBIGUOUS_MARGIN = 0.15  # how far below the threshold a vague cluster's only match may be
ELABORATION = 1.5  # above any cross-document pair: the score of a same-document elaboration (see _elaborations)
SHINGLE = 4
DOC_SUPPORT = 2  # distinct reports of each article that nearly match the other's
COPY_CONTAINED = 0.9  # share of the shorter sentence's words in the longer: one wire sentence, edited
COPY_MIN_WORDS = 6
STORY_MAX_AGE = 14  # days before publication: a lead report older than this is background
STORY_DAYS_BEFORE = 1  # a sentence without a date may tell of the day before the lead's
HINT_KM = 15.0  # a country-level report hinted at a town (see _hint_towns) agrees with reports this close
HINT_SCORE = 0.2  # between a province (0.15) and a town (0.3+) of its own
STORY_UNION = 1.3  # a report that took both its place and day from its article's lead: part of that story

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    "the a an and or of in on at to for from by with as is was were are be been has have had "
    "that this it its their his her they he she said says say after before when which who "
    "about into over than more most least at also but not no".split()
)
_SELF_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|the\s+(?:attack|bombing|strike|killing))|"
    r"\b(?:its|our)\s+(?:own\s+)?(?:jets|warplanes|aircraft|planes|forces|troops|fighters|"
    r"drones|units|soldiers|artillery|navy|air\s+force|militants|men)\b",
    re.IGNORECASE,
)


# -- the records merge works on ------------------------------------------------------------

def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


def _day(value: Any) -> int | None:
    """An ISO date (or its first 10 characters) as a day ordinal."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _iso(day: int | None) -> str | None:
    return None if day is None else datetime.date.fromordinal(day).isoformat()


@dataclass(slots=True)
class _Rec:
    """One report (one event of one document), flattened for merging."""

    event_id: str
    doc_id: str
    outlet: str
    event: Any
    doc: Any
    family: str
    event_type: str | None
    sub: str | None
    plover: str
    confidence: float
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    place_name: str | None
    place_rank: int  # 0 town or finer, 1 admin1, 2 country, 3 none
    d0: int | None
    d1: int | None
    date_kind: str  # day | span | weak | story | none
    actor1: str | None
    actors: frozenset[str]
    fat_best: int | None
    fat_low: int | None
    fat_high: int | None
    attribution: str | None
    sentence: str
    start: int = 0  # of the evidence in its document: the lead comes first
    norm_sentence: str = ""
    words: frozenset[str] = field(default_factory=frozenset)
    place_inferred: bool = False  # the place is the document's or its story's, not the event's own
    published: int | None = None
    hint: tuple[float, float] | None = None  # the one town its article names, for a country-level report
    district: bool = False  # the place is a district (admin2), a name many cities share


def _outlet(doc: Any, doc_id: str) -> str:
    source = _get(doc, "source") or _get(doc, "document_source")
    if source:
        return str(source)
    url = _get(doc, "url") or _get(doc, "document_url")
    if url:
        host = urlparse(str(url)).netloc.lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    return doc_id


def _family(event_type: str | None, plover: str | None) -> str:
    if event_type:
        return _FAMILY.get(event_type, event_type)
    return _PLOVER_FAMILY.get(plover or "OTHER", plover or "OTHER")


def _place_fields(loc: Any) -> tuple[float | None, float | None, str | None, str | None, str | None, int]:
    if loc is None:
        return None, None, None, None, None, 3
    lat, lon = _get(loc, "latitude"), _get(loc, "longitude")
    country, admin1 = _get(loc, "country"), _get(loc, "admin1")
    name = _get(loc, "name") or _get(loc, "text")
    precision = _get(loc, "precision")
    if precision in _FINE and lat is not None and lon is not None:
        rank = 0
    elif precision in _FINE | {"admin1"} and country and admin1:
        rank = 1
    elif country and precision in _FINE | {"admin1", "country"}:
        rank = 2
    else:
        rank = 3  # continent, region, unresolved
    if rank > 0:
        lat = lon = None
    return lat, lon, country, admin1, name, rank


def _date_fields(date: Any, published: int | None) -> tuple[int | None, int | None, str]:
    precision = _get(date, "precision")
    d0, d1 = _day(_get(date, "start")), _day(_get(date, "end"))
    if d0 is None and d1 is not None:
        d0 = d1
    if d1 is None and d0 is not None:
        d1 = d0
    if d0 is not None and precision != "unresolved":
        if d1 < d0:
            d0, d1 = d1, d0
        return d0, d1, ("day" if precision == "day" or d0 == d1 else "span")
    if published is not None:
        # No date in the sentence: the report is about the days before it was published.
        return published - WEAK_DATE_BEFORE, published + 1, "weak"
    return None, None, "none"


def _words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(sentence))
                     if len(w) > 2 and w not in _STOP)


def _record(doc: Any, event: Any) -> _Rec | None:
    doc_id = _get(doc, "id") or _get(event, "document_id")
    event_id = _get(event, "id")
    if not doc_id or not event_id:
        return None
    published = _day(_get(doc, "published") or _get(event, "document_published"))
    lat, lon, country, admin1, place_name, rank = _place_fields(_get(event, "location"))
    d0, d1, date_kind = _date_fields(_get(event, "date"), published)
    a1, a2 = _get(event, "actor1"), _get(event, "actor2")
    names = frozenset(n for n in (_get(a1, "name"), _get(a2, "name")) if n)
    fat = _get(event, "fatalities")
    best = _get(fat, "best")
    low, high = _get(fat, "low"), _get(fat, "high")
    evidence = _get(event, "evidence")
    sentence = _get(evidence, "sentence") or ""
    event_type, plover = _get(event, "event_type"), _get(event, "plover_type") or "OTHER"
    return _Rec(
        event_id=str(event_id), doc_id=str(doc_id), outlet=_outlet(doc, str(doc_id)),
        event=event, doc=doc, family=_family(event_type, plover), event_type=event_type,
        sub=_get(event, "sub_event_type"), plover=plover,
        confidence=float(_get(event, "confidence") or 0.0),
        lat=lat, lon=lon, country=country, admin1=admin1, place_name=place_name, place_rank=rank,
        district=_get(_get(event, "location"), "precision") == "admin2",
        d0=d0, d1=d1, date_kind=date_kind, actor1=_get(a1, "name"), actors=names,
        fat_best=best, fat_low=low if low is not None else best, fat_high=high if high is not None else best,
        attribution=_get(_get(event, "attribution"), "source"), sentence=sentence,
        start=int(_get(evidence, "start") or 0), words=_words(sentence),
        norm_sentence=" ".join(sentence.lower().split()), published=published,
    )


def _infer_countries(recs: Sequence[_Rec], document_of: Callable[[str], Any] | None) -> None:
    """An event placed nowhere happened in the country its document is about: the country of
    most of the document's placed events, else of the places the document names (the first
    named, usually the dateline, breaks ties). It still allows country-level matches."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in recs:
        if r.country and r.place_rank < 3:
            votes[r.doc_id][r.country] += 2 if r.place_rank < 2 else 1
    docs = {r.doc_id: r.doc for r in recs}
    for r in recs:
        if r.place_rank != 3 or r.country:
            continue
        country = _top(votes[r.doc_id]) if votes[r.doc_id] else None
        if country is None and not votes[r.doc_id]:
            country = _document_country(docs[r.doc_id], r.doc_id, document_of)
        if country:
            r.country, r.place_rank, r.place_inferred = country, 2, True


def _background(r: _Rec) -> bool:
    """A report dated well before its article was published tells of the past."""
    return (r.date_kind in ("day", "span") and r.published is not None
            and r.d1 < r.published - STORY_MAX_AGE)


def _story_leads(members: Sequence[_Rec]) -> tuple[_Rec | None, _Rec | None]:
    """The report that says where the article's story is (its first with a place of its own at
    province grain or finer) and the one that says when (its first with a recent day, at that
    place or at none), in text order. Background reports lead nothing."""
    where = next((r for r in members if r.place_rank <= 1 and not r.place_inferred
                  and not _background(r)), None)
    when = next((r for r in members if r.date_kind == "day" and not _background(r) and (
        where is None or r.place_rank == 3 or r.place_inferred or _geo_score(where, r) is not None)), None)
    return where, when


def _document_town(doc: Any, doc_id: str, document_of: Callable[[str], Any] | None
                   ) -> tuple[str, float, float] | None:
    """(country, lat, lon) of the one town the article names (every town-level place it
    names within a few km of the first), else None."""
    places = _get(doc, "places")
    if places is None and document_of is not None:
        places = _get(document_of(doc_id), "places")
    towns = [(_get(p, "country"), _get(p, "latitude"), _get(p, "longitude")) for p in places or []
             if _get(p, "precision") in _FINE and _get(p, "latitude") is not None and _get(p, "longitude") is not None]
    if not towns or not towns[0][0]:
        return None
    country, lat, lon = towns[0]
    if any(c != country or haversine_km(lat, lon, y, x) > HINT_KM for c, y, x in towns[1:]):
        return None
    return country, lat, lon


def _hint_towns(members: Sequence[_Rec], document_of: Callable[[str], Any] | None) -> None:
    """An article none of whose reports has a place finer than its country, but which names
    one town only (often its dateline), hints that its reports happened there: a hint, not a
    place, so it adds to a match with a report at that town and vetoes nothing."""
    if not any(r.place_rank == 2 for r in members):
        return
    town = _document_town(members[0].doc, members[0].doc_id, document_of)
    if town is None:
        return
    for r in members:
        if r.place_rank == 2 and r.country == town[0]:
            r.hint = (town[1], town[2])


def _fill_from_story(recs: Sequence[_Rec], document_of: Callable[[str], Any] | None = None
                     ) -> list[tuple[float, int, int]]:
    """A sentence that says neither where nor when ("Police escorted the march", "The riot
    followed the arrest of...") tells of the article's lead story: it takes the lead's place
    and a day or two up to the lead's day (the lead may be the day after, as in "arrested 31
    on Wednesday over Tuesday's riot"). Taken, not own: neither is shown as the report's.

    Returns scored pairs (lead, report) for reports that took both: whatever their type, they
    are part of the article's story ("police escorted the march" is the march), so they go
    with its lead; reports with a place or a day of their own are matched as usual."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_doc[r.doc_id].append(i)
    pairs = []
    for members in by_doc.values():
        members.sort(key=lambda i: (recs[i].start, recs[i].event_id))
        where, when = _story_leads([recs[i] for i in members])
        if where is None:
            _hint_towns([recs[i] for i in members], document_of)
        for i in members:
            r = recs[i]
            took_place = took_day = False
            own_place = r.place_rank < 3 and not r.place_inferred
            # District names repeat from city to city ("Shevchenkivskyi", "Central"): one
            # the gazetteer put in another province than the article's town is that town's.
            if (where is not None and r is not where and own_place and r.district and where.place_rank == 0
                    and not where.district and r.country == where.country and r.admin1 != where.admin1):
                own_place = False
            # A country of its own is narrowed down only by a place told before it: a town
            # named later may be a landmark ("50 km south of Quetta"), not the scene.
            if where is not None and r is not where and (not own_place or (
                    r.place_rank == 2 and r.country == where.country and where.start < r.start)):
                r.lat, r.lon, r.country, r.admin1 = where.lat, where.lon, where.country, where.admin1
                r.place_name, r.place_rank, r.place_inferred = where.place_name, where.place_rank, True
                took_place = True
            if when is not None and r is not when and r.date_kind in ("weak", "none"):
                r.d0, r.d1, r.date_kind = when.d0 - STORY_DAYS_BEFORE, when.d1, "story"
                took_day = True
            lead = when if when is not None else where
            if took_place and took_day and lead is not None:
                k = next(k for k in members if recs[k] is lead)
                pairs.append((STORY_UNION - 0.001 * len(pairs), k, i))
    return pairs


def _top(votes: Counter) -> str | None:
    top = votes.most_common(2)
    return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None


def _document_country(doc: Any, doc_id: str, document_of: Callable[[str], Any] | None) -> str | None:
    places = _get(doc, "places")
    if places is None and document_of is not None:
        places = _get(document_of(doc_id), "places")
    votes: Counter = Counter()
    first: dict[str, int] = {}
    for n, p in enumerate(places or []):
        country, precision = _get(p, "country"), _get(p, "precision")
        if country and precision in _FINE | {"admin1", "country"}:
            votes[country] += 2 if precision in _FINE else 1
            first.setdefault(country, n)
    if not votes:
        return None
    return min(votes, key=lambda c: (-votes[c], first[c]))


def _elaborations(recs: Sequence[_Rec]) -> list[tuple[float, int, int]]:
    """Scored pairs (anchor, report) within one document: a sentence with no place or no date
    of its own ("Four children were among the dead, rescuers said") elaborates the document's
    first placed and dated report of the same family, as news articles tell one story at a
    time; a headline with a place and a lead with a date complete each other the same way.
    A report with a vaguer date of its own ("earlier this month") is background, not this."""
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_doc[(r.doc_id, r.family)].append(i)
    pairs = []
    for members in by_doc.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (recs[i].start, recs[i].event_id))
        has_place = {i for i in members if recs[i].place_rank < 3 and not recs[i].place_inferred}
        has_date = {i for i in members if recs[i].date_kind == "day"}
        anchor = next((i for i in members if i in has_place and i in has_date), None)
        if anchor is None:  # no report with both: the first with either
            anchor = next((i for i in members if i in has_place or i in has_date), None)
        if anchor is None:
            continue
        a = recs[anchor]
        for rank, i in enumerate(m for m in members if m != anchor):
            r = recs[i]
            if r.date_kind == "span" or (i in has_place and i in has_date and anchor in has_place
                                         and anchor in has_date):
                continue  # background, or a full report that is scored like any other
            # A later sentence may say where when the anchor does not, but a town named in a
            # side remark does not narrow down an anchor that only gives the country; one in
            # the anchor's province does ("stormed a village in Tsafe" under "in Zamfara").
            place_ok = i not in has_place or anchor not in has_place or (
                _geo_score(a, r) is not None and (r.place_rank >= a.place_rank or (
                    a.place_rank == 1 and r.place_rank == 0 and r.admin1 == a.admin1)))
            date_ok = i not in has_date or anchor not in has_date or r.d0 == a.d0
            if place_ok and date_ok:
                pairs.append((ELABORATION - 0.001 * rank, anchor, i))  # the nearest first
    return pairs


# -- blocking --------------------------------------------------------------------------------

def _place_keys(r: _Rec) -> tuple[list[tuple], list[tuple]]:
    """(keys the report is filed under, keys it looks in). Pairs are undirected, so a fine
    report need not look at coarse keys: the coarse report finds it there."""
    if r.place_rank == 0:
        cell = (math.floor(r.lat), math.floor(r.lon))
        filed = [("g", *cell)]
        if r.country:
            filed.append(("c", r.country))
            if r.admin1:
                filed.append(("a", r.country, r.admin1))
        looks = [("g", cell[0] + dy, cell[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        return filed, looks
    if r.place_rank == 1:
        key = ("a", r.country, r.admin1)
        return [key, ("c", r.country)], [key]
    if r.place_rank == 2:
        key = ("c", r.country)
        return [key], [key]
    return [("none",)], [("none",)]


def _date_buckets(r: _Rec) -> tuple[list[Any], list[Any]]:
    if r.d0 is None:
        return ["*"], ["*"]
    if r.date_kind == "day":
        filed = list(range(r.d0 // BUCKET_DAYS, r.d1 // BUCKET_DAYS + 1))
        looks = list(range((r.d0 - MAX_DAY_GAP) // BUCKET_DAYS, (r.d1 + MAX_DAY_GAP) // BUCKET_DAYS + 1))
        return filed, looks
    # A span (a month, a week, the days before publication) may be any day inside it.
    span = list(range((r.d0 - MAX_DAY_GAP) // BUCKET_DAYS, (r.d1 + MAX_DAY_GAP) // BUCKET_DAYS + 1))
    return span, span


def _candidate_pairs(recs: Sequence[_Rec]) -> set[tuple[int, int]]:
    index: dict[tuple, list[int]] = defaultdict(list)
    undated_index: dict[tuple, list[int]] = defaultdict(list)
    looks_of: list[list[tuple]] = []
    for i, r in enumerate(recs):
        filed, looks = _place_keys(r)
        dfiled, dlooks = _date_buckets(r)
        for pk in filed:
            undated_index[(r.family, pk)].append(i)
            for b in dfiled:
                index[(r.family, b, pk)].append(i)
        looks_of.append([(r.family, b, pk) for pk in looks for b in dlooks])
        if r.d0 is None:
            looks_of[-1] = [("*undated*", r.family, pk) for pk in looks]
    pairs: set[tuple[int, int]] = set()
    for i, looks in enumerate(looks_of):
        for key in looks:
            if key[0] == "*undated*":
                members = undated_index.get(key[1:], ())
                if len(members) > MAX_UNDATED_BLOCK:
                    continue
            else:
                members = index.get(key, ())
            for j in members:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
        # Dated reports must also meet undated ones; those look for them above.
    pairs |= _cross_family_pairs(recs)
    return pairs


def _pinned(r: _Rec) -> bool:
    """Placed at a town and dated to a day: sure enough to meet reports of a related family."""
    return r.event_type in _RELATED and r.place_rank == 0 and r.date_kind == "day" and r.d0 == r.d1


def _related(a: _Rec, b: _Rec) -> bool:
    return frozenset({a.event_type, b.event_type}) in RELATED_TYPES


def _cross_family_pairs(recs: Sequence[_Rec]) -> set[tuple[int, int]]:
    """Pairs of pinned reports of related families (a riot one outlet calls a mob attack) in
    the same ~10 km and a day of each other, found on a fine grid of (day, 0.1 degree)."""
    index: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if _pinned(r):
            index[(r.d0, math.floor(r.lat * 10), math.floor(r.lon * 10))].append(i)
    pairs: set[tuple[int, int]] = set()
    for (day, y, x), members in index.items():
        for dd in (0, 1):
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for j in index.get((day + dd, y + dy, x + dx), ()):
                        for i in members:
                            if recs[i].family != recs[j].family and _related(recs[i], recs[j]):
                                pairs.add((i, j) if i < j else (j, i))
    return pairs


# -- pair scoring ------------------------------------------------------------------------------

def _place_score(a: _Rec, b: _Rec) -> float | None:
    """Agreement of the two places, or None when they cannot be the same place."""
    if a.family != b.family:  # related families meet only when pinned close together
        pinned = _pinned(a) and _pinned(b) and _related(a, b)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon) if pinned else None
        if km is None or km > CROSS_FAMILY_KM:
            return None
    return _geo_score(a, b)


def _geo_score(a: _Rec, b: _Rec) -> float | None:
    """Agreement of the two places whatever the reports' types, or None when they cannot be
    the same place."""
    if a.place_rank == 3 or b.place_rank == 3:
        return 0.0
    if a.country and b.country and a.country != b.country:
        return None
    if a.place_rank == 0 and b.place_rank == 0:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km > MAX_KM:
            return None
        return 0.35 if km <= 3.0 else 0.3 - 0.1 * km / MAX_KM
    if a.place_rank <= 1 and b.place_rank <= 1:
        if a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return None
        return 0.15
    pa = (a.lat, a.lon) if a.place_rank == 0 else a.hint
    pb = (b.lat, b.lon) if b.place_rank == 0 else b.hint
    if pa and pb and haversine_km(*pa, *pb) <= HINT_KM:
        return HINT_SCORE
    return 0.05


def _date_score(a: _Rec, b: _Rec) -> float | None:
    if a.d0 is None or b.d0 is None:
        return 0.0
    gap = max(a.d0, b.d0) - min(a.d1, b.d1)  # days between the intervals; <= 0 overlaps
    if a.date_kind == "day" and b.date_kind == "day":
        if gap > MAX_DAY_GAP:
            return None
        return {0: 0.25, 1: 0.1}.get(max(gap, 0), 0.0)
    if gap > (MAX_DAY_GAP if "weak" in (a.date_kind, b.date_kind) else 0):
        return None
    if "weak" in (a.date_kind, b.date_kind):
        # Undated news is mostly about the last two days before publication.
        weak, other = (a, b) if a.date_kind == "weak" else (b, a)
        if other.date_kind == "day" and weak.published is not None and (
                weak.published - RECENT_DAYS <= other.d0 <= weak.published):
            return 0.05
        return 0.0
    return 0.05


def _type_score(a: _Rec, b: _Rec) -> float:
    if a.sub and a.sub == b.sub:
        return 0.15
    if a.event_type and a.event_type == b.event_type:
        return 0.08
    if not a.event_type and not b.event_type and a.plover == b.plover:
        return 0.08
    return 0.0


def _actor_score(a: _Rec, b: _Rec) -> float:
    if a.actor1 and b.actor1:
        if a.actor1 == b.actor1:
            return 0.1
        # Different perpetrators named: a real disagreement between outlets, or two incidents.
        # Different perpetrators named: outlets blame different sides, or an extractor took a
        # place or a victim for the actor; too noisy to hold against a pair.
        return 0.0
    return 0.05 if a.actors & b.actors else 0.0


def _toll_score(a: _Rec, b: _Rec) -> float:
    x, y = a.fat_best, b.fat_best
    if x is None or y is None:
        return 0.0
    lo, hi = min(x, y), max(x, y)
    if hi == lo or hi - lo <= max(2, 0.25 * hi):
        return 0.05
    # No penalty for far-apart tolls: they rise for days as the wounded die and bodies are found.
    return 0.0


def _text_score(sim: float, lexical: bool) -> float:
    lo, hi = (0.1, 0.5) if lexical else (0.35, 0.8)
    return 0.3 * min(1.0, max(0.0, (sim - lo) / (hi - lo)))


def _lexical_sim(a: _Rec, b: _Rec) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def _score(a: _Rec, b: _Rec, sim: float, lexical: bool) -> float | None:
    place = _place_score(a, b)
    if place is None:
        return None
    date = _date_score(a, b)
    if date is None:
        return None
    return place + date + _type_score(a, b) + _actor_score(a, b) + _toll_score(a, b) + _text_score(sim, lexical)


def _threshold(a: _Rec, b: _Rec) -> float:
    weak = {a.date_kind, b.date_kind} & {"weak", "none"} or 3 in (a.place_rank, b.place_rank)
    if weak:
        return THRESHOLD + WEAK_EXTRA
    return THRESHOLD + (CROSS_FAMILY_EXTRA if a.family != b.family else 0.0)


# -- syndication ---------------------------------------------------------------------------------

def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@functools.lru_cache(maxsize=1)
def _permutations():
    # Built once so every MinHash shares the same seeds (and merges are reproducible).
    from datasketch import MinHash

    return MinHash(num_perm=64, seed=7, scheme="affine32").permutations


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)  # stable across runs and ~5x faster than datasketch's sha1


def _minhash(text: str):
    from datasketch import MinHash

    m = MinHash(num_perm=64, seed=7, hashfunc=_crc32, permutations=_permutations(), scheme="affine32")
    shingles = _shingles(text)
    if shingles:
        m.update_batch(list(shingles))
    return m


def _doc_texts(recs: Sequence[_Rec], document_of: Callable[[str], Any] | None) -> Callable[[str], str]:
    """The text to compare a document by: its own text when known, else its evidence sentences
    (syndicated copies yield the same sentences, independent reports do not)."""
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    known: dict[str, str] = {}
    for r in recs:
        text = _get(r.doc, "text")
        if text:
            known[r.doc_id] = text
        start = _get(_get(r.event, "evidence"), "start") or 0
        sentences[r.doc_id].append((start, r.sentence))

    @functools.lru_cache(maxsize=None)
    def text(doc_id: str) -> str:
        if doc_id in known:
            return known[doc_id]
        if document_of is not None:
            fetched = _get(document_of(doc_id), "text")
            if fetched:
                return fetched
        return " ".join(s for _, s in sorted(set(sentences[doc_id])))

    return text


def syndication_groups(
    doc_pairs: Iterable[tuple[str, str]], text: Callable[[str], str], *, threshold: float = SYNDICATED_JACCARD
) -> dict[str, str]:
    """doc id -> id of its syndication group (the smallest member id), for the documents of
    `doc_pairs` whose texts are near-duplicates (estimated Jaccard of word 4-shingles)."""
    hashes: dict[str, Any] = {}

    def sig(doc_id: str):
        if doc_id not in hashes:
            hashes[doc_id] = _minhash(text(doc_id))
        return hashes[doc_id]

    uf = _UnionFind()
    for a, b in sorted(set(doc_pairs)):
        if a != b and sig(a).jaccard(sig(b)) >= threshold:
            uf.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in list(uf.parent):
        groups[uf.find(doc_id)].append(doc_id)
    return {d: min(members) for members in groups.values() for d in members}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Any, b: Any) -> Any:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)


# -- clustering with cluster-level limits ------------------------------------------------------

@dataclass(slots=True)
class _Span:
    """What a cluster covers, to refuse merges that would make it implausibly wide."""

    lat0: float = math.inf
    lat1: float = -math.inf
    lon0: float = math.inf
    lon1: float = -math.inf
    day0: int = 10 ** 9
    day1: int = -(10 ** 9)
    countries: frozenset = frozenset()
    admin1s: frozenset = frozenset()

    @classmethod
    def of(cls, r: _Rec) -> "_Span":
        s = cls()
        if r.place_rank == 0:
            s.lat0 = s.lat1 = r.lat
            s.lon0 = s.lon1 = r.lon
        if r.date_kind == "day":
            s.day0, s.day1 = r.d0, r.d1
        s.countries = frozenset([r.country]) if r.country and r.place_rank < 3 else frozenset()
        s.admin1s = frozenset([(r.country, r.admin1)]) if r.admin1 and r.place_rank <= 1 else frozenset()
        return s

    def vague(self) -> bool:
        """No town-level place or no day among the cluster's reports."""
        return self.lat1 < self.lat0 or self.day1 < self.day0

    def join(self, o: "_Span") -> "_Span | None":
        s = _Span(min(self.lat0, o.lat0), max(self.lat1, o.lat1), min(self.lon0, o.lon0),
                  max(self.lon1, o.lon1), min(self.day0, o.day0), max(self.day1, o.day1),
                  self.countries | o.countries, self.admin1s | o.admin1s)
        if len(s.countries) > 1 or len(s.admin1s) > 1:
            return None
        if s.day1 >= s.day0 and s.day1 - s.day0 > CLUSTER_MAX_DAYS:
            return None
        if s.lat1 >= s.lat0 and haversine_km(s.lat0, s.lon0, s.lat1, s.lon1) > CLUSTER_MAX_KM:
            return None
        return s


def _similarities(recs: Sequence[_Rec], pairs: Sequence[tuple[int, int]], mode: str) -> tuple[list[float], bool]:
    """Evidence-sentence similarity per pair, and whether it is lexical."""
    if mode == "embed" and pairs:
        vectors = _embed_needed(recs, pairs)
        if vectors is not None:
            return [float(vectors[recs[i].sentence] @ vectors[recs[j].sentence]) for i, j in pairs], False
    return [_lexical_sim(recs[i], recs[j]) for i, j in pairs], True


def _embed_needed(recs: Sequence[_Rec], pairs: Sequence[tuple[int, int]]) -> dict[str, Any] | None:
    try:
        from .embed import embed
    except ImportError:
        return None
    needed = sorted({recs[k].sentence for pair in pairs for k in pair})
    try:
        vectors = embed(needed)
    except (RuntimeError, OSError, ValueError):  # model not installed: fall back to word overlap
        return None
    return dict(zip(needed, vectors))


def _copied(a: _Rec, b: _Rec) -> bool:
    """The same sentence, give or take a copy desk's edits (a dateline added, a word cut)."""
    if a.norm_sentence == b.norm_sentence:
        return True
    shorter = min(len(a.words), len(b.words))
    return shorter >= COPY_MIN_WORDS and len(a.words & b.words) >= COPY_CONTAINED * shorter


def _cluster(recs: Sequence[_Rec], similarity: str, document_of: Callable[[str], Any] | None,
             story: Sequence[tuple[float, int, int]] = ()) -> tuple[list[list[int]], dict[str, str]]:
    pairs = sorted(_candidate_pairs(recs))
    # Cheap field checks first, so only plausible pairs pay for a similarity.
    plausible = [(i, j) for i, j in pairs
                 if _place_score(recs[i], recs[j]) is not None and _date_score(recs[i], recs[j]) is not None]
    # Copies of one wire story share its sentences word for word; only documents that share
    # a reported sentence are compared whole.
    doc_pairs = {(recs[i].doc_id, recs[j].doc_id) if recs[i].doc_id < recs[j].doc_id else
                 (recs[j].doc_id, recs[i].doc_id)
                 for i, j in plausible
                 if recs[i].doc_id != recs[j].doc_id and _copied(recs[i], recs[j])}
    groups = syndication_groups(doc_pairs, _doc_texts(recs, document_of))
    sims, lexical = _similarities(recs, plausible, similarity)
    scored: list[tuple[float, int, int]] = []
    weaker: list[tuple[float, int, int]] = []  # below the threshold, but enough if unambiguous
    for (i, j), sim in zip(plausible, sims):
        a, b = recs[i], recs[j]
        ga, gb = groups.get(a.doc_id, a.doc_id), groups.get(b.doc_id, b.doc_id)
        if ga == gb and a.doc_id != b.doc_id and _copied(a, b):
            scored.append((2.0, i, j))  # the same wire sentence on two sites: one report
            continue
        s = _score(a, b, sim, lexical)
        if s is None:
            continue
        threshold = _threshold(a, b)
        if s >= threshold:
            scored.append((s, i, j))
        elif s >= threshold - UNAMBIGUOUS_MARGIN:
            weaker.append((s, i, j))
    scored.extend(_supported(recs, scored, weaker))
    scored.extend(_elaborations(recs))
    scored.extend(story)
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    uf = _UnionFind()
    spans = {i: _Span.of(r) for i, r in enumerate(recs)}

    def join(i: int, j: int) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri != rj:
            joined = spans[ri].join(spans[rj])
            if joined is not None:
                spans[uf.union(ri, rj)] = joined

    for _, i, j in scored:
        join(i, j)
    _attach_unambiguous(weaker, uf, spans, join)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        clusters[uf.find(i)].append(i)
    return list(clusters.values()), groups


def _supported(recs: Sequence[_Rec], scored: Sequence[tuple[float, int, int]],
               weaker: Sequence[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Near misses between two articles that agree on more than one of their reports: the
    headline, the lead and the toll sentence of one story each nearly match the other's, which
    two stories of different incidents seldom do. The best such pair of each two articles is
    taken, scored as just enough."""
    support: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    for t in (*scored, *weaker):
        a, b = recs[t[1]], recs[t[2]]
        if a.doc_id != b.doc_id:
            support[(a.doc_id, b.doc_id) if a.doc_id < b.doc_id else (b.doc_id, a.doc_id)].append(t)
    out = []
    for key, pairs in support.items():
        left = {i if recs[i].doc_id == key[0] else j for _, i, j in pairs}
        right = {j if recs[j].doc_id == key[1] else i for _, i, j in pairs}
        if min(len(left), len(right)) >= DOC_SUPPORT:
            s, i, j = max(pairs, key=lambda t: (t[0], -t[1], -t[2]))
            out.append((min(s, THRESHOLD), i, j))
    return out


def _attach_unambiguous(weaker: list[tuple[float, int, int]], uf: "_UnionFind", spans: dict,
                        join: Callable[[int, int], None]) -> None:
    """A cluster that is vague (no town, or no day) joins the one cluster it nearly matches
    when there is exactly one: "a suicide bombing in Pakistan on Tuesday" is the Mastung
    bombing when that is the only one reported, and stays alone when Quetta had one too."""
    targets: dict[int, set[int]] = defaultdict(set)
    best: dict[tuple[int, int], tuple[int, int]] = {}
    for _, i, j in sorted(weaker, key=lambda t: (-t[0], t[1], t[2])):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        for src, dst, pair in ((ri, rj, (i, j)), (rj, ri, (i, j))):
            if spans[src].vague():
                targets[src].add(dst)
                best.setdefault((src, dst), pair)
    for src in sorted(targets):
        if len(targets[src]) == 1:
            join(*best[(src, next(iter(targets[src])))])


# -- incident records ----------------------------------------------------------------------------

def incident_id(event_ids: Iterable[str]) -> str:
    """Stable while the membership is: a hash of the sorted member event ids."""
    digest = hashlib.sha256("|".join(sorted(event_ids)).encode()).hexdigest()
    return "inc_" + digest[:16]


def _vote(values: Iterable[tuple[Any, float]]) -> Any:
    """The value with the most weight; ties go to the smallest value, for stable output."""
    weight: dict[Any, float] = defaultdict(float)
    for value, w in values:
        if value is not None:
            weight[value] += w
    if not weight:
        return None
    return min(weight, key=lambda v: (-weight[v], str(v)))


def _place(loc: Any) -> Place | None:
    if loc is None or isinstance(loc, Place):
        return loc
    keys = ("text", "name", "country", "admin1", "latitude", "longitude", "geonameid", "precision", "start", "end")
    return Place(**{k: loc.get(k) for k in keys})


def _evidence(ev: Any) -> Evidence:
    if isinstance(ev, Evidence):
        return ev
    return Evidence(sentence=_get(ev, "sentence") or "", start=_get(ev, "start") or 0, end=_get(ev, "end") or 0)


def _listing(label: str, by_value: dict[Any, list[str]], fmt: Callable[[Any], str] = str) -> str:
    parts = [f"{fmt(v)} ({', '.join(sorted(set(outlets)))})" for v, outlets in by_value.items()]
    return f"{label}: " + ", ".join(parts)


def _doc_value(members: Sequence[_Rec], get: Callable[[_Rec], Any]) -> dict[str, Any]:
    """Per document, the value of its most confident report that has one."""
    out: dict[str, Any] = {}
    for r in sorted(members, key=lambda r: (-r.confidence, r.event_id)):
        v = get(r)
        if v is not None and r.doc_id not in out:
            out[r.doc_id] = v
    return out


def _acknowledged(members: Sequence[_Rec]) -> bool:
    """The perpetrator's own word is among the sources: its statement is the attribution of
    a report, or a report says it claimed the attack or speaks of "its jets"."""
    perps = {r.actor1.lower() for r in members if r.actor1}
    perps |= {re.sub(r"^(?:the|a|an)\s+", "", str(_get(_get(r.event, "actor1"), "text")).lower())
              for r in members if _get(r.event, "actor1")}
    for r in members:
        src = re.sub(r"^(?:the|a|an)\s+", "", (r.attribution or "").lower().strip())
        # Whole names only: "Zimbabwe Lawyers for Human Rights" is not Zimbabwe speaking.
        if src and src in perps:
            return True
        if src and r.actor1 and _lookup_actor(src) == r.actor1:
            return True
        if r.actor1 and _SELF_CLAIM.search(r.sentence):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _lookup_actor(text: str) -> str | None:
    try:
        from .resolve.actors import lookup_actor
    except ImportError:
        return None
    info = lookup_actor(text)
    return _get(info, "name")


def _incident(members: list[_Rec], groups: dict[str, str]) -> Incident:
    members = sorted(members, key=lambda r: (r.doc_id, r.event_id))
    weight = lambda r: 0.5 + r.confidence  # noqa: E731 - every report counts, surer ones more
    event_type = _vote((r.event_type, weight(r)) for r in members)
    sub = _vote((r.sub, weight(r)) for r in members if r.event_type == event_type)
    plover = _vote((r.plover, weight(r)) for r in members) or "OTHER"

    finest = min((r.place_rank for r in members if not r.place_inferred), default=3)
    located = [r for r in members if r.place_rank == finest and finest < 3 and not r.place_inferred]
    where = _vote((r.place_name, weight(r)) for r in located)
    loc_rec = next((r for r in sorted(located, key=lambda r: -r.confidence) if r.place_name == where), None)
    location = _place(_get(loc_rec.event, "location")) if loc_rec else None

    dated = [r for r in members if r.date_kind == "day"] or [r for r in members if r.date_kind == "span"]
    date_start = _iso(min(r.d0 for r in dated)) if dated else None
    date_end = _iso(max(r.d1 for r in dated)) if dated else None

    actor_counts = Counter(n for r in members for n in r.actors)
    actors = sorted(actor_counts, key=lambda n: (-actor_counts[n], n))

    # Tolls: one figure per document, then per independent source (a syndicated story once).
    figures = _doc_value(members, lambda r: r.fat_best)
    by_group: dict[str, int] = {}
    for doc_id, v in figures.items():
        g = groups.get(doc_id, doc_id)
        by_group[g] = min(v, by_group.get(g, v))
    # low/high span the sources' own figures (one per document, as above): a document's
    # sub-counts ("two of its soldiers") are parts of its toll, not a rival estimate.
    fatalities = {
        "best": min(by_group.values()) if by_group else None,  # ACLED: the most conservative report
        "low": min(figures.values()) if figures else None,
        "high": max(figures.values()) if figures else None,
    }

    outlets = {r.doc_id: r.outlet for r in members}
    disagreements = []
    for label, get, fmt in (
        ("fatalities", lambda r: r.fat_best, str),
        ("date", lambda r: r.d0 if r.date_kind == "day" else None, _iso),
        ("place", lambda r: r.place_name if r.place_rank == 0 else None, str),
        ("type", lambda r: r.sub or r.event_type, str),
        ("perpetrator", lambda r: r.actor1, str),
    ):
        per_doc = _doc_value(members, get)
        by_value: dict[Any, list[str]] = {}
        for doc_id in sorted(per_doc, key=lambda d: (outlets[d], d)):
            by_value.setdefault(per_doc[doc_id], []).append(outlets[doc_id])
        if len(by_value) > 1:
            disagreements.append(_listing(label, by_value, fmt))

    sources = [
        SourceReport(
            document_id=r.doc_id, event_id=r.event_id, source=r.outlet,
            evidence=_evidence(_get(r.event, "evidence")), fatalities=r.fat_best,
            date=_iso(r.d0) if r.date_kind in ("day", "span") else None,
            place=None if r.place_inferred else r.place_name,
        )
        for r in members
    ]
    # Independent sources: syndicated copies count once, and so do several stories of one outlet.
    independent = {groups.get(r.doc_id, r.doc_id) for r in members}
    outlets_seen = {r.outlet for r in members}
    n_independent = min(len(independent), len(outlets_seen))
    if _acknowledged(members):
        corroboration = "acknowledged"
    elif n_independent >= 2:
        corroboration = "corroborated"
    else:
        corroboration = "single_source"
    return Incident(
        id=incident_id(r.event_id for r in members), event_type=event_type, sub_event_type=sub,
        plover_type=plover, location=location, date_start=date_start, date_end=date_end,
        actors=actors, fatalities=fatalities, sources=sources, disagreements=disagreements,
        corroboration=corroboration,
    )


# -- public API ------------------------------------------------------------------------------------

def merge(
    items: Iterable[tuple[Any, Any]],
    *,
    similarity: str = "embed",
    document_of: Callable[[str], Any] | None = None,
) -> list[Incident]:
    """Incidents from (document or document meta dict, Event or EVENT dict) pairs.

    Pure: the same set of events gives the same incidents with the same ids, whatever the
    order. `similarity` is "embed" (MiniLM; falls back to word overlap when the model is not
    installed) or "lexical". `document_of(doc_id)` may supply the whole document (its
    `text` and `places`) when the meta has neither: called only for documents whose text
    must be compared (syndication) or whose events are all unplaced.
    """
    seen: set[str] = set()
    recs: list[_Rec] = []
    for doc, event in items:
        r = _record(doc, event)
        if r is not None and r.event_id not in seen:
            seen.add(r.event_id)
            recs.append(r)
    recs.sort(key=lambda r: r.event_id)
    _infer_countries(recs, document_of)
    story = _fill_from_story(recs, document_of)
    clusters, groups = _cluster(recs, similarity, document_of, story)
    incidents = [_incident([recs[i] for i in c], groups) for c in clusters]
    incidents.sort(key=lambda inc: (inc.date_start or "9999", inc.id))
    return incidents


def merge_store(store: Any, *, similarity: str = "embed") -> int:
    """Re-merge every event in the store and replace its incidents; returns how many.

    Idempotent: a rerun on an unchanged store writes the same incidents with the same ids;
    after new documents, only incidents whose membership changed get new ids.
    """
    docs = {d["id"]: d for d in store.documents(failed=False)}
    items = []
    for ev in store.events():
        doc_id = ev.get("document_id")
        meta = docs.get(doc_id) or {"id": doc_id, "published": ev.get("document_published"),
                                    "source": ev.get("document_source"), "url": ev.get("document_url")}
        items.append((meta, ev))

    @functools.lru_cache(maxsize=256)
    def document_of(doc_id: str) -> dict | None:
        return store.get_document(doc_id)

    incidents = merge(items, similarity=similarity, document_of=document_of)
    return store.put_incidents(incidents)
