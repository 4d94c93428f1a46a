"""The SQLite store: one file in WAL mode, one writer, idempotent by content-hash ids.

Each document is written in its own transaction (document row, events, mentions, quotes
together), so a killed process leaves whole documents or none. Re-putting a document
whose content is unchanged touches nothing; a changed one (same id, re-processed by a
newer pipeline) replaces its old rows.
"""
from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..filters import Filters
from ..model import Document, DocumentInfo, Incident, StoredEvent, StoredIncident
from . import migrations, queries
from .rows import ACTOR_KEYS, PLACE_KEYS, document_rows, incident_rows, loads, sql_value
from .summary import Summary, summary

_DOC_INFO = [f.name for f in dataclasses.fields(DocumentInfo)]
_EVENT_SELECT = ("SELECT e.json, e.document_id, d.published AS document_published, d.source AS document_source, "
                 "d.url AS document_url, d.title AS document_title ")


class StoreError(Exception):
    """The database cannot be used as asked: missing, not an eventwire database, or newer."""


class Store:
    """`Store(path)`: open (creating or upgrading) the database at `path`.

    Safe to share between threads of one process (calls are serialised); several processes
    may read while one writes (WAL); a second writer waits up to `timeout` seconds. Takes and
    gives records (model.py): Document and Incident in; Document, DocumentInfo, StoredEvent
    and StoredIncident out.
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

    def put_document(self, doc: Document) -> bool:
        """Store one document with its events and mentions; True if anything was written.

        Same id and same content: nothing changes (False). Same id, new content: replaced.
        A failed document (with `error`) never replaces a good copy of itself.
        """
        rows = document_rows(doc)  # serialise before taking the write lock
        with self._lock:
            # The common re-ingest case needs no write lock (other processes keep writing).
            known = self._conn.execute(
                "SELECT 1 FROM documents WHERE id = ? AND fingerprint = ?", (doc.id, rows["fingerprint"])
            ).fetchone()
        if known:
            return False
        with self._write() as conn:
            old = conn.execute("SELECT fingerprint, error FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if old is not None:
                if old["fingerprint"] == rows["fingerprint"]:
                    return False
                if doc.error is not None and old["error"] is None:
                    return False
                self._delete_document(conn, doc.id)
            self._insert_document(conn, rows)
        return True

    def put_documents(self, docs: Iterable[Document]) -> tuple[int, int]:
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

    def documents(self, *, failed: bool | None = None, limit: int | None = None) -> list[DocumentInfo]:
        """Every stored document without its text, in ingest order; `failed=True/False` keeps
        only those."""
        sql = f"SELECT {', '.join(_DOC_INFO)} FROM documents"
        if failed is not None:
            sql += " WHERE error IS NOT NULL" if failed else " WHERE error IS NULL"
        sql += " ORDER BY ingested_at, id"
        params: list = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [DocumentInfo.from_dict({**dict(r), "error": loads(r["error"])}) for r in rows]

    def get_document(self, doc_id: str) -> Document | None:
        """The document as it was put (what `extract` printed), or None."""
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
        return Document.from_dict({
            **{k: row[k] for k in ("id", "title", "published", "published_from", "text", "url", "source",
                                   "published_raw", "language")},
            "removed": loads(row["removed"]) or [],
            "events": [json.loads(e["json"]) for e in events],
            "places": [{k: r[k] for k in PLACE_KEYS} for r in mentions["places"]],
            "actors": [{k: r[k] for k in ACTOR_KEYS} for r in mentions["actors"]],
            "quotes": [json.loads(r["json"]) for r in mentions["quotes"]],
            "quality": loads(row["quality"]) or {"score": 1.0, "flags": []},
            "error": loads(row["error"]),
            "warnings": loads(row["warnings"]) or [],
        })

    # -- events ----------------------------------------------------------------------------

    def events(self, filters: Filters | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[StoredEvent]:
        """The events `filters` select, ordered by date (undated last), each with what its
        document says of it (`document_id`, `document_published`, …)."""
        return list(self.iter_events(filters, limit=limit, offset=offset))

    def iter_events(self, filters: Filters | None = None, *, limit: int | None = None,
                    offset: int = 0) -> Iterator[StoredEvent]:
        """events() as a generator, for exports of any size (holds the store while it runs)."""
        clause, params = queries.where(filters, kind="events")
        sql = (f"{_EVENT_SELECT}FROM (SELECT * FROM events{clause}) e JOIN documents d ON d.id = e.document_id "
               "ORDER BY e.when_start IS NULL, e.when_start, e.document_id, e.ord")
        sql, params = _limit(sql, params, limit, offset)
        with self._lock:
            cursor = self._conn.execute(sql, params)
            try:
                while rows := cursor.fetchmany(500):
                    for r in rows:
                        yield _stored_event(r)
            finally:
                cursor.close()

    def get_event(self, event_id: str) -> StoredEvent | None:
        """One event as events() gives it, or None."""
        with self._lock:
            row = self._conn.execute(
                f"{_EVENT_SELECT}FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?", (event_id,)
            ).fetchone()
        return None if row is None else _stored_event(row)

    def select(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """The rows of one SELECT with bound parameters: for readers that aggregate in SQL
        (the web server's map cells and timeline) without a method here for each."""
        with self._lock:
            return self._conn.execute(sql, list(params)).fetchall()

    def count_events(self, filters: Filters | None = None) -> int:
        clause, params = queries.where(filters, kind="events")
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) FROM events{clause}", params).fetchone()[0]

    # -- incidents -------------------------------------------------------------------------

    def put_incidents(self, incidents: Iterable[Incident]) -> int:
        """Replace the whole set of incidents (one transaction); return how many were stored."""
        rows = incident_rows(list(incidents))
        with self._write() as conn:
            conn.execute("DELETE FROM incident_members")
            conn.execute("DELETE FROM incidents")
            for row, members in rows:
                conn.execute(
                    f"INSERT OR REPLACE INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    [sql_value(v) for v in row.values()],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO incident_members (incident_id, event_id, document_id) VALUES (?, ?, ?)",
                    [(row["id"], ev, doc) for ev, doc in members],
                )
        return len(rows)

    def incidents(self, filters: Filters | None = None, *, limit: int | None = None,
                  offset: int = 0) -> list[StoredIncident]:
        """The incidents `filters` select, ordered by date (undated last), with their member
        event ids."""
        clause, params = queries.where(filters, kind="incidents")
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
        return [StoredIncident.from_dict({**json.loads(r["json"]), "event_ids": members.get(r["id"], [])})
                for r in rows]

    # -- overview --------------------------------------------------------------------------

    def summary(self, *, top: int = 10) -> Summary:
        """Counts for a dashboard: documents, failures, events by type, top places, flagged pages."""
        with self._read():
            return summary(self._conn, top=top)


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


def _stored_event(row: sqlite3.Row) -> StoredEvent:
    return StoredEvent.from_dict({**json.loads(row["json"]), **{k: row[k] for k in row.keys() if k != "json"}})


def _quote(column: str) -> str:
    return f'"{column}"'


def _limit(sql: str, params: list, limit: int | None, offset: int) -> tuple[str, list]:
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, -1 if limit is None else int(limit), int(offset)]
    return sql, params
