"""Hand-built documents for the store and export tests (imported by test_store_*/test_export_*),
and the round trip: a stored document comes back as the record it went in as."""
from __future__ import annotations

import hashlib

import pytest

from eventwire.model import (
    Actor, Attribution, Casualties, Document, Error, Event, Evidence, Incident, Place, Quality,
    QualityFlag, Quote, Removed, SourceReport, When, to_dict,
)
from eventwire.store import open_store

PLACES = {
    "Aleppo": ("SYR", "Aleppo", 36.20124, 37.16117, 170063),
    "Idlib": ("SYR", "Idlib", 35.93028, 36.63167, 169389),
    "Mosul": ("IRQ", "Nineveh", 36.335, 43.11889, 99072),
    "Kyiv": ("UKR", "Kyiv City", 50.45466, 30.5238, 703448),
}


def actor(name: str, kind: str = "military", country: str | None = "SYR", text: str | None = None) -> Actor:
    return Actor(text=text or name, name=name, country=country, kind=kind, start=0, end=len(text or name))


def place(name: str, start: int = 0) -> Place:
    country, admin1, lat, lon, gid = PLACES[name]
    return Place(text=name, name=name, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 geonameid=gid, precision="city", start=start, end=start + len(name))


def event(doc_id: str, sentence: str, *, start: int = 0, event_type: str | None = "Explosions/Remote violence",
          sub_type: str | None = "Air/drone strike", plover: str = "ASSAULT", where: str | None = "Aleppo",
          date: str | None = "2016-08-16", killed: int | None = 19, a1: Actor | None = None,
          a2: Actor | None = None, civilian: bool = True) -> Event:
    eid = "ev_" + hashlib.sha256(f"{doc_id}|{event_type}|{start}".encode()).hexdigest()[:16]
    return Event(
        id=eid, event_type=event_type, sub_event_type=sub_type, plover_type=plover, plover_mode="aerial",
        cameo_root="19",
        actor1=a1 if a1 is not None else actor("Russia", "state", "RUS"),
        actor2=a2 if a2 is not None else actor("Civilians (Syria)", "civilians", "SYR", text="civilians"),
        location=place(where, start) if where else None,
        date=When(text="Tuesday", start=date, end=date, precision="day") if date else None,
        fatalities=Casualties(text=f"killed {killed}", best=killed, low=killed, high=killed,
                              civilians=killed, children=3) if killed is not None else None,
        civilian_targeting=civilian,
        attribution=Attribution(text="activists said", source="activists"),
        hedged=False,
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
        confidence=0.8,
        trigger="airstrike",
    )


def document(text: str = "Airstrikes killed 19 civilians in Aleppo on Tuesday, activists said.", *,
             title: str = "Airstrikes hit Aleppo", published: str | None = "2016-08-17",
             events: list[Event] | None = None, score: float = 0.9, flags: list[QualityFlag] | None = None,
             source: str | None = "Example News", url: str | None = "https://news.example/a") -> Document:
    doc_id = "doc_" + hashlib.sha256(text.encode()).hexdigest()[:16]
    return Document(
        id=doc_id, title=title, published=published, text=text, url=url, source=source,
        removed=[Removed(text="Advertisement", reason="boilerplate", start=0, end=13)],
        events=events if events is not None else [event(doc_id, text)],
        places=[place("Aleppo", text.find("Aleppo"))] if "Aleppo" in text else [],
        actors=[actor("Civilians (Syria)", "civilians", "SYR", text="civilians")],
        quotes=[Quote(speaker=actor("Syrian Observatory for Human Rights", "ngo", None, text="activists"),
                      text="They were all civilians", start=0, end=23, attribution="activists said")],
        quality=Quality(score=score, flags=flags or []),
    )


def failed_document(doc_id: str = "broken-1") -> Document:
    return Document(id=doc_id, title=None, published=None, text="",
                    error=Error(code="E003", message="not valid UTF-8"))


def incident(inc_id: str, events_docs: list[tuple[Event, Document]]) -> Incident:
    first = events_docs[0][0]
    return Incident(
        id=inc_id, event_type=first.event_type, sub_event_type=first.sub_event_type,
        plover_type=first.plover_type, location=first.location,
        date_start=first.date.start if first.date else None, date_end=first.date.end if first.date else None,
        actors=[a.name for a in (first.actor1, first.actor2) if a],
        fatalities={"best": 19, "low": 19, "high": 25},
        sources=[SourceReport(document_id=d.id, event_id=e.id, source=d.source, evidence=e.evidence,
                              fatalities=e.fatalities.best if e.fatalities else None,
                              date=e.date.start if e.date else None,
                              place=e.location.name if e.location else None) for e, d in events_docs],
        disagreements=[], corroboration="corroborated" if len(events_docs) > 1 else "single_source",
    )


@pytest.mark.parametrize("make", [document, failed_document,
                                  lambda: document("Nothing happened here today.", events=[])])
def test_store_round_trips_contract_json(db, make):
    doc = make()
    with open_store(db) as store:
        assert store.put_document(doc) is True
        back = store.get_document(doc.id)
        assert back == doc and to_dict(back) == to_dict(doc)


def test_store_takes_records_only(db):
    doc = document()
    with open_store(db) as store:
        with pytest.raises(TypeError, match="from_dict"):
            store.put_document(to_dict(doc))
        assert store.put_document(Document.from_dict(to_dict(doc))) is True
        assert store.put_document(doc) is False  # the same content
        assert store.get_document("missing") is None
