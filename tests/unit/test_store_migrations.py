"""Migrations: a fresh file gets every step once; a file at version 1 is upgraded in place."""
from __future__ import annotations

import sqlite3

import pytest

from eventwire.filters import Filters
from eventwire.store import Store, migrations


def tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def applied(path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    finally:
        conn.close()


def test_store_fresh_db_applies_every_migration_once(tmp_path):
    path = tmp_path / "ew.db"
    Store(path).close()
    Store(path).close()  # reopening applies nothing again
    assert applied(path) == [v for v, _, _ in migrations.MIGRATIONS]
    assert {"documents", "events", "actors", "places", "quotes", "incidents",
            "incident_members", "schema_migrations"} <= tables(path)
    with Store(path) as store:
        assert store.schema_version == migrations.LATEST


def test_store_wal_mode(tmp_path):
    path = tmp_path / "ew.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


@pytest.mark.parametrize("published, date_start, expected", [
    ("2016-08-17", "2016-08-16", "2016-08-16"),  # the event's own date wins
    ("2016-08-17", None, "2016-08-17"),          # undated: the publication date
])
def test_store_version_1_db_is_upgraded_with_its_rows(tmp_path, published, date_start, expected):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=1)
    conn.execute("INSERT INTO documents (id, title, published, text, quality_score, quality, removed, "
                 "ingested_at) VALUES ('d1', 'T', ?, 'x', 1.0, '{\"score\": 1.0, \"flags\": []}', '[]', "
                 "'2020-01-01T00:00:00+00:00')", (published,))
    conn.execute("INSERT INTO events (id, document_id, ord, event_type, plover_type, date_start, date_end, "
                 "json) VALUES ('e1', 'd1', 0, 'Battles', 'ASSAULT', ?, ?, '{\"id\": \"e1\"}')",
                 (date_start, date_start))
    conn.close()
    assert applied(path) == [1]

    with Store(path) as store:
        assert store.schema_version == migrations.LATEST
        assert [e.id for e in store.events(Filters(since=expected, until=expected))] == ["e1"]
        assert store.get_document("d1").actors == []
        assert store.incidents() == []
    assert applied(path) == [v for v, _, _ in migrations.MIGRATIONS]


def test_store_failed_migration_rolls_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "ew.db"
    broken = migrations.MIGRATIONS + [(99, "broken", ["CREATE TABLE extra (x)", "THIS IS NOT SQL"])]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn, target=99)
    assert migrations.current_version(conn) == 0
    conn.close()
    assert "extra" not in tables(path) and "documents" not in tables(path)
