"""The record and flat-table exports: JSONL, GeoJSON, Parquet (phase 1 port)."""
from __future__ import annotations

import io
import json
import pathlib
from collections.abc import Iterator
from typing import IO, Any

from ..filters import Filters
from ..flat import EVENT_ROW, INCIDENT_ROW, flat_event, flat_incident


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


def parquet(store: Any, out: str | pathlib.Path | IO, what: str, filters: Filters) -> int:
    import pyarrow as pa  # imported on first use: heavy
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet needs a path or a binary file, not a text stream")
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    columns = INCIDENT_ROW if what == "incidents" else EVENT_ROW
    rows = list(_flat_rows(store, what, filters))
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    table = pa.Table.from_pylist([{name: r.get(name) for name, _ in columns} for r in rows], schema=schema)
    pq.write_table(table, str(out) if isinstance(out, pathlib.Path) else out)
    return len(rows)
