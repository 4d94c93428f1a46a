"""The PostgreSQL store (`--db postgresql://…`): the same records, schema steps and queries as the
SQLite store (base.BaseStore), for many writers at once.

Several processes may write together: each document is one transaction that first takes a lock
on its id (an advisory lock), so two writers of one document take turns and the second finds it
unchanged; writers of different documents never wait for each other. Replacing the incidents
and applying schema steps take locks of their own. Reads see one snapshot (REPEATABLE READ).
"""
from __future__ import annotations

import re
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from . import migrations, migrations_pg
from .base import BaseStore, StoreError, stored_event
from .dialect import POSTGRES

# Advisory-lock namespaces (the first of two 32-bit keys): eventwire's, and one per kind of write.
_LOCKS = {"schema": 0x45570001, "incidents": 0x45570002, "document": 0x45570003}
_SCHEMA_LOCK = f"SELECT pg_advisory_xact_lock({_LOCKS['schema']}, 0)"


def is_url(db: str) -> bool:
    return re.match(r"postgres(ql)?://", db, re.IGNORECASE) is not None


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


class _Row(tuple):
    """A row readable by column name and by position, as sqlite3.Row is."""

    def __new__(cls, names: dict[str, int], values: Any) -> "_Row":
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        return tuple.__getitem__(self, self._names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor: Any):
    names = {c.name: i for i, c in enumerate(cursor.description or [])}
    return lambda values: _Row(names, values)


class _Connection:
    """psycopg in autocommit mode (the store opens its transactions itself), taking the `?`
    placeholders the store's SQL is written with."""

    def __init__(self, conn: Any):
        self.raw = conn
        self._cursors = 0  # names for server-side cursors: a stream may open inside another

    @staticmethod
    def _sql(sql: str) -> str:
        # The store's SQL holds no literal '?' or '%': the two are placeholders only.
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Any = None) -> Any:
        return self.raw.execute(self._sql(sql), list(params) if params else None)

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def stream(self, sql: str, params: list, size: int) -> Iterator[Any]:
        """Rows of a large SELECT a batch at a time (a server-side cursor: the caller holds a
        transaction open)."""
        self._cursors += 1
        with self.raw.cursor(name=f"eventwire_stream_{self._cursors}", row_factory=_rows) as cur:
            cur.execute(self._sql(sql), params or None)
            while rows := cur.fetchmany(size):
                yield from rows

    def close(self) -> None:
        self.raw.close()


class PostgresStore(BaseStore):
    """`PostgresStore(url)`: connect, creating or upgrading the schema in the database's current
    schema; the same arguments and records as sqlite.Store."""

    def __init__(self, url: str, *, timeout: float = 30.0, create: bool = True, readonly: bool = False):
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs the psycopg package (pip install -r requirements.txt)") from exc
        self.path = url
        self.sql = POSTGRES
        self._lock = threading.RLock()
        self._depth = 0  # open transactions of this store (reads nest inside a streamed export)
        create = create and not readonly
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_rows, connect_timeout=max(1, int(timeout)))
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {shown(url)}: {str(exc).strip()}") from exc
        self._conn = _Connection(raw)
        try:
            self._conn.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            names = {r[0] for r in self._conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}
            if "schema_migrations" not in names:
                if not create:
                    raise StoreError(f"no eventwire database at {shown(url)}")
                if names:  # another program's tables are not ours to add to
                    raise StoreError(f"{shown(url)} is not an eventwire database (it has other tables)")
            if readonly:
                self._conn.execute("SET default_transaction_read_only = on")
                have = self._conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0
                if have != migrations_pg.LATEST:
                    raise StoreError(f"{shown(url)} has schema version {have}, this eventwire reads "
                                     f"{migrations_pg.LATEST}: open it once with a writing command first")
                return
            migrations.migrate(self._conn, steps=migrations_pg.MIGRATIONS, begin=("BEGIN", _SCHEMA_LOCK))
        except BaseException as exc:
            raw.close()
            if isinstance(exc, migrations.NewerSchemaError):
                raise StoreError(f"{shown(url)}: {exc}") from exc
            raise

    def change_mark(self) -> tuple:
        # The server's transaction snapshot (oldest running, next and running transaction ids):
        # a writing transaction that starts or ends changes it, in this database or another of
        # the server's. Not the WAL position: autovacuum moves that without changing a row, and
        # at a million events the page's counts were then recomputed on every request.
        with self._lock:
            return tuple(self._conn.execute("SELECT pg_current_snapshot()::text").fetchone())

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[_Connection]:
        import psycopg

        with self._lock:
            if self._depth:  # inside this store's own open transaction: part of it
                yield self._conn
                return
            self._conn.execute(begin)
            self._depth += 1
            try:
                yield self._conn
            except BaseException as exc:
                self._conn.execute("ROLLBACK")
                if isinstance(exc, psycopg.DataError):  # a value PostgreSQL cannot hold (a NUL in text…)
                    raise ValueError(str(exc).strip()) from exc
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth -= 1

    def _write(self):
        return self._transaction("BEGIN")

    def _read(self):
        return self._transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _lock_document(self, conn: Any, doc_id: str) -> None:
        conn.execute(f"SELECT pg_advisory_xact_lock({_LOCKS['document']}, hashtext(?))", (doc_id,))

    def _lock_incidents(self, conn: Any) -> None:
        conn.execute(f"SELECT pg_advisory_xact_lock({_LOCKS['incidents']}, 0)")

    @contextmanager
    def merging(self) -> Iterator[None]:
        # A session lock (a merge spans many transactions); the incidents' transaction lock on the
        # same key is then this session's already.
        key = f"{_LOCKS['incidents']}, 0"
        with self._lock:
            self._conn.execute(f"SELECT pg_advisory_lock({key})")
        try:
            yield
        finally:
            with self._lock:
                self._conn.execute(f"SELECT pg_advisory_unlock({key})")

    def _stream(self, sql: str, params: list) -> Iterator[Any]:
        with self._read() as conn:
            for row in conn.stream(sql, params, 500):
                yield stored_event(row)
