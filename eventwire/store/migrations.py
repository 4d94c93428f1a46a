"""The store's schema as numbered migrations, applied once each, in order.

A database records what it has in `schema_migrations`; opening an older database applies
the missing steps. Never edit a released step: append a new one. Each step is a list of
single SQL statements (not a script) so that all pending steps run inside one
`BEGIN IMMEDIATE` transaction: two processes opening a fresh file cannot both apply them.
"""
from __future__ import annotations

import datetime
from typing import Any

# Step 1: documents and their events, with the flat columns the filters need.
_V1 = [
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT,
        published TEXT,
        url TEXT,
        source TEXT,
        text TEXT NOT NULL DEFAULT '',
        quality_score REAL,
        quality TEXT,          -- JSON {score, flags}
        removed TEXT,          -- JSON list of removed spans
        error TEXT,            -- JSON {code, message} or NULL
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        event_type TEXT,
        sub_event_type TEXT,
        plover_type TEXT,
        plover_mode TEXT,
        cameo_root TEXT,
        actor1_text TEXT, actor1_name TEXT, actor1_country TEXT, actor1_kind TEXT,
        actor2_text TEXT, actor2_name TEXT, actor2_country TEXT, actor2_kind TEXT,
        location_text TEXT, location_name TEXT, location_country TEXT, location_admin1 TEXT,
        location_lat REAL, location_lon REAL, location_geonameid INTEGER, location_precision TEXT,
        date_text TEXT, date_start TEXT, date_end TEXT, date_precision TEXT,
        fatalities_text TEXT, fatalities_best INTEGER, fatalities_low INTEGER,
        fatalities_high INTEGER, fatalities_civilians INTEGER, fatalities_children INTEGER,
        civilian_targeting INTEGER NOT NULL DEFAULT 0,
        attribution_source TEXT, attribution_text TEXT,
        hedged INTEGER NOT NULL DEFAULT 0,
        confidence REAL,
        evidence_sentence TEXT, evidence_start INTEGER, evidence_end INTEGER,
        trigger TEXT,
        json TEXT NOT NULL
    )""",
    "CREATE INDEX events_document ON events(document_id, ord)",
    "CREATE INDEX events_type ON events(event_type, sub_event_type)",
    "CREATE INDEX events_country ON events(location_country)",
]

# Step 2: mentions, quotes, incidents, the effective-date columns and the filter indexes.
_V2 = [
    "ALTER TABLE documents ADD COLUMN n_events INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE documents ADD COLUMN fingerprint TEXT",
    # The date a filter sees: the event's own date, else the article's publication date.
    "ALTER TABLE events ADD COLUMN when_start TEXT",
    "ALTER TABLE events ADD COLUMN when_end TEXT",
    """UPDATE events SET
        when_start = COALESCE(date_start, date_end,
                              (SELECT published FROM documents d WHERE d.id = events.document_id)),
        when_end = COALESCE(date_end, date_start,
                            (SELECT published FROM documents d WHERE d.id = events.document_id))""",
    "CREATE INDEX events_when ON events(when_start, when_end)",
    "CREATE INDEX events_latlon ON events(location_lat, location_lon)",
    "CREATE INDEX events_actor1 ON events(actor1_name COLLATE NOCASE)",
    "CREATE INDEX events_actor2 ON events(actor2_name COLLATE NOCASE)",
    "CREATE INDEX events_plover ON events(plover_type)",
    "CREATE INDEX documents_published ON documents(published)",
    """CREATE TABLE actors (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT, name TEXT, country TEXT, kind TEXT,
        start INTEGER, "end" INTEGER,
        PRIMARY KEY (document_id, ord)
    )""",
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE)",
    """CREATE TABLE places (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT, name TEXT, country TEXT, admin1 TEXT,
        latitude REAL, longitude REAL, geonameid INTEGER, precision TEXT,
        start INTEGER, "end" INTEGER,
        PRIMARY KEY (document_id, ord)
    )""",
    "CREATE INDEX places_name ON places(name, country)",
    """CREATE TABLE quotes (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        speaker_name TEXT,
        text TEXT, start INTEGER, "end" INTEGER, attribution TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (document_id, ord)
    )""",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        ord INTEGER NOT NULL,
        event_type TEXT, sub_event_type TEXT, plover_type TEXT,
        location_name TEXT, location_country TEXT, location_admin1 TEXT,
        location_lat REAL, location_lon REAL, location_precision TEXT,
        date_start TEXT, date_end TEXT,
        fatalities_best INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
        corroboration TEXT, n_sources INTEGER,
        actors TEXT,           -- JSON list of actor names
        json TEXT NOT NULL
    )""",
    "CREATE INDEX incidents_type ON incidents(event_type, sub_event_type)",
    "CREATE INDEX incidents_country ON incidents(location_country)",
    "CREATE INDEX incidents_when ON incidents(date_start, date_end)",
    "CREATE INDEX incidents_latlon ON incidents(location_lat, location_lon)",
    # No foreign key to events: re-processing a document replaces its events, and the
    # incidents stay readable (from their own JSON) until the next merge replaces them.
    """CREATE TABLE incident_members (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        document_id TEXT,
        PRIMARY KEY (incident_id, event_id)
    )""",
    "CREATE INDEX incident_members_event ON incident_members(event_id)",
]

