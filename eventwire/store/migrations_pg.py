"""The PostgreSQL store's schema as numbered steps, numbered as the SQLite ones (migrations.py).

PostgreSQL databases start at step 5: its one step creates what SQLite steps 1-5 built, with
PostgreSQL's types (SQLite's REAL and INTEGER are 64-bit: DOUBLE PRECISION and BIGINT here).
A later schema change appends a step to both lists under the same number (a test holds the two
LATESTs equal and the tables' columns alike). Columns hold what the SQLite ones hold: JSON as
text, booleans as 0/1, dates as ISO text, so rows.py serialises once for both.
"""
from __future__ import annotations

from ..geo import EARTH_KM

_V5 = [
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT, published TEXT, url TEXT, source TEXT,
        text TEXT NOT NULL DEFAULT '',
        quality_score DOUBLE PRECISION,
        quality TEXT, removed TEXT, error TEXT,
        ingested_at TEXT NOT NULL,
        n_events BIGINT NOT NULL DEFAULT 0,
        fingerprint TEXT,
        published_from TEXT, published_raw TEXT, language TEXT, warnings TEXT
    )""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord BIGINT NOT NULL,
        event_type TEXT, sub_event_type TEXT, plover_type TEXT, plover_mode TEXT, cameo_root TEXT,
        actor1_text TEXT, actor1_name TEXT, actor1_country TEXT, actor1_kind TEXT,
        actor2_text TEXT, actor2_name TEXT, actor2_country TEXT, actor2_kind TEXT,
        location_text TEXT, location_name TEXT, location_country TEXT, location_admin1 TEXT,
        location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION, location_geonameid BIGINT,
        location_precision TEXT,
        date_text TEXT, date_start TEXT, date_end TEXT, date_precision TEXT,
        fatalities_text TEXT, fatalities_best BIGINT, fatalities_low BIGINT,
        fatalities_high BIGINT, fatalities_civilians BIGINT, fatalities_children BIGINT,
        civilian_targeting BIGINT NOT NULL DEFAULT 0,
        attribution_source TEXT, attribution_text TEXT,
        hedged BIGINT NOT NULL DEFAULT 0,
        confidence DOUBLE PRECISION,
        evidence_sentence TEXT, evidence_start BIGINT, evidence_end BIGINT,
        trigger TEXT,
        json TEXT NOT NULL,
        when_start TEXT, when_end TEXT
    )""",
    "CREATE INDEX events_document ON events(document_id, ord)",
    "CREATE INDEX events_type ON events(lower(event_type), lower(sub_event_type))",
    "CREATE INDEX events_plover ON events(lower(plover_type))",
    "CREATE INDEX events_country ON events(lower(location_country))",
    "CREATE INDEX events_when ON events(when_start, when_end)",
    "CREATE INDEX events_latlon ON events(location_lat, location_lon)",
    "CREATE INDEX events_actor1 ON events(lower(actor1_name))",
    "CREATE INDEX events_actor2 ON events(lower(actor2_name))",
    # the page order: a page is a walk along it, not a sort of everything
    "CREATE INDEX events_page ON events((when_start IS NULL), when_start, document_id, ord)",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX documents_quality ON documents(quality_score, id)",
    """CREATE TABLE actors (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord BIGINT NOT NULL,
        text TEXT, name TEXT, country TEXT, kind TEXT,
        start BIGINT, "end" BIGINT,
        PRIMARY KEY (document_id, ord)
    )""",
    "CREATE INDEX actors_name ON actors(lower(name))",
    """CREATE TABLE places (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord BIGINT NOT NULL,
        text TEXT, name TEXT, country TEXT, admin1 TEXT,
        latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geonameid BIGINT, precision TEXT,
        start BIGINT, "end" BIGINT,
        PRIMARY KEY (document_id, ord)
    )""",
    "CREATE INDEX places_name ON places(name, country)",
    """CREATE TABLE quotes (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord BIGINT NOT NULL,
        speaker_name TEXT,
        text TEXT, start BIGINT, "end" BIGINT, attribution TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (document_id, ord)
    )""",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        ord BIGINT NOT NULL,
        event_type TEXT, sub_event_type TEXT, plover_type TEXT,
        location_name TEXT, location_country TEXT, location_admin1 TEXT,
        location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION, location_precision TEXT,
        date_start TEXT, date_end TEXT,
        fatalities_best BIGINT, fatalities_low BIGINT, fatalities_high BIGINT,
        corroboration TEXT, n_sources BIGINT,
        actors TEXT,
        json TEXT NOT NULL
    )""",
    "CREATE INDEX incidents_type ON incidents(lower(event_type), lower(sub_event_type))",
    "CREATE INDEX incidents_country ON incidents(lower(location_country))",
    "CREATE INDEX incidents_when ON incidents(date_start, date_end)",
    "CREATE INDEX incidents_latlon ON incidents(location_lat, location_lon)",
    # no foreign key to events, as in SQLite: incidents outlive a re-processed document's events
    """CREATE TABLE incident_members (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        document_id TEXT,
        PRIMARY KEY (incident_id, event_id)
    )""",
    "CREATE INDEX incident_members_event ON incident_members(event_id)",
    # SQLite gets this from Python (queries.haversine_km); the same formula, NULL in NULL out.
    f"""CREATE FUNCTION haversine_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                                    lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
        RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT 2 * {EARTH_KM!r} * asin(least(1.0, sqrt(
            power(sin(radians(lat2 - lat1) / 2), 2)
            + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
        $$""",
]

# Text compares and sorts byte by byte, as in SQLite, whatever the server's default collation:
# the page order, the date filters (ISO text) and ids then agree between the two stores.
_V5 = [statement.replace(" TEXT", ' TEXT COLLATE "C"') for statement in _V5]

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (5, "the schema of SQLite steps 1-5 (documents, events, mentions, quotes, incidents)", _V5),
]

LATEST = MIGRATIONS[-1][0]
