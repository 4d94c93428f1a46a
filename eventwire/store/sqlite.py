"""The SQLite store: one file in WAL mode, one writer, idempotent by content-hash ids.

Each document is written in its own transaction (document row, events, mentions, quotes
together), so a killed process leaves whole documents or none. Re-putting a document
whose content is unchanged touches nothing; a changed one (same id, re-processed by a
newer pipeline) replaces its old rows.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import pathlib
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..model import Document, Incident, to_dict
from . import migrations, queries

_EVENT_COLS = [name for name, _ in queries.EVENT_COLUMNS]
_INCIDENT_COLS = [name for name, _ in queries.INCIDENT_COLUMNS]
_DOC_META = ("id", "title", "published", "published_from", "url", "source", "quality_score", "n_events", "error",
             "ingested_at", "language")
_INT64 = (-(2**63), 2**63 - 1)


class StoreError(Exception):
    """The database cannot be used as asked: missing, not an eventwire database, or newer."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


class Store:
    """`Store(path)`: open (creating or upgrading) the database at `path`.

    Safe to share between threads of one process (calls are serialised); several processes
    may read while one writes (WAL); a second writer waits up to `timeout` seconds.
    """

    def __init__(self, path: str | pathlib.Path, *, timeout: float = 30.0, create: bool = True,
                 readonly: bool = False):
        """`create=False` (the read commands): refuse a path where no eventwire database is,
        rather than leave an empty one behind a typo. `readonly=True` (the web server): SQLite
        refuses every write on this connection; the database must already be at the latest
        schema (opening it once read-write upgrades it)."""
        self.path = str(path)
        create = create and not readonly
        if self.path != ":memory:":
            if not create and not os.path.isfile(self.path):
                raise StoreError(f"no database at {self.path}")
            if create:
                pathlib.Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            _file_uri(self.path) + ("?mode=ro" if readonly else ""), uri=True, timeout=timeout,
            isolation_level=None, check_same_thread=False,
        )
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            names = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "schema_migrations" not in names and (names or not create):
                # another program's database (the gazetteer index…) is not ours to add tables to
                raise StoreError(f"{self.path} is not an eventwire database")
            self._conn.create_function("haversine_km", 4, queries.haversine_km, deterministic=True)
            if readonly:
                _check_current(self._conn, self.path)
                return
            self._conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode survives a killed process; only power loss may drop the last commits.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrations.migrate(self._conn)
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, migrations.NewerSchemaError):
                raise StoreError(f"{self.path}: {exc}") from exc
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                raise StoreError(f"{self.path} is not an eventwire database ({exc})") from exc
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return migrations.current_version(self._conn)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One snapshot for several SELECTs, so another process's commit can't land between them."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    # -- documents -------------------------------------------------------------------------

    def put_document(self, doc: Document | dict) -> bool:
        """Store one document with its events and mentions; True if anything was written.

        Same id and same content: nothing changes (False). Same id, new content: replaced.
        A failed document (with `error`) never replaces a good copy of itself.
        """
        data = doc if isinstance(doc, dict) else to_dict(doc)
        if not data.get("id"):
            raise ValueError("a document needs an id")
        rows = _document_rows(data)  # serialise before taking the write lock
        with self._lock:
            # The common re-ingest case needs no write lock (other processes keep writing).
            known = self._conn.execute(
                "SELECT 1 FROM documents WHERE id = ? AND fingerprint = ?", (data["id"], rows["fingerprint"])
            ).fetchone()
        if known:
            return False
        with self._write() as conn:
            old = conn.execute(
                "SELECT fingerprint, error FROM documents WHERE id = ?", (data["id"],)
            ).fetchone()
            if old is not None:
                if old["fingerprint"] == rows["fingerprint"]:
                    return False
                if data.get("error") and old["error"] is None:
                    return False
                self._delete_document(conn, data["id"])
            self._insert_document(conn, rows)
        return True

    def put_documents(self, docs: Iterable[Document | dict]) -> tuple[int, int]:
        """Store many documents, each in its own transaction; return (written, unchanged)."""
        new = unchanged = 0
        for doc in docs:
            if self.put_document(doc):
                new += 1
            else:
                unchanged += 1
        return new, unchanged

    @staticmethod
    def _delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
        for table in ("events", "actors", "places", "quotes"):
            conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _insert_document(self, conn: sqlite3.Connection, rows: dict) -> None:
        doc = rows["document"]
        conn.execute(
            f"INSERT INTO documents ({', '.join(doc)}) VALUES ({', '.join('?' * len(doc))})",
            list(doc.values()),
        )
        inserted = 0
        for event in rows["events"]:
            cur = conn.execute(
                f"INSERT OR IGNORE INTO events ({', '.join(event)}) VALUES ({', '.join('?' * len(event))})",
                list(event.values()),
            )
            inserted += cur.rowcount
        conn.execute("UPDATE documents SET n_events = ? WHERE id = ?", (inserted, doc["id"]))
        for table in ("actors", "places", "quotes"):
            for row in rows[table]:
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(_quote(k) for k in row)}) "
                    f"VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )

    def has_document(self, doc_id: str, *, include_failed: bool = True) -> bool:
        sql = "SELECT 1 FROM documents WHERE id = ?" + ("" if include_failed else " AND error IS NULL")
        with self._lock:
            return self._conn.execute(sql, (doc_id,)).fetchone() is not None

    def documents(self, *, failed: bool | None = None, limit: int | None = None) -> list[dict]:
        """One light row per document (no text): id, title, published, url, source,
        quality_score, n_events, error, ingested_at. `failed=True/False` keeps only those."""
        sql = f"SELECT {', '.join(_DOC_META)} FROM documents"
        if failed is not None:
            sql += " WHERE error IS NOT NULL" if failed else " WHERE error IS NULL"
        sql += " ORDER BY ingested_at, id"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [{**dict(r), "error": _loads(r["error"])} for r in rows]

    def get_document(self, doc_id: str) -> dict | None:
        """The document as the contract's JSON (what `extract` printed), or None."""
        with self._read():
            row = self._conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return None
            events = self._conn.execute(
                "SELECT json FROM events WHERE document_id = ? ORDER BY ord", (doc_id,)
            ).fetchall()
            mentions = {
                table: self._conn.execute(
                    f"SELECT * FROM {table} WHERE document_id = ? ORDER BY ord", (doc_id,)
                ).fetchall()
                for table in ("places", "actors", "quotes")
            }
        mention_keys = {
            "places": ("text", "name", "country", "admin1", "latitude", "longitude", "geonameid",
                       "precision", "start", "end"),
            "actors": ("text", "name", "country", "kind", "start", "end"),
        }
        return {
            "id": row["id"],
            "title": row["title"],
            "published": row["published"],
            "published_from": row["published_from"],
            "text": row["text"],
            "url": row["url"],
            "source": row["source"],
            "removed": _loads(row["removed"]) or [],
            "events": [json.loads(e["json"]) for e in events],
            "places": [{k: r[k] for k in mention_keys["places"]} for r in mentions["places"]],
            "actors": [{k: r[k] for k in mention_keys["actors"]} for r in mentions["actors"]],
            "quotes": [json.loads(r["json"]) for r in mentions["quotes"]],
            "quality": _loads(row["quality"]) or {"score": 1.0, "flags": []},
            "error": _loads(row["error"]),
            "published_raw": row["published_raw"],
            "language": row["language"],
            "warnings": _loads(row["warnings"]) or [],
        }

    # -- events ----------------------------------------------------------------------------

    def events(
        self,
        *,
        type: str | None = None,
        sub_type: str | None = None,
        country: str | None = None,
        actor: str | None = None,
        since: Any = None,
        until: Any = None,
        near: tuple[float, float, float] | None = None,
        min_quality: float | None = None,
        text: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict]:
        """Contract EVENT dicts plus `document_id`, `document_published`, `document_source`,
        `document_url`, `document_title`; ordered by date (undated last).

        type: ACLED event_type or PLOVER type; country: ISO3 of the location; actor: canonical
        name or mention text, case-insensitive, '*' as wildcard; since/until: YYYY[-MM[-DD]]
        (overlap; undated events use the publication date); near: (lat, lon, km); min_quality:
        the page's quality score at least; text: in the evidence sentence (case-insensitive).
        """
        return list(self.iter_events(
            type=type, sub_type=sub_type, country=country, actor=actor, since=since, until=until,
            near=near, min_quality=min_quality, text=text, document_id=document_id, limit=limit, offset=offset,
        ))

    def iter_events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> Iterator[dict]:
        """events() as a generator, for exports of any size (holds the store while it runs)."""
        clause, params = queries.where(kind="events", **filters)
        sql = (
            "SELECT e.json, e.document_id, d.published, d.source, d.url, d.title "
            f"FROM (SELECT * FROM events{clause}) e JOIN documents d ON d.id = e.document_id "
            "ORDER BY e.when_start IS NULL, e.when_start, e.document_id, e.ord"
        )
        sql, params = _limit(sql, params, limit, offset)
        with self._lock:
            cursor = self._conn.execute(sql, params)
            try:
                while rows := cursor.fetchmany(500):
                    for r in rows:
                        yield _event_dict(r)
            finally:
                cursor.close()

    def get_event(self, event_id: str) -> dict | None:
        """One event as events() gives it, or None."""
        with self._lock:
            row = self._conn.execute(
                "SELECT e.json, e.document_id, d.published, d.source, d.url, d.title "
                "FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?", (event_id,)
            ).fetchone()
        return None if row is None else _event_dict(row)

    def select(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """The rows of one SELECT with bound parameters: for readers that aggregate in SQL
        (the web server's map cells and timeline) without a method here for each."""
        with self._lock:
            return self._conn.execute(sql, list(params)).fetchall()

    def count_events(self, **filters: Any) -> int:
        clause, params = queries.where(kind="events", **filters)
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) FROM events{clause}", params).fetchone()[0]

    # -- incidents -------------------------------------------------------------------------

    def put_incidents(self, incidents: Iterable[Incident | dict]) -> int:
        """Replace the whole set of incidents (one transaction); return how many were stored."""
        rows = []
        for ord_, incident in enumerate(incidents):
            data = incident if isinstance(incident, dict) else to_dict(incident)
            if not data.get("id"):
                raise ValueError("an incident needs an id")
            flat = queries.flatten_incident(data)
            row = {"id": data["id"], "ord": ord_, **flat,
                   "actors": _dumps(list(data.get("actors") or [])), "json": _dumps(data)}
            members = {(s.get("event_id"), s.get("document_id"))
                       for s in data.get("sources") or [] if isinstance(s, dict) and s.get("event_id")}
            rows.append((row, sorted(members)))
        with self._write() as conn:
            conn.execute("DELETE FROM incident_members")
            conn.execute("DELETE FROM incidents")
            for row, members in rows:
                conn.execute(
                    f"INSERT OR REPLACE INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    [_sql_value(v) for v in row.values()],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO incident_members (incident_id, event_id, document_id) VALUES (?, ?, ?)",
                    [(row["id"], ev, doc) for ev, doc in members],
                )
        return len(rows)

    def incidents(
        self,
        *,
        type: str | None = None,
        sub_type: str | None = None,
        country: str | None = None,
        actor: str | None = None,
        since: Any = None,
        until: Any = None,
        near: tuple[float, float, float] | None = None,
        min_quality: float | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict]:
        """Incident dicts (Incident.to_dict shape) plus `event_ids`; same filters as events()."""
        clause, params = queries.where(
            kind="incidents", type=type, sub_type=sub_type, country=country, actor=actor,
            since=since, until=until, near=near, min_quality=min_quality, text=text,
        )
        sql = f"SELECT id, json FROM incidents{clause} ORDER BY date_start IS NULL, date_start, ord"
        sql, page_params = _limit(sql, params, limit, offset)
        with self._read():
            rows = self._conn.execute(sql, page_params).fetchall()
            members: dict[str, list[str]] = {}
            if rows:
                for m in self._conn.execute(
                    "SELECT incident_id, event_id FROM incident_members WHERE incident_id IN "
                    f"(SELECT id FROM incidents{clause}) ORDER BY incident_id, event_id",
                    params,
                ):
                    members.setdefault(m["incident_id"], []).append(m["event_id"])
        out = []
        for r in rows:
            incident = json.loads(r["json"])
            incident["event_ids"] = members.get(r["id"], [])
            out.append(incident)
        return out

    # -- overview --------------------------------------------------------------------------

    def summary(self, *, top: int = 10) -> dict:
        """Counts for a dashboard: documents, failures, events by type, top places, flagged pages."""
        with self._read():
            one = lambda sql: self._conn.execute(sql).fetchone()[0]  # noqa: E731
            by_type = self._conn.execute(
                "SELECT COALESCE(event_type, '(outside ACLED)') AS t, COUNT(*) AS n FROM events "
                "GROUP BY t ORDER BY n DESC, t"
            ).fetchall()
            by_plover = self._conn.execute(
                "SELECT plover_type AS t, COUNT(*) AS n FROM events GROUP BY t ORDER BY n DESC, t"
            ).fetchall()
            places = self._conn.execute(
                "SELECT location_name, location_country, COUNT(*) AS n FROM events "
                "WHERE location_name IS NOT NULL GROUP BY location_name, location_country "
                "ORDER BY n DESC, location_name LIMIT ?", (top,)
            ).fetchall()
            docs = self._conn.execute(
                "SELECT id, title, quality_score, quality FROM documents WHERE error IS NULL "
                "AND (quality_score < 0.5 OR json_array_length(quality, '$.flags') > 0)"
            ).fetchall()
            dates = self._conn.execute("SELECT MIN(when_start), MAX(when_end) FROM events").fetchone()
            result = {
                "documents": one("SELECT COUNT(*) FROM documents"),
                "failed_documents": one("SELECT COUNT(*) FROM documents WHERE error IS NOT NULL"),
                "events": one("SELECT COUNT(*) FROM events"),
                "incidents": one("SELECT COUNT(*) FROM incidents"),
                "fatalities_best": one("SELECT COALESCE(SUM(fatalities_best), 0) FROM events"),
                "date_range": [dates[0], dates[1]],
            }
        flagged = []
        for d in docs:
            flags = (_loads(d["quality"]) or {}).get("flags") or []
            score = d["quality_score"]
            if flags or (score is not None and score < 0.5):
                kinds = sorted({f.get("kind") for f in flags if isinstance(f, dict) and f.get("kind")})
                flagged.append({"id": d["id"], "title": d["title"], "quality_score": score, "flags": kinds})
        flagged.sort(key=lambda f: (f["quality_score"] if f["quality_score"] is not None else 1.0, f["id"]))
        result["events_by_type"] = {r["t"]: r["n"] for r in by_type}
        result["events_by_plover_type"] = {r["t"]: r["n"] for r in by_plover}
        result["top_places"] = [
            {"name": p["location_name"], "country": p["location_country"], "events": p["n"]} for p in places
        ]
        result["flagged_documents"] = len(flagged)
        result["flagged"] = flagged[: max(top * 5, 50)]
        return result


