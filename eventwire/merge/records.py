"""The record merging works on: one report (one event of one document), flattened from an
`Event` and its `Document` (or the store's `DocumentInfo`, which has no text or places)."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ..model import Document, DocumentInfo, Event, Place, When
from .settings import FAMILY, PLOVER_FAMILY, RELATED, RELATED_TYPES, STOP_WORDS, T

WORD = re.compile(r"[^\W_]+", re.UNICODE)
FINE = {"point", "city", "admin2"}  # place precisions at town grain or finer


def day(value: str | None) -> int | None:
    """An ISO date (or its first 10 characters) as a day ordinal."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else datetime.date.fromordinal(ordinal).isoformat()


@dataclass(slots=True)
class Report:
    """One report (one event of one document), flattened for merging."""

    event_id: str
    doc_id: str
    outlet: str
    event: Event
    doc: Document | DocumentInfo
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


def own_text(doc: Document | DocumentInfo | None) -> str | None:
    """The document's text when the record holds it (a DocumentInfo does not)."""
    return doc.text if isinstance(doc, Document) else None


def own_places(doc: Document | DocumentInfo | None) -> list[Place] | None:
    """The document's place mentions when the record holds them (a DocumentInfo does not)."""
    return doc.places if isinstance(doc, Document) else None


def _outlet(doc: Document | DocumentInfo, doc_id: str) -> str:
    if doc.source:
        return str(doc.source)
    url = doc.url
    if url:
        host = urlparse(str(url)).netloc.lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    return doc_id


def _family(event_type: str | None, plover: str | None) -> str:
    if event_type:
        return FAMILY.get(event_type, event_type)
    return PLOVER_FAMILY.get(plover or "OTHER", plover or "OTHER")


def _place_fields(loc: Place | None) -> tuple[float | None, float | None, str | None, str | None, str | None, int]:
    if loc is None:
        return None, None, None, None, None, 3
    lat, lon = loc.latitude, loc.longitude
    country, admin1 = loc.country, loc.admin1
    name = loc.name or loc.text
    precision = loc.precision
    if precision in FINE and lat is not None and lon is not None:
        rank = 0
    elif precision in FINE | {"admin1"} and country and admin1:
        rank = 1
    elif country and precision in FINE | {"admin1", "country"}:
        rank = 2
    else:
        rank = 3  # continent, region, unresolved
    if rank > 0:
        lat = lon = None
    return lat, lon, country, admin1, name, rank


def _date_fields(date: When | None, published: int | None) -> tuple[int | None, int | None, str]:
    precision = date.precision if date else None
    d0, d1 = (day(date.start), day(date.end)) if date else (None, None)
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
        return published - T.weak_date_before, published + 1, "weak"
    return None, None, "none"


def words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in WORD.finditer(sentence))
                     if len(w) > 2 and w not in STOP_WORDS)


def report(doc: Document | DocumentInfo, event: Event) -> Report | None:
    """The report of one event, or None when it has no event or document id."""
    doc_id, event_id = doc.id, event.id
    if not doc_id or not event_id:
        return None
    published = day(doc.published)
    loc = event.location
    lat, lon, country, admin1, place_name, rank = _place_fields(loc)
    d0, d1, date_kind = _date_fields(event.date, published)
    a1, a2 = event.actor1, event.actor2
    names = frozenset(a.name for a in (a1, a2) if a is not None and a.name)
    fat = event.fatalities
    best, low, high = (fat.best, fat.low, fat.high) if fat else (None, None, None)
    sentence = event.evidence.sentence if event.evidence and event.evidence.sentence else ""
    event_type, plover = event.event_type, event.plover_type or "OTHER"
    return Report(
        event_id=str(event_id), doc_id=str(doc_id), outlet=_outlet(doc, str(doc_id)),
        event=event, doc=doc, family=_family(event_type, plover), event_type=event_type,
        sub=event.sub_event_type, plover=plover, confidence=float(event.confidence or 0.0),
        lat=lat, lon=lon, country=country, admin1=admin1, place_name=place_name, place_rank=rank,
        district=loc is not None and loc.precision == "admin2",
        d0=d0, d1=d1, date_kind=date_kind, actor1=a1.name if a1 else None, actors=names,
        fat_best=best, fat_low=low if low is not None else best, fat_high=high if high is not None else best,
        attribution=event.attribution.source if event.attribution else None, sentence=sentence,
        start=int(event.evidence.start or 0) if event.evidence else 0, words=words(sentence),
        norm_sentence=" ".join(sentence.lower().split()), published=published,
    )


def pinned(r: Report) -> bool:
    """Placed at a town and dated to a day: sure enough to meet reports of a related family."""
    return r.event_type in RELATED and r.place_rank == 0 and r.date_kind == "day" and r.d0 == r.d1


def related(a: Report, b: Report) -> bool:
    return frozenset({a.event_type, b.event_type}) in RELATED_TYPES
