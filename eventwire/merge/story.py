"""What an article's reports take from each other before they are matched across articles.

An unplaced event takes the country its article is about (`infer_countries`); a sentence
that says neither where nor when takes the place and day of the article's lead story and
goes with it whatever its type (`fill_from_story`); a sentence without its own place or
date elaborates the article's lead report of the same family (`elaborations`). Both return
scored pairs (score, i, j) for the clustering.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from ..geo import haversine_km
from ..model import Document, DocumentInfo, Place
from .records import FINE, Report, own_places
from .scoring import geo_score
from .settings import T


DocumentOf = Callable[[str], Document | None]


def infer_countries(recs: Sequence[Report], document_of: DocumentOf | None) -> None:
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


def _top(votes: Counter) -> str | None:
    top = votes.most_common(2)
    return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None


def _places(doc: Document | DocumentInfo, doc_id: str, document_of: DocumentOf | None) -> list[Place]:
    places = own_places(doc)
    if places is None and document_of is not None:
        places = own_places(document_of(doc_id))
    return places or []


def _document_country(doc: Document | DocumentInfo, doc_id: str, document_of: DocumentOf | None) -> str | None:
    votes: Counter = Counter()
    first: dict[str, int] = {}
    for n, p in enumerate(_places(doc, doc_id, document_of)):
        country, precision = p.country, p.precision
        if country and precision in FINE | {"admin1", "country"}:
            votes[country] += 2 if precision in FINE else 1
            first.setdefault(country, n)
    if not votes:
        return None
    return min(votes, key=lambda c: (-votes[c], first[c]))


def _background(r: Report) -> bool:
    """A report dated well before its article was published tells of the past."""
    return (r.date_kind in ("day", "span") and r.published is not None
            and r.d1 < r.published - T.story_max_age)


def _story_leads(members: Sequence[Report]) -> tuple[Report | None, Report | None]:
    """The report that says where the article's story is (its first with a place of its own at
    province grain or finer) and the one that says when (its first with a recent day, at that
    place or at none), in text order. Background reports lead nothing."""
    where = next((r for r in members if r.place_rank <= 1 and not r.place_inferred
                  and not _background(r)), None)
    when = next((r for r in members if r.date_kind == "day" and not _background(r) and (
        where is None or r.place_rank == 3 or r.place_inferred or geo_score(where, r) is not None)), None)
    return where, when


def _document_town(doc: Document | DocumentInfo, doc_id: str, document_of: DocumentOf | None
                   ) -> tuple[str, float, float] | None:
    """(country, lat, lon) of the one town the article names (every town-level place it
    names within a few km of the first), else None."""
    towns = [(p.country, p.latitude, p.longitude) for p in _places(doc, doc_id, document_of)
             if p.precision in FINE and p.latitude is not None and p.longitude is not None]
    if not towns or not towns[0][0]:
        return None
    country, lat, lon = towns[0]
    if any(c != country or haversine_km(lat, lon, y, x) > T.hint_km for c, y, x in towns[1:]):
        return None
    return country, lat, lon


def _hint_towns(members: Sequence[Report], document_of: DocumentOf | None) -> None:
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


def _by_document(recs: Sequence[Report], key: Callable[[Report], Any]) -> list[list[int]]:
    """Indexes of the reports grouped by `key`, each group in text order."""
    groups: dict[Any, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        groups[key(r)].append(i)
    for members in groups.values():
        members.sort(key=lambda i: (recs[i].start, recs[i].event_id))
    return list(groups.values())


def fill_from_story(recs: Sequence[Report], document_of: DocumentOf | None = None
                    ) -> list[tuple[float, int, int]]:
    """A sentence that says neither where nor when ("Police escorted the march", "The riot
    followed the arrest of...") tells of the article's lead story: it takes the lead's place
    and a day or two up to the lead's day (the lead may be the day after, as in "arrested 31
    on Wednesday over Tuesday's riot"). Taken, not own: neither is shown as the report's.

    Returns scored pairs (lead, report) for reports that took both: whatever their type, they
    are part of the article's story ("police escorted the march" is the march), so they go
    with its lead; reports with a place or a day of their own are matched as usual."""
    pairs = []
    for members in _by_document(recs, lambda r: r.doc_id):
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
                r.d0, r.d1, r.date_kind = when.d0 - T.story_days_before, when.d1, "story"
                took_day = True
            lead = when if when is not None else where
            if took_place and took_day and lead is not None:
                k = next(k for k in members if recs[k] is lead)
                pairs.append((T.story_union - 0.001 * len(pairs), k, i))
    return pairs


def elaborations(recs: Sequence[Report]) -> list[tuple[float, int, int]]:
    """Scored pairs (anchor, report) within one document: a sentence with no place or no date
    of its own ("Four children were among the dead, rescuers said") elaborates the document's
    first placed and dated report of the same family, as news articles tell one story at a
    time; a headline with a place and a lead with a date complete each other the same way.
    A report with a vaguer date of its own ("earlier this month") is background, not this."""
    pairs = []
    for members in _by_document(recs, lambda r: (r.doc_id, r.family)):
        if len(members) < 2:
            continue
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
                geo_score(a, r) is not None and (r.place_rank >= a.place_rank or (
                    a.place_rank == 1 and r.place_rank == 0 and r.admin1 == a.admin1)))
            date_ok = i not in has_date or anchor not in has_date or r.d0 == a.d0
            if place_ok and date_ok:
                pairs.append((T.elaboration - 0.001 * rank, anchor, i))  # the nearest first
    return pairs
