"""UCDP GED-style CSV: the 49 columns of UCDP's Georeferenced Event Dataset, one row per event
of organised violence with at least one death.

Deaths are GED's best/low/high (ACLED-style conservative best, the range the text allows);
where_prec and date_prec are coded as GED's codebook defines them (data/ucdp.yaml);
type_of_violence follows from the actors' kinds. UCDP's own identifiers (conflict, dyad,
side ids, Gleditsch-Ward numbers) are left empty: news events carry none.
"""
from __future__ import annotations

import csv
import datetime
import functools
import math
from typing import IO, Any

from ..datafiles import read_yaml
from ..filters import Filters
from ..model import Actor, StoredEvent
from .cells import event_days, safe_cell
from .places import admin2, country, country_name


@functools.lru_cache(maxsize=1)
def ucdp_data() -> dict:
    return read_yaml("ucdp.yaml")


def write(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    columns = ucdp_data()["columns"]
    writer = csv.DictWriter(stream, fieldnames=columns, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for event in store.iter_events(filters):
        row = event_row(event)
        if row is not None:
            writer.writerow({k: safe_cell(row.get(k)) for k in columns})
            n += 1
    return n


def event_row(event: StoredEvent) -> dict | None:
    """The GED row of an event, or None when GED would not hold it (not organised violence,
    no death, no date, no place in a country)."""
    data = ucdp_data()
    fat = event.fatalities
    if event.event_type not in data["event_types"] or fat is None or not fat.best or fat.best < 1:
        return None
    dates = _dates(event)
    place = event.location
    if dates is None or place is None or not place.country or data["where_prec"].get(place.precision) is None:
        return None
    start, end, date_prec = dates
    iso3 = place.country.upper()
    lat, lon = place.latitude, place.longitude
    best = fat.best
    low = fat.low if fat.low is not None else best
    high = fat.high if fat.high is not None else best
    civilians = min(fat.civilians, best) if fat.civilians else 0
    side_a, side_b = _side(event.actor1, iso3), _side(event.actor2, iso3)
    violence = type_of_violence(event)
    if violence == 1 and _is_state(event.actor2) and not _is_state(event.actor1):
        side_a, side_b = side_b, side_a  # GED's side A of state-based violence is the government
    return {
        "id": event.id, "relid": event.id, "year": int(start[:4]),
        "type_of_violence": violence,
        "dyad_name": " - ".join(s for s in (side_a, side_b) if s) or None,
        "side_a": side_a, "side_b": side_b,
        "number_of_sources": 1,
        "source_article": _citation(event), "source_office": event.document_source,
        "source_date": event.document_published, "source_headline": event.document_title,
        "source_original": event.attribution.source if event.attribution else None,
        "where_prec": data["where_prec"][place.precision],
        "where_coordinates": _where(place.name, place.admin1, country_name(iso3)),
        "where_description": place.text,
        "adm_1": place.admin1, "adm_2": admin2(place),
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": priogrid(lat, lon),
        "country": country_name(iso3), "region": region(iso3),
        "event_clarity": 2 if event.hedged else 1,
        "date_prec": date_prec, "date_start": start, "date_end": end,
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": civilians, "deaths_unknown": best - civilians,
        "best": best, "high": max(high, best), "low": min(low, best),
    }


def type_of_violence(event: StoredEvent) -> int:
    data = ucdp_data()
    kinds = [a.kind for a in (event.actor1, event.actor2) if a is not None]
    if event.civilian_targeting or (event.actor2 is not None and event.actor2.kind in data["civilian_kinds"]):
        return 3
    if any(k in data["state_kinds"] for k in kinds):
        return 1
    return 2


def _dates(event: StoredEvent) -> tuple[str, str, int] | None:
    data = ucdp_data()
    days = event_days(event)
    if days is None:
        return None
    if not days.own:  # the week before the article
        start = days.end - datetime.timedelta(days=data["undated_days_before"])
        return start.isoformat(), days.end.isoformat(), data["undated_prec"]
    code = data["date_prec"].get(days.precision) or next(
        (c for most, c in data["date_prec_days"] if days.days <= most), data["date_prec_longer"])
    return days.start.isoformat(), days.end.isoformat(), code



def _is_state(actor: Actor | None) -> bool:
    return actor is not None and actor.kind in ucdp_data()["state_kinds"]


def _side(actor: Actor | None, iso3: str) -> str | None:
    """GED's name of a side; a state's forces without a country of their own are the event
    country's."""
    data = ucdp_data()
    if actor is None:
        return None
    home = actor.country or iso3
    if actor.kind in data["state_kinds"] and country_name(home):
        return data["state_side"].format(country=country_name(home))
    if actor.kind in data["civilian_kinds"]:
        return data["civilian_side"]
    return actor.name or actor.text


def _where(name: str | None, admin1: str | None, country_: str | None) -> str | None:
    parts = [p for p in (name, admin1 if admin1 != name else None, country_) if p]
    return ", ".join(parts) or None


def _citation(event: StoredEvent) -> str | None:
    parts = [p for p in (event.document_source, event.document_published,
                         f'"{event.document_title}"' if event.document_title else None, event.document_url) if p]
    return ", ".join(parts) or None


def priogrid(lat: float | None, lon: float | None) -> int | None:
    """The PRIO-GRID cell (0.5 degrees, numbered row by row from (-90, -180)) of a point."""
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    row = min(int(math.floor((lat + 90) / 0.5)), 359)
    col = min(int(math.floor((lon + 180) / 0.5)), 719)
    return row * 720 + col + 1


def region(iso3: str | None) -> str | None:
    if not iso3:
        return None
    data = ucdp_data()
    if iso3 in data["middle_east"]:
        return "Middle East"
    info = country(iso3)
    return data["continent_regions"].get(info.get("continentcode") or "") if info else None
