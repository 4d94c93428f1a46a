"""A small store for the server tests whose article text is hostile: markup, event handlers,
javascript: URLs and HTML entities in titles, sources, actor names and evidence. Built as
contract JSON (no spaCy), with offsets that point at the right characters."""
from __future__ import annotations

import hashlib

from eventwire.model import Document, Incident
from eventwire.store import open_store

SCRIPT = "<script>alert('title')</script>"
ONERROR = '<img src=x onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"
ENTITY = "&lt;b&gt;Brigade&amp;co&#x27;"
BREAKOUT = '"><svg onload=alert(2)>'
FORMULA = "=HYPERLINK(\"http://evil.example\")"

# Every hostile string the page must show as text, never run.
HOSTILE = [SCRIPT, ONERROR, JS_URL, ENTITY, BREAKOUT]


def _id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _event(doc_id: str, text: str, sentence: str, *, kind: tuple[str, str, str], a1: str, a2: str,
           place: tuple[str, str, float, float], day: str, killed: int | None, source: str) -> dict:
    s0, s1 = _span(text, sentence)
    field = lambda part: _span(text, part)  # noqa: E731
    name, country, lat, lon = place
    p0, p1 = field(name)
    a10, a11 = field(a1)
    a20, a21 = field(a2)
    att0, att1 = field(source)
    event = {
        "id": _id("ev_", doc_id, sentence), "event_type": kind[0], "sub_event_type": kind[1], "plover_type": kind[2],
        "plover_mode": None, "cameo_root": "19",
        "actor1": {"text": a1, "name": a1, "country": None, "kind": "rebel", "start": a10, "end": a11},
        "actor2": {"text": a2, "name": a2, "country": country, "kind": "civilians", "start": a20, "end": a21},
        "location": {"text": name, "name": name, "country": country, "admin1": None, "latitude": lat,
                     "longitude": lon, "geonameid": None, "precision": "city", "start": p0, "end": p1},
        "date": {"text": day, "start": day, "end": day, "precision": "day", "span_start": None, "span_end": None},
        "fatalities": None, "civilian_targeting": True,
        "attribution": {"text": source, "source": source, "start": att0, "end": att1},
        "hedged": False, "evidence": {"sentence": sentence, "start": s0, "end": s1},
        "confidence": 0.8, "trigger": "attack",
    }
    if killed is not None:
        k0, k1 = field(f"killed {killed}")
        event["fatalities"] = {"text": f"killed {killed}", "best": killed, "low": killed, "high": killed,
                               "civilians": killed, "children": None, "injured": None, "start": k0, "end": k1}
    return event


def documents() -> list[dict]:
    s1 = f"{ENTITY} fighters killed 12 {BREAKOUT} villagers in Aleppo, {ONERROR} said."
    s2 = f"Protesters marched in Kyiv against {SCRIPT} as {JS_URL} watched, reporters said."
    s3 = f"{FORMULA} shelled Mosul and killed 3 civilians, officials said."
    text1 = f"Advertisement\n{s1}\n{s2}"
    doc1 = _id("doc_", text1)
    text2 = f"{s3} Share"
    doc2 = _id("doc_", text2)
    ev1 = _event(doc1, text1, s1, kind=("Violence against civilians", "Attack", "ASSAULT"), a1=ENTITY,
                 a2=BREAKOUT, place=("Aleppo", "SYR", 36.20124, 37.16117), day="2016-08-16", killed=12,
                 source=ONERROR)
    ev2 = _event(doc1, text1, s2, kind=("Protests", "Peaceful protest", "PROTEST"), a1="Protesters",
                 a2=SCRIPT, place=("Kyiv", "UKR", 50.45466, 30.5238), day="2016-08-20", killed=None,
                 source="reporters")
    ev3 = _event(doc2, text2, s3, kind=("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
                 a1=FORMULA, a2="civilians", place=("Mosul", "IRQ", 36.335, 43.11889), day="2016-09-02", killed=3,
                 source="officials")
    flag_start, flag_end = _span(text1, "killed 12")
    return [
        {"id": doc1, "title": SCRIPT + " " + ENTITY, "published": "2016-08-21", "url": JS_URL,
         "source": ONERROR, "text": text1, "language": "en",
         "removed": [{"text": f"Advertisement {SCRIPT}", "reason": "boilerplate", "start": 0, "end": 13}],
         "events": [ev1, ev2], "places": [], "actors": [], "quotes": [],
         "quality": {"score": 0.6, "flags": [{"kind": "contradiction", "detail": f"two tolls {BREAKOUT}",
                                             "spans": [[flag_start, flag_end]]}]}},
        {"id": doc2, "title": "Shelling in Mosul", "published": "2016-09-03", "url": "https://news.example/mosul",
         "source": "Example News", "text": text2, "language": "en", "removed": [],
         "events": [ev3], "places": [], "actors": [], "quotes": [],
         "quality": {"score": 0.95, "flags": []}},
    ]


def incident_for(doc: dict, event: dict) -> dict:
    loc = event["location"]
    return {
        "id": _id("inc_", event["id"]), "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "plover_type": event["plover_type"], "location": loc, "date_start": event["date"]["start"],
        "date_end": event["date"]["end"], "actors": [event["actor1"]["name"], event["actor2"]["name"]],
        "fatalities": {"best": 12, "low": 10, "high": 12},
        "sources": [{"document_id": doc["id"], "event_id": event["id"], "source": doc["source"],
                     "evidence": event["evidence"], "fatalities": 12, "date": event["date"]["start"],
                     "place": loc["name"]}],
        "disagreements": [f"perpetrator: {SCRIPT} ({doc['id']})"], "corroboration": "single source",
    }


def build(path: str) -> dict:
    """Write the hostile store at `path` (a file or a postgresql:// URL); return its documents and incident."""
    docs = documents()
    inc = incident_for(docs[0], docs[0]["events"][0])
    store = open_store(path)
    try:
        for doc in docs:
            store.put_document(Document.from_dict(doc))
        store.put_incidents([Incident.from_dict(inc)])
    finally:
        store.close()
    return {"documents": docs, "incident": inc}
