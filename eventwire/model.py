"""The typed records every stage reads and writes.

Field names follow the event record contract (docs/EVENT-RECORD.md). All offsets are
character offsets into `Document.text` (the cleaned text), except `Removed`, whose
offsets point into the original input text.

Every record has `to_dict()` (the contract's JSON-ready dict) and `Record.from_dict(data)`,
its inverse (recordio.py): the store and `ingest --extracted` read JSON back into records
with it. Categorical fields hold the str-valued enums of categories.py; a record made with a
plain string holds the enum member of that string (`__post_init__`), and a string no member
has stays as it is.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Self

from .categories import (ActorKind, Corroboration, DatePrecision, EventType, FlagKind, PlacePrecision,
                         PloverType, RemovedReason, SubEventType)
from . import recordio


class Record:
    """What every record can do: turn into the contract's dict and be read back from one."""

    def __post_init__(self) -> None:
        recordio.coerce_categories(self)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        """The record of a contract dict (stored JSON, `extract` output). Missing fields take
        their default (None where there is none); a value of the wrong type raises ValueError
        naming the field."""
        return recordio.read(cls, data)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass
class InputDoc(Record):
    """One document as ingest hands it to the pipeline."""

    id: str
    text: str
    # YYYY-MM-DD; or the source's own text when it could not be read (the pipeline then warns
    # and leaves the document's date empty); None when unknown
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    error: "Error | None" = None  # ingest failed for this document (bad bytes, broken HTML...)
    warnings: "list[Error]" = field(default_factory=list)  # W… codes from ingest (a wrong charset)


@dataclass
class Error(Record):
    code: str
    message: str


@dataclass
class Removed(Record):
    text: str
    reason: RemovedReason
    start: int
    end: int


@dataclass
class Actor(Record):
    text: str
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    kind: ActorKind | None
    start: int
    end: int


@dataclass
class Place(Record):
    text: str
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    precision: PlacePrecision | None
    start: int
    end: int


@dataclass
class When(Record):
    text: str
    start: str | None  # ISO date
    end: str | None
    precision: DatePrecision
    span_start: int | None = None
    span_end: int | None = None


@dataclass
class Casualties(Record):
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
class Attribution(Record):
    text: str
    source: str
    start: int | None = None
    end: int | None = None


@dataclass
class Evidence(Record):
    sentence: str
    start: int
    end: int


@dataclass
class Event(Record):
    id: str
    event_type: EventType | None
    sub_event_type: SubEventType | None
    plover_type: PloverType
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
class Quote(Record):
    speaker: Actor | None
    text: str
    start: int
    end: int
    attribution: str | None


@dataclass
class QualityFlag(Record):
    kind: FlagKind
    detail: str
    spans: list[list[int]] = field(default_factory=list)


@dataclass
class Quality(Record):
    score: float = 1.0
    flags: list[QualityFlag] = field(default_factory=list)


@dataclass
class Document(Record):
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
    # "input" (given), "dateline" (read off "BAMAKO, Nov. 4, 2024 -" when none was given), "url" or
    # "stamp" (the page's own day, its address's or its "Posted:" stamp's, over a later given one), or None
    published_from: str | None = None
    published_raw: str | None = None  # the given date as written, when it could not be read
    language: str | None = None  # ISO 639-1 code when identified with confidence ("en", "fr")
    warnings: list[Error] = field(default_factory=list)  # W… codes: kept, but something was left out


@dataclass
class SourceReport(Record):
    """One document's account of an incident."""

    document_id: str
    event_id: str
    source: str | None
    evidence: Evidence
    fatalities: int | None
    date: str | None
    place: str | None


@dataclass
class Incident(Record):
    id: str
    event_type: EventType | None
    sub_event_type: SubEventType | None
    plover_type: PloverType
    location: Place | None
    date_start: str | None
    date_end: str | None
    actors: list[str]
    fatalities: dict[str, int | None]  # best, low, high (UCDP-style)
    sources: list[SourceReport]
    disagreements: list[str]
    corroboration: Corroboration


# -- what the store gives back: the records above with where they are stored -----------------


@dataclass
class DocumentInfo(Record):
    """One stored document without its text and mentions (`Store.documents()`)."""

    id: str
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    url: str | None = None
    source: str | None = None
    quality_score: float | None = None  # None for a failed document
    n_events: int = 0
    error: Error | None = None
    ingested_at: str | None = None  # ISO 8601, UTC, to the second
    language: str | None = None


@dataclass
class StoredEvent(Event):
    """An event as the store's queries return it: the event and what its document says of it."""

    document_id: str | None = None
    document_published: str | None = None
    document_source: str | None = None
    document_url: str | None = None
    document_title: str | None = None


@dataclass
class StoredIncident(Incident):
    """An incident as the store's queries return it, with the ids of its member events."""

    event_ids: list[str] = field(default_factory=list)


def marked_main(events: list[Event]) -> Event | None:
    """The event marked `main` (None for a page without events, or for raw mentions)."""
    return next((e for e in events if e.main), None)


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (the contract's shape)."""
    return dataclasses.asdict(record) if dataclasses.is_dataclass(record) else record
