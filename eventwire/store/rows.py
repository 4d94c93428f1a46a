"""A record as the rows the store writes: a document with its events, mentions and quotes, or
an incident with its members. Serialised before the write lock is taken, and checked: a value
SQLite cannot hold raises ValueError before anything is written."""
from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from ..flat import EVENT_COLUMNS, INCIDENT_COLUMNS, flat_event, flat_incident
from ..model import Document, Incident

EVENT_COLS = [name for name, _ in EVENT_COLUMNS]
INCIDENT_COLS = [name for name, _ in INCIDENT_COLUMNS]
PLACE_KEYS = ("text", "name", "country", "admin1", "latitude", "longitude", "geonameid", "precision", "start", "end")
ACTOR_KEYS = ("text", "name", "country", "kind", "start", "end")
_INT64 = (-(2**63), 2**63 - 1)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def document_rows(doc: Document) -> dict:
    """All rows of one document, serialised, and its content fingerprint."""
    if not isinstance(doc, Document):
        raise TypeError(f"the store takes Document records, not {type(doc).__name__} "
                        "(read a contract dict with Document.from_dict)")
    doc_id = doc.id
    if not doc_id:
        raise ValueError("a document needs an id")
    if not isinstance(doc_id, str):
        raise ValueError(f"a document id must be text, not {type(doc_id).__name__}")
    data = doc.to_dict()
    try:
        fingerprint = hashlib.sha256(
            json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        ).hexdigest()
    except UnicodeEncodeError as exc:
        raise ValueError(f"document {doc_id.encode('utf-8', 'backslashreplace').decode()} holds text that "
                         "is not valid Unicode (a lone surrogate)") from exc
    quality = data["quality"] or {"score": 1.0, "flags": []}
    error = data["error"]
    document = {
        "id": doc_id, "title": doc.title, "published": doc.published, "published_from": doc.published_from,
        "url": doc.url, "source": doc.source, "text": doc.text or "",
        "quality_score": None if error or doc.quality is None else _score(doc.quality.score),
        "quality": dumps(quality),
        "removed": dumps(data["removed"]),
        "error": dumps(error) if error else None,
        "ingested_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "fingerprint": fingerprint,
        "published_raw": doc.published_raw,
        "language": doc.language,
        "warnings": dumps(data["warnings"]) if data["warnings"] else None,
    }
    events = []
    for ord_, (event, event_data) in enumerate(zip(doc.events, data["events"])):
        if not event.id:
            raise ValueError(f"an event of document {doc_id} has no id")
        flat = flat_event(event)
        events.append({
            "id": event.id, "document_id": doc_id, "ord": ord_,
            **{k: sql_value(flat[k]) for k in EVENT_COLS},
            # the date a filter sees: the event's own, else its article's publication date
            "when_start": flat["date_start"] or flat["date_end"] or doc.published,
            "when_end": flat["date_end"] or flat["date_start"] or doc.published,
            "json": dumps(event_data),
        })
    actors = [{"document_id": doc_id, "ord": i, **{k: a[k] for k in ACTOR_KEYS}}
              for i, a in enumerate(data["actors"])]
    places = [{"document_id": doc_id, "ord": i, **{k: p[k] for k in PLACE_KEYS}}
              for i, p in enumerate(data["places"])]
    quotes = [
        {"document_id": doc_id, "ord": i, "speaker_name": (q["speaker"] or {}).get("name"),
         "text": q["text"], "start": q["start"], "end": q["end"], "attribution": q["attribution"],
         "json": dumps(q)}
        for i, q in enumerate(data["quotes"])
    ]
    check_row(doc_id, "document", document)
    for table, table_rows in (("event", events), ("actor", actors), ("place", places), ("quote", quotes)):
        for row in table_rows:
            check_row(doc_id, table, row)
    return {"document": document, "events": events, "actors": actors, "places": places,
            "quotes": quotes, "fingerprint": fingerprint}


def _score(value: Any) -> float | None:
    return None if value is None or isinstance(value, bool) else float(value)


def incident_rows(incidents: list[Incident]) -> list[tuple[dict, list[tuple[str, str]]]]:
    """(incidents row, sorted (event id, document id) members) of each incident, in order."""
    out = []
    for ord_, incident in enumerate(incidents):
        if not isinstance(incident, Incident):
            raise TypeError(f"put_incidents takes Incident records, not {type(incident).__name__}")
        if not incident.id:
            raise ValueError("an incident needs an id")
        flat = flat_incident(incident)
        data = incident.to_dict()
        data.pop("event_ids", None)  # a StoredIncident put back: membership is kept in its own table
        row = {"id": incident.id, "ord": ord_, **{k: sql_value(flat[k]) for k in INCIDENT_COLS},
               "actors": dumps(list(incident.actors or [])), "json": dumps(data)}
        members = {(s.event_id, s.document_id) for s in incident.sources or [] if s.event_id}
        out.append((row, sorted(members)))
    return out


def check_row(doc_id: str, table: str, row: dict) -> None:
    """Raise ValueError for a value SQLite cannot hold (a toll beyond 64 bits): documents from
    `ingest --extracted` were written elsewhere."""
    for key, value in row.items():
        if value is None or isinstance(value, (str, float, bool)):
            continue
        if isinstance(value, int):
            if not _INT64[0] <= value <= _INT64[1]:
                raise ValueError(f"document {doc_id}: {table} {key} = {value} is out of range")
            continue
        raise ValueError(f"document {doc_id}: {table} {key} must be text or a number, not {type(value).__name__}")
