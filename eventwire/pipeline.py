"""Wires the stages: ingest -> clean -> nlp -> resolve mentions -> extract -> quality.

Entity mentions (places, actors) are resolved before events are assembled, because an event's
arguments are resolved mentions; everything still flows one way, document by document.
A failure in one document becomes that document's `error`; the batch goes on.
"""
from __future__ import annotations

import logging
from collections import Counter
from typing import Iterable, Iterator

from .errors import EventwireError, note
from .ingest.dates import raw_value, read_date
from .ingest.text import escape_surrogates, has_surrogate
from .model import Document, Error, InputDoc, Place
from .timelimit import seconds_setting, time_limit

log = logging.getLogger(__name__)


def _context_country(places: list[Place]) -> str | None:
    """The country a page is about: the most frequent country among its resolved places,
    counting sub-national places double (a city says more than a passing country name)."""
    votes: Counter[str] = Counter()
    for p in places:
        if p.country and p.latitude is not None:
            votes[p.country] += 1 if p.precision == "country" else 2
    return votes.most_common(1)[0][0] if votes else None


def failed(inp: InputDoc, error: Error) -> Document:
    """The record of a document that failed: its input's fields, no text, the error."""
    # the fields are escaped: a lone surrogate in an id or title must not break printing the error
    return Document(id=escape_surrogates(inp.id), title=escape_surrogates(inp.title),
                    published=read_date(inp.published), text="", url=escape_surrogates(inp.url),
                    source=escape_surrogates(inp.source), error=error)


def _published(inp: InputDoc) -> tuple[str | None, str | None, list[Error]]:
    """(YYYY-MM-DD or None, the text as given when unreadable, warnings: ingest's and the date's)."""
    published = read_date(inp.published)
    raw = None if published is not None else raw_value(inp.published)
    warnings = [*inp.warnings, *([note("W001", f"published={raw!r}")] if raw is not None else [])]
    return published, raw, warnings


def _check(inp: InputDoc) -> None:
    """What no stage can handle, raised as this document's error."""
    for key in ("id", "text", "title", "url", "source", "published"):
        if has_surrogate(getattr(inp, key)):
            raise EventwireError("E011", f"'{key}' holds a lone surrogate")


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
    from .language import identify, is_read
    from .nlp import load

    nlp = load()
    limit = seconds_setting()
    prepared = []  # (input, cleaned text, its error, its language)
    for inp in batch:
        if inp.error is not None:
            prepared.append((inp, None, inp.error, None))
            continue
        try:
            _check(inp)
            cleaned = clean(inp.text or "")
            if not cleaned.text.strip():
                raise EventwireError("E001")
            if len(cleaned.text) > nlp.max_length:
                raise EventwireError("E012", f"{len(cleaned.text):,} characters after cleaning, "
                                             f"the limit is {nlp.max_length:,}")
            prepared.append((inp, cleaned, None, identify(cleaned.text)))
        except EventwireError as exc:
            prepared.append((inp, None, exc.to_error(), None))
        except Exception as exc:  # one bad document must not stop the batch
            _log_failure(inp.id)
            prepared.append((inp, None, EventwireError("E009", f"{type(exc).__name__}: {exc}").to_error(), None))
    parsed = iter(_parse(nlp, [c.text for _, c, _, lang in prepared if c is not None and is_read(lang)]))
    for inp, cleaned, error, language in prepared:
        if error is not None:
            yield failed(inp, error)
        elif not is_read(language):
            yield _unread(inp, cleaned, language)
        else:
            spacy_doc = next(parsed)
            try:
                if isinstance(spacy_doc, EventwireError):
                    raise spacy_doc
                with time_limit(limit):  # the document is yielded after the limit: the caller's time is its own
                    doc = _assemble(inp, cleaned, spacy_doc, language, mentions)
                yield doc
            except EventwireError as exc:
                yield failed(inp, exc.to_error())
            except Exception as exc:  # one bad document must not stop the batch
                _log_failure(inp.id)
                yield failed(inp, EventwireError("E009", f"{type(exc).__name__}: {exc}").to_error())


def _log_failure(doc_id: str) -> None:
    """The document's error is in its record (the CLI prints it); the traceback only with -v."""
    log.info("document %s failed", escape_surrogates(doc_id), exc_info=True)


