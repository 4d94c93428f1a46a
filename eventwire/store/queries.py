"""Flat rows for the events/incidents tables and the WHERE clauses of the store's filters.

The flat columns are what SQL filters and the flat exports (CSV, Parquet, GeoJSON
properties) use; the full contract JSON is kept beside them and is what queries return.
"""
from __future__ import annotations

import datetime
import math
import re
from typing import Any
from ..geo import EARTH_KM, haversine_km


# Flat event columns in table order (after id, document_id, ord), with their Parquet types.
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_type", "str"), ("sub_event_type", "str"), ("plover_type", "str"),
    ("plover_mode", "str"), ("cameo_root", "str"),
    ("actor1_text", "str"), ("actor1_name", "str"), ("actor1_country", "str"), ("actor1_kind", "str"),
    ("actor2_text", "str"), ("actor2_name", "str"), ("actor2_country", "str"), ("actor2_kind", "str"),
    ("location_text", "str"), ("location_name", "str"), ("location_country", "str"),
    ("location_admin1", "str"), ("location_lat", "float"), ("location_lon", "float"),
    ("location_geonameid", "int"), ("location_precision", "str"),
    ("date_text", "str"), ("date_start", "str"), ("date_end", "str"), ("date_precision", "str"),
    ("fatalities_text", "str"), ("fatalities_best", "int"), ("fatalities_low", "int"),
    ("fatalities_high", "int"), ("fatalities_civilians", "int"), ("fatalities_children", "int"),
    ("civilian_targeting", "bool"), ("attribution_source", "str"), ("attribution_text", "str"),
    ("hedged", "bool"), ("confidence", "float"),
    ("evidence_sentence", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("trigger", "str"),
]

INCIDENT_COLUMNS: list[tuple[str, str]] = [
    ("event_type", "str"), ("sub_event_type", "str"), ("plover_type", "str"),
    ("location_name", "str"), ("location_country", "str"), ("location_admin1", "str"),
    ("location_lat", "float"), ("location_lon", "float"), ("location_precision", "str"),
    ("date_start", "str"), ("date_end", "str"),
    ("fatalities_best", "int"), ("fatalities_low", "int"), ("fatalities_high", "int"),
    ("corroboration", "str"), ("n_sources", "int"),
]


def _get(d: dict | None, key: str) -> Any:
    return d.get(key) if isinstance(d, dict) else None


def flatten_event(event: dict) -> dict[str, Any]:
    """The flat columns of one contract EVENT dict (missing parts give None)."""
    a1, a2 = event.get("actor1"), event.get("actor2")
    loc, date = event.get("location"), event.get("date")
    fat, attr, ev = event.get("fatalities"), event.get("attribution"), event.get("evidence")
    return {
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "plover_type": event.get("plover_type"),
        "plover_mode": event.get("plover_mode"),
        "cameo_root": event.get("cameo_root"),
        "actor1_text": _get(a1, "text"), "actor1_name": _get(a1, "name"),
        "actor1_country": _get(a1, "country"), "actor1_kind": _get(a1, "kind"),
        "actor2_text": _get(a2, "text"), "actor2_name": _get(a2, "name"),
        "actor2_country": _get(a2, "country"), "actor2_kind": _get(a2, "kind"),
        "location_text": _get(loc, "text"), "location_name": _get(loc, "name"),
        "location_country": _get(loc, "country"), "location_admin1": _get(loc, "admin1"),
        "location_lat": _float(_get(loc, "latitude")), "location_lon": _float(_get(loc, "longitude")),
        "location_geonameid": _int(_get(loc, "geonameid")),
        "location_precision": _get(loc, "precision"),
        "date_text": _get(date, "text"), "date_start": _get(date, "start"),
        "date_end": _get(date, "end"), "date_precision": _get(date, "precision"),
        "fatalities_text": _get(fat, "text"), "fatalities_best": _int(_get(fat, "best")),
        "fatalities_low": _int(_get(fat, "low")), "fatalities_high": _int(_get(fat, "high")),
        "fatalities_civilians": _int(_get(fat, "civilians")),
        "fatalities_children": _int(_get(fat, "children")),
        "civilian_targeting": bool(event.get("civilian_targeting")),
        "attribution_source": _get(attr, "source"), "attribution_text": _get(attr, "text"),
        "hedged": bool(event.get("hedged")),
        "confidence": _float(event.get("confidence")),
        "evidence_sentence": _get(ev, "sentence"), "evidence_start": _int(_get(ev, "start")),
        "evidence_end": _int(_get(ev, "end")),
        "trigger": event.get("trigger"),
    }