def _check_current(conn: sqlite3.Connection, path: str) -> None:
    """A read-only connection cannot migrate: refuse a database at another schema version."""
    have = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0
    if have != migrations.LATEST:
        raise StoreError(f"{path} has schema version {have}, this eventwire reads {migrations.LATEST}: "
                         "open it once with a writing command (e.g. eventwire ingest) first")


def _file_uri(path: str) -> str:
    """The path as an SQLite URI naming exactly that file: a path is never read as a URI
    itself ("file:x.db?mode=memory" is a file of that name), so its own options are inert."""
    if path == ":memory:":
        return "file::memory:"
    return "file:" + urllib.parse.quote(os.path.abspath(path))


def _event_dict(row: sqlite3.Row) -> dict:
    event = json.loads(row["json"])
    event["document_id"] = row["document_id"]
    event["document_published"] = row["published"]
    event["document_source"] = row["source"]
    event["document_url"] = row["url"]
    event["document_title"] = row["title"]
    return event


def _quote(column: str) -> str:
    return f'"{column}"'


def _limit(sql: str, params: list, limit: int | None, offset: int) -> tuple[str, list]:
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, -1 if limit is None else int(limit), int(offset)]
    return sql, params


def _document_rows(data: dict) -> dict:
    """All rows of one document, serialised; raises before any write if data is bad."""
    doc_id = data["id"]
    if not isinstance(doc_id, str):
        raise ValueError(f"a document id must be text, not {type(doc_id).__name__}")
    published = data.get("published")
    try:
        fingerprint = hashlib.sha256(
            json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        ).hexdigest()
    except UnicodeEncodeError as exc:
        raise ValueError(f"document {doc_id.encode('utf-8', 'backslashreplace').decode()} holds text that "
                         "is not valid Unicode (a lone surrogate)") from exc
    quality = data.get("quality") or {"score": 1.0, "flags": []}
    error = data.get("error")
    document = {
        "id": doc_id,
        "title": data.get("title"),
        "published": published,
        "published_from": data.get("published_from"),
        "url": data.get("url"),
        "source": data.get("source"),
        "text": data.get("text") or "",
        "quality_score": None if error else queries._float(quality.get("score")),
        "quality": _dumps(quality),
        "removed": _dumps(data.get("removed") or []),
        "error": _dumps(error) if error else None,
        "ingested_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "fingerprint": fingerprint,
        "published_raw": data.get("published_raw"),
        "language": data.get("language"),
        "warnings": _dumps(data["warnings"]) if data.get("warnings") else None,
    }
    events = []
    for ord_, event in enumerate(data.get("events") or []):
        if not event.get("id"):
            raise ValueError(f"an event of document {doc_id} has no id")
        try:
            flat = queries.flatten_event(event)
        except ValueError as exc:
            raise ValueError(f"document {doc_id}: event {ord_}: {exc}") from exc
        events.append({
            "id": event["id"], "document_id": doc_id, "ord": ord_,
            **{k: _sql_value(flat[k]) for k in _EVENT_COLS},
            "when_start": flat["date_start"] or flat["date_end"] or published,
            "when_end": flat["date_end"] or flat["date_start"] or published,
            "json": _dumps(event),
        })
    actors = [
        {"document_id": doc_id, "ord": i, **{k: a.get(k) for k in ("text", "name", "country", "kind", "start", "end")}}
        for i, a in enumerate(data.get("actors") or [])
    ]
    places = [
        {"document_id": doc_id, "ord": i,
         **{k: p.get(k) for k in ("text", "name", "country", "admin1", "latitude", "longitude",
                                  "geonameid", "precision", "start", "end")}}
        for i, p in enumerate(data.get("places") or [])
    ]
    quotes = [
        {"document_id": doc_id, "ord": i, "speaker_name": (q.get("speaker") or {}).get("name"),
         "text": q.get("text"), "start": q.get("start"), "end": q.get("end"),
         "attribution": q.get("attribution"), "json": _dumps(q)}
        for i, q in enumerate(data.get("quotes") or [])
    ]
    _check_row(doc_id, "document", document)
    for table, table_rows in (("event", events), ("actor", actors), ("place", places), ("quote", quotes)):
        for row in table_rows:
            _check_row(doc_id, table, row)
    return {"document": document, "events": events, "actors": actors, "places": places,
            "quotes": quotes, "fingerprint": fingerprint}


def _check_row(doc_id: str, table: str, row: dict) -> None:
    """Raise ValueError for a value SQLite cannot hold (a dict as a title, a list as an id, a
    toll beyond 64 bits): documents from `ingest --extracted` were written elsewhere."""
    for key, value in row.items():
        if value is None or isinstance(value, (str, float, bool)):
            continue
        if isinstance(value, int):
            if not _INT64[0] <= value <= _INT64[1]:
                raise ValueError(f"document {doc_id}: {table} {key} = {value} is out of range")
            continue
        raise ValueError(f"document {doc_id}: {table} {key} must be text or a number, not {type(value).__name__}")