def _parse(nlp, texts: list[str]) -> list:
    """spaCy docs for the texts, in order; when the batch as a whole fails, each text alone,
    so only the document that breaks the parser fails (an EventwireError in its place)."""
    try:
        return list(nlp.pipe(texts, batch_size=len(texts) or 1))
    except Exception:
        log.warning("parsing a batch of %d documents failed; parsing them one by one", len(texts),
                    exc_info=log.isEnabledFor(logging.INFO))
    out: list = []
    for text in texts:
        try:
            out.append(nlp(text))
        except Exception as exc:
            out.append(EventwireError("E009", f"{type(exc).__name__}: {exc}"))
    return out


def _unread(inp: InputDoc, cleaned, language: str) -> Document:
    """A document in a language the rules do not read: kept, with its text and no events
    (English cue words would find bogus ones)."""
    published, raw, warnings = _published(inp)
    title = inp.title or cleaned.text.strip().split("\n", 1)[0].strip()[:300]
    return Document(id=inp.id, title=title, published=published, text=cleaned.text, url=inp.url,
                    source=inp.source, published_from="input" if published else None,
                    removed=cleaned.removed, published_raw=raw, language=language,
                    warnings=[*warnings, note("W002", f"language={language}")])


def _assemble(inp: InputDoc, cleaned, spacy_doc, language: str | None = None, mentions: bool = False) -> Document:
    from .extract.events import dateline_date, extract_events
    from .quality import SpanPenalty, assess
    from .extract.quotes import find_quotes
    from .extract.reportable import judge
    from .extract.story import complete_main_event
    from .resolve.actors import find_actors
    from .geo.outlets import home_region
    from .geo.places import resolve_places

    text = cleaned.text
    published, published_raw, warnings = _published(inp)
    published_from = "input" if published else None
    if published is None:
        published = dateline_date(text)
        published_from = "dateline" if published else None
    places = resolve_places(place_mentions(spacy_doc), text, home=home_region(inp.source, inp.url))
    actors = find_actors(spacy_doc, context_country=_context_country(places))
    sentences = [(s.start_char, s.end_char) for s in spacy_doc.sents]
    persons = [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ == "PERSON"]
    quotes = find_quotes(text, sentences, actors, persons=persons)
    events = extract_events(spacy_doc, doc_id=inp.id, published=published, actors=actors,
                            places=places, classify=_classifier())
    quality = assess(text, sentences, cleaned.removed, actors, quotes, events)
    penalty = SpanPenalty(quality)
    for ev in events:
        ev.confidence = round(ev.confidence * penalty(ev.evidence.start, ev.evidence.end), 3)
    # mentions -> events of the story's days, one record each, the main one marked
    if not mentions:
        events = judge(events, spacy_doc, published)
    title = inp.title or text.strip().split("\n", 1)[0].strip()[:300]
    doc = Document(id=inp.id, title=title, published=published, text=text, url=inp.url,
                   source=inp.source, published_from=published_from, removed=cleaned.removed, events=events,
                   places=places, actors=actors, quotes=quotes, quality=quality,
                   published_raw=published_raw, language=language, warnings=warnings)
    # once confidences are final, so that the event completed is the one ranked first
    complete_main_event(doc, [(s.start_char, s.text) for s in spacy_doc.sents])
    return doc


def place_mentions(spacy_doc) -> list[tuple[str, int, int]]:
    """(text, start, end) of the place entities; a place's name is written with a capital
    ("metro" is no place, whatever the NER says); and the names the text calls places by a
    level word after them ("Ye Hla village") that no entity covers."""
    from .geo.levelnames import level_named

    ents = [(e.text, e.start_char, e.end_char) for e in spacy_doc.ents
            if e.label_ in {"GPE", "LOC", "FAC"} and any(ch.isupper() for ch in e.text)]
    return sorted(ents + level_named(spacy_doc), key=lambda m: m[1])


def _classifier():
    try:
        from .extract.classify import classify
    except ImportError:
        return None
    return classify


def extract(text: str, *, published: str | None = None, title: str | None = None,
            url: str | None = None, source: str | None = None, id: str | None = None,
            mentions: bool = False) -> Document:
    """One article in, typed records out: `eventwire.extract(text, published="2016-08-16")`.

    Without `id`, the document gets the id `eventwire extract FILE` gives the same text."""
    from .ingest.text import make_id

    inp = InputDoc(id=id or make_id(text), text=text, published=published, title=title,
                   url=url, source=source)
    return next(process([inp], mentions=mentions))
