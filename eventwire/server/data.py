"""Everything the web server reads from the store, over read-only connections.

The one module of the server that knows the store: its Store methods for whole records and
exports, and the SQL for what the page needs in bulk (a page of light rows, map cells, the
timeline, counts), aggregated in the database so that 100,000 events cost one scan, not a
transfer. The database is an SQLite file or a PostgreSQL URL (`open_store`); the SQL that differs
between the two is the store's `Dialect`. Filters are the store's own `Filters` record
(`queries.where`), so the page, the CLI and the exports agree.
"""
from __future__ import annotations

import datetime
import functools
import json
import threading
from collections import Counter, OrderedDict
from typing import IO, Any

from ..export import export
from ..filters import Filters
from ..store import BaseStore, open_store, queries

# Light rows of the list views: what a table line and a map popup show.
_EVENT_ROW = (
    "e.id, e.document_id, e.event_type, e.sub_event_type, e.plover_type, "
    "COALESCE(e.actor1_name, e.actor1_text) AS actor1, COALESCE(e.actor2_name, e.actor2_text) AS actor2, "
    "e.location_name, e.location_country, e.location_lat AS latitude, e.location_lon AS longitude, "
    "e.when_start AS date, e.fatalities_best AS fatalities, e.attribution_source, "
    "e.evidence_sentence AS evidence, d.title AS document_title, d.source AS document_source, "
    "d.quality_score"
)
_EVENT_ORDER = "e.when_start IS NULL, e.when_start, e.document_id, e.ord"
_INCIDENT_ROW = (
    "id, event_type, sub_event_type, plover_type, location_name, location_country, "
    "location_lat AS latitude, location_lon AS longitude, date_start, date_end, fatalities_best AS fatalities, "
    "fatalities_low, fatalities_high, corroboration, n_sources, actors"
)
_INCIDENT_ORDER = "date_start IS NULL, date_start, ord"
OTHER_TYPE = "Other (outside ACLED)"  # events typed by PLOVER alone
_CACHED = 256  # aggregate answers kept until the database changes


