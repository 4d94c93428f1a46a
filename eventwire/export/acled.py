"""ACLED CSV: ACLED's 31 columns, one row per event (or incident) that ACLED would code.

A row needs what ACLED's codebook requires of every event: an ACLED event type, a date that
time_precision can code (1 day, 2 week, 3 month), a country, and an actor1 (acled_actors.py:
named and coded as ACLED does, with ACLED's defaults by event type). Events without them are
left out. The codes follow data/acled.yaml: inter1/inter2 and interaction, geo_precision,
source_scale, ACLED's regions; iso is the numeric ISO 3166 code and event_id_cnty the ISO
alpha-3 prefix and a number that stays the same for the same event.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime
import functools
import hashlib
from typing import IO, Any
from urllib.parse import urlsplit

from ..categories import EventType
from ..filters import Filters
from ..lexicon import taxonomy
from ..model import Event, Place, StoredEvent, StoredIncident
from .acled_actors import actors
from .cells import event_days, iso_day, safe_cell
from .places import acled_data, acled_region, admin2, country, country_name

ACLED_COLUMNS: list[str] = list(acled_data()["columns"])


def write(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    stamps = {d.id: _unix(d.ingested_at) for d in store.documents()}
    n = 0
    if what == "incidents":
        rows = (_incident_row(inc, store, stamps) for inc in store.incidents(filters))
    else:
        rows = (event_row(ev, stamps.get(ev.document_id)) for ev in store.iter_events(filters))
    for row in rows:
        if row is not None:
            writer.writerow({k: safe_cell(row.get(k)) for k in ACLED_COLUMNS})
            n += 1
    return n


def event_row(event: StoredEvent, timestamp: int | None) -> dict | None:
    """The ACLED row of one event, or None when ACLED would not code it."""
    when = _event_date(event)
    if when is None:
        return None
    tags = (["hedged"] if event.hedged else []) + (
        [f"attribution={event.attribution.text}"] if event.attribution and event.attribution.text else [])
    return _row(event, event.location, when, fatalities=event.fatalities.best if event.fatalities else None,
                source=event.document_source or _host(event.document_url), number_of=event.id,
                tags="; ".join(tags), timestamp=timestamp)


def _incident_row(incident: StoredIncident, store: Any, stamps: dict[str, int | None]) -> dict | None:
    """An incident as ACLED would code it: its own type, place, days and conservative toll, its
    actors as its first source's event names them."""
    if not incident.date_start:
        return None
    days = _days(incident.date_start, incident.date_end)
    code = _by_length(days)
    if code is None:
        return None
    event = next((e for e in (store.get_event(s.event_id) for s in incident.sources) if e is not None), None)
    if event is None:
        return None
    event = dataclasses.replace(event, event_type=incident.event_type, sub_event_type=incident.sub_event_type)
    outlets = sorted({s.source for s in incident.sources if s.source})
    times = [t for t in (stamps.get(s.document_id) for s in incident.sources) if t is not None]
    tags = "; ".join([incident.corroboration or ""] + list(incident.disagreements or [])).strip("; ")
    return _row(event, incident.location, (incident.date_start, code),
                fatalities=(incident.fatalities or {}).get("best"), source="; ".join(outlets),
                number_of=incident.id, tags=tags, timestamp=max(times, default=None))


def _row(event: Event, place: Place | None, when: tuple[str, int], *, fatalities: int | None,
         source: str | None, number_of: str, tags: str, timestamp: int | None) -> dict | None:
    iso3 = (place.country or "").upper() if place else ""
    geo = acled_data()["geo_precision"].get(place.precision) if place else None
    if event.event_type not in EventType._value2member_map_ or not iso3 or country(iso3) is None or geo is None:
        return None
    day, time_code = when
    pair = actors(event, iso3, day)
    if pair is None:
        return None
    a1, a2 = pair.actor1, pair.actor2
    return {
        "event_id_cnty": event_id_cnty(iso3, number_of),
        "event_date": day, "year": int(day[:4]), "time_precision": time_code,
        "disorder_type": _disorder(event.event_type, event.sub_event_type),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": a1.name, "assoc_actor_1": a1.assoc, "inter1": a1.inter,
        "actor2": a2.name if a2 else None, "assoc_actor_2": a2.assoc if a2 else None,
        "inter2": a2.inter if a2 else 0, "interaction": pair.interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": country(iso3)["isonumeric"], "region": acled_region(iso3), "country": country_name(iso3),
        "admin1": place.admin1, "admin2": admin2(place), "admin3": None,
        "location": place.name or place.text, "latitude": place.latitude, "longitude": place.longitude,
        "geo_precision": geo,
        "source": source, "source_scale": source_scale(source, iso3),
        "notes": event.evidence.sentence if event.evidence else None,
        "fatalities": fatalities or 0, "tags": tags, "timestamp": timestamp,
    }


def event_id_cnty(iso3: str, key: str) -> str:
    """ISO alpha-3 and a number from the event's (or incident's) own id: the same on every export."""
    return f"{iso3}{int(hashlib.sha256(key.encode('utf-8')).hexdigest()[:12], 16)}"


def _event_date(event: StoredEvent) -> tuple[str, int] | None:
    """(event_date, time_precision): the event's own date coded by its precision or length; an
    event with no date of its own takes its article's publication day."""
    days = event_days(event)
    if days is None:
        return None
    if not days.own:
        return days.start.isoformat(), acled_data()["undated_precision"]
    code = acled_data()["time_precision"].get(days.precision) or _by_length(days.days)
    return (days.start.isoformat(), code) if code is not None else None


def _by_length(days: int | None) -> int | None:
    if days is None:
        return None
    return next((code for most, code in acled_data()["time_precision_days"] if days <= most), None)


def _days(start: str, end: str | None) -> int | None:
    a, b = iso_day(start), iso_day(end or start)
    return None if a is None or b is None else abs((b - a).days)


def _disorder(event_type: str | None, sub_type: str | None) -> str | None:
    return taxonomy().disorder_sub.get(sub_type or "") or taxonomy().disorder.get(event_type or "")


@functools.lru_cache(maxsize=1)
def _outlets() -> tuple[frozenset[str], tuple[str, ...]]:
    data = acled_data()
    return frozenset(o.casefold() for o in data["international_outlets"]), tuple(data["international_domains"])


def source_scale(source: str | None, iso3: str) -> str | None:
    """International for the world's agencies and papers; National for an outlet on the event
    country's web domain (International on another's); Other when nothing tells."""
    if not source:
        return None
    names, domains = _outlets()
    text = source.casefold().strip()
    host = text[4:] if text.startswith("www.") else text
    if text in names or host in domains or any(host.endswith("." + d) for d in domains):
        return "International"
    info = country(iso3)
    tld = host.rsplit(".", 1)[-1] if "." in host and " " not in host else None
    if tld and len(tld) == 2 and info:
        return "National" if tld == info["iso"].casefold() else "International"
    return "Other"


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _unix(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return int(datetime.datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None
