"""One flat row of an event or an incident: the columns the store filters on, the flat exports
(CSV, Parquet, GeoJSON properties) write and the command line's table shows.

Each column has a type ("str", "date", "int", "float", "bool", "list"); a row holds plain
Python values of that type (an enum member becomes its string; a "date" is an ISO YYYY-MM-DD
string, which typed formats such as Parquet store as a date), None where the record has none.
"""
from __future__ import annotations

from typing import Any

from .model import Event, Incident, StoredEvent, StoredIncident

# The event's own columns, in the events table's order (after id, document_id, ord).
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_type", "str"), ("sub_event_type", "str"), ("plover_type", "str"),
    ("plover_mode", "str"), ("cameo_root", "str"),
    ("actor1_text", "str"), ("actor1_name", "str"), ("actor1_country", "str"), ("actor1_kind", "str"),
    ("actor2_text", "str"), ("actor2_name", "str"), ("actor2_country", "str"), ("actor2_kind", "str"),
    ("location_text", "str"), ("location_name", "str"), ("location_country", "str"),
    ("location_admin1", "str"), ("location_lat", "float"), ("location_lon", "float"),
    ("location_geonameid", "int"), ("location_precision", "str"),
    ("date_text", "str"), ("date_start", "date"), ("date_end", "date"), ("date_precision", "str"),
    ("fatalities_text", "str"), ("fatalities_best", "int"), ("fatalities_low", "int"),
    ("fatalities_high", "int"), ("fatalities_civilians", "int"), ("fatalities_children", "int"),
    ("civilian_targeting", "bool"), ("attribution_source", "str"), ("attribution_text", "str"),
    ("hedged", "bool"), ("confidence", "float"),
    ("evidence_sentence", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("trigger", "str"),
]
# What the store knows of an event's document, after the event's own columns.
DOCUMENT_COLUMNS: list[tuple[str, str]] = [
    ("document_published", "date"), ("document_source", "str"), ("document_url", "str"),
]
# A whole flat event row: id, document, the event's columns, its document's.
EVENT_ROW: list[tuple[str, str]] = [("id", "str"), ("document_id", "str"), *EVENT_COLUMNS, *DOCUMENT_COLUMNS]

INCIDENT_COLUMNS: list[tuple[str, str]] = [
    ("event_type", "str"), ("sub_event_type", "str"), ("plover_type", "str"),
    ("location_name", "str"), ("location_country", "str"), ("location_admin1", "str"),
    ("location_lat", "float"), ("location_lon", "float"), ("location_precision", "str"),
    ("date_start", "date"), ("date_end", "date"),
    ("fatalities_best", "int"), ("fatalities_low", "int"), ("fatalities_high", "int"),
    ("corroboration", "str"), ("n_sources", "int"),
]
INCIDENT_ROW: list[tuple[str, str]] = [("id", "str"), *INCIDENT_COLUMNS, ("actors", "list"), ("event_ids", "list")]

_CAST = {"str": str, "date": str, "int": int, "float": float, "bool": bool,
         "list": lambda v: [str(x) for x in v]}


def _typed(raw: dict[str, Any], columns: list[tuple[str, str]]) -> dict[str, Any]:
    return {name: None if raw.get(name) is None else _CAST[kind](raw[name]) for name, kind in columns}


def flat_event(event: Event) -> dict[str, Any]:
    """The flat row of an event (EVENT_ROW); the document columns are None for an event that
    does not come from the store."""
    a1, a2, loc, date = event.actor1, event.actor2, event.location, event.date
    fat, attr, ev = event.fatalities, event.attribution, event.evidence
    stored = event if isinstance(event, StoredEvent) else None
    raw = {
        "id": event.id,
        "document_id": stored and stored.document_id,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type, "plover_mode": event.plover_mode, "cameo_root": event.cameo_root,
        "civilian_targeting": bool(event.civilian_targeting), "hedged": bool(event.hedged),
        "confidence": event.confidence, "trigger": event.trigger,
    }
    for prefix, actor in (("actor1", a1), ("actor2", a2)):
        if actor is not None:
            raw.update({f"{prefix}_text": actor.text, f"{prefix}_name": actor.name,
                        f"{prefix}_country": actor.country, f"{prefix}_kind": actor.kind})
    if loc is not None:
        raw.update(location_text=loc.text, location_name=loc.name, location_country=loc.country,
                   location_admin1=loc.admin1, location_lat=loc.latitude, location_lon=loc.longitude,
                   location_geonameid=loc.geonameid, location_precision=loc.precision)
    if date is not None:
        raw.update(date_text=date.text, date_start=date.start, date_end=date.end, date_precision=date.precision)
    if fat is not None:
        raw.update(fatalities_text=fat.text, fatalities_best=fat.best, fatalities_low=fat.low,
                   fatalities_high=fat.high, fatalities_civilians=fat.civilians, fatalities_children=fat.children)
    if attr is not None:
        raw.update(attribution_source=attr.source, attribution_text=attr.text)
    if ev is not None:
        raw.update(evidence_sentence=ev.sentence, evidence_start=ev.start, evidence_end=ev.end)
    if stored is not None:
        raw.update(document_published=stored.document_published, document_source=stored.document_source,
                   document_url=stored.document_url)
    return _typed(raw, EVENT_ROW)


def flat_incident(incident: Incident) -> dict[str, Any]:
    """The flat row of an incident (INCIDENT_ROW); `event_ids` is empty for one that does not
    come from the store."""
    loc, fat = incident.location, incident.fatalities or {}
    raw = {
        "id": incident.id, "event_type": incident.event_type, "sub_event_type": incident.sub_event_type,
        "plover_type": incident.plover_type, "date_start": incident.date_start, "date_end": incident.date_end,
        "fatalities_best": fat.get("best"), "fatalities_low": fat.get("low"), "fatalities_high": fat.get("high"),
        "corroboration": incident.corroboration,
        "n_sources": len({s.document_id for s in incident.sources or []}),
        "actors": incident.actors or [],
        "event_ids": incident.event_ids if isinstance(incident, StoredIncident) else [],
    }
    if loc is not None:
        raw.update(location_name=loc.name, location_country=loc.country, location_admin1=loc.admin1,
                   location_lat=loc.latitude, location_lon=loc.longitude, location_precision=loc.precision)
    return _typed(raw, INCIDENT_ROW)
