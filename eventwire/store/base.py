"""What both stores (SQLite, PostgreSQL) do the same way: records in, records out, idempotent by
content-hash ids. A backend gives the connection (`self._conn`, whose `execute(sql, params)`
takes `?` placeholders and returns rows readable by name and by position), its `Dialect`, and
the transactions `_write()` / `_read()`.

Each document is written in its own transaction (document row, events, mentions, quotes
together), so a killed process leaves whole documents or none. Re-putting a document whose
content is unchanged touches nothing; a changed one (same id, re-processed by a newer pipeline)
replaces its old rows.
"""
from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ..filters import Filters
from ..model import Document, DocumentInfo, Incident, StoredEvent, StoredIncident
from . import migrations, queries
from .dialect import Dialect
from .rows import ACTOR_KEYS, PLACE_KEYS, document_rows, incident_rows, loads, sql_value
from .summary import Summary, summary

_DOC_INFO = [f.name for f in dataclasses.fields(DocumentInfo)]
_EVENT_SELECT = ("SELECT e.json, e.document_id, d.published AS document_published, d.source AS document_source, "
                 "d.url AS document_url, d.title AS document_title ")
_MENTIONS = ("events", "actors", "places", "quotes")


class StoreError(Exception):
    """The database cannot be used as asked: missing, not an eventwire database, or newer."""


class BaseStore:
    """The store's methods over any backend; see sqlite.Store and postgres.PostgresStore."""

    sql: Dialect
    _conn: Any
    _lock: threading.RLock

    def _write(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _lock_document(self, conn: Any, doc_id: str) -> None:
        """Inside a write: no other writer may write `doc_id` until this one commits."""

    def _lock_incidents(self, conn: Any) -> None:
        """Inside a write: no other writer may replace the incidents until this one commits."""

    def merging(self) -> AbstractContextManager[Any]:
        """Held while incidents are merged (reading the events, then put_incidents): merges of
        several writers take turns, so the last one has read what every writer stored. SQLite's
        writers take turns on the whole file already."""
        return nullcontext()

    def change_mark(self) -> tuple:
        """A value that changes whenever anything is written to the database, by any process:
        readers keep answers computed from it until it changes (the web server's counts)."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        with self._lock:
            return migrations.current_version(self._conn)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            self._lock_document(conn, doc.id)
            old = conn.execute("SELECT fingerprint, error FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if old is not None:
                if old["fingerprint"] == rows["fingerprint"]:
                    return False
                if doc.error is not None and old["error"] is None:
                    return False
                for table in _MENTIONS:
                    conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc.id,))
                conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
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

    def _insert_document(self, conn: Any, rows: dict) -> None:
        doc = rows["document"]
        conn.execute(self.sql.insert("documents", doc), list(doc.values()))
        inserted = 0
        for event in rows["events"]:
            # an event id already stored (by another document) stays with its first document
            cur = conn.execute(self.sql.insert("events", event, conflict="ignore"), list(event.values()))
            inserted += cur.rowcount
        conn.execute("UPDATE documents SET n_events = ? WHERE id = ?", (inserted, doc["id"]))
        for table in ("actors", "places", "quotes"):
            for row in rows[table]:
                conn.execute(self.sql.insert(table, row), list(row.values()))

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
        with self._read() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return None
            events = conn.execute("SELECT json FROM events WHERE document_id = ? ORDER BY ord", (doc_id,)).fetchall()
            mentions = {
                table: conn.execute(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY ord", (doc_id,)).fetchall()
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
        clause, params = queries.where(filters, kind="events", sql=self.sql)
        sql = (f"{_EVENT_SELECT}FROM (SELECT * FROM events{clause}) e JOIN documents d ON d.id = e.document_id "
               "ORDER BY e.when_start IS NULL, e.when_start, e.document_id, e.ord")
        sql, params = self._limit(sql, params, limit, offset)
        with self._lock:
            yield from self._stream(sql, params)

    def _stream(self, sql: str, params: list) -> Iterator[StoredEvent]:
        cursor = self._conn.execute(sql, params)
        try:
            while rows := cursor.fetchmany(500):
                for r in rows:
                    yield stored_event(r)
        finally:
            cursor.close()

    def get_event(self, event_id: str) -> StoredEvent | None:
        """One event as events() gives it, or None."""
        with self._lock:
            row = self._conn.execute(
                f"{_EVENT_SELECT}FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?", (event_id,)
            ).fetchone()
        return None if row is None else stored_event(row)

    def write(self) -> AbstractContextManager[Any]:
        """One write transaction for tables of a caller's own (the watcher's): yields the
        connection (`execute(sql, params)` with `?` placeholders, in `self.sql`'s dialect);
        committed at the end, rolled back on an error."""
        return self._write()

    def select(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """The rows of one SELECT with bound parameters: for readers that aggregate in SQL
        (the web server's map cells and timeline) without a method here for each."""
        with self._lock:
            return self._conn.execute(sql, list(params)).fetchall()

    def count_events(self, filters: Filters | None = None) -> int:
        clause, params = queries.where(filters, kind="events", sql=self.sql)
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) FROM events{clause}", params).fetchone()[0]

    # -- incidents -------------------------------------------------------------------------

    def put_incidents(self, incidents: Iterable[Incident]) -> int:
        """Replace the whole set of incidents (one transaction); return how many were stored."""
        rows = incident_rows(list(incidents))
        with self._write() as conn:
            self._lock_incidents(conn)
            conn.execute("DELETE FROM incident_members")
            conn.execute("DELETE FROM incidents")
            member_sql = self.sql.insert("incident_members", ("incident_id", "event_id", "document_id"),
                                         conflict="ignore")
            for row, members in rows:
                conn.execute(self.sql.insert("incidents", row, conflict="replace"),
                             [sql_value(v) for v in row.values()])
                conn.executemany(member_sql, [(row["id"], ev, doc) for ev, doc in members])
        return len(rows)

    def incidents(self, filters: Filters | None = None, *, limit: int | None = None,
                  offset: int = 0) -> list[StoredIncident]:
        """The incidents `filters` select, ordered by date (undated last), with their member
        event ids."""
        clause, params = queries.where(filters, kind="incidents", sql=self.sql)
        sql = f"SELECT id, json FROM incidents{clause} ORDER BY date_start IS NULL, date_start, ord"
        sql, page_params = self._limit(sql, params, limit, offset)
        with self._read() as conn:
            rows = conn.execute(sql, page_params).fetchall()
            members: dict[str, list[str]] = {}
            if rows:
                for m in conn.execute(
                    "SELECT incident_id, event_id FROM incident_members WHERE incident_id IN "
                    f"(SELECT id FROM incidents{clause}) ORDER BY incident_id, event_id",
                    params,
                ).fetchall():
                    members.setdefault(m["incident_id"], []).append(m["event_id"])
        return [StoredIncident.from_dict({**json.loads(r["json"]), "event_ids": members.get(r["id"], [])})
                for r in rows]

    # -- overview --------------------------------------------------------------------------

    def summary(self, *, top: int = 10) -> Summary:
        """Counts for a dashboard: documents, failures, events by type, top places, flagged pages."""
        with self._read() as conn:
            return summary(conn, top=top, sql=self.sql)

    def _limit(self, sql: str, params: list, limit: int | None, offset: int) -> tuple[str, list]:
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, self.sql.no_limit if limit is None else int(limit), int(offset)]
        return sql, params


def stored_event(row: Any) -> StoredEvent:
    """The record of one row of `_EVENT_SELECT`."""
    return StoredEvent.from_dict({**json.loads(row["json"]), **{k: row[k] for k in row.keys() if k != "json"}})
