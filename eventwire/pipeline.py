"""Wires the stages: ingest -> clean -> nlp (a batch parsed at once) -> the document-level
analysis (spaCy components, data/pipeline.cfg) -> the Document record.

The analysis components run one document at a time after the batch parse, inside the
document's error capture and time limit: a failure in one document becomes that document's
`error`; the batch goes on.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

from .errors import EventwireError, note
from .ingest.dates import raw_value, read_date
from .ingest.text import escape_surrogates, has_surrogate
from .model import Document, Error, InputDoc
from .timelimit import seconds_setting, time_limit

log = logging.getLogger(__name__)


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

    nlp = _load()
    analysis = _analysis(nlp)
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
                    doc = _assemble(inp, cleaned, spacy_doc, language, mentions, analysis)
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
    """spaCy docs for the texts, in order, parsed without the analysis components (they run
    later, one document at a time); when the batch as a whole fails, each text alone, so only
    the document that breaks the parser fails (an EventwireError in its place)."""
    from .nlp import analysis_names

    skip = analysis_names()
    try:
        return list(nlp.pipe(texts, batch_size=len(texts) or 1, disable=skip))
    except Exception:
        log.warning("parsing a batch of %d documents failed; parsing them one by one", len(texts),
                    exc_info=log.isEnabledFor(logging.INFO))
    out: list = []
    for text in texts:
        try:
            out.append(nlp(text, disable=skip))
        except Exception as exc:
            out.append(EventwireError("E009", f"{type(exc).__name__}: {exc}"))
    return out


def _unread(inp: InputDoc, cleaned, language: str) -> Document:
    """A document in a language the rules do not read: kept, with its text and no events
    (English cue words would find bogus ones)."""
    published, raw, warnings = _published(inp)
    return Document(id=inp.id, title=_title(inp, cleaned.text), published=published, text=cleaned.text, url=inp.url,
                    source=inp.source, published_from="input" if published else None,
                    removed=cleaned.removed, published_raw=raw, language=language,
                    warnings=[*warnings, note("W002", f"language={language}")])


def _assemble(inp: InputDoc, cleaned, spacy_doc, language: str | None = None, mentions: bool = False,
              analysis: list | None = None) -> Document:
    """The document's record: its inputs set on the parsed Doc, then the analysis components of
    data/pipeline.cfg run on it in order (`analysis`: (name, component) pairs; by default those
    of nlp.load(analysis=True))."""
    from .doc_extensions import Page
    from .extract.events import dateline_date
    from .resolve.dates.page_published import page_published
    from .geo.outlets import home_region

    text = cleaned.text
    published, published_raw, warnings = _published(inp)
    published_from = "input" if published else None
    if published is None:
        published = dateline_date(text)
        published_from = "dateline" if published else None
    own = page_published(text, inp.url, published)
    if own is not None:  # the page's own day: the given one is missing or a later crawl or update
        published, published_from = own
    x = spacy_doc._
    x.doc_id, x.published, x.removed, x.raw_mentions = inp.id, published, cleaned.removed, mentions
    x.home_region = home_region(inp.source, inp.url)
    x.page = Page(title=_title(inp, text), url=inp.url, source=inp.source, published_from=published_from,
                  published_raw=published_raw, language=language, warnings=warnings)
    for _, component in analysis if analysis is not None else _analysis(_load()):
        spacy_doc = component(spacy_doc)
    return spacy_doc._.record


def _title(inp: InputDoc, text: str) -> str:
    """The input's title, else the text's first line."""
    return inp.title or text.strip().split("\n", 1)[0].strip()[:300]


def _load():
    """The spaCy chain with the analysis components (registered by importing their package)."""
    from . import components  # noqa: F401  (registers the analysis factories)
    from .nlp import load

    return load(analysis=True)


def _analysis(nlp) -> list:
    """(name, component) of the document-level analysis, in the order of data/pipeline.cfg."""
    from .nlp import analysis_names

    return [(name, nlp.get_pipe(name)) for name in analysis_names()]


def extract(text: str, *, published: str | None = None, title: str | None = None,
            url: str | None = None, source: str | None = None, id: str | None = None,
            mentions: bool = False) -> Document:
    """One article in, typed records out: `eventwire.extract(text, published="2016-08-16")`.

    Without `id`, the document gets the id `eventwire extract FILE` gives the same text."""
    from .ingest.text import make_id

    inp = InputDoc(id=id or make_id(text), text=text, published=published, title=title,
                   url=url, source=source)
    return next(process([inp], mentions=mentions))
