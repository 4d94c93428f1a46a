"""The SQLite store: one file in WAL mode, one writer at a time (BEGIN IMMEDIATE). What it
does with records is base.BaseStore's, shared with the PostgreSQL store."""
from __future__ import annotations

import os
import pathlib
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

from . import migrations, queries
from .base import BaseStore, StoreError
from .dialect import SQLITE

__all__ = ["Store", "StoreError"]


class Store(BaseStore):
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
        self.sql = SQLITE
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

    def change_mark(self) -> tuple:
        # a commit changes the -wal file, a checkpoint the database file
        out: list = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.path + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [None, None]
        return tuple(out)

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
