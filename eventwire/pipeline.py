"""Wires the stages: ingest -> clean -> nlp -> resolve mentions -> extract -> quality.

Entity mentions (places, actors) are resolved before events are assembled, because an event's
arguments are resolved mentions; everything still flows one way, document by document.
A failure in one document becomes that document's `error`; the batch goes on.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from typing import Iterable, Iterator

from .errors import EventwireError
from .model import Document, Error, InputDoc, Place

log = logging.getLogger(__name__)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def document_id(text: str, url: str | None = None) -> str:
    norm = " ".join(text.split())
    return "doc_" + hashlib.sha256(f"{norm}|{url or ''}".encode()).hexdigest()[:16]


def _context_country(places: list[Place]) -> str | None:
    """The country a page is about: the most frequent country among its resolved places,
    counting sub-national places double (a city says more than a passing country name)."""
    votes: Counter[str] = Counter()
    for p in places:
        if p.country and p.latitude is not None:
            votes[p.country] += 1 if p.precision == "country" else 2
    return votes.most_common(1)[0][0] if votes else None


def _failed(inp: InputDoc, error: Error) -> Document:
    return Document(id=inp.id, title=inp.title, published=inp.published, text="", url=inp.url,
                    source=inp.source, error=error)


def process(inputs: Iterable[InputDoc], *, batch_size: int = 16, mentions: bool = False) -> Iterator[Document]:
    """Documents out, in input order, one per input. `mentions=True` keeps every event mention the
    sentences yield (background, plans and repeats included, none marked main) instead of the
    page's events of its own days: the extraction stage's raw output, for inspection and tests."""
    batch: list[InputDoc] = []
    for inp in inputs:
        batch.append(inp)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, mentions)
            batch = []
    if batch:
        yield from _process_batch(batch, mentions)


def _process_batch(batch: list[InputDoc], mentions: bool = False) -> Iterator[Document]:
    from .clean import clean
    from .nlp import load

    prepared = []
    for inp in batch:
        if inp.error is not None:
            prepared.append((inp, None, None))
            continue
        try:
            if inp.published is not None and not _DATE.match(str(inp.published)):
                raise EventwireError("E007", f"published={inp.published!r}")
            cleaned = clean(inp.text or "")
            if not cleaned.text.strip():
                raise EventwireError("E001")
            prepared.append((inp, cleaned, None))
        except EventwireError as exc:
            prepared.append((inp, None, exc.to_error()))
    nlp = load()
    texts = [c.text for _, c, _ in prepared if c is not None]
    parsed = iter(nlp.pipe(texts, batch_size=len(texts) or 1))
    for inp, cleaned, error in prepared:
        if inp.error is not None:
            yield _failed(inp, inp.error)
        elif error is not None:
            yield _failed(inp, error)
        else:
            spacy_doc = next(parsed)
            try:
                yield _assemble(inp, cleaned, spacy_doc, mentions)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("document %s failed", inp.id)
                yield _failed(inp, EventwireError("E009", f"{type(exc).__name__}: {exc}").to_error())


def _assemble(inp: InputDoc, cleaned, spacy_doc, mentions: bool = False) -> Document:
    from .extract.events import dateline_date, extract_events
    from .extract.quality import assess, penalty_for_span
    from .extract.quotes import find_quotes
    from .extract.reportable import judge
    from .resolve.actors import find_actors
    from .resolve.places import resolve_places

    text = cleaned.text
    published, published_from = inp.published, "input" if inp.published else None
    if published is None:
        published = dateline_date(text)
        published_from = "dateline" if published else None
    places = resolve_places(place_mentions(spacy_doc), text)
    actors = find_actors(spacy_doc, context_country=_context_country(places))
    sentences = [(s.start_char, s.end_char) for s in spacy_doc.sents]
    persons = [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ == "PERSON"]
    quotes = find_quotes(text, sentences, actors, persons=persons)
    events = extract_events(spacy_doc, doc_id=inp.id, published=published, actors=actors,
                            places=places, classify=_classifier())
    quality = assess(text, sentences, cleaned.removed, actors, quotes, events)
    for ev in events:
        ev.confidence = round(ev.confidence * penalty_for_span(quality, ev.evidence.start, ev.evidence.end), 3)
    # mentions -> events of the story's days, one record each, the main one marked
    if not mentions:
        events = judge(events, spacy_doc, published)
    title = inp.title or text.strip().split("\n", 1)[0].strip()[:300]
    return Document(id=inp.id, title=title, published=published, text=text, url=inp.url,
                    source=inp.source, published_from=published_from, removed=cleaned.removed, events=events,
                    places=places, actors=actors, quotes=quotes, quality=quality)


def place_mentions(spacy_doc) -> list[tuple[str, int, int]]:
    """(text, start, end) of the place entities; a place's name is written with a capital
    ("metro" is no place, whatever the NER says)."""
    return [(e.text, e.start_char, e.end_char) for e in spacy_doc.ents
            if e.label_ in {"GPE", "LOC", "FAC"} and any(ch.isupper() for ch in e.text)]


def _classifier():
    try:
        from .extract.classify import classify
    except ImportError:
        return None
    return classify


def extract(text: str, *, published: str | None = None, title: str | None = None,
            url: str | None = None, source: str | None = None, id: str | None = None,
            mentions: bool = False) -> Document:
    """One article in, typed records out: `eventwire.extract(text, published="2016-08-16")`."""
    inp = InputDoc(id=id or document_id(text, url), text=text, published=published, title=title,
                   url=url, source=source)
    return next(process([inp], mentions=mentions))
