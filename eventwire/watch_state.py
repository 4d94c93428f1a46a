"""What `eventwire watch` knows between runs, in two small tables of the store's own file.

`watch_feeds`: each feed's ETag and Last-Modified, for conditional polls. `watch_articles`:
every article address a feed listed, `pending` until its document is stored (then `stored`,
or `failed` for a clear no or after `MAX_ATTEMPTS` transient failures). A feed's validators and
its new addresses are saved in one transaction, before any article is fetched: a run killed
at any point leaves the new articles pending, and the next run fetches those and only those.

The tables are made here (CREATE IF NOT EXISTS) rather than by a store migration: they
belong to the watcher, and a store that was never watched has none. They live in the store's
database, SQLite file or PostgreSQL, through the store's own transactions (`write`, `select`).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Iterable

MAX_ATTEMPTS = 3  # transient failures (timeouts, 5xx) before an article is given up

# The order a feed listed its addresses in: SQLite's rowid; PostgreSQL has none, so a column.
_LISTED = {"sqlite": ("", "rowid"), "postgresql": ("listed BIGSERIAL,", "listed")}
_TABLES = [
    """CREATE TABLE IF NOT EXISTS watch_feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        polled_at TEXT,
        status INTEGER          -- HTTP status of the last poll (200, 304)
    )""",
    """CREATE TABLE IF NOT EXISTS watch_articles ({listed}
        url TEXT PRIMARY KEY,
        feed TEXT NOT NULL,
        title TEXT,
        published TEXT,          -- as the feed wrote it
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | stored | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        document_id TEXT,
        error TEXT,              -- code and message of the last failure
        first_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS watch_articles_pending ON watch_articles(status, first_seen)",
]


@dataclass(frozen=True)
class Article:
    url: str
    feed: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class FeedMark:
    etag: str | None = None
    last_modified: str | None = None


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


class WatchState:
    """`WatchState(store)` over an open eventwire store (store.open_store), which it closes
    with itself."""

    def __init__(self, store: Any):
        self._store = store
        columns, self._order = _LISTED[store.sql.name]
        with store.write() as conn:
            for statement in _TABLES:
                conn.execute(statement.replace("{listed}", columns))

    def close(self) -> None:
        self._store.close()

    def feed(self, url: str) -> FeedMark:
        rows = self._store.select("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", (url,))
        return FeedMark(*rows[0]) if rows else FeedMark()

    def polled(self, url: str, status: int, mark: FeedMark | None, articles: Iterable[Article]) -> int:
        """Save a poll: the feed's new validators (None: keep the old ones) and its addresses not
        seen before, as pending; returns how many were new."""
        now, new = _now(), 0
        insert = self._store.sql.insert(
            "watch_articles", ("url", "feed", "title", "published", "first_seen", "updated_at"),
            conflict="ignore", key="url")
        with self._store.write() as conn:
            for a in articles:
                new += conn.execute(insert, (a.url, a.feed, a.title, a.published, now, now)).rowcount
            conn.execute(
                "INSERT INTO watch_feeds (url, etag, last_modified, polled_at, status) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET polled_at = excluded.polled_at, status = excluded.status"
                + (", etag = excluded.etag, last_modified = excluded.last_modified" if mark else ""),
                (url, mark.etag if mark else None, mark.last_modified if mark else None, now, status))
        return new

    def pending(self) -> list[Article]:
        rows = self._store.select("SELECT url, feed, title, published FROM watch_articles "
                                  f"WHERE status = 'pending' ORDER BY first_seen, {self._order}")
        return [Article(*row) for row in rows]

    def done(self, url: str, *, document_id: str, error: str | None, transient: bool) -> None:
        """An article's outcome: stored, failed for good, or pending again (a transient failure
        with attempts left)."""
        with self._store.write() as conn:
            row = conn.execute("SELECT attempts FROM watch_articles WHERE url = ?", (url,)).fetchone()
            attempts = (row[0] if row else 0) + 1
            status = "stored" if error is None else "pending" if transient and attempts < MAX_ATTEMPTS else "failed"
            conn.execute("UPDATE watch_articles SET status = ?, attempts = ?, document_id = ?, error = ?, "
                         "updated_at = ? WHERE url = ?", (status, attempts, document_id, error, _now(), url))

    def counts(self) -> dict[str, int]:
        return {status: n for status, n in self._store.select(
            "SELECT status, COUNT(*) FROM watch_articles GROUP BY status")}
