"""The WHERE clauses of the store's filters (a `Filters` record) over the events and incidents
tables, whose flat columns (flat.py) are what SQL filters on; the full contract JSON kept beside
them is what queries return."""
from __future__ import annotations

import math
from typing import Any

from ..filters import Filters, day_bound
from ..geo import EARTH_KM, haversine_km
from .dialect import SQLITE, Dialect

__all__ = ["bounding_box", "haversine_km", "where"]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_pattern(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') for `text` anywhere: its own % and _ match only themselves."""
    return "%" + _escape_like(text) + "%"


def _actor_clause(columns: list[str], actor: str, sql: Dialect) -> tuple[str, list[str]]:
    """Case-insensitive exact name match, or a glob when the value holds '*'."""
    if "*" in actor:
        pattern = _escape_like(actor).replace("*", "%")
        parts = [f"{c} {sql.like} ? ESCAPE '\\'" for c in columns]
        return "(" + " OR ".join(parts) + ")", [pattern] * len(columns)
    parts = [sql.equal_nocase(c) for c in columns]
    return "(" + " OR ".join(parts) + ")", [actor] * len(columns)


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float] | None:
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle, or None when the circle
    reaches a pole or crosses the antimeridian (then the exact distance alone decides)."""
    dlat = math.degrees(km / EARTH_KM)
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90:
        return None
    dlon = math.degrees(km / (EARTH_KM * math.cos(math.radians(lat))))
    if lon - dlon < -180 or lon + dlon > 180:
        return None
    return min_lat, max_lat, lon - dlon, lon + dlon


def where(filters: Filters | None, *, kind: str, sql: Dialect = SQLITE) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading ' WHERE ', or '') and parameters for events or incidents.

    `type` matches the ACLED event_type or, failing that, the PLOVER type, so both
    "Battles" and "ASSAULT" work. Dates overlap-match: an event from 1 to 5 May is kept by
    since=3 May. Events without their own date use the article's publication date.
    `min_quality` keeps events of pages scoring at least that (an incident: any of its
    sources' pages); `text` is a case-insensitive substring of the evidence sentence (an
    incident: of any member event's); `document_id`, the events of one document (an
    incident: any of its sources').
    """
    if kind not in ("events", "incidents"):
        raise ValueError(kind)
    f = filters or Filters()
    clauses: list[str] = []
    params: list[Any] = []
    if f.type:
        clauses.append(f"({sql.equal_nocase('event_type')} OR {sql.equal_nocase('plover_type')})")
        params += [f.type, f.type]
    if f.sub_type:
        clauses.append(sql.equal_nocase("sub_event_type"))
        params.append(f.sub_type)
    if f.country:
        clauses.append(sql.equal_nocase("location_country"))
        params.append(f.country)
    if f.actor:
        if kind == "events":
            clause, ps = _actor_clause(["actor1_name", "actor2_name", "actor1_text", "actor2_text"], f.actor, sql)
        else:
            clause, ps = _actor_clause(["value"], f.actor, sql)
            clause = f"EXISTS (SELECT 1 FROM {sql.actor_values} WHERE {clause})"
        clauses.append(clause)
        params += ps
    start_col, end_col = ("when_start", "when_end") if kind == "events" else ("date_start", "date_end")
    if f.since is not None:
        clauses.append(f"COALESCE({end_col}, {start_col}) >= ?")
        params.append(day_bound(f.since, upper=False))
    if f.until is not None:
        clauses.append(f"COALESCE({start_col}, {end_col}) <= ?")
        params.append(day_bound(f.until, upper=True))
    if f.near is not None:
        lat, lon, km = f.near
        box = bounding_box(lat, lon, km)
        if box is not None:
            clauses.append("location_lat BETWEEN ? AND ? AND location_lon BETWEEN ? AND ?")
            params += list(box)
        clauses.append("haversine_km(location_lat, location_lon, ?, ?) <= ?")
        params += [lat, lon, km]
    # Filters an incident meets through its members: (the events' clause, the members' clause, value).
    through: list[tuple[str, str, Any]] = []
    if f.min_quality is not None:
        through.append(("document_id IN (SELECT id FROM documents WHERE quality_score >= ?)",
                        "m.document_id IN (SELECT id FROM documents WHERE quality_score >= ?)", f.min_quality))
    if f.text:
        through.append((f"evidence_sentence {sql.like} ? ESCAPE '\\'",
                        f"m.event_id IN (SELECT id FROM events WHERE evidence_sentence {sql.like} ? ESCAPE '\\')",
                        _like_pattern(f.text)))
    if f.document_id is not None:
        through.append(("document_id = ?", "m.document_id = ?", f.document_id))
    for on_events, on_members, value in through:
        clauses.append(on_events if kind == "events" else
                       f"EXISTS (SELECT 1 FROM incident_members m WHERE m.incident_id = incidents.id AND {on_members})")
        params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
