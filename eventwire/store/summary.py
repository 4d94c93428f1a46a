"""The counts of a store for a dashboard or the demo's closing lines (`Store.summary`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Record
from .dialect import SQLITE, Dialect
from .rows import loads


@dataclass
class TopPlace(Record):
    name: str
    country: str | None
    events: int


@dataclass
class FlaggedPage(Record):
    """A document with page-quality flags beyond removed boilerplate, or a low score."""

    id: str
    title: str | None
    quality_score: float | None
    flags: list[str]  # the kinds of its flags


@dataclass
class Summary(Record):
    documents: int
    failed_documents: int
    events: int
    incidents: int
    fatalities_best: int
    date_range: list[str | None]  # [first event day, last event day]
    events_by_type: dict[str, int] = field(default_factory=dict)  # "(outside ACLED)" for the rest
    events_by_plover_type: dict[str, int] = field(default_factory=dict)
    top_places: list[TopPlace] = field(default_factory=list)
    flagged_documents: int = 0
    flagged: list[FlaggedPage] = field(default_factory=list)  # the lowest scores first, at most 5*top (50)


def summary(conn: Any, *, top: int = 10, sql: Dialect = SQLITE) -> Summary:
    """Documents, failures, events by type, top places, flagged pages; `conn` holds one read
    snapshot while this runs."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    by_type = conn.execute(
        "SELECT COALESCE(event_type, '(outside ACLED)') AS t, COUNT(*) AS n FROM events "
        "GROUP BY t ORDER BY n DESC, t"
    ).fetchall()
    by_plover = conn.execute(
        "SELECT plover_type AS t, COUNT(*) AS n FROM events GROUP BY t ORDER BY n DESC, t"
    ).fetchall()
    places = conn.execute(
        "SELECT location_name, location_country, COUNT(*) AS n FROM events "
        "WHERE location_name IS NOT NULL GROUP BY location_name, location_country "
        "ORDER BY n DESC, location_name LIMIT ?", (top,)
    ).fetchall()
    docs = conn.execute(
        "SELECT id, title, quality_score, quality FROM documents WHERE error IS NULL "
        f"AND (quality_score < 0.5 OR {sql.has_flags})"
    ).fetchall()
    dates = conn.execute("SELECT MIN(when_start), MAX(when_end) FROM events").fetchone()
    flagged = []
    for d in docs:
        flags = (loads(d["quality"]) or {}).get("flags") or []
        score = d["quality_score"]
        if flags or (score is not None and score < 0.5):
            kinds = sorted({f.get("kind") for f in flags if isinstance(f, dict) and f.get("kind")})
            flagged.append(FlaggedPage(id=d["id"], title=d["title"], quality_score=score, flags=kinds))
    flagged.sort(key=lambda f: (f.quality_score if f.quality_score is not None else 1.0, f.id))
    return Summary(
        documents=one("SELECT COUNT(*) FROM documents"),
        failed_documents=one("SELECT COUNT(*) FROM documents WHERE error IS NOT NULL"),
        events=one("SELECT COUNT(*) FROM events"),
        incidents=one("SELECT COUNT(*) FROM incidents"),
        # int(): PostgreSQL sums 64-bit integers as numeric (a Decimal)
        fatalities_best=int(one("SELECT COALESCE(SUM(fatalities_best), 0) FROM events")),
        date_range=[dates[0], dates[1]],
        events_by_type={r["t"]: r["n"] for r in by_type},
        events_by_plover_type={r["t"]: r["n"] for r in by_plover},
        top_places=[TopPlace(name=p["location_name"], country=p["location_country"], events=p["n"]) for p in places],
        flagged_documents=len(flagged),
        flagged=flagged[: max(top * 5, 50)],
    )
