"""The record and flat-table exports: JSONL (records), GeoJSON and GeoParquet (flat rows).

The Parquet file is GeoParquet 1.0: a `geometry` column of WKB Points (lon, lat; null where the
row has no coordinates) described by the `geo` key of the file metadata (encoding, geometry
types, bounding box; no `crs` key, which the specification reads as OGC:CRS84), dates as
date32 and counts as int64, so geopandas.read_parquet opens it as a GeoDataFrame.
"""
from __future__ import annotations

import io
import json
import pathlib
import struct
from collections.abc import Iterator
from typing import IO, Any

from ..filters import Filters
from ..flat import EVENT_ROW, INCIDENT_ROW, flat_event, flat_incident
from .cells import iso_day


def _records(store: Any, what: str, filters: Filters) -> Iterator[Any]:
    if what == "incidents":
        return iter(store.incidents(filters))
    return store.iter_events(filters)


def _flat_rows(store: Any, what: str, filters: Filters) -> Iterator[dict]:
    flatten = flat_incident if what == "incidents" else flat_event
    return (flatten(r) for r in _records(store, what, filters))


def jsonl(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    """One record a line: the events (with their document's fields) or incidents as the store
    gives them, or whole documents (only those with a selected event when filters are set)."""
    if what == "documents":
        if filters.given():
            ids = list(dict.fromkeys(e.document_id for e in store.events(filters)))
        else:
            ids = [d.id for d in store.documents()]
        rows: Any = (store.get_document(i) for i in ids)
    else:
        rows = _records(store, what, filters)
    n = 0
    for row in rows:
        if row is None:
            continue
        stream.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson(store: Any, stream: IO[str], what: str, filters: Filters) -> int:
    """A FeatureCollection of Points [lon, lat] with the flat row as properties; rows without
    coordinates are left out."""
    features = []
    for flat in _flat_rows(store, what, filters):
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


GEO_VERSION = "1.0.0"


def point_wkb(lon: float, lat: float) -> bytes:
    """A Point as ISO WKB: little-endian byte order (1), geometry type 1, x = lon, y = lat."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


def geo_metadata(rows: list[dict]) -> dict:
    """The `geo` file metadata of GeoParquet 1.0 for the rows' points."""
    lons = [r["location_lon"] for r in rows if r.get("location_lon") is not None and r.get("location_lat") is not None]
    lats = [r["location_lat"] for r in rows if r.get("location_lon") is not None and r.get("location_lat") is not None]
    column: dict = {"encoding": "WKB", "geometry_types": ["Point"]}
    if lons:
        column["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return {"version": GEO_VERSION, "primary_column": "geometry", "columns": {"geometry": column}}


def parquet(store: Any, out: str | pathlib.Path | IO, what: str, filters: Filters) -> int:
    import pyarrow as pa  # imported on first use: heavy
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet needs a path or a binary file, not a text stream")
    types = {"str": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64(),
             "bool": pa.bool_(), "list": pa.list_(pa.string())}
    columns = INCIDENT_ROW if what == "incidents" else EVENT_ROW
    rows = list(_flat_rows(store, what, filters))
    schema = pa.schema([*((name, types[kind]) for name, kind in columns), ("geometry", pa.binary())],
                       metadata={"geo": json.dumps(geo_metadata(rows))})
    dates = [name for name, kind in columns if kind == "date"]
    table = pa.Table.from_pylist([
        {**{name: r.get(name) for name, _ in columns}, **{name: iso_day(r.get(name)) for name in dates},
         "geometry": None if r.get("location_lat") is None or r.get("location_lon") is None
         else point_wkb(r["location_lon"], r["location_lat"])}
        for r in rows], schema=schema)
    if isinstance(out, (str, pathlib.Path)):
        # opened here: given a path, pyarrow deletes it when a write fails, even a device (/dev/full)
        with open(out, "wb") as stream:
            pq.write_table(table, stream)
    else:
        pq.write_table(table, out)
    return len(rows)