# Step 3: where a document's date came from ("input", "dateline" or NULL).
_V3 = ["ALTER TABLE documents ADD COLUMN published_from TEXT"]

# Step 4: the given date as written when unreadable, the identified language, W… warnings.
_V4 = [
    "ALTER TABLE documents ADD COLUMN published_raw TEXT",
    "ALTER TABLE documents ADD COLUMN language TEXT",
    "ALTER TABLE documents ADD COLUMN warnings TEXT",  # JSON list of {code, message}, or NULL
]

# Step 5: what the web server reads in bulk. Event rows are wide (the contract JSON, the
# evidence), so counting 100,000 of them by type or placing them on a map would read the
# whole table: a narrow covering index holds every column the filters, map cells, timeline
# and counts need, and is scanned instead. The page order gets its own index, so a page is
# a walk along it rather than a sort of everything.
_V5 = [
    # Led by the coordinates: map cells group along it without sorting, a map view is a range
    # of it; the type and country filters compare without case, so no index could seek them.
    """CREATE INDEX events_facets ON events(location_lat, location_lon, event_type, plover_type,
        sub_event_type, location_country, when_start, when_end, fatalities_best, actor1_name,
        actor2_name, actor1_text, actor2_text, document_id, id)""",
    # The page order, then the columns the type, country and map filters test: a filtered page
    # is still a walk along this index alone.
    """CREATE INDEX events_page ON events(when_start IS NULL, when_start, document_id, ord, event_type,
        plover_type, sub_event_type, location_country, location_lat, location_lon)""",
    """CREATE INDEX incidents_facets ON incidents(location_lat, location_lon, event_type, plover_type,
        sub_event_type, location_country, date_start, date_end, fatalities_best, id)""",
    "CREATE INDEX documents_quality ON documents(quality_score, id)",
]

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "documents and events", _V1),
    (2, "mentions, quotes, incidents, effective dates, filter indexes", _V2),
    (3, "documents.published_from", _V3),
    (4, "documents.published_raw, language, warnings", _V4),
    (5, "covering indexes for the web server's pages and counts", _V5),
]

LATEST = MIGRATIONS[-1][0]


class NewerSchemaError(Exception):
    """The database was written by a newer eventwire: opening it here would misread it."""


def current_version(conn: Any) -> int:
    """The highest applied step, 0 for an empty database."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: Any, *, target: int = LATEST, steps: list[tuple[int, str, list[str]]] | None = None,
            begin: tuple[str, ...] = ("BEGIN IMMEDIATE",)) -> list[int]:
    """Apply the missing steps up to `target` in one transaction; return the versions applied.

    `conn` must be in autocommit mode (isolation_level=None) so the transaction is ours.
    `steps` and `begin` (the statements that open the transaction and keep other writers out)
    are SQLite's unless given: the PostgreSQL store passes its own (migrations_pg.py).
    """
    steps = MIGRATIONS if steps is None else steps
    for statement in begin:
        conn.execute(statement)
    try:
        have = current_version(conn)
        known = steps[-1][0]
        if have > known:
            raise NewerSchemaError(f"the database has schema version {have}, newer than this eventwire "
                                   f"reads ({known}): upgrade eventwire, or use another --db")
        applied = []
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        for version, name, statements in steps:
            if version <= have or version > target:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now),
            )
            applied.append(version)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied
