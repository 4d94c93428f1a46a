"""Hand-built events for the merge tests."""
from __future__ import annotations

import itertools

from eventwire.model import Actor, Attribution, Casualties, Document, DocumentInfo, Event, Evidence, Place, When

_TYPES = {
    "Air/drone strike": ("Explosions/Remote violence", "ASSAULT"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "ASSAULT"),
    "Attack": ("Violence against civilians", "ASSAULT"),
    "Peaceful protest": ("Protests", "PROTEST"),
    "Arrests": ("Strategic developments", "COERCE"),
    "Violent demonstration": ("Riots", "PROTEST"),
    "Armed clash": ("Battles", "FIGHT"),
    "Abduction/forced disappearance": ("Violence against civilians", "ASSAULT"),
}
_counter = itertools.count()


def place(name, lat, lon, country, admin1=None, precision="city"):
    return Place(text=name, name=name, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 geonameid=None, precision=precision, start=0, end=len(name))


def actor(name, kind="military"):
    return Actor(text=name, name=name, country=None, kind=kind, start=0, end=len(name))


def event(sub="Air/drone strike", *, where=None, day="2024-10-21", precision="day", killed=None,
          sentence="Air strikes hit the town, killing people.", actor1=None, said=None, eid=None,
          confidence=0.8):
    etype, plover = _TYPES[sub]
    date = None if day is None else When(text=day, start=day, end=day, precision=precision)
    if precision == "month" and day:
        y, m = day[:4], day[5:7]
        date = When(text=day, start=f"{y}-{m}-01", end=f"{y}-{m}-28", precision="month")
    return Event(
        id=eid or f"ev_{next(_counter):06d}", event_type=etype, sub_event_type=sub, plover_type=plover,
        plover_mode=None, cameo_root=None, actor1=actor(actor1) if actor1 else None, actor2=None,
        location=where, date=date,
        fatalities=Casualties(text=str(killed), best=killed, low=killed, high=killed) if killed is not None else None,
        civilian_targeting=False,
        attribution=Attribution(text=f"{said} said", source=said) if said else None,
        hedged=False, evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        confidence=confidence,
    )


def doc(doc_id, source, published="2024-10-21", text=None, places=None):
    """The article's record: whole (with its text or places) or as the store lists it (without)."""
    if text or places:
        return Document(id=doc_id, title=None, published=published, text=text or "", source=source,
                        places=places or [])
    return DocumentInfo(id=doc_id, source=source, published=published)
