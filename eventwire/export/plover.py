"""PLOVER JSON: one PLOVER event record a line (the JSONL form the PLOVER manual suggests),
with its standard field names: id, date, enddate, event, mode, quad_code, source, recipient
(lists of actor objects: code, sector, actor_text, identifier_text), event_loc (GeoNames field
names), event_text, text_info, cite_info, coder, coded_date; and the deaths and injuries as
size_info (dead, injured). Sectors and quad codes are in data/plover.yaml.
"""
from __future__ import annotations

import functools
import json
from importlib import metadata
from typing import IO, Any

from ..datafiles import read_yaml
from ..filters import Filters
from ..model import Actor, Place, StoredEvent
from .cells import event_days
from .places import country


@functools.lru_cache(maxsize=1)
def plover_data() -> dict:
    return read_yaml("plover.yaml")


@functools.lru_cache(maxsize=1)
def _coder() -> str:
    try:
        return f"eventwire {metadata.version('eventwire')}"
    except metadata.PackageNotFoundError:
        return "eventwire"


def write(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    coded = {d.id: (d.ingested_at or "")[:10] or None for d in store.documents()}  # when it was coded
    n = 0
    for event in store.iter_events(filters):
        record = event_record(event, coded.get(event.document_id))
        if record is not None:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def event_record(event: StoredEvent, coded_date: str | None = None) -> dict | None:
    """The PLOVER record of an event, or None without a date (PLOVER requires one)."""
    days = event_days(event)
    if days is None:
        return None
    record: dict[str, Any] = {"id": event.id, "date": days.start.isoformat()}
    if days.end != days.start:
        record["enddate"] = days.end.isoformat()
    record["event"] = [str(event.plover_type or "OTHER")]
    if event.plover_mode:
        record["mode"] = event.plover_mode
    quad = plover_data()["quad"].get(str(event.plover_type))
    if quad is not None:
        record["quad_code"] = quad
    record["source"] = [_actor(event.actor1)] if event.actor1 else []
    if event.actor2:
        record["recipient"] = [_actor(event.actor2)]
    if event.location is not None:
        record["event_loc"] = _location(event.location)
    if event.evidence is not None:
        record["event_text"] = [event.evidence.sentence]
        record["text_info"] = {"start": event.evidence.start, "end": event.evidence.end}
    fat = event.fatalities
    if fat is not None and (fat.best is not None or fat.injured is not None):
        record["size_info"] = {k: v for k, v in (("dead", fat.best), ("injured", fat.injured)) if v is not None}
    cite = {k: v for k, v in (("url", event.document_url), ("title", event.document_title),
                              ("publication", event.document_source)) if v}
    if cite:
        record["cite_info"] = cite
    record["coder"] = _coder()
    if coded_date:
        record["coded_date"] = coded_date
    if event.hedged:
        record["comment"] = "hedged: the source reports it as alleged or unconfirmed"
    return record


def _actor(actor: Actor) -> dict:
    out: dict[str, Any] = {"code": actor.country, "actor_text": actor.text}
    sector = plover_data()["sectors"].get(str(actor.kind)) if actor.kind else None
    if sector:
        out["sector"] = sector
    if actor.name:
        out["identifier_text"] = actor.name
    return out


def _location(place: Place) -> dict:
    info = country(place.country)
    out = {"geonameid": place.geonameid, "name": place.name or place.text,
           "latitude": place.latitude, "longitude": place.longitude,
           "country code": info["iso"] if info else None, "cc3": place.country,
           "admin1_name": place.admin1, "precision": str(place.precision) if place.precision else None}
    return {k: v for k, v in out.items() if v is not None}
