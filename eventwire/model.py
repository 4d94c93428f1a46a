"""The typed records every stage reads and writes.

Field names follow the event record contract (docs/EVENT-RECORD.md). All offsets are
character offsets into `Document.text` (the cleaned text), except `Removed`, whose
offsets point into the original input text.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class InputDoc:
    """One document as ingest hands it to the pipeline."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    title: str | None = None
    url: str | None = None
    source: str | None = None
    error: "Error | None" = None  # ingest failed for this document (bad bytes, broken HTML...)


@dataclass
class Error:
    code: str
    message: str


@dataclass
class Removed:
    text: str
    reason: str  # boilerplate | caption | duplicate
    start: int
    end: int


@dataclass
class Actor:
    text: str
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    kind: str | None  # state|military|police|rebel|militia|civilians|protesters|ngo|media|international|other
    start: int
    end: int


@dataclass
class Place:
    text: str
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    precision: str | None  # point|city|admin2|admin1|country
    start: int
    end: int


@dataclass
class When:
    text: str
    start: str | None  # ISO date
    end: str | None
    precision: str  # day|week|month|year|range|unresolved
    span_start: int | None = None
    span_end: int | None = None


@dataclass
class Casualties:
    text: str
    best: int | None
    low: int | None
    high: int | None
    civilians: int | None = None
    children: int | None = None
    injured: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Attribution:
    text: str
    source: str
    start: int | None = None
    end: int | None = None


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass
class Event:
    id: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str
    plover_mode: str | None
    cameo_root: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Place | None
    date: When | None
    fatalities: Casualties | None
    civilian_targeting: bool
    attribution: Attribution | None
    hedged: bool
    evidence: Evidence
    confidence: float
    trigger: str | None = None  # the word(s) that made this an event
    main: bool = False  # the event the page is about: exactly one per page that has events
    # every sentence of the page that tells this event (headline, lead, toll given again), in text order
    evidence_spans: list[Evidence] = field(default_factory=list)


@dataclass
class Quote:
    speaker: Actor | None
    text: str
    start: int
    end: int
    attribution: str | None


@dataclass
class QualityFlag:
    kind: str  # boilerplate|caption|near_duplicate|name_variant|contradiction|unresolved_attribution
    detail: str
    spans: list[list[int]] = field(default_factory=list)


@dataclass
class Quality:
    score: float = 1.0
    flags: list[QualityFlag] = field(default_factory=list)


@dataclass
class Document:
    id: str
    title: str | None
    published: str | None
    text: str
    url: str | None = None
    source: str | None = None
    removed: list[Removed] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quality: Quality = field(default_factory=Quality)
    error: Error | None = None
    # "input" (given), "dateline" (read off "BAMAKO, Nov. 4, 2024 -" when none was given), or None
    published_from: str | None = None


@dataclass
class SourceReport:
    """One document's account of an incident."""

    document_id: str
    event_id: str
    source: str | None
    evidence: Evidence
    fatalities: int | None
    date: str | None
    place: str | None


@dataclass
class Incident:
    id: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str
    location: Place | None
    date_start: str | None
    date_end: str | None
    actors: list[str]
    fatalities: dict[str, int | None]  # best, low, high (UCDP-style)
    sources: list[SourceReport]
    disagreements: list[str]
    corroboration: str  # single_source | corroborated | acknowledged


def marked_main(events: list[Event]) -> Event | None:
    """The event marked `main` (None for a page without events, or for raw mentions)."""
    return next((e for e in events if e.main), None)


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (the contract's shape)."""
    return dataclasses.asdict(record) if dataclasses.is_dataclass(record) else record