def flatten_incident(incident: dict) -> dict[str, Any]:
    """The flat columns of one incident dict (Incident.to_dict shape)."""
    loc, fat = incident.get("location"), incident.get("fatalities")
    return {
        "event_type": incident.get("event_type"),
        "sub_event_type": incident.get("sub_event_type"),
        "plover_type": incident.get("plover_type"),
        "location_name": _get(loc, "name"), "location_country": _get(loc, "country"),
        "location_admin1": _get(loc, "admin1"),
        "location_lat": _float(_get(loc, "latitude")), "location_lon": _float(_get(loc, "longitude")),
        "location_precision": _get(loc, "precision"),
        "date_start": incident.get("date_start"), "date_end": incident.get("date_end"),
        "fatalities_best": _int(_get(fat, "best")), "fatalities_low": _int(_get(fat, "low")),
        "fatalities_high": _int(_get(fat, "high")),
        "corroboration": incident.get("corroboration"),
        "n_sources": len({_get(s, "document_id") for s in incident.get("sources") or []}),
    }


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")  # a toll of 1e400 reads as inf
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def day_bound(value: Any, *, upper: bool) -> str:
    """A `since`/`until` value as a comparable ISO string; partial dates cover their period.

    "2016" as `until` must include 2016-12-31, so it becomes "2016-99-99" (string order).
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, datetime.date) else str(value).strip()
    parts = [int(p) for p in text.split("-")] if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else []
    if parts:
        try:
            datetime.date(*(parts + [1, 1])[:3])
        except ValueError:  # "2016-13", "2024-02-30": the right shape, but no day of the calendar
            parts = []
    if not parts:
        raise ValueError(f"not a YYYY[-MM[-DD]] date: {value!r}")
    pad = "-99-99" if upper else "-00-00"
    return text + pad[len(text) - 4:]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_pattern(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') for `text` anywhere: its own % and _ match only themselves."""
    return "%" + _escape_like(text) + "%"


def _actor_clause(columns: list[str], actor: str) -> tuple[str, list[str]]:
    """Case-insensitive exact name match, or a glob when the value holds '*'."""
    if "*" in actor:
        pattern = _escape_like(actor).replace("*", "%")
        parts = [f"{c} LIKE ? ESCAPE '\\'" for c in columns]
        return "(" + " OR ".join(parts) + ")", [pattern] * len(columns)
    parts = [f"{c} = ? COLLATE NOCASE" for c in columns]
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


def where(
    *,
    kind: str,
    type: str | None = None,
    sub_type: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    since: Any = None,
    until: Any = None,
    near: tuple[float, float, float] | None = None,
    min_quality: float | None = None,
    text: str | None = None,
    document_id: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading ' WHERE ', or '') and parameters for events or incidents.

    `type` matches the ACLED event_type or, failing that, the PLOVER type, so both
    "Battles" and "ASSAULT" work. Dates overlap-match: an event from 1 to 5 May is kept by
    since=3 May. Events without their own date use the article's publication date.
    `min_quality` keeps events of pages scoring at least that (an incident: any of its
    sources' pages); `text` is a case-insensitive substring of the evidence sentence (an
    incident: of any member event's).
    """
    if kind not in ("events", "incidents"):
        raise ValueError(kind)
    clauses: list[str] = []
    params: list[Any] = []
    if type:
        clauses.append("(event_type = ? COLLATE NOCASE OR plover_type = ? COLLATE NOCASE)")
        params += [type, type]
    if sub_type:
        clauses.append("sub_event_type = ? COLLATE NOCASE")
        params.append(sub_type)
    if country:
        clauses.append("location_country = ? COLLATE NOCASE")
        params.append(country)
    if actor:
        if kind == "events":
            clause, ps = _actor_clause(["actor1_name", "actor2_name", "actor1_text", "actor2_text"], actor)
        else:
            clause, ps = _actor_clause(["value"], actor)
            clause = f"EXISTS (SELECT 1 FROM json_each(incidents.actors) WHERE {clause})"
        clauses.append(clause)
        params += ps
    start_col, end_col = ("when_start", "when_end") if kind == "events" else ("date_start", "date_end")
    if since is not None:
        clauses.append(f"COALESCE({end_col}, {start_col}) >= ?")
        params.append(day_bound(since, upper=False))
    if until is not None:
        clauses.append(f"COALESCE({start_col}, {end_col}) <= ?")
        params.append(day_bound(until, upper=True))
    if near is not None:
        lat, lon, km = (float(x) for x in near)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
            raise ValueError(f"near=(lat, lon, km) out of range: {near!r}")
        box = bounding_box(lat, lon, km)
        if box is not None:
            clauses.append("location_lat BETWEEN ? AND ? AND location_lon BETWEEN ? AND ?")
            params += list(box)
        clauses.append("haversine_km(location_lat, location_lon, ?, ?) <= ?")
        params += [lat, lon, km]
    if min_quality is not None:
        if kind == "events":
            clauses.append("document_id IN (SELECT id FROM documents WHERE quality_score >= ?)")
        else:
            clauses.append("EXISTS (SELECT 1 FROM incident_members m JOIN documents d ON d.id = m.document_id "
                           "WHERE m.incident_id = incidents.id AND d.quality_score >= ?)")
        params.append(float(min_quality))
    if text:
        like = _like_pattern(text)
        if kind == "events":
            clauses.append("evidence_sentence LIKE ? ESCAPE '\\'")
        else:
            clauses.append("EXISTS (SELECT 1 FROM incident_members m JOIN events e ON e.id = m.event_id "
                           "WHERE m.incident_id = incidents.id AND e.evidence_sentence LIKE ? ESCAPE '\\')")
        params.append(like)
    if document_id is not None and kind == "events":
        clauses.append("document_id = ?")
        params.append(document_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