def _cached(method):
    """Keep a Reader method's answers while the database is unchanged (the store's change
    mark): the page asks for the same counts again and again, and another process may ingest
    meanwhile."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        key = (method.__name__, json.dumps([args, kwargs], sort_keys=True, default=str), self._store().change_mark())
        with self._guard:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = method(self, *args, **kwargs)
        with self._guard:
            self._cache[key] = value
            while len(self._cache) > _CACHED:
                self._cache.popitem(last=False)
        return value

    return wrapper


class Reader:
    """Read-only access to one eventwire database, safe to share between the server's threads."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._stores: list[BaseStore] = []
        self._generation = 0  # bumped by close(): each thread then opens its store afresh
        self._guard = threading.Lock()
        self._cache: OrderedDict = OrderedDict()
        self.sql = self._store().sql  # checks the database and its schema now, not at the first request

    def close(self) -> None:
        with self._guard:
            for store in self._stores:
                store.close()
            self._stores.clear()
            self._generation += 1

    def _store(self) -> BaseStore:
        """One read-only store per thread: readers (SQLite in WAL mode, PostgreSQL connections)
        never wait for each other."""
        mine = getattr(self._local, "store", None)
        if mine is None or mine[0] != self._generation:
            store = open_store(self.path, readonly=True)
            with self._guard:
                self._stores.append(store)
                self._local.store = mine = (self._generation, store)
        return mine[1]

    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        return self._store().select(sql, params)

    def _all(self, sql: str, params: list | tuple = ()) -> list[dict]:
        return [dict(r) for r in self._rows(sql, params)]

    def _one(self, sql: str, params: list | tuple = ()) -> Any:
        return self._rows(sql, params)[0][0]

    # -- lists -----------------------------------------------------------------------------

    def events_page(self, filters: Filters, *, limit: int, offset: int, bbox: tuple | None = None) -> dict:
        """One page of light event rows, in the store's order (date, then document and position)."""
        clause, params = self._where("events", filters, bbox)
        # The page's rows are picked along the page-order index first, and only those 100 are
        # read whole: skipping 90,000 rows then costs index entries, not table rows.
        rows = self._all(
            f"SELECT {_EVENT_ROW} FROM (SELECT {self.sql.row_key} AS rid FROM events{clause} "
            f"ORDER BY {_EVENT_ORDER.replace('e.', '')} LIMIT ? OFFSET ?) p "
            f"JOIN events e ON e.{self.sql.row_key} = p.rid JOIN documents d ON d.id = e.document_id ORDER BY {_EVENT_ORDER}",
            [*params, limit, offset])
        return {"total": self._count("events", filters, bbox), "limit": limit, "offset": offset, "items": rows}

    def incidents_page(self, filters: Filters, *, limit: int, offset: int, bbox: tuple | None = None) -> dict:
        clause, params = self._where("incidents", filters, bbox)
        rows = self._all(f"SELECT {_INCIDENT_ROW} FROM incidents{clause} ORDER BY {_INCIDENT_ORDER} "
                         "LIMIT ? OFFSET ?", [*params, limit, offset])
        for row in rows:
            row["actors"] = json.loads(row["actors"] or "[]")
        return {"total": self._count("incidents", filters, bbox), "limit": limit, "offset": offset, "items": rows}

    @_cached
    def _count(self, kind: str, filters: Filters, bbox: tuple | None) -> int:
        clause, params = self._where(kind, filters, bbox)
        return self._one(f"SELECT COUNT(*) FROM {kind}{clause}", params)

    # -- single records --------------------------------------------------------------------

    def event(self, event_id: str) -> dict | None:
        """The contract EVENT with its document's metadata and the incidents that hold it."""
        stored = self._store().get_event(event_id)
        if stored is None:
            return None
        event = stored.to_dict()
        event["incident_ids"] = [r["incident_id"] for r in self._all(
            "SELECT incident_id FROM incident_members WHERE event_id = ? ORDER BY incident_id", [event_id])]
        return event

    def document(self, doc_id: str) -> dict | None:
        """The document as `extract` printed it (text, events, flags, what the cleaner removed)."""
        stored = self._store().get_document(doc_id)
        if stored is None:
            return None
        doc = stored.to_dict()
        doc["quality_score"] = self._one("SELECT quality_score FROM documents WHERE id = ?", [doc_id])
        return doc

    def incident(self, incident_id: str) -> dict | None:
        """The incident with `event_ids`, and `documents`: each source page's title, outlet,
        date and quality, for the side-by-side view."""
        rows = self._rows("SELECT json FROM incidents WHERE id = ?", [incident_id])
        if not rows:
            return None
        incident = json.loads(rows[0][0])
        incident["event_ids"] = [r["event_id"] for r in self._all(
            "SELECT event_id FROM incident_members WHERE incident_id = ? ORDER BY event_id", [incident_id])]
        ids = list(dict.fromkeys(s.get("document_id") for s in incident.get("sources") or []
                                 if isinstance(s, dict) and s.get("document_id")))
        docs = {r["id"]: r for r in self._all(
            "SELECT id, title, source, url, published, quality_score FROM documents "
            f"WHERE id IN ({', '.join('?' * len(ids))})", ids)} if ids else {}
        incident["documents"] = [docs[i] for i in ids if i in docs]
        return incident

    # -- aggregates ------------------------------------------------------------------------

    @_cached
    def clusters(self, kind: str, filters: Filters, *, cell: float, bbox: tuple | None) -> list[dict]:
        """Grid cells of `cell` degrees holding located events (or incidents) in `bbox`: count,
        mean position, extent, counts per type, and the id when a cell holds one record.
        The database groups by exact place and type (places repeat: events are geocoded to towns);
        the places then fall into cells here."""
        clause, params = self._where(kind, filters, bbox)
        clause += (" AND " if clause else " WHERE ") + "location_lat IS NOT NULL AND location_lon IS NOT NULL"
        rows = self._rows(f"SELECT location_lat, location_lon, event_type, COUNT(*), MIN(id) FROM {kind}{clause} "
                          "GROUP BY location_lat, location_lon, event_type", params)
        cells: dict[tuple[int, int], dict] = {}
        for lat, lon, etype, n, first in rows:
            key = (int((lat + 90) // cell), int((lon + 180) // cell))
            c = cells.get(key)
            if c is None:
                c = cells[key] = {"count": 0, "lat": 0.0, "lon": 0.0, "types": {}, "id": first,
                                  "bounds": [lat, lon, lat, lon]}
            c["count"] += n
            c["lat"] += lat * n
            c["lon"] += lon * n
            t = etype or OTHER_TYPE
            c["types"][t] = c["types"].get(t, 0) + n
            b = c["bounds"]
            c["bounds"] = [min(b[0], lat), min(b[1], lon), max(b[2], lat), max(b[3], lon)]
        out = []
        for c in cells.values():
            c["lat"], c["lon"] = c["lat"] / c["count"], c["lon"] / c["count"]
            if c["count"] > 1:
                c["id"] = None
            out.append(c)
        out.sort(key=lambda c: -c["count"])
        return out

    @_cached
    def timeline(self, kind: str, filters: Filters, *, bucket: str) -> dict:
        """Counts per day, week (starting Monday) or month of the records' dates; `bucket`
        "auto" picks by the span: days up to 90 days, weeks up to 3 years, then months."""
        clause, params = self._where(kind, filters, None)
        col = "when_start" if kind == "events" else "date_start"
        clause += (" AND " if clause else " WHERE ") + f"{col} IS NOT NULL"
        days = self._rows(
            f"SELECT substr({col}, 1, 10) AS d, COUNT(*) FROM {kind}{clause} GROUP BY d ORDER BY d", params
        )
        parsed = [(day, n) for day, n in ((_day(d), n) for d, n in days) if day is not None]
        if bucket == "auto":
            span = (parsed[-1][0] - parsed[0][0]).days if parsed else 0
            bucket = "day" if span <= 90 else "week" if span <= 3 * 366 else "month"
        counts: Counter = Counter()
        for day, n in parsed:
            counts[_bucket_start(day, bucket)] += n
        return {"bucket": bucket, "counts": [{"start": d.isoformat(), "end": _bucket_end(d, bucket).isoformat(),
                                              "count": n} for d, n in sorted(counts.items())]}

    @_cached
    def stats(self, filters: Filters, *, top: int = 15) -> dict:
        """Counts of the filtered records for the page's header and filter choices (each a scan
        of the narrow index at most, not of the event rows)."""
        clause, params = self._where("events", filters, None)
        events, documents, deaths, first, last = self._rows(
            "SELECT COUNT(*), COUNT(DISTINCT document_id), COALESCE(SUM(fatalities_best), 0), MIN(when_start), "
            f"MAX(when_end) FROM events{clause}", params)[0]
        # Filtered, "+" keeps SQLite scanning the covering index rather than walking the
        # column's own index in order with a table lookup for every row to test the filter.
        plus = self.sql.unindexed if clause else ""
        count = lambda column: self._rows(  # noqa: E731
            f"SELECT {plus}{column} AS k, COUNT(*) FROM events{clause} GROUP BY k", params)
        by_type = Counter({t or OTHER_TYPE: n for t, n in count("event_type")})
        by_country = Counter({c: n for c, n in count("location_country") if c is not None})
        actors: Counter = Counter()
        for side in ("actor1_name", "actor2_name"):
            actors.update({a: n for a, n in count(side) if a is not None})
        in_clause, in_params = self._where("incidents", filters, None)
        return {
            # int(): PostgreSQL sums 64-bit integers as numeric (a Decimal)
            "events": events, "documents": documents, "fatalities_best": int(deaths), "date_range": [first, last],
            "incidents": self._one(f"SELECT COUNT(*) FROM incidents{in_clause}", in_params),
            "by_type": _ranked(by_type), "by_country": _ranked(by_country),
            "top_actors": _ranked(actors)[:top],
        }

    # -- downloads -------------------------------------------------------------------------

    def export(self, fmt: str, what: str, filters: Filters, out: IO[str]) -> int:
        """The current filter as a file, by the CLI's exporter (`eventwire export`)."""
        return export(self._store(), fmt, out, what=what, filters=filters)

    def _where(self, kind: str, filters: Filters, bbox: tuple | None) -> tuple[str, list]:
        """The store's WHERE clause, plus the map's bounding box (south, west, north, east)."""
        clause, params = queries.where(filters, kind=kind, sql=self.sql)
        if bbox is not None:
            south, west, north, east = bbox
            lon = "location_lon BETWEEN ? AND ?" if west <= east else "(location_lon >= ? OR location_lon <= ?)"
            clause += (" AND " if clause else " WHERE ") + f"location_lat BETWEEN ? AND ? AND {lon}"
            params = [*params, south, north, west, east]
        return clause, params


def _ranked(counts: Counter) -> list[dict]:
    return [{"name": k, "count": n} for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:  # a month or year alone: its first day
        try:
            return datetime.date.fromisoformat((text + "-01-01")[:10])
        except ValueError:
            return None


def _bucket_start(day: datetime.date, bucket: str) -> datetime.date:
    if bucket == "week":
        return day - datetime.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _bucket_end(start: datetime.date, bucket: str) -> datetime.date:
    if bucket == "week":
        return start + datetime.timedelta(days=6)
    if bucket == "month":
        following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return start
